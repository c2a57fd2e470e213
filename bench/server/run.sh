#!/usr/bin/env bash
# Load-tests a running `pixabots serve` with wrk and prints one table:
# requests/s and p99 latency per case, the median of RUNS runs each.
# Builds nothing: pass the binary, or it is looked for in build/.
#
#   bench/server/run.sh [path/to/pixabots]
#   RUNS=3 DURATION=10s THREADS=2 CONNECTIONS=32 bench/server/run.sh
#   SERVE_ARGS="--cache-mb 0" bench/server/run.sh   # `serve` options (default: no rate limits, no access log)
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
bin="$(find_pixabots run.sh "${1:-}")"

log="$(mktemp)"
results="$(mktemp)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -f "$log" "$results"
}
trap cleanup EXIT

# --port 0: the kernel picks a free port and the server prints it.
# shellcheck disable=SC2086
"$bin" serve --port 0 ${SERVE_ARGS:---rate-animated 0 --rate-og 0 --no-access-log} >"$log" 2>&1 &
server=$!
port="$(wait_for_port run.sh "$server" "$log")"
url="http://127.0.0.1:$port"
curl -fsS "$url/healthz" >/dev/null 2>&1 || true

# name|path|wrk script (empty: the path itself, repeated)|script argument
cases=(
  "PNG@128 cached|/api/pixabot/2156?size=128||"
  "PNG@128 uncached|/|$here/uncached.lua|"
  "GIF@128 cached|/api/pixabot/2156?size=128&animated=true||"
  "GIF@128 uncached|/|$here/uncached.lua|animated"
  "frames JSON|/api/pixabot/2156/frames||"
)

echo "pixabots serve: $bin on port $port; wrk -t$threads -c$connections -d$duration, median of $runs runs"
for entry in "${cases[@]}"; do
  IFS='|' read -r name path script scriptarg <<<"$entry"
  for run in $(seq "$runs"); do
    args=(-t"$threads" -c"$connections" -d"$duration" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    args+=("$url$path")
    [ -n "$scriptarg" ] && args+=(-- "$scriptarg")
    out="$(wrk "${args[@]}")"
    echo "$name|$run|$(wrk_summary "$out")" >>"$results"
  done
done

printf '\n%-18s %12s %10s %10s  %s\n' "case" "req/s" "p99 ms" "non-2xx" "runs (req/s)"
for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  rows="$(awk -F'|' -v n="$name" '$1 == n' "$results")"
  rps="$(cut -d'|' -f3 <<<"$rows" | median)"
  p99="$(cut -d'|' -f4 <<<"$rows" | median)"
  bad="$(cut -d'|' -f5 <<<"$rows" | awk '{ s += $1 } END { print s + 0 }')"
  each="$(cut -d'|' -f3 <<<"$rows" | paste -sd' ')"
  printf '%-18s %12.0f %10.2f %10s  %s\n' "$name" "$rps" "$p99" "$bad" "$each"
done
errs="$(cut -d'|' -f6 "$results" | grep -v '^$' || true)"
[ -z "$errs" ] || { echo; echo "wrk socket errors:"; echo "$errs"; }
