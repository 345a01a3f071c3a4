#!/usr/bin/env bash
# Slot engine speed for an office of 50 counsellors over 4 weeks, and booking throughput under
# contention on SQLite and on PostgreSQL (a throwaway cluster unless TEST_DATABASE_URL is set).
# Prints the numbers; budgets are read from them, nothing here fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# Its own target folder: `cargo bench` builds with the release profile into target/release,
# which would replace scripts/run.sh's binary (built by cargo-leptos with other settings) with
# one whose pages never come alive.
export CARGO_TARGET_DIR=target/bench
scripts/with-postgres.sh cargo bench --locked -p server --bench booking
