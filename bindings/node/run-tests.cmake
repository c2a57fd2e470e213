# ctest's node_binding: installs the binding's npm dependencies when they are
# missing or older than package-lock.json (npm ci: exactly the locked versions,
# from the npm registry only), then runs `node --test` in the binding folder.
# Usage: cmake -DNODE=... -DNPM=... -DBINDING_DIR=... -P run-tests.cmake
cmake_minimum_required(VERSION 3.25)

set(NODE_PROGRAM "Node.js (node)")
set(NPM_PROGRAM "npm")
foreach(tool NODE NPM)
  if(NOT ${tool} OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR
      "node_binding: ${${tool}_PROGRAM} was not found when CMake configured the build. Install "
      "Debian's packages nodejs and npm (apt-get install nodejs npm), then re-run cmake so that "
      "it finds them.")
  endif()
endforeach()

execute_process(COMMAND "${NODE}" --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT node_version MATCHES "^v([0-9]+)\\.")
  message(FATAL_ERROR "node_binding: ${NODE} --version failed (${status}): ${node_version}")
endif()
if(CMAKE_MATCH_1 LESS 18)
  message(FATAL_ERROR "node_binding: Node.js ${node_version} is too old: the binding needs 18 or newer "
                      "(Debian's nodejs package from bookworm on).")
endif()

# Two build trees may run this test at once: one npm ci at a time per folder.
string(MD5 folder_hash "${BINDING_DIR}")
set(temp "$ENV{TMPDIR}")
if(NOT temp)
  set(temp "/tmp")
endif()
file(LOCK "${temp}/pixabots-node-${folder_hash}.lock" GUARD PROCESS TIMEOUT 600 RESULT_VARIABLE lock_status)
if(NOT lock_status EQUAL 0)
  message(FATAL_ERROR "node_binding: could not lock ${temp}/pixabots-node-${folder_hash}.lock: ${lock_status}")
endif()

set(installed "${BINDING_DIR}/node_modules/.package-lock.json")
if(NOT EXISTS "${installed}" OR "${BINDING_DIR}/package-lock.json" IS_NEWER_THAN "${installed}")
  message(STATUS "node_binding: npm ci --no-audit --no-fund in ${BINDING_DIR}")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund WORKING_DIRECTORY "${BINDING_DIR}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "node_binding: npm ci failed (${status}); it needs the npm registry to be reachable")
  endif()
endif()
file(LOCK "${temp}/pixabots-node-${folder_hash}.lock" RELEASE)

message(STATUS "node_binding: ${NODE} ${node_version} --test, PIXABOTS_LIBRARY=$ENV{PIXABOTS_LIBRARY}")
execute_process(COMMAND "${NODE}" --test WORKING_DIRECTORY "${BINDING_DIR}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "node_binding: node --test failed (${status})")
endif()
