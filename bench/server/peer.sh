#!/usr/bin/env bash
# wrk against `pixabots serve` and against the reference renderer over HTTP
# (bench/peer/server.mjs: the service's pipeline on sharp, rendering every request as the
# service's origin does), same pack, same cases, one server at a time on the same cores.
# Prints one table: requests/s and p99 latency per case for both, medians of RUNS runs, and
# the ratio ours/peer of requests/s. Runs alternate (ours, peer, ours, peer, ...) so that
# a noisy machine drifts on both alike; each server is started fresh for its run and warmed up.
#
#   bench/server/peer.sh [path/to/pixabots]
#   RUNS=3 DURATION=10s THREADS=2 CONNECTIONS=32 WARMUP=2s TIMEOUT=30s bench/server/peer.sh
#   PEER_ARGS="--workers 2" bench/server/peer.sh     # server.mjs options (default: one process)
# Needs node and bench/peer/node_modules ((cd bench/peer && npm ci)) and wrk.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
warmup="${WARMUP:-2s}"
# wrk's default 2 s timeout drops slow requests from the latency figures; the peer's GIFs
# under 32 connections take longer than that.
timeout="${TIMEOUT:-30s}"
pack="$root/tests/data/conformance/pack"
bin="$(find_pixabots peer.sh "${1:-}")"
command -v node >/dev/null || { echo "peer.sh: node is missing" >&2; exit 2; }
[ -d "$root/bench/peer/node_modules/sharp" ] || { echo "peer.sh: run (cd bench/peer && npm ci) first" >&2; exit 2; }

log="$(mktemp)"
results="$(mktemp)"
server=""
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
cleanup() { stop_server; rm -f "$log" "$results"; }
trap cleanup EXIT

# Starts one server (ours | peer) on a free port; sets $server and $url.
start_server() {
  : >"$log"
  if [ "$1" = ours ]; then
    "$bin" serve --port 0 --pack "$pack" --rate-animated 0 --rate-og 0 --no-access-log >"$log" 2>&1 &
  else
    # shellcheck disable=SC2086
    node "$root/bench/peer/server.mjs" --port 0 --pack "$pack" ${PEER_ARGS:-} >"$log" 2>&1 &
  fi
  server=$!
  local port
  port="$(wait_for_port "peer.sh ($1)" "$server" "$log")"
  url="http://127.0.0.1:$port"
  banner["$1"]="$(head -1 "$log")"
}
declare -A banner

# name|path|wrk script (empty: the path itself, repeated)|script argument. "same URL": ours
# answers from its response cache, the peer renders (as the service's origin would behind its
# CDN); "uncached": every request a render on both (uncached.lua's walk).
cases=(
  "PNG@128 same URL|/api/pixabot/2156?size=128||"
  "PNG@128 uncached|/|$here/uncached.lua|"
  "GIF@128 same URL|/api/pixabot/2156?size=128&animated=true||"
  "GIF@128 uncached|/|$here/uncached.lua|animated"
  "frames JSON|/api/pixabot/2156/frames||"
)

echo "wrk -t$threads -c$connections -d$duration --timeout $timeout --latency, median of $runs runs, pack $pack; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  for who in ours peer; do
    start_server "$who"
    for entry in "${cases[@]}"; do
      IFS='|' read -r name path script scriptarg <<<"$entry"
      args=(-t"$threads" -c"$connections" --timeout "$timeout" --latency)
      [ -n "$script" ] && args+=(-s "$script")
      target=("$url$path")
      [ -n "$scriptarg" ] && target+=(-- "$scriptarg")
      wrk "${args[@]}" -d"$warmup" "${target[@]}" >/dev/null  # JIT, caches, connections
      out="$(wrk "${args[@]}" -d"$duration" "${target[@]}")"
      echo "$who|$name|$run|$(wrk_summary "$out")" >>"$results"
    done
    stop_server
  done
  echo "run $run of $runs done; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
echo "ours: ${banner[ours]}"
echo "peer: ${banner[peer]}"

col() { awk -F'|' -v w="$1" -v n="$2" '$1 == w && $2 == n' "$results" | cut -d'|' -f"$3"; }
printf '\n%-18s %11s %9s %11s %9s  %s\n' "case" "ours req/s" "ours p99" "peer req/s" "peer p99" "req/s ours/peer"
for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  o_rps="$(col ours "$name" 4 | median)"; o_p99="$(col ours "$name" 5 | median)"
  p_rps="$(col peer "$name" 4 | median)"; p_p99="$(col peer "$name" 5 | median)"
  ratio="$(awk -v a="$o_rps" -v b="$p_rps" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')"
  printf '%-18s %11.0f %7.2fms %11.0f %7.2fms  %s\n' "$name" "$o_rps" "$o_p99" "$p_rps" "$p_p99" "$ratio"
done
echo
echo "runs (req/s):"
for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  printf '  %-18s ours %s; peer %s\n' "$name" "$(col ours "$name" 4 | paste -sd' ')" "$(col peer "$name" 4 | paste -sd' ')"
done
bad="$(cut -d'|' -f6 "$results" | awk '{ s += $1 } END { print s + 0 }')"
[ "$bad" = 0 ] || echo "non-2xx responses: $bad (see the server's errors)"
errs="$(awk -F'|' '$7 != "" { print $1 " " $2 ": " $7 }' "$results")"
[ -z "$errs" ] || { echo; echo "wrk socket errors:"; echo "$errs"; }
