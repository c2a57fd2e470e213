#!/usr/bin/env bash
# `pixabots serve` beside nginx serving the same PNG bytes as a static file (the ceiling for
# this machine), then hostile-client probes with the server's peak memory under each.
# Starts everything itself on free ports, stops everything on exit, and reports: a missed
# target is a line in the report, not a failure of the script.
#
#   bench/server/ceiling.sh [path/to/pixabots]
#   RUNS=3 DURATION=10s THREADS=2 TIMEOUT=10s bench/server/ceiling.sh
#   SERVE_ARGS="--threads 2" bench/server/ceiling.sh       # added to the serve options below
#   PROBES=0 bench/server/ceiling.sh                        # the wrk table only
# Needs wrk, nginx (Debian's nginx-light will do: only its binary is used) and python3.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
bin="$(find_pixabots ceiling.sh "${1:-}")"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx" ] || { echo "ceiling.sh: nginx is missing (apt-get install nginx-light)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "ceiling.sh: python3 is missing" >&2; exit 2; }
# wrk drops requests slower than its timeout (default 2 s) from the latency figures: a long
# timeout keeps them in p99, and those that still time out are counted as errors.
timeout="${TIMEOUT:-10s}"
probes="${PROBES:-1}"
# The probes' slow clients come from these addresses too, so that a per-address connection
# cap (default 1000) is not what answers them.
sources="127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5"
png_path="/api/pixabot/2156?size=128"
gif_path="/api/pixabot/2156?size=480&animated=true"
serve_args=(--port 0 --rate-animated 0 --rate-og 0 --no-access-log)
# shellcheck disable=SC2206
serve_args+=(${SERVE_ARGS:-})

work="$(mktemp -d)"
results="$work/results"
server=""
nginx_pid=""
# SIGTERM, then SIGKILL after 10 s; says so if it came to that.
stop() {
  local pid=$1 what=$2
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  ($what still running 10 s after SIGTERM: killed)"
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  [ -z "$server" ] || stop "$server" "pixabots serve" >&2
  [ -z "$nginx_pid" ] || stop "$nginx_pid" nginx >&2
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a fresh `pixabots serve`; sets $server and $url.
start_server() {
  "$bin" serve "${serve_args[@]}" >"$work/serve.log" 2>&1 &
  server=$!
  url="http://127.0.0.1:$(wait_for_port ceiling.sh "$server" "$work/serve.log")"
}
stop_server() { stop "$server" "pixabots serve"; server=""; }
# Peak resident memory of the server since it started, in MB (VmHWM).
peak_mb() { awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# One wrk run as "req/s|p99 ms|errors": non-2xx answers plus socket errors (connect, read,
# write, timeout).
wrk_run() {
  local out rps p99 bad errs
  out="$(wrk -t"$threads" -c"$1" -d"$duration" --timeout "$timeout" --latency "${@:2}")"
  IFS='|' read -r rps p99 bad errs <<<"$(wrk_summary "$out")"
  errs="$(grep -oE '[0-9]+' <<<"$errs" | awk '{ s += $1 } END { print s + 0 }')"
  echo "$rps|$p99|$((bad + errs))"
}

start_server
mkdir -p "$work/html"
# nginx's workers run as nobody when started by root: mktemp's 0700 would be a 403.
chmod 755 "$work" "$work/html"
curl -fsS "$url$png_path" -o "$work/html/bot.png"
chmod 644 "$work/html/bot.png"
nginx_port="$(free_port)"
# Same bytes at the same path (try_files ignores the query): nginx as fast as it goes here,
# 2 workers for 2 cores, no log, keep-alive as long as wrk wants it.
cat >"$work/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path $work/tmp-body;
  proxy_temp_path $work/tmp-proxy;
  fastcgi_temp_path $work/tmp-fastcgi;
  uwsgi_temp_path $work/tmp-uwsgi;
  scgi_temp_path $work/tmp-scgi;
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;
    root $work/html;
    location / { default_type image/png; try_files /bot.png =404; }
  }
}
EOF
"$nginx" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port$png_path" 2>/dev/null && break; sleep 0.1; done
nginx_url="http://127.0.0.1:$nginx_port"
cmp -s <(curl -fsS "$nginx_url$png_path" 2>/dev/null) "$work/html/bot.png" ||
  { echo "ceiling.sh: nginx does not serve the PNG:" >&2; cat "$work/nginx-error.log" >&2; exit 1; }

# name|connections|path|wrk script (empty: the path, repeated)|nginx runs it too
cases=(
  "PNG@128 cached, 32 conns|32|$png_path||yes"
  "PNG@128 cached, 512 conns|512|$png_path||yes"
  "PNG@128 uncached, 32 conns|32|/|$here/uncached.lua|no"
)

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$threads -d$duration --timeout $timeout --latency, median of $runs runs"
echo "pixabots: $bin serve ${serve_args[*]}"
echo "nginx: $("$nginx" -v 2>&1 | sed 's/.*: //'), 2 workers, the same $(stat -c %s "$work/html/bot.png") bytes as a static file"
# Runs alternate (pixabots, nginx, pixabots, ...) so that a noisy machine drifts on both alike.
for run in $(seq "$runs"); do
  for entry in "${cases[@]}"; do
    IFS='|' read -r name conns path script with_nginx <<<"$entry"
    script_args=()
    [ -z "$script" ] || script_args=(-s "$script")
    echo "pixabots|$name|$(wrk_run "$conns" "${script_args[@]}" "$url$path")" >>"$results"
    [ "$with_nginx" = no ] || echo "nginx|$name|$(wrk_run "$conns" "$nginx_url$path")" >>"$results"
  done
  echo "run $run of $runs done; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
