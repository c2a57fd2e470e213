#!/usr/bin/env bash
# package_lintian: lintian finds no error and no warning in any package. What
# it would warn about and must not is overridden in the package itself
# (packaging/debian/overrides/<package>), each override under its reason.
#   lintian_test.sh DEBS_DIR
set -euo pipefail
debs=("$1"/*.deb)
[ -f "${debs[0]}" ] || { echo "lintian_test: no .deb in $1"; exit 1; }
# --fail-on: warnings fail too; --info explains each tag reported. (Not
# --show-overrides: lintian 2.116 then fails on the overridden tags too.)
timeout 240 lintian --fail-on error,warning --info "${debs[@]}"
echo "lintian_test: ${#debs[@]} packages, no errors or warnings"
