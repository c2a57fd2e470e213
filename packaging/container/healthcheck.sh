#!/bin/bash
# The image's HEALTHCHECK: GET /healthz on the port the server was given
# (PIXABOTS_PORT), healthy on a 200. bash's /dev/tcp is the HTTP client, so the
# image needs no curl or wget; every read is bounded, as is the check itself
# (HEALTHCHECK --timeout).
set -eu
exec 3<>"/dev/tcp/127.0.0.1/${PIXABOTS_PORT:-8080}"
printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 2 status <&3
[[ $status == "HTTP/1.1 200 "* ]] || {
  echo "healthcheck: /healthz answered: ${status%$'\r'}" >&2
  exit 1
}
