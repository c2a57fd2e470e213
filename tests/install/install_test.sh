#!/usr/bin/env bash
# Uses the library the ways an embedder would, each from a consumer project
# configured and built afresh under <build>/tests/install/consumers (kept for
# inspection, replaced on the next run), nothing from the network:
#   installed into a prefix: the licences (LICENSE, LICENSE.sprites);
#   find_package shared, static, and static from a C-only project; pkg-config
#   shared (CMake) and `pkg-config --static` on a plain cc command line linking
#   fully static;
#   from source: add_subdirectory (a C-only project, the static library) and
#   FetchContent from this checkout, fully disconnected (C and C++, shared),
#   each proving only the library was built and nothing leaked into the parent.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
consumer_dir=$(cd "$(dirname "$0")" && pwd)/consumer
source_root=$(cd "$consumer_dir/../../.." && pwd)
work=$build_dir/tests/install/consumers
rm -rf "$work"
mkdir -p "$work"

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build_dir/CMakeCache.txt"; }
# lib, or lib/<multiarch> in a build configured for the /usr prefix.
libdir=$work/prefix/$(cache_value CMAKE_INSTALL_LIBDIR)
export PKG_CONFIG_PATH="$libdir/pkgconfig"

# The licences go with the install: the code's and the art's (GNUInstallDirs' DOCDIR).
docdir=$(cache_value CMAKE_INSTALL_DATAROOTDIR)/doc/pixabots
cmp "$source_root/LICENSE" "$work/prefix/$docdir/LICENSE"
cmp "$source_root/sprites/LICENSE" "$work/prefix/$docdir/LICENSE.sprites"
echo "install_test: LICENSE and LICENSE.sprites installed in $docdir"

# The consumers compile with the build's compilers (and its ccache, if any).
toolchain=(-DCMAKE_C_COMPILER="$(cache_value CMAKE_C_COMPILER)" -DCMAKE_CXX_COMPILER="$(cache_value CMAKE_CXX_COMPILER)")
for language in C CXX; do
  launcher=$(cache_value "CMAKE_${language}_COMPILER_LAUNCHER")
  [ -z "$launcher" ] || toolchain+=(-DCMAKE_${language}_COMPILER_LAUNCHER="$launcher")
done

# consume NAME PROGRAMS -- CMAKE_ARGS...: configure, build, run each program.
consume() {
  local name=$1 programs=$2
  shift 3
  local dir=$work/$name
  cmake -S "$consumer_dir" -B "$dir" "${toolchain[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DPIXABOTS_SOURCE_DIR="$source_root" "$@" >"$dir.log" 2>&1 || { cat "$dir.log"; exit 1; }
  cmake --build "$dir" -j2 >>"$dir.log" 2>&1 || { cat "$dir.log"; exit 1; }
  # The library's usage requirements carry no compile options (its warnings
  # and -ffp-contract=off are its own).
  if [ -s "$dir/consumer_compile_options.txt" ]; then
    echo "$name: the library gave its consumers compile options: $(cat "$dir/consumer_compile_options.txt")"
    exit 1
  fi
  for program in $programs; do
    LD_LIBRARY_PATH="$libdir" "$dir/$program"
  done
  echo "install_test: $name ok"
}

# only_library NAME PROGRAMS: the subproject's build tree holds no test,
# benchmark or front-end program: the executables are the consumer's and the
# library's build-time art decoder.
only_library() {
  local name=$1 expected built
  expected=$(tr ' ' '\n' <<<"$2 pixabots_embed_sprites" | sort)
  built=$(find "$work/$name" -type f -perm -u+x ! -path '*/CMakeFiles/*' ! -name '*.so*' -printf '%f\n' | sort)
  if [ "$built" != "$expected" ]; then
    echo "$name: programs built: $(echo $built); expected only: $(echo $expected)"
    exit 1
  fi
}

consume find_package_shared "c_consumer cpp_consumer" -- -DPIXABOTS_TARGET=pixabots
consume find_package_static "c_consumer cpp_consumer" -- -DPIXABOTS_TARGET=pixabots_static
consume find_package_static_c_only c_consumer -- -DPIXABOTS_TARGET=pixabots_static -DC_ONLY=ON
consume pkg_config_shared "c_consumer cpp_consumer" -- -DPIXABOTS_FROM=pkg-config

# `pkg-config --static` must be the whole link line: with -static every
# library has to be named, and the program has no dynamic section at all.
cc_static=$work/pkg_config_static_c
# shellcheck disable=SC2046  # pkg-config's output is a list of words
"$(cache_value CMAKE_C_COMPILER)" -std=c99 -o "$cc_static" "$consumer_dir/main.c" \
  $(pkg-config --static --cflags --libs pixabots) -static 2>"$cc_static.log" || { cat "$cc_static.log"; exit 1; }
if readelf -d "$cc_static" | grep -q NEEDED; then
  echo "pkg-config --static: the program still needs shared libraries:"; readelf -d "$cc_static" | grep NEEDED; exit 1
fi
"$cc_static"
echo "install_test: pkg-config --static (cc -static) ok"

consume add_subdirectory_c_only c_consumer -- -DPIXABOTS_FROM=subdirectory -DPIXABOTS_TARGET=pixabots_static -DC_ONLY=ON
only_library add_subdirectory_c_only c_consumer
consume fetchcontent_shared "c_consumer cpp_consumer" -- -DPIXABOTS_FROM=fetchcontent -DPIXABOTS_TARGET=pixabots
only_library fetchcontent_shared "c_consumer cpp_consumer"

# libpixabots_remote, when it was built: a C consumer through find_package and
# pkg-config, each also linking libpixabots (pxb_free) through the remote one.
if [ -f "$work/prefix/include/pixabots/remote.h" ]; then
  remote_source=$(cd "$consumer_dir/../remote_consumer" && pwd)
  for from in find_package pkg-config; do
    dir=$work/remote_$from
    args=(-DCMAKE_PREFIX_PATH="$work/prefix")
    [ "$from" = pkg-config ] && args+=(-DUSE_PKG_CONFIG=ON)
    cmake -S "$remote_source" -B "$dir" "${toolchain[@]}" "${args[@]}" >"$dir.log" 2>&1 || { cat "$dir.log"; exit 1; }
    cmake --build "$dir" >>"$dir.log" 2>&1 || { cat "$dir.log"; exit 1; }
    LD_LIBRARY_PATH="$libdir" "$dir/remote_consumer"
    echo "install_test: libpixabots_remote through $from ok"
  done
fi
