#!/usr/bin/env bash
# Builds the WebAssembly module of the npm package (bindings/web) with Debian's
# emscripten: bindings/web/dist/pixabots.mjs and pixabots.wasm. The art is
# decoded at build time by the native pixabots_embed_sprites, so the native
# build in build/ comes first; it also makes the CLI the package's tests
# compare against.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh web

# Keeps whatever else build/ was configured with (test.sh builds it whole).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER_LAUNCHER=ccache \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build -j"$(nproc)" --target pixabots_embed_sprites pixabots_cli

# Debian's emscripten runs its JavaScript optimizer with Debian's acorn.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release \
  -DPIXABOTS_EMBED_TOOL="$PWD/build/src/pack/pixabots_embed_sprites" \
  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build-web -j"$(nproc)"
ls -l bindings/web/dist/pixabots.mjs bindings/web/dist/pixabots.wasm
