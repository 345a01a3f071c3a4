#!/usr/bin/env bash
# Builds the release site and prints what a job seeker's browser downloads for a page:
# wasm, JS and CSS, raw, gzip and brotli. Budget: 200 KB brotli in all; aim: 150 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
source scripts/env.sh
if ! command -v brotli >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "bench: installing the brotli CLI (Debian package brotli)" >&2
  apt-get install -y -qq brotli >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq brotli >/dev/null; } || true
fi
command -v brotli >/dev/null || { echo "bench: the brotli CLI is missing (apt-get install brotli)" >&2; exit 1; }

cargo leptos build --release --frontend-only
scripts/optimize-wasm.sh

pkg=target/site/pkg
total_raw=0; total_gz=0; total_br=0
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
for f in "$pkg"/tidbok.wasm "$pkg"/tidbok.js "$pkg"/tidbok.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-28s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
kb=$((total_br / 1024))
if [ "$total_br" -le $((150 * 1024)) ]; then
  echo "brotli total ${kb} KB: within the 150 KB aim and the 200 KB budget"
elif [ "$total_br" -le $((200 * 1024)) ]; then
  echo "brotli total ${kb} KB: within the 200 KB budget, above the 150 KB aim"
else
  echo "brotli total ${kb} KB: OVER the 200 KB budget" >&2
  exit 1
fi

# The staff pages load their own wasm (the calendar board); no job seeker downloads it.
scripts/build-staff.sh --release >/dev/null
staff=target/site/staff
printf '\nstaff pages (not in the budget above)\n'
for f in "$staff"/staff.wasm "$staff"/staff.js "$staff"/staff.css; do
  printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$(stat -c %s "$f")" \
    "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
done
