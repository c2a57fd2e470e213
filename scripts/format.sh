#!/usr/bin/env bash
# Applies .clang-format to every C and C++ file in the repository; with
# --check, changes nothing and fails listing the files that are not formatted.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.c' '*.h' '*.cpp' '*.hpp' | grep -v '^tests/data/\|^tests/abi/')
if [[ "${1:-}" == --check ]]; then
  clang-format --dry-run -Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi
