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
for symbol in pxb_render pxb_render_into pxb_ctx_new pxb_free pxb_last_error; do
  grep -qx "$symbol" <<<"$exports" || { echo "$symbol is not exported"; exit 1; }
done
readelf -d "$lib" | grep -q 'SONAME.*libpixabots\.so\.[0-9]' || { echo "no versioned SONAME"; exit 1; }
echo "exports ok: $(wc -l <<<"$exports") pxb_ symbols"
