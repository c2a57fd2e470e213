#!/usr/bin/env bash
# Makes the Debian packages of a configured, built pixabots tree (cmake/Package.cmake)
# and puts them, only them, into OUT_DIR:
#   make-debs.sh BUILD_DIR OUT_DIR
# CPack installs each component into a staging tree under BUILD_DIR/packaging
# (after building whatever is out of date) and writes one .deb per component;
# the names written are printed, one a line.
set -euo pipefail
if (($# != 2)); then
  echo "usage: make-debs.sh BUILD_DIR OUT_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
[ -f "$build/CPackConfig.cmake" ] || {
  echo "make-debs: $build has no CPackConfig.cmake (configure a top-level build with PIXABOTS_INSTALL on)" >&2
  exit 1
}
mkdir -p "$2"
out=$(cd "$2" && pwd)
work=$build/packaging/cpack
rm -rf "$work"
log=$build/packaging/cpack.log
cpack --config "$build/CPackConfig.cmake" -B "$work" >"$log" 2>&1 || {
  cat "$log" >&2
  exit 1
}
debs=("$work"/*.deb)
[ -f "${debs[0]}" ] || { cat "$log" >&2; echo "make-debs: cpack wrote no .deb" >&2; exit 1; }
for deb in "${debs[@]}"; do
  mv -f "$deb" "$out/"
  echo "$out/$(basename "$deb")"
done
