#!/usr/bin/env bash
# The shared libraries' ABIs are their C APIs: libpixabots exports the pxb_*
# calls pixabots.h declares and nothing else, libpixabots_remote the
# pxb_remote_* calls remote.h declares (hidden visibility plus the version
# scripts in cmake/), each with a versioned SONAME. The renderer carries no
# remote generation: no libcurl, no pxb_remote_*, no JSON-Schema validator.
# Usage: exports_test.sh LIBPIXABOTS [LIBPIXABOTS_REMOTE]
set -euo pipefail
include=$(dirname "$0")/../../include/pixabots

# check_exports LIB HEADER PREFIX COUNT SONAME
check_exports() {
  local lib=$1 header=$2 prefix=$3 count=$4 soname=$5
  local exports declared stray undeclared n
  exports=$(nm -D --defined-only "$lib" | awk '{print $3}')
  stray=$(grep -vE "^$prefix" <<<"$exports" || true)
  if [ -n "$stray" ]; then
    echo "$lib exports symbols outside $prefix:"; echo "$stray"; exit 1
  fi
  declared=$(grep -oE 'PXB_[A-Z_]*API [^(]*\(' "$header" | grep -oE 'pxb_[a-z0-9_]+\($' | tr -d '(' | sort -u)
  # The count guards the pattern too: read from nothing, the loops would pass.
  n=$(wc -l <<<"$declared")
  [ "$n" -eq "$count" ] || { echo "$header declares $n functions, not $count: update this test with the ABI"; exit 1; }
  for symbol in $declared; do
    grep -qx "$symbol" <<<"$exports" || { echo "$symbol is not exported by $lib"; exit 1; }
  done
  undeclared=$(comm -13 <(echo "$declared") <(sort -u <<<"$exports"))
  if [ -n "$undeclared" ]; then
    echo "$lib exports what $header does not declare:"; echo "$undeclared"; exit 1
  fi
  readelf -d "$lib" | grep -q "SONAME.*$soname\.so\.[0-9]" || { echo "$lib has no versioned SONAME"; exit 1; }
  echo "exports ok: $lib, $(wc -l <<<"$exports") $prefix symbols"
}

lib=$1
check_exports "$lib" "$include/pixabots.h" pxb_ 39 libpixabots
for symbol in pxb_render pxb_ctx_new pxb_free; do
  grep -q "PXB_API .*\b$symbol(" "$include/pixabots.h" || { echo "$symbol is not declared in pixabots.h"; exit 1; }
done
# Remote generation is libpixabots_remote's alone.
if readelf -d "$lib" | grep -E 'NEEDED.*(curl|ssl|crypto)'; then
  echo "$lib needs a network library"; exit 1
fi
if nm -D "$lib" | grep -E 'pxb_remote_|curl_'; then
  echo "$lib exports or imports remote generation"; exit 1
fi
# Hidden symbols too (the build's library is not stripped): no remote module,
# no JSON-Schema validator compiled in.
if nm -C "$lib" | grep -E 'pixabots::(remote|jsonschema)::'; then
  echo "$lib contains remote generation or the JSON-Schema validator"; exit 1
fi
grep -qE "PXB_API .*pxb_remote_" "$include/pixabots.h" && { echo "pixabots.h still declares pxb_remote_*"; exit 1; }

if [ $# -ge 2 ]; then
  remote=$2
  check_exports "$remote" "$include/remote.h" pxb_remote_ 12 libpixabots_remote
  for symbol in pxb_remote_new pxb_remote_submit pxb_remote_poll pxb_remote_wait pxb_remote_fetch pxb_remote_cancel \
                pxb_remote_last_error; do
    grep -q "PXB_REMOTE_API .*\b$symbol(" "$include/remote.h" || { echo "$symbol is not declared in remote.h"; exit 1; }
  done
fi
