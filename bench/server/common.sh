# Shared by run.sh and peer.sh: settings from the environment and the binary to test.
# shellcheck shell=bash
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-3}"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"

# The pixabots binary given as $1, or the first one under build*/ that has `serve`.
find_pixabots() {
  local name=$1 bin=${2:-}
  if [ -z "$bin" ]; then
    for candidate in "$root/build/src/cli/pixabots" "$root"/build*/src/cli/pixabots; do
      if [ -x "$candidate" ] && "$candidate" serve --help >/dev/null 2>&1; then bin="$candidate"; break; fi
    done
  fi
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then echo "$name: no pixabots binary with 'serve' (pass its path)" >&2; exit 2; fi
  command -v wrk >/dev/null || { echo "$name: wrk is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
  echo "$bin"
}
