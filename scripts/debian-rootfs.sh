#!/usr/bin/env bash
# Makes a minimal Debian root file system as a tarball, from Debian's archive with
# mmdebstrap: the fresh root the package test installs the .deb files into, and
# the base images of the container (podman import). Public base images cannot be
# pulled here, and a root made from the archive is the same everywhere.
#   debian-rootfs.sh OUT.tar [PACKAGE...]
# The suite is the host's (its .deb files and binaries are built for it). OUT.tar
# is reused while OUT.tar.packages records the same package list; otherwise it
# is made again, into a temporary file renamed into place when complete.
set -euo pipefail
if (($# < 1)); then
  echo "usage: debian-rootfs.sh OUT.tar [PACKAGE...]" >&2
  exit 2
fi
out=$1
shift
. /etc/os-release
suite=${VERSION_CODENAME:?/etc/os-release names no VERSION_CODENAME}
wanted="$suite minbase $*"
if [ -f "$out" ] && [ "$(cat "$out.packages" 2>/dev/null)" = "$wanted" ]; then
  echo "debian-rootfs: $out is up to date ($wanted)" >&2
  exit 0
fi
mkdir -p "$(dirname "$out")"
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
include=()
(($#)) && include=(--include="$(
  IFS=,
  echo "$*"
)")
mmdebstrap --quiet --variant=minbase --mode=auto --format=tar "${include[@]}" "$suite" "$tmp" \
  "deb http://deb.debian.org/debian $suite main" \
  "deb http://deb.debian.org/debian $suite-updates main" \
  "deb http://deb.debian.org/debian-security $suite-security main"
mv -f "$tmp" "$out"
trap - EXIT
echo "$wanted" >"$out.packages"
echo "debian-rootfs: wrote $out ($wanted)" >&2
