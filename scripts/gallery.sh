#!/usr/bin/env bash
# Regenerates docs/gallery.png (every part of the built-in art, labelled, plus
# 64 random bots) after the art or the gallery layout changes.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target pixabots_cli
build/src/cli/pixabots gallery -o docs/gallery.png
