#!/usr/bin/env bash
# A second `wasm-opt -Oz` (run until it converges) over the release wasm that cargo-leptos built. cargo-leptos 0.3.6
# optimises with the binaryen it bundles; the newer one from npm (package-lock.json) takes
# another 1 KB (brotli) off what every job seeker downloads. Run after
# `cargo leptos build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
wasm=target/site/pkg/tidbok.wasm
[ -f "$wasm" ] || { echo "optimize-wasm: $wasm is missing; run cargo leptos build --release first" >&2; exit 1; }
# The features rustc's wasm32-unknown-unknown target uses by default; nothing newer.
# `--converge` repeats the passes until nothing shrinks (about 500 bytes brotli).
wasm-opt "$wasm" -Oz --converge \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$wasm.tmp"
mv "$wasm.tmp" "$wasm"
