# The library the bindings' packages carry (the Python wheel, the npm package,
# the Rust crate's `static` feature): bundle/libpixabots.so.1 and
# bundle/libpixabots.a in the build tree. The same objects as libpixabots,
# except that PNG decoding goes through stb_image instead of libpng, and
# libstdc++ and libgcc are linked into the shared library: it then needs only
# glibc (libc, libm), which every Linux machine has, so a package holding it
# works with no pixabots, libpng or C++ runtime installed. The version script
# keeps the C++ runtime's symbols private, so a host with its own libstdc++
# (Node.js) is unaffected. Costs two compiles and two links on top of the library.
# PIXABOTS_STB_INCLUDE_DIR: found by src/codecs/png.
if(NOT PIXABOTS_STB_INCLUDE_DIR)
  # A warning only where something needs it: the package tests (a build that
  # only makes the CLI, as the container's, has no use for the bundle).
  set(_pixabots_bundle_level STATUS)
  if(PIXABOTS_BUILD_TESTS)
    set(_pixabots_bundle_level WARNING)
  endif()
  message(${_pixabots_bundle_level} "stb_image.h not found (Debian: libstb-dev): the bindings' bundled library "
                                    "(scripts/package.sh's wheel and npm tarball, the package tests) is not built")
  return()
endif()

set(_pixabots_png "${PROJECT_SOURCE_DIR}/src/codecs/png")
add_library(pixabots_bundle_png OBJECT ${_pixabots_png}/png_decode.cpp ${_pixabots_png}/png_decode_stb.cpp)
# The library objects' own flags, so that both decoders compile alike.
set_target_properties(pixabots_bundle_png PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  INCLUDE_DIRECTORIES "$<TARGET_PROPERTY:pixabots_objects,INCLUDE_DIRECTORIES>"
  COMPILE_DEFINITIONS "$<TARGET_PROPERTY:pixabots_objects,COMPILE_DEFINITIONS>;PIXABOTS_PNG_DECODER_STB")
target_compile_options(pixabots_bundle_png PRIVATE "SHELL:-isystem ${PIXABOTS_STB_INCLUDE_DIR}")
target_link_libraries(pixabots_bundle_png PRIVATE pixabots_warnings)

# Every library object but the PNG decoder's, whichever backend the library uses.
set(_pixabots_bundle_objects
    "$<FILTER:$<TARGET_OBJECTS:pixabots_objects>,EXCLUDE,/png_decode(_libpng|_stb)?\\.cpp\\.o(bj)?$>"
    "$<TARGET_OBJECTS:pixabots_embedded_art>"
    "$<TARGET_OBJECTS:pixabots_bundle_png>")
add_library(pixabots_bundle SHARED ${_pixabots_bundle_objects})
add_library(pixabots_bundle_static STATIC ${_pixabots_bundle_objects})
set_target_properties(pixabots_bundle pixabots_bundle_static PROPERTIES
  OUTPUT_NAME pixabots
  LIBRARY_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bundle"
  ARCHIVE_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bundle")
set_target_properties(pixabots_bundle PROPERTIES
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}
  LINK_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/pixabots.map")
target_link_options(pixabots_bundle PRIVATE
  "LINKER:--version-script=${PROJECT_SOURCE_DIR}/cmake/pixabots.map" -static-libstdc++ -static-libgcc)
