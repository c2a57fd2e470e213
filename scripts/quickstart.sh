#!/usr/bin/env bash
# Quick start, part 1: installs the build dependencies, builds the library and
# CLI, and renders avatars with the built-in art into out/ (no network, no files
# beyond the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPIXABOTS_BUILD_TESTS=OFF -DPIXABOTS_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)"

mkdir -p out
cli=build/src/cli/pixabots
for id in 2156 0000 3409 8755 f76b c53a e604 9127; do
  "$cli" render "$id" --size 256 -o "out/$id.png"
done
"$cli" render --seed "$(whoami)" --size 256 -o out/me.png
"$cli" render 2156 --size 512 --bg '#fde68a' -o out/2156_bg.png
"$cli" render 2156 --size 256 --hue 200 --saturate 1.5 -o out/2156_hue200.png
echo "Rendered $(ls out/*.png | wc -l) avatars into out/"
