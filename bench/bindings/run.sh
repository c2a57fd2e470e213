#!/usr/bin/env bash
# PNG@128 of bot 2156 (default options, the embedded art) through every
# binding, in one run: C (pxb_render + pxb_free), C++ (pixabots.hpp), Python,
# Node (renderSync), Rust, C#, Lua, Go and the WebAssembly package in Node.
# Every bench does the same: 200 warm-up renders, then N renders each timed
# alone, and prints "<language> <median_us>". The benches run ROUNDS times in
# a rotating order (interleaved); a language's figure is the median of its
# round medians. Prints a Markdown table with the ratio to C and the load
# average before and after.
#
#   bench/bindings/run.sh                    # BUILD_DIR: first Release build with libpixabots.so.1
#   BUILD_DIR=build N=2000 ROUNDS=3 CPU=1 bench/bindings/run.sh
#
# Every bench runs pinned (taskset) to one CPU: CPU, else the CPU on which a
# short C probe is fastest (on shared virtual machines the CPUs can differ
# a lot; CPU=none runs unpinned).
#
# Needs an existing native build (never builds the library). A binding whose
# tool or dependency is missing is skipped with the reason; bindings/web/dist is
# built with emscripten (build-web/) when missing and emcc is there (BUILD_WEB=0
# skips that).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${N:-2000}
ROUNDS=${ROUNDS:-5}

if [[ -z "${BUILD_DIR:-}" ]]; then
  for dir in build build-go build-csharp build-lua; do
    if [[ -e $dir/src/libpixabots.so.1 ]] && grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$dir/CMakeCache.txt" 2>/dev/null; then
      BUILD_DIR=$dir
      break
    fi
  done
fi
[[ -n "${BUILD_DIR:-}" && -e $BUILD_DIR/src/libpixabots.so.1 ]] || {
  echo "no native build with src/libpixabots.so.1: set BUILD_DIR (cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build)" >&2
  exit 1
}
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
LIB_DIR=$BUILD_DIR/src
LIB=$LIB_DIR/libpixabots.so.1
OUT=$BUILD_DIR/bench-bindings
mkdir -p "$OUT"
export PIXABOTS_LIBRARY=$LIB
export LD_LIBRARY_PATH=$LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
INC=(-I"$ROOT/include" -I"$BUILD_DIR/include")

declare -A CMD   # language -> command printing "<language> <median_us>"
ORDER=()
SKIPPED=()
have() { command -v "$1" >/dev/null 2>&1; }
skip() { SKIPPED+=("$1: $2"); echo "skip $1: $2" >&2; }
add() { ORDER+=("$1"); CMD[$1]=$2; }
# The C# and Lua benches print a longer line: keep "<language> <median>".
short() { sed -n 's/^\([a-z]*\) PNG@128 2156: median \([0-9.]*\) us.*/\1 \2/p'; }

echo "building the benches against $BUILD_DIR ..." >&2
if cc -O2 -std=c11 -D_POSIX_C_SOURCE=199309L "${INC[@]}" bench/bindings/c_png128.c -L"$LIB_DIR" -Wl,-rpath,"$LIB_DIR" \
  -lpixabots -o "$OUT/c_png128" 2>"$OUT/c.log"; then
  add c "$OUT/c_png128 $N"
else
  echo "cannot compile bench/bindings/c_png128.c (see $OUT/c.log)" >&2
  exit 1
fi
if have c++ && c++ -O2 -std=c++20 "${INC[@]}" bench/bindings/cpp_png128.cpp -L"$LIB_DIR" -Wl,-rpath,"$LIB_DIR" \
  -lpixabots -o "$OUT/cpp_png128" 2>"$OUT/cpp.log"; then
  add cpp "$OUT/cpp_png128 $N"
else
  skip cpp "c++ -std=c++20 failed or missing ($OUT/cpp.log)"
fi
if have python3; then add python "python3 bench/bindings/python_png128.py $N"; else skip python "no python3"; fi
if have node; then
  if [[ ! -d bindings/node/node_modules/koffi ]]; then
    echo "bindings/node: npm ci --omit=dev (koffi) ..." >&2
    (cd bindings/node && npm ci --omit=dev --no-audit --no-fund >"$OUT/npm.log" 2>&1)
  fi
  if [[ -d bindings/node/node_modules/koffi ]]; then
    add node "node bench/bindings/node_png128.js $N"
  else
    skip node "koffi not installed (cd bindings/node && npm ci)"
  fi
else
  skip node "no node"
fi
if have cargo; then
  if PIXABOTS_LIB_DIR=$LIB_DIR CARGO_TARGET_DIR=$OUT/rust-target cargo build --offline --release --quiet \
    --manifest-path bench/bindings/rust_png128/Cargo.toml >"$OUT/rust.log" 2>&1; then
    add rust "$OUT/rust-target/release/rust_png128 $N"
  else
    skip rust "cargo build --offline failed ($OUT/rust.log)"
  fi
else
  skip rust "no cargo"
