#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (plus ASan and UBSan) and runs each for
# the given number of seconds (default 60), starting from its seed corpus in
# tests/fuzz/corpus/<name>/. New inputs go to a scratch copy, not the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIXABOTS_FUZZ=ON \
  -DPIXABOTS_SANITIZE=ON -DPIXABOTS_BUILD_BENCH=OFF -DPIXABOTS_BUILD_CLI=OFF \
  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
make -C build-fuzz/tests/fuzz -j"$(nproc)" --no-print-directory >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for fuzzer in build-fuzz/tests/fuzz/*_fuzz; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer" _fuzz)
  mkdir -p "$scratch/$name"
  echo "fuzz: $name for ${seconds}s"
  if ! "$fuzzer" -max_total_time="$seconds" -print_final_stats=0 "$scratch/$name" "tests/fuzz/corpus/$name" \
      >"$scratch/$name.log" 2>&1; then
    tail -n 40 "$scratch/$name.log"
    status=1
  fi
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$scratch/$name.log" | tail -n 1 || true
done
exit $status