stop "$nginx_pid" nginx
nginx_pid=""

col() { awk -F'|' -v w="$1" -v n="$2" '$1 == w && $2 == n' "$results" | cut -d'|' -f"$3"; }
total() { awk '{ s += $1 } END { print s + 0 }'; }
# "met" or "MISSED" for an awk condition over v.
verdict() { awk -v v="$1" "BEGIN { print (v != \"\" && $2) ? \"met\" : \"MISSED\" }"; }
declare -A ratio_of p99_of
errors_all=0
printf '\n%-28s %10s %9s %6s %10s %9s %6s %8s\n' case "req/s" p99 errors "nginx r/s" "nginx p99" errors "ratio"
for entry in "${cases[@]}"; do
  IFS='|' read -r name _ _ _ with_nginx <<<"$entry"
  rps="$(col pixabots "$name" 3 | median)"; p99="$(col pixabots "$name" 4 | median)"; err="$(col pixabots "$name" 5 | total)"
  if [ "$with_nginx" = yes ]; then
    n_rps="$(col nginx "$name" 3 | median)"; n_p99="$(col nginx "$name" 4 | median)"; n_err="$(col nginx "$name" 5 | total)"
    ratio="$(awk -v a="$rps" -v b="$n_rps" 'BEGIN { printf "%.2fx", (b > 0) ? a / b : 0 }')"
    printf '%-28s %10.0f %7.1fms %6s %10.0f %7.1fms %6s %8s\n' "$name" "$rps" "$p99" "$err" "$n_rps" "$n_p99" "$n_err" "$ratio"
    ratio_of["$name"]="${ratio%x}"; p99_of["$name"]="$p99"; errors_all=$((errors_all + err))
  else
    printf '%-28s %10.0f %7.1fms %6s %10s %9s %6s %8s\n' "$name" "$rps" "$p99" "$err" - - - -
  fi
done
echo "runs (req/s):"
for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  printf '  %-28s pixabots %s' "$name" "$(col pixabots "$name" 3 | paste -sd' ')"
  [ "${entry##*|}" = no ] && echo || echo "; nginx $(col nginx "$name" 3 | paste -sd' ')"
done
echo "targets (issue 13):"
for c in 32 512; do
  r="${ratio_of["PNG@128 cached, $c conns"]}"
  echo "  cached PNG@128 >= 0.70x nginx at $c connections: ${r}x $(verdict "$r" "v >= 0.7")"
done
p="${p99_of["PNG@128 cached, 512 conns"]}"
echo "  p99 < 50 ms at 512 connections: $p ms $(verdict "$p" "v < 50")"
echo "  no errors (cached cases): $errors_all $(verdict "$errors_all" "v == 0")"

[ "$probes" = 1 ] || exit 0
stop_server
echo
echo "probes (a fresh server for each; peak = VmHWM of the server process; target < 256 MB, normal request < 100 ms):"
probe() {  # name, then the probe's command line with URL_PORT for the server's port
  local name=$1 line
  shift
  start_server
  local port=${url##*:} idle
  idle="$(peak_mb "$server")"
  line="$("${@//URL_PORT/$port}" 2>&1 | tail -1 || true)"
  if kill -0 "$server" 2>/dev/null; then
    local peak
    peak="$(peak_mb "$server")"
    printf '  %-18s peak %5s MB (idle %s MB, < 256 %s)  %s\n' "$name" "$peak" "$idle" "$(verdict "$peak" "v < 256")" "$line"
  else
    printf '  %-18s server died (%s)  %s\n' "$name" "$(tail -1 "$work/serve.log")" "$line"
  fi
  stop_server
}
# The GIF must be in the response cache first: the flood is of cache hits, which skip the
# render limits.
range_flood() {
  local size line got
  size="$(curl -fsS -o /dev/null -w '%{size_download}' --max-time 60 "$url$gif_path" || echo 0)"
  line="$(python3 "$here/rangeflood.py" --port "$1" --path "$gif_path" --ranges 2700 --slow 3 --hold 20 --deadline 60)"
  got="$(grep -oE 'body_bytes=[0-9]+' <<<"$line" | cut -d= -f2)"
  echo "$line (the GIF is $size bytes; no more than that: $(verdict "$got" "v <= $size && $size > 0"))"
}
probe "range flood" range_flood URL_PORT
probe "70 MB of headers" python3 "$here/headerflood.py" --port URL_PORT --path "$png_path" --mb 70 --deadline 60
slowloris() {
  local line median
  line="$(python3 "$here/slowloris.py" --port "$1" --path "$png_path" --conns 1000 --sources "$sources" \
    --drip 2 --requests 20 --interval 0.5 --timeout 5 --deadline 90)"
  median="$(grep -oE 'median_ms=[0-9.]+' <<<"$line" | cut -d= -f2)"
  grep -q ' failed=0 ' <<<"$line" || median=""
  echo "$line (all answered, median < 100 ms: $(verdict "$median" "v < 100"))"
}
probe "1,000 slowloris" slowloris URL_PORT
probe "wrk, 512 conns" wrk_run 512 "http://127.0.0.1:URL_PORT$png_path"
echo "  (wrk line: req/s|p99 ms|errors; slowloris: opened/refused/still_open are the 1,000 slow clients, ok/failed/median/max the normal requests from 127.0.0.1)"
