#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (plus ASan and UBSan) and runs each for
# the given number of seconds (default 60), starting from its seed corpus in
# tests/fuzz/corpus/<name>/. New inputs go to a scratch copy, not the repository.
# PIXABOTS_FUZZ_BUILD names a build directory already configured with clang,
# PIXABOTS_FUZZ=ON and PIXABOTS_SANITIZE=ON (scripts/test.sh passes its sanitizer
# build); without it the targets are built in build-fuzz, optimised for long runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${PIXABOTS_FUZZ_BUILD:-}
if [ -z "$build" ]; then
  build=build-fuzz
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIXABOTS_FUZZ=ON \
    -DPIXABOTS_SANITIZE=ON -DPIXABOTS_BUILD_BENCH=OFF -DPIXABOTS_BUILD_CLI=OFF \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$build" --target pixabots_fuzzers -j"$(nproc)" >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# One fuzzer per core at a time: each still runs for the whole time given.
run() {
  local fuzzer=$1 name
  name=$(basename "$fuzzer" _fuzz)
  mkdir -p "$scratch/$name"
  local status=0
  "$fuzzer" -max_total_time="$seconds" -print_final_stats=0 "$scratch/$name" "tests/fuzz/corpus/$name" \
    >"$scratch/$name.log" 2>&1 || status=$?
  echo "$status" >"$scratch/$name.status"
}
names=()
for fuzzer in "$build"/tests/fuzz/*_fuzz; do
  [ -x "$fuzzer" ] || continue
  while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
  names+=("$(basename "$fuzzer" _fuzz)")
  run "$fuzzer" &
done
wait
# A build without the fuzz targets must not pass as a clean fuzzing run.
if ((${#names[@]} == 0)); then
  echo "fuzz: no fuzz targets in $build/tests/fuzz" >&2
  exit 1
fi
failed=0
for name in "${names[@]}"; do
  echo "fuzz: $name for ${seconds}s"
  if [ "$(cat "$scratch/$name.status")" != 0 ]; then
    tail -n 40 "$scratch/$name.log"
    failed=1
  fi
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$scratch/$name.log" | tail -n 1 || true
done
exit $failed
