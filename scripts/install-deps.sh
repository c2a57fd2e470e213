#!/usr/bin/env bash
# Installs the Debian packages pixabots needs to build and test, and nothing else.
# Idempotent: apt-get runs only when a package is missing.
#   install-deps.sh          the native build and its tests
#   install-deps.sh web      and emscripten for the WebAssembly build (build-web.sh)
#   install-deps.sh browser  and that plus Chromium for the browser tests
#   install-deps.sh package  and the packaging tools (scripts/package.sh and its
#                            tests: lintian, mmdebstrap, podman with runc)
# Groups combine: install-deps.sh browser package.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  zlib1g-dev libpng-dev libgif-dev libwebp-dev libstb-dev
  nlohmann-json3-dev libcpp-httplib-dev libboost-dev ccache
  libcurl4-openssl-dev catch2 libbenchmark-dev
  clang libclang-rt-14-dev
  python3 python3-pip python3-venv valgrind wrk
  zsh fish groff-base man-db
  mono-mcs libnunit-cil-dev nunit-console
  libsdl2-dev
  luajit love xvfb xauth libgl1 libgl1-mesa-dri
)
for group in "$@"; do
  case "$group" in
    web) packages+=(emscripten) ;;
    browser) packages+=(emscripten chromium) ;;
    package) packages+=(lintian mmdebstrap podman runc uidmap curl systemd) ;;
    *) echo "install-deps: unknown group '$group' (accepted: web, browser, package)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

# The bindings' toolchains may come from elsewhere (rustup, nodesource, go.dev): a
# working command is enough; otherwise Debian's packages provide them.
declare -A tools=([node]=nodejs [npm]=npm [cargo]=cargo [go]=golang-go)
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${tools[$tool]}")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
