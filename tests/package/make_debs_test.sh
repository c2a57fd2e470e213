#!/usr/bin/env bash
# package_debs: the packages of this build, made afresh into OUT_DIR (emptied
# first, so no package of an earlier version is checked).
#   make_debs_test.sh MAKE_DEBS BUILD_DIR OUT_DIR
set -euo pipefail
rm -rf "$3"
"$1" "$2" "$3"
