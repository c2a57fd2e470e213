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

# The port a server started with --port 0 prints ("listening on http://HOST:PORT"),
# waited for up to 15 s; exits with the server's output if it dies or never says.
wait_for_port() {
  local name=$1 pid=$2 log=$3 port=""
  for _ in $(seq 150); do
    port="$(grep -oE 'listening on http://[^ /]+:[0-9]+' "$log" | head -1 | grep -oE '[0-9]+$' || true)"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$name: the server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$name: no port in the server's output:" >&2; cat "$log" >&2; exit 1; }
  echo "$port"
}

# wrk prints latency as 850.00us, 1.20ms or 1.01s: milliseconds, please.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One wrk --latency report as "requests/s|p99 ms|non-2xx count|socket errors line".
wrk_summary() {
  local out=$1 rps p99 bad errors
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  bad="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
  errors="$(awk '/Socket errors:/ { print $0 }' <<<"$out")"
  echo "$rps|$p99|${bad:-0}|$errors"
}
