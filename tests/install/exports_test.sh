#!/usr/bin/env bash
# The shared library's ABI is the C API: it exports pxb_* and nothing else
# (hidden visibility plus cmake/pixabots.map), and carries a versioned SONAME.
set -euo pipefail
lib=$1
exports=$(nm -D --defined-only "$lib" | awk '{print $3}')
stray=$(grep -vE '^pxb_' <<<"$exports" || true)
if [ -n "$stray" ]; then
  echo "exported symbols outside pxb_:"; echo "$stray"; exit 1
fi
# Every function the header declares, and nothing it does not (remote
# generation included: without it the calls exist and say so).
header=$(dirname "$0")/../../include/pixabots/pixabots.h
declared=$(grep -oE 'PXB_API [^(]*\(' "$header" | grep -oE 'pxb_[a-z0-9_]+\($' | tr -d '(' | sort -u)
# The count guards the pattern too: read from nothing, the loops would pass.
count=$(wc -l <<<"$declared")
[ "$count" -eq 39 ] || { echo "pixabots.h declares $count functions, not 39: update this test with the ABI"; exit 1; }
for symbol in $declared; do
  grep -qx "$symbol" <<<"$exports" || { echo "$symbol is not exported"; exit 1; }
done
for symbol in pxb_render pxb_ctx_new pxb_free pxb_remote_new pxb_remote_submit pxb_remote_poll pxb_remote_wait \
              pxb_remote_fetch pxb_remote_cancel; do
  grep -qx "$symbol" <<<"$declared" || { echo "$symbol is not declared in pixabots.h"; exit 1; }
done
undeclared=$(comm -13 <(echo "$declared") <(sort -u <<<"$exports"))
if [ -n "$undeclared" ]; then
  echo "exported but not in pixabots.h:"; echo "$undeclared"; exit 1
fi
readelf -d "$lib" | grep -q 'SONAME.*libpixabots\.so\.[0-9]' || { echo "no versioned SONAME"; exit 1; }
echo "exports ok: $(wc -l <<<"$exports") pxb_ symbols"
