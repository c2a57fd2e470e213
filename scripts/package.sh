#!/usr/bin/env bash
# Makes every artefact a user installs, into dist/ (docs/packaging.md):
#   the Debian packages (packaging/make-debs.sh), the Python wheel and the npm
#   tarball carrying the self-contained library (cmake/Bundle.cmake), and the
#   container image as an archive for `podman load` / `docker load`
#   (packaging/container/build-image.sh).
# Usage: package.sh [--no-container]
# PIXABOTS_BUILD_DIR picks the Release build to package (default build-package,
# configured here when missing); CI passes the build its tests just ran.
# dist/ is emptied first, so it holds this run's artefacts and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
container=1
for arg in "$@"; do
  case "$arg" in
    --no-container) container=0 ;;
    *) echo "package.sh: unknown option '$arg' (accepted: --no-container)" >&2; exit 2 ;;
  esac
done

./scripts/install-deps.sh package
build=${PIXABOTS_BUILD_DIR:-build-package}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPIXABOTS_BUILD_TESTS=OFF -DPIXABOTS_BUILD_BENCH=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
# The host's ccache serves other build directories and the container's build
# stage only when paths inside the tree are hashed relative to it.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
cmake --build "$build" -j"$(nproc)"

rm -rf dist
mkdir -p dist
packaging/make-debs.sh "$build" dist >/dev/null
python3 bindings/python/build_backend.py --library "$build/bundle/libpixabots.so.1" dist >/dev/null
cmake -DLIBRARY="$build/bundle/libpixabots.so.1" -DOUT="$PWD/dist" -P bindings/node/pack.cmake >/dev/null
if ((container)); then
  packaging/container/build-image.sh . dist
fi

echo "package.sh: wrote into dist/:"
for file in dist/*; do
  case "$file" in
    *.deb) what="Debian package: apt install ./$file" ;;
    *.whl) what="Python wheel: pip install $file" ;;
    *.tgz) what="npm tarball: npm install $file" ;;
    *.tar) what="container image: podman load -i $file" ;;
    *) what="" ;;
  esac
  printf '  %-52s %s\n' "$file" "$what"
done
