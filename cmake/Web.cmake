# The WebAssembly build's toolchain setup (included under emcmake only).
# Debian's emscripten ships prebuilt system libraries but no libpng, zlib or
# libwebp, and its ports download at build time, which this project never
# does: the library's own PNG, GIF and WebP writers and its decoded art need
# none of them. Header-only libraries come from Debian's packages.

# Host headers cannot be put on the include path whole (/usr/include would
# shadow emscripten's libc), so each library's own folder is linked into one
# of ours.
set(pixabots_web_include "${PROJECT_BINARY_DIR}/web-include")
file(MAKE_DIRECTORY "${pixabots_web_include}")
foreach(dir nlohmann)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} is missing: scripts/install-deps.sh installs the header-only libraries the web build uses")
  endif()
  file(CREATE_LINK "/usr/include/${dir}" "${pixabots_web_include}/${dir}" SYMBOLIC)
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${pixabots_web_include}")

# WebAssembly exception handling: smaller and faster than emscripten's
# JavaScript-based emulation; every current browser, Node.js >= 17 and the
# edge runtimes (V8) have it. Every object must be compiled with it.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# The module's size is part of a page's load: -Oz by default (src/CMakeLists.txt
# puts the per-pixel code back at -O2).
set(CMAKE_C_FLAGS_RELEASE "-Oz -DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE "-Oz -DNDEBUG")