fi
if have mcs && have mono; then
  if mcs -langversion:7.2 -target:library -optimize+ -nologo -out:"$OUT/Pixabots.dll" bindings/csharp/src/*.cs >"$OUT/csharp.log" 2>&1 &&
    cp bindings/csharp/Pixabots.dll.config "$OUT/" &&
    mcs -langversion:7.2 -optimize+ -nologo -r:"$OUT/Pixabots.dll" -out:"$OUT/csharp_png128.exe" \
      bench/bindings/csharp_png128.cs >>"$OUT/csharp.log" 2>&1; then
    add csharp "mono $OUT/csharp_png128.exe $N | short"
  else
    skip csharp "mcs failed ($OUT/csharp.log)"
  fi
else
  skip csharp "no mono/mcs"
fi
if have luajit; then add lua "luajit bench/bindings/lua_png128.lua $N | short"; else skip lua "no luajit"; fi
if have go; then
  if (cd bench/bindings/go_png128 && GOPATH=$OUT/gopath GOCACHE=$OUT/gocache GOPROXY=off GOTOOLCHAIN=local \
    GOFLAGS=-mod=mod CGO_ENABLED=1 CGO_CFLAGS="${INC[*]}" CGO_LDFLAGS="-L$LIB_DIR -Wl,-rpath,$LIB_DIR" \
    go build -o "$OUT/go_png128" . >"$OUT/go.log" 2>&1); then
    add go "$OUT/go_png128 $N"
  else
    skip go "go build failed ($OUT/go.log)"
  fi
else
  skip go "no go"
fi
if have node; then
  if [[ ! -e bindings/web/dist/pixabots.wasm && ${BUILD_WEB:-1} = 1 ]] && have emcc && [[ -x $BUILD_DIR/src/pack/pixabots_embed_sprites ]]; then
    echo "bindings/web/dist missing: building it in build-web/ with emscripten ..." >&2
    (export NODE_PATH=/usr/share/nodejs
     emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release \
       -DPIXABOTS_EMBED_TOOL="$BUILD_DIR/src/pack/pixabots_embed_sprites" &&
     cmake --build build-web -j"$(nproc)") >"$OUT/web.log" 2>&1
  fi
  if [[ -e bindings/web/dist/pixabots.wasm ]]; then
    add web "node bench/bindings/web_png128.mjs $N"
  else
    skip web "bindings/web/dist missing (scripts/build-web.sh)"
  fi
fi

PIN=""
if [[ ${CPU:-auto} != none ]] && have taskset; then
  if [[ ${CPU:-auto} == auto ]]; then
    best=""
    for ((cpu = 0; cpu < $(nproc); cpu++)); do
      t=$(taskset -c "$cpu" "$OUT/c_png128" 500 | cut -d' ' -f2)
      echo "probe: CPU $cpu, C median $t us" >&2
      if [[ -z $best ]] || awk -v a="$t" -v b="$best_t" 'BEGIN {exit !(a < b)}'; then best=$cpu best_t=$t; fi
    done
    CPU=$best
  fi
  PIN="taskset -c $CPU"
else
  CPU=none
fi

declare -A RESULTS  # language -> round medians
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $load_before; N=$N renders after 200 warm-up, $ROUNDS rounds" >&2
count=${#ORDER[@]}
for ((round = 0; round < ROUNDS; round++)); do
  for ((k = 0; k < count; k++)); do
    lang=${ORDER[(k + round) % count]}
    line=$(eval "$PIN ${CMD[$lang]}" 2>>"$OUT/$lang.err" | tail -n 1)
    value=${line#"$lang "}
    if [[ $line == "$lang "* && $value =~ ^[0-9.]+$ ]]; then
      echo "round $((round + 1)): $line" >&2
      RESULTS[$lang]+="$value "
    else
      echo "round $((round + 1)): $lang failed: '$line' ($OUT/$lang.err)" >&2
    fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
c_median=$(echo "${RESULTS[c]:-}" | median)
[[ -n $c_median ]] || { echo "the C bench failed" >&2; exit 1; }
printf '\n%s, %s, %s CPUs (pinned to: %s), N=%s renders after 200 warm-up, %s rounds interleaved\n\n' \
  "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -m)" "$(nproc)" "$CPU" "$N" "$ROUNDS"
echo "| binding | median µs per PNG@128 | round medians (µs) | ratio to C |"
echo "|---|---:|---|---:|"
for lang in "${ORDER[@]}"; do
  [[ -n ${RESULTS[$lang]:-} ]] || { echo "| $lang | failed | | |"; continue; }
  m=$(echo "${RESULTS[$lang]}" | median)
  printf '| %s | %.1f | %s | %.2f× |\n' "$lang" "$m" "$(echo "${RESULTS[$lang]}" | sed 's/ $//; s/ /, /g')" \
    "$(awk -v a="$m" -v b="$c_median" 'BEGIN {print a / b}')"
done
for s in "${SKIPPED[@]}"; do echo "| ${s%%:*} | skipped:${s#*:} | | |"; done
printf '\nload average before: %s; after: %s\n' "$load_before" "$load_after"
