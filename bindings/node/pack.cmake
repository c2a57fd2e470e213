# Packs the npm package that carries the library: a copy of this folder (as
# package.json's "files" selects it) with LIBRARY as lib/PLATFORM-ARCH/
# libpixabots.so.1, where lib/native.js loads it first; `npm pack` writes
# OUT/pixabots-VERSION.tgz. The copy is made beside the tarball, so the source
# folder is never written. koffi stays a dependency, fetched by `npm install`.
# Usage: cmake -DLIBRARY=BUILD/bundle/libpixabots.so.1 -DOUT=DIR [-DNODE=node] [-DNPM=npm] -P pack.cmake
cmake_minimum_required(VERSION 3.25)

foreach(tool NODE NPM)
  string(TOLOWER ${tool} default)
  if(NOT ${tool})
    set(${tool} ${default})
  endif()
endforeach()
if(NOT LIBRARY OR NOT EXISTS "${LIBRARY}" OR IS_DIRECTORY "${LIBRARY}")
  message(FATAL_ERROR "pack.cmake: LIBRARY='${LIBRARY}' is not a file: build BUILD/bundle/libpixabots.so.1 "
                      "with `cmake --build BUILD --target pixabots_bundle`")
endif()
file(READ "${LIBRARY}" magic LIMIT 4 HEX)
file(STRINGS "${LIBRARY}" soname REGEX "^libpixabots\\.so\\.1$" LIMIT_COUNT 1)
if(NOT magic STREQUAL "7f454c46" OR NOT soname)
  message(FATAL_ERROR "pack.cmake: LIBRARY='${LIBRARY}' is not an ELF libpixabots.so.1 (lib/native.js loads "
                      "that name): give it BUILD/bundle/libpixabots.so.1")
endif()
if(NOT OUT)
  message(FATAL_ERROR "pack.cmake: OUT (the folder the tarball goes to) is not set")
endif()
cmake_path(ABSOLUTE_PATH OUT NORMALIZE)  # npm runs in the staged copy

# The folder lib/native.js looks in: Node's own names for this machine.
execute_process(COMMAND "${NODE}" -p "process.platform + '-' + process.arch"
                OUTPUT_VARIABLE platform OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT platform MATCHES "^[a-z0-9]+-[a-z0-9]+$")
  message(FATAL_ERROR "pack.cmake: `${NODE} -p process.platform` failed (${status}): install Debian's nodejs")
endif()

file(MAKE_DIRECTORY "${OUT}")
set(stage "${OUT}/.pixabots-node-stage")
file(REMOVE_RECURSE "${stage}")
file(COPY "${CMAKE_CURRENT_LIST_DIR}/" DESTINATION "${stage}" PATTERN node_modules EXCLUDE PATTERN tests EXCLUDE)
file(REAL_PATH "${LIBRARY}" library)  # the file, not the libpixabots.so.1 link to it
file(MAKE_DIRECTORY "${stage}/lib/${platform}")
file(COPY_FILE "${library}" "${stage}/lib/${platform}/libpixabots.so.1")

execute_process(COMMAND "${NPM}" pack --loglevel=warn --pack-destination "${OUT}" WORKING_DIRECTORY "${stage}"
                OUTPUT_VARIABLE tarball OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
file(REMOVE_RECURSE "${stage}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pack.cmake: npm pack failed (${status})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${OUT}/${tarball}")  # on stdout, for scripts
