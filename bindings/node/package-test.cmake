# ctest's node_package: the npm package that carries the library, as a user
# gets it. pack.cmake packs it (as scripts/package.sh does); a new, empty npm
# project installs the tarball (koffi comes from the npm registry); then, run
# from that project with a bare environment (no LD_LIBRARY_PATH, no
# PIXABOTS_LIBRARY), bot 2156 as a 128 px PNG, rendered on this thread and on
# a worker, must be byte for byte what the build tree's `pixabots render`
# writes, and the library mapped must be the package's own copy. A file that
# is not libpixabots.so.1 is refused by pack.cmake.
# Usage: cmake -DNODE=... -DNPM=... -DLIBRARY=... -DCLI=... -DWORK=DIR -P package-test.cmake
cmake_minimum_required(VERSION 3.25)

foreach(tool NODE NPM)
  if(NOT ${tool} OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR "node_package: ${tool} was not found when CMake configured the build. Install "
                        "Debian's packages nodejs and npm (apt-get install nodejs npm), then re-run cmake.")
  endif()
endforeach()

function(run what)
  execute_process(${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err
                  OUTPUT_STRIP_TRAILING_WHITESPACE TIMEOUT 300)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "node_package: ${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/dist" "${WORK}/project")
run("pack.cmake" COMMAND "${CMAKE_COMMAND}" -DLIBRARY=${LIBRARY} -DOUT=${WORK}/dist -DNODE=${NODE} -DNPM=${NPM}
                         -P "${CMAKE_CURRENT_LIST_DIR}/pack.cmake")
set(tarball "${out}")
if(NOT tarball MATCHES "/pixabots-[0-9.]+\\.tgz$")
  message(FATAL_ERROR "node_package: pack.cmake printed '${tarball}', not the path of the tarball")
endif()
message(STATUS "node_package: packed ${tarball}")

# Another ELF file (the pixabots program) is refused, by name, before npm runs.
execute_process(COMMAND "${CMAKE_COMMAND}" -DLIBRARY=${CLI} -DOUT=${WORK}/refused -DNODE=${NODE} -DNPM=${NPM}
                        -P "${CMAKE_CURRENT_LIST_DIR}/pack.cmake"
                RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_QUIET)
string(REGEX REPLACE "[ \n]+" " " err "${err}")
if(status EQUAL 0 OR NOT err MATCHES "LIBRARY='${CLI}' is not an ELF libpixabots.so.1" OR EXISTS "${WORK}/refused")
  message(FATAL_ERROR "node_package: pack.cmake took ${CLI} as the library (${status}): ${err}")
endif()

run("npm init" COMMAND "${NPM}" init -y WORKING_DIRECTORY "${WORK}/project")
run("npm install ${tarball}" COMMAND "${NPM}" install --no-audit --no-fund "${tarball}"
                             WORKING_DIRECTORY "${WORK}/project")
run("pixabots render" COMMAND "${CLI}" render 2156 --size 128 -o "${WORK}/reference.png")

file(WRITE "${WORK}/project/check.js" [[
const fs = require('node:fs');
const { Context } = require('pixabots');
const write = (file, bytes) => { fs.writeFileSync(file + '.part', bytes); fs.renameSync(file + '.part', file); };
(async () => {
  const ctx = new Context();
  write('sync.png', ctx.renderSync('2156', { size: 128 }));
  write('async.png', await ctx.render('2156', { size: 128 }));
  const mapped = fs.readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => l.includes('libpixabots'));
  console.log(mapped.map((l) => l.slice(l.indexOf('/'))).join('\n'));
})();
]])
get_filename_component(node_dir "${NODE}" DIRECTORY)
run("the installed package" COMMAND env -i "PATH=${node_dir}:/usr/bin:/bin" "HOME=${WORK}" "${NODE}" check.js
                            WORKING_DIRECTORY "${WORK}/project")
string(REGEX REPLACE "\n.*" "" loaded "${out}")
if(NOT loaded STREQUAL "${WORK}/project/node_modules/pixabots/lib/linux-x64/libpixabots.so.1")
  message(FATAL_ERROR "node_package: the process mapped '${out}', not the package's own libpixabots.so.1")
endif()
foreach(png sync async)
  run("comparing ${png}.png" COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/project/${png}.png"
                                                                        "${WORK}/reference.png")
endforeach()
message(STATUS "node_package: ${tarball} installs into an empty project and renders the reference bytes")
