#!/usr/bin/env bash
# The shared library exports the pixabots namespace only (hidden visibility
# plus cmake/pixabots.map), and carries a versioned SONAME.
set -euo pipefail
lib=$1
exports=$(nm -D --defined-only -C "$lib" | cut -d' ' -f3-)
stray=$(grep -vE '^(pixabots::|typeinfo for pixabots::|typeinfo name for pixabots::|vtable for pixabots::)' <<<"$exports" || true)
if [ -n "$stray" ]; then
  echo "exported symbols outside pixabots::"; echo "$stray"; exit 1
fi
grep -q '^pixabots::renderPng(' <<<"$exports" || { echo "renderPng is not exported"; exit 1; }
readelf -d "$lib" | grep -q 'SONAME.*libpixabots\.so\.[0-9]' || { echo "no versioned SONAME"; exit 1; }
echo "exports ok: $(wc -l <<<"$exports") symbols"
