#!/usr/bin/env bash
# Builds the pixabots container image from a source tree with podman and saves
# it as a docker-archive:
#   build-image.sh SRC_DIR OUT_DIR
# writes OUT_DIR/pixabots-image_VERSION_ARCH.tar and tags the image
# localhost/pixabots:VERSION. The two base images are minimal Debian roots
# (scripts/debian-rootfs.sh, cached under PIXABOTS_ROOTFS_CACHE, default
# ~/.cache/pixabots/rootfs) imported as localhost/pixabots-{build,runtime}-base,
# again only when their root changed. The host's ccache is lent to the build
# stage, so what the host's Release build compiled is not compiled again.
set -euo pipefail
if (($# != 2)); then
  echo "usage: build-image.sh SRC_DIR OUT_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
out=$2
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
cache=${PIXABOTS_ROOTFS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pixabots/rootfs}

version=$(sed -n 's/^project(pixabots VERSION \([^ )]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$version" ] || { echo "build-image: no project(pixabots VERSION ...) in $src/CMakeLists.txt" >&2; exit 1; }
revision=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)
arch=$(dpkg --print-architecture)

# base NAME PACKAGE...: the root with these packages as localhost/NAME. The
# image's commit message records which root it was imported from (unlike a
# label, images built on it do not inherit it), so an unchanged root is not
# imported again.
base() {
  local name=$1 tar=$cache/$1.tar
  shift
  "$here/../../scripts/debian-rootfs.sh" "$tar" "$@"
  local key
  key="rootfs $(stat -c %Y.%s "$tar") $(sha256sum <"$tar.packages" | cut -c1-16)"
  if [ "$(podman image inspect --format '{{.Comment}}' "localhost/$name" 2>/dev/null)" != "$key" ]; then
    podman import --quiet --message "$key" "$tar" "localhost/$name:latest" >/dev/null
    echo "build-image: imported $tar as localhost/$name" >&2
  fi
}
# What building the library and CLI needs (no tests or benchmarks), and what
# the two programs link at run time: libpng, and libcurl with the CA
# certificates for remote generation's HTTPS.
base pixabots-build-base build-essential cmake zlib1g-dev libpng-dev nlohmann-json3-dev libboost-dev \
  libcurl4-openssl-dev ccache
base pixabots-runtime-base libpng16-16 libcurl4 ca-certificates

# The host's ccache, and the locale variables its hashes include.
ccache_args=()
if command -v ccache >/dev/null && ccache_dir=$(ccache -k cache_dir) && [ -d "$ccache_dir" ]; then
  locale=$(env | grep -E '^(LANG|LC_ALL|LC_CTYPE|LC_MESSAGES)=' | tr '\n' ' ' || true)
  ccache_args=(--volume "$ccache_dir:/ccache" --build-arg HOST_LOCALE="$locale")
fi
podman build --format docker --isolation "${BUILDAH_ISOLATION:-chroot}" "${ccache_args[@]}" \
  --file "$here/Dockerfile" --ignorefile "$here/Dockerfile.dockerignore" \
  --build-arg VERSION="$version" --build-arg REVISION="$revision" \
  --tag "localhost/pixabots:$version" "$src"

mkdir -p "$out"
# Uncompressed: podman 4.3 loads no gzipped archive (docker load does).
archive=$out/pixabots-image_${version}_$arch.tar
rm -f "$archive.tmp"
podman save --quiet --format docker-archive --output "$archive.tmp" "localhost/pixabots:$version"
mv -f "$archive.tmp" "$archive"
echo "build-image: wrote $archive (localhost/pixabots:$version)" >&2
