#!/usr/bin/env bash
# Quick start, part 2: installs the dependencies, then builds and runs the whole
# test suite twice: a release build, and a build under AddressSanitizer and
# UndefinedBehaviorSanitizer. Then replays the fuzz corpora under libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
jobs=$(nproc)
# ccache (from install-deps) makes a second run, or a rebuild after a small change, recompile only what changed.
launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPIXABOTS_BUILD_TESTS=ON "${launcher[@]}" >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPIXABOTS_SANITIZE=ON -DPIXABOTS_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

./scripts/fuzz.sh 15
