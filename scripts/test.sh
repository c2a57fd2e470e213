#!/usr/bin/env bash
# Quick start, part 2: installs the dependencies, then builds and runs the whole
# test suite twice: a release build (with the packages: Debian's in a fresh root,
# the container under podman, the wheel, npm tarball and Rust static build each
# installed where nothing else is; then the WebAssembly package's build, Node.js
# and Chromium tests), and a clang build under AddressSanitizer and
# UndefinedBehaviorSanitizer, whose fuzz targets then replay and extend their
# corpora under libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh browser package
jobs=$(nproc)
# ccache (from install-deps) makes a second run, or a rebuild after a small change, recompile only what changed.
launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths under the tree hash relative to it, so the builds the package tests make
# elsewhere (the container's build stage, the Rust crate's) reuse these objects.
export CCACHE_BASEDIR=$PWD

# Each step's wall time, so a slow CI run shows where the time went.
step() {
  local start=$SECONDS
  "$@"
  echo "test.sh: $* took $((SECONDS - start)) s" >&2
}

# The suite as shipped: bindings, valgrind and the install tests only run here.
# The /usr prefix gives Debian's library directory, which the packages need.
step cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPIXABOTS_BUILD_TESTS=ON -DCMAKE_INSTALL_PREFIX=/usr \
  "${launcher[@]}" >/dev/null
step cmake --build build -j"$jobs"
step ctest --test-dir build --output-on-failure -j"$jobs"
# Every artefact into dist/, from the build just tested (the tests above made
# each once, so this mostly reuses their work).
PIXABOTS_BUILD_DIR=build step ./scripts/package.sh

# The WebAssembly package: its build (which reuses build/ for the art tool and
# the CLI its tests compare with), its Node.js tests and a real headless Chromium.
step ./scripts/build-web.sh
step npm --prefix bindings/web ci --no-audit --no-fund
step npm --prefix bindings/web test
step npm --prefix bindings/web run test:browser

# One clang build serves the sanitizer suite and the fuzzers, so the library is
# compiled once instead of twice (gcc for the tests, clang for libFuzzer). Its
# code carries libFuzzer's coverage hooks, which the test programs link without.
# clang -O0 compiles it in about 0.6x the CPU time of gcc -O0 -g (and half that
# of -O1); line tables are all a sanitizer report needs from debug information.
export CC=clang CXX=clang++
sanitize_flags="-O0 -gline-tables-only"
step cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="$sanitize_flags" \
  -DCMAKE_CXX_FLAGS_DEBUG="$sanitize_flags" -DPIXABOTS_SANITIZE=ON -DPIXABOTS_FUZZ=ON -DPIXABOTS_BUILD_BENCH=OFF \
  "${launcher[@]}" >/dev/null
step cmake --build build-sanitize -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  step ctest --test-dir build-sanitize --output-on-failure -j"$jobs"

PIXABOTS_FUZZ_BUILD=build-sanitize step ./scripts/fuzz.sh 15
