#!/usr/bin/env bash
# Builds Tidbok (release) and starts it on SQLite with demo data. Prints its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
source scripts/env.sh
export DATABASE_URL="${DATABASE_URL:-sqlite://data/tidbok.db}"
export TIDBOK_DEMO_DATA="${TIDBOK_DEMO_DATA:-true}"
cargo leptos build --release
scripts/optimize-wasm.sh
scripts/build-staff.sh --release
# Compressed once here, so no asset is compressed again per request.
target/release/tidbok precompress >/dev/null
exec target/release/tidbok
