#!/usr/bin/env bash
# Builds what the staff pages (/personal/…) load instead of the job seekers' files: their own
# wasm with the staff islands (crate staff-frontend) and their stylesheet, into
# target/site/staff/. Run it after `cargo leptos build`, with --release after
# `cargo leptos build --release`: the server and the wasm must come from the same mode, or
# hydration does not match. Keeping the calendar out of target/site/pkg keeps it out of every
# job seeker's download.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

out=target/site/staff
mkdir -p "$out"
# The same environment cargo-leptos builds the job seekers' wasm with, so the two builds
# share every compiled dependency (leptos reads LEPTOS_OUTPUT_NAME at compile time, and
# debug builds erase component types).
export LEPTOS_OUTPUT_NAME=tidbok
if [ "${1:-}" = --release ]; then
  profile=wasm-release
  unset RUSTFLAGS
else
  profile=debug
  export RUSTFLAGS="--cfg erase_components"
fi
# cargo-leptos builds wasm in target/front; building there too shares its dependencies.
cargo build --locked -p staff-frontend --lib --target wasm32-unknown-unknown \
  --target-dir target/front $([ "$profile" = debug ] || echo "--profile $profile")
wasm-bindgen "target/front/wasm32-unknown-unknown/$profile/staff_frontend.wasm" \
  --target web --no-typescript --out-dir "$out" --out-name staff
mv "$out/staff_bg.wasm" "$out/staff.wasm"
if [ "$profile" != debug ]; then
  wasm-opt "$out/staff.wasm" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/staff.wasm.tmp"
  mv "$out/staff.wasm.tmp" "$out/staff.wasm"
fi
sass --no-source-map --style=compressed style/staff.scss "$out/staff.css"
echo "build-staff: $(du -h "$out/staff.wasm" | cut -f1) wasm in $out"
