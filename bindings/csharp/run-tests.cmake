# ctest's csharp_tests and csharp_png128: compiles the binding (Pixabots.dll,
# C# 7.2 syntax, which C# 7.3 compilers such as Unity's and Godot's accept,
# warnings as errors), then either its NUnit tests, run with nunit-console, or
# the PNG@128 timing program, run for a few iterations.
# Usage: cmake -DWHAT=csharp_tests|csharp_png128 -DMCS=... -DMONO=... -DNUNIT_CONSOLE=...
#              -DPKG_CONFIG=... -DBINDING_DIR=... -DBENCH=... -DOUT_DIR=... -P run-tests.cmake
cmake_minimum_required(VERSION 3.25)

set(install_hint "install Debian's mono-mcs, libnunit-cil-dev and nunit-console (scripts/install-deps.sh), then re-run cmake so that it finds them")
set(MCS_PROGRAM mcs)
set(MONO_PROGRAM mono)
set(NUNIT_CONSOLE_PROGRAM nunit-console)
set(PKG_CONFIG_PROGRAM pkg-config)
foreach(tool MCS MONO NUNIT_CONSOLE PKG_CONFIG)
  if(NOT ${tool} OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR "${WHAT}: ${${tool}_PROGRAM} was not found when CMake configured the build: ${install_hint}")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${OUT_DIR}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "${WHAT}: failed (${status}): ${command}")
  endif()
endfunction()

file(MAKE_DIRECTORY "${OUT_DIR}")
file(GLOB sources "${BINDING_DIR}/src/*.cs")
run("${MCS}" -langversion:7.2 -target:library -optimize+ -warnaserror+ -warn:4 -nologo
    -out:${OUT_DIR}/Pixabots.dll ${sources})
file(COPY "${BINDING_DIR}/Pixabots.dll.config" DESTINATION "${OUT_DIR}")

if(WHAT STREQUAL "csharp_png128")
  run("${MCS}" -langversion:7.2 -optimize+ -warnaserror+ -nologo -r:${OUT_DIR}/Pixabots.dll
      -out:${OUT_DIR}/csharp_png128.exe "${BENCH}")
  run("${MONO}" "${OUT_DIR}/csharp_png128.exe" 50)
  return()
endif()

# NUnit 2.6's framework assembly, where libnunit-cil-dev's nunit.pc says.
execute_process(COMMAND "${PKG_CONFIG}" --libs nunit OUTPUT_VARIABLE nunit_libs RESULT_VARIABLE status)
string(REGEX MATCH "-r:[^ ]*/nunit\\.framework\\.dll" nunit_framework "${nunit_libs}")
if(NOT status EQUAL 0 OR NOT nunit_framework)
  message(FATAL_ERROR "${WHAT}: pkg-config finds no nunit.framework.dll (${nunit_libs}): ${install_hint}")
endif()
file(GLOB tests "${BINDING_DIR}/tests/*.cs")
run("${MCS}" -langversion:7.2 -target:library -warnaserror+ -warn:4 -nologo -r:${OUT_DIR}/Pixabots.dll
    -r:System.Core.dll ${nunit_framework} -out:${OUT_DIR}/Pixabots.Tests.dll ${tests})
run("${NUNIT_CONSOLE}" -nologo -labels "-result=${OUT_DIR}/TestResult.xml" "${OUT_DIR}/Pixabots.Tests.dll")
