#!/usr/bin/env bash
# package_install_chroot: the packages as a user gets them. A fresh minimal
# Debian root (scripts/debian-rootfs.sh) is unpacked under WORK, every .deb is
# installed with apt-get (dependencies from deb.debian.org), then, through
# chroot: pixabots renders the bytes the build tree's CLI renders; pixabots
# serve, as the pixabots user with the settings file's environment, answers a
# real HTTP client on loopback (the chroot shares the network) with those
# bytes and stops on SIGTERM; the user, the unit (installed, not enabled), the
# man pages and completions are there; pixabots finds and runs its remote
# helper; and a purge removes the unit and the settings file.
#   chroot_test.sh DEBS_DIR ROOTFS_TAR BUILD_CLI WORK
# Needs root (chroot, mount). Everything runs in a private mount namespace, so
# the mounts go with it even if the test is killed; the trap unmounts anyway.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "chroot_test: needs root (chroot, mount /proc); run it as root or leave it out with ctest -LE package"
  exit 1
fi
if [ -z "${PIXABOTS_CHROOT_TEST_NS:-}" ]; then
  PIXABOTS_CHROOT_TEST_NS=1 exec unshare --mount --propagation private "$0" "$@"
fi
debs=$(cd "$1" && pwd)
rootfs=$2
cli=$3
work=$4
root=$work/root
server_pid=

cleanup() {
  [ -z "$server_pid" ] || kill -KILL "$server_pid" 2>/dev/null || true
  if mountpoint -q "$root/proc"; then umount -l "$root/proc"; fi
}
trap cleanup EXIT
trap 'exit 143' INT TERM  # a timeout's signal runs the cleanup too
step() { echo "chroot_test: $*"; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

rm -rf --one-file-system "$work"
mkdir -p "$root"
tar -C "$root" -xf "$rootfs"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir "$root/debs"
packages=()
for deb in "$debs"/*.deb; do
  cp "$deb" "$root/debs/"
  packages+=("/debs/$(basename "$deb")")
done

step "apt-get install ${packages[*]}"
in_root timeout 120 apt-get -qq -o Acquire::Retries=3 update
in_root DEBIAN_FRONTEND=noninteractive timeout 600 apt-get -qq -o Acquire::Retries=3 install -y \
  --no-install-recommends "${packages[@]}" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }

step "pixabots render 2156 gives the build tree's bytes"
in_root timeout 30 pixabots render 2156 -o /tmp/x.png
timeout 30 "$cli" render 2156 -o "$work/expected.png"
cmp "$root/tmp/x.png" "$work/expected.png"

if [ -e "$root/usr/libexec/pixabots/pixabots-remote" ]; then  # built with remote generation
  # pixabots finds its helper relative to itself; unconfigured, the helper
  # answers that no provider is configured (pixabots alone: it was not found).
  step "pixabots remote runs the packaged helper"
  if in_root timeout 30 pixabots remote models >"$work/remote.txt" 2>&1; then
    echo "pixabots remote models succeeded with no provider configured"
    exit 1
  fi
  grep -q "no remote provider is configured" "$work/remote.txt" || { cat "$work/remote.txt"; exit 1; }
fi

step "the pixabots system user and group"
entry=$(in_root getent passwd pixabots) || { echo "no user pixabots"; exit 1; }
IFS=: read -r _ _ uid gid _ home shell <<<"$entry"
[ "$uid" -lt 1000 ] || { echo "pixabots is not a system user: uid $uid"; exit 1; }
[ "$(in_root getent group pixabots | cut -d: -f3)" = "$gid" ] || { echo "pixabots's group is not pixabots"; exit 1; }
if [ "$shell" != /usr/sbin/nologin ] || [ "$home" != /nonexistent ]; then
  echo "pixabots: home $home, shell $shell; expected /nonexistent, /usr/sbin/nologin"
  exit 1
fi

step "the unit is installed and not enabled; man pages and completions are there"
test -f "$root/usr/lib/systemd/system/pixabots.service"
if [ -e "$root/etc/systemd/system/multi-user.target.wants/pixabots.service" ]; then
  echo "pixabots.service was enabled by the installation"
  exit 1
fi
test -f "$root/usr/share/man/man1/pixabots.1.gz" || { echo "no man page usr/share/man/man1/pixabots.1.gz"; exit 1; }
for completion in usr/share/bash-completion/completions/pixabots usr/share/zsh/vendor-completions/_pixabots \
  usr/share/fish/vendor_completions.d/pixabots.fish; do
  test -f "$root/$completion" || { echo "no completion $completion"; exit 1; }
done

step "pixabots serve as pixabots, with the settings file's environment, on a free loopback port"
# As systemd's EnvironmentFile= reads it: the file's assignments, here one more.
echo "PIXABOTS_PORT=0" >>"$root/etc/default/pixabots"
mapfile -t settings < <(grep -E '^PIXABOTS_[A-Z_]+=' "$root/etc/default/pixabots")
chroot --userspec=pixabots:pixabots "$root" /usr/bin/env -i PATH=/usr/bin:/bin "${settings[@]}" \
  /usr/bin/pixabots serve >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$work/serve.out")
  [ -z "$port" ] || break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err"; echo "pixabots serve exited"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.out" "$work/serve.err"; echo "pixabots serve printed no port in 10 s"; exit 1; }
[ "$(stat -c %u /proc/"$server_pid")" = "$uid" ] || { echo "pixabots serve does not run as pixabots ($uid)"; exit 1; }
curl -sS --fail --max-time 10 -o "$work/served.png" "http://127.0.0.1:$port/api/pixabot/2156?size=128"
cmp "$work/served.png" "$work/expected.png"
kill -TERM "$server_pid"
status=0
timeout 20 tail --pid="$server_pid" -f /dev/null || { echo "pixabots serve did not stop within 20 s of SIGTERM"; exit 1; }
wait "$server_pid" || status=$?
server_pid=
[ "$status" = 0 ] || { cat "$work/serve.err"; echo "pixabots serve exited $status on SIGTERM"; exit 1; }

step "apt-get purge pixabots removes the unit and the settings"
in_root DEBIAN_FRONTEND=noninteractive timeout 120 apt-get -qq purge -y pixabots >"$work/purge.log" 2>&1 ||
  { cat "$work/purge.log"; exit 1; }
for gone in usr/lib/systemd/system/pixabots.service etc/default/pixabots usr/bin/pixabots; do
  if [ -e "$root/$gone" ]; then
    echo "$gone is still there after the purge"
    exit 1
  fi
done

umount "$root/proc"
rm -rf --one-file-system "$root"
step "ok"
