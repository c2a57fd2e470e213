#!/usr/bin/env bash
# package_unit_verify: pixabots.service as the tool package installs it.
# systemd-analyze verify prints nothing about it (it reports unknown keys,
# missing binaries and man pages on stderr and still exits 0, so any output
# fails), and systemd-analyze security rates its sandbox at exposure 2.0 or
# less (of 10). The root it checks is the package's files over a copy of the
# host's systemd units (the targets the unit names); MANPATH points man at the
# package's man pages, which the unit's Documentation= names.
#   unit_test.sh DEBS_DIR WORK
set -euo pipefail
debs=("$1"/pixabots_*.deb)
work=$2
root=$work/root
rm -rf "$work"
mkdir -p "$root/usr/lib/systemd"
cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
dpkg-deb -x "${debs[0]}" "$root"
# The unit's ExecReload runs /bin/kill, from procps, a dependency of the package.
install -D -m 755 /bin/kill "$root/bin/kill"
export MANPATH=$root/usr/share/man

timeout 60 systemd-analyze verify --root="$root" pixabots.service >"$work/verify.txt" 2>&1 || status=$?
if [ -s "$work/verify.txt" ] || [ "${status:-0}" != 0 ]; then
  cat "$work/verify.txt"
  echo "unit_test: systemd-analyze verify pixabots.service: exit ${status:-0}, the messages above"
  exit 1
fi
echo "unit_test: systemd-analyze verify: no messages"

timeout 60 systemd-analyze security --offline=true --threshold=20 --root="$root" pixabots.service >"$work/security.txt" 2>&1 ||
  { cat "$work/security.txt"; echo "unit_test: pixabots.service's exposure is above 2.0"; exit 1; }
grep "Overall exposure" "$work/security.txt"
