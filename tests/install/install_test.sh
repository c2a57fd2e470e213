#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds and runs a C and a
# C++ consumer through find_package (shared and static) and through pkg-config.
set -euo pipefail
build_dir=$1
source_dir=$(cd "$(dirname "$0")" && pwd)/consumer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null

for variant in pixabots pixabots_static pkg-config; do
  args=(-DCMAKE_PREFIX_PATH="$work/prefix" -DPIXABOTS_TARGET="$variant")
  [ "$variant" = pkg-config ] && args=(-DUSE_PKG_CONFIG=ON)
  PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" \
    cmake -S "$source_dir" -B "$work/$variant" "${args[@]}" >/dev/null
  cmake --build "$work/$variant" >/dev/null
  for consumer in c_consumer cpp_consumer; do
    LD_LIBRARY_PATH="$work/prefix/lib" "$work/$variant/$consumer"
  done
  echo "install_test: $variant consumers ok"
done
