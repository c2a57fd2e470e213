# ctest's rust_static and rust_static_from_source: a new cargo project that
# depends on this crate by path with features = ["static"], as a user's would.
# Its program renders bot 2156 as a 128 px PNG; it must need no libpixabots
# (nor libpng or zlib) at run time, and, run with a bare environment, write
# byte for byte what the build tree's `pixabots render` writes.
# rust_static gives build.rs the build tree's bundle/ (PIXABOTS_LIB_DIR);
# rust_static_from_source sets nothing, so build.rs builds the archive with
# CMake from this source tree: the one-step route, a whole library build.
# Usage: cmake -DCARGO=... -DCLI=... -DWORK=DIR -DTARGET_DIR=DIR -P static-test.cmake
cmake_minimum_required(VERSION 3.25)

function(run what)
  execute_process(${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 1500)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "rust_static: ${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
run("cargo new" COMMAND "${CARGO}" new --offline --vcs none --name app "${WORK}/app")
file(APPEND "${WORK}/app/Cargo.toml"
     "pixabots = { path = \"${CMAKE_CURRENT_LIST_DIR}\", features = [\"static\"] }\n")
file(WRITE "${WORK}/app/src/main.rs" [[
fn main() {
    let out = std::env::args().nth(1).expect("usage: app OUT.png");
    let ctx = pixabots::Context::new().expect("the embedded art");
    let png = ctx.render("2156", &pixabots::Options::default()).expect("2156");
    let part = format!("{}.part", out);
    std::fs::write(&part, png).and_then(|()| std::fs::rename(&part, &out)).expect("writing the PNG");
}
]])

message(STATUS "rust_static: cargo build --offline, PIXABOTS_LIB_DIR='$ENV{PIXABOTS_LIB_DIR}'")
run("cargo build" COMMAND "${CARGO}" build --offline --manifest-path "${WORK}/app/Cargo.toml"
                          --target-dir "${TARGET_DIR}")
set(app "${TARGET_DIR}/debug/app")

run("readelf -d" COMMAND readelf -d "${app}")
string(REGEX MATCHALL "NEEDED[^\n]*" needed "${out}")
if(needed MATCHES "libpixabots|libpng|libz\\.")
  message(FATAL_ERROR "rust_static: ${app} still needs a shared library the static feature links in:\n${needed}")
endif()

run("pixabots render" COMMAND "${CLI}" render 2156 --size 128 -o "${WORK}/reference.png")
run("the program" COMMAND env -i "${app}" "${WORK}/app.png" WORKING_DIRECTORY "${WORK}")
run("comparing the PNGs" COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/app.png" "${WORK}/reference.png")
message(STATUS "rust_static: ${app} links libpixabots statically and renders the reference bytes")
