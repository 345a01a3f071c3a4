#!/usr/bin/env bash
# The whole test suite: formatting, lints on both sides, unit/property/contract/server tests on
# SQLite and PostgreSQL, then the browser journeys in Chromium on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Every runner's output is kept here too, to add up the counts at the end.
mkdir -p target
export TEST_LOG="$PWD/target/test-run.log"
: >"$TEST_LOG"

step "format"
cargo fmt --all --check

step "lint: server side (ssr)"
cargo clippy --locked -p app -p server --features app/ssr --all-targets -- -D warnings
step "lint: browser side (hydrate, wasm)"
cargo clippy --locked -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings
step "lint: staff pages' browser side (hydrate + staff, wasm)"
cargo clippy --locked -p app -p staff-frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

scripts/with-postgres.sh bash -euo pipefail -c '
  step() { printf "\n\033[1m== %s\033[0m\n" "$*"; }

  step "unit, property, contract and server tests (SQLite and PostgreSQL)"
  cargo test --locked -p app -p server --features app/ssr --lib --bins --tests 2>&1 | tee -a "$TEST_LOG"

  # Both sides from cargo-leptos: it builds them with the same flags, and hydration needs
  # the server and the wasm to agree (a server from `cargo test` does not).
  step "build the site for the browser tests"
  cargo leptos build
  scripts/build-staff.sh

  e2e() {
    backend=$1; url=$2; port=$3
    step "browser journeys in Chromium on $backend"
    (cd end2end && E2E_DATABASE_URL="$url" E2E_PORT="$port" E2E_EXPECT_BACKEND="$backend" npx playwright test) 2>&1 | tee -a "$TEST_LOG"
  }
  mkdir -p target/e2e && rm -f target/e2e/tidbok-e2e.db*
  e2e sqlite "sqlite://../target/e2e/tidbok-e2e.db" 3401

  db="tidbok_e2e_$$"
  admin="$TEST_DATABASE_URL"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  e2e postgres "${admin%/*}/$db" 3402
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" || true
'
step "all tests passed"
# One closing line over every runner: cargo test's "N passed; M failed" and Playwright's
# "N passed (time)".
awk '
  /^test result: / { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
  /^ +[0-9]+ passed \(/ { p += $1 }
  /^ +[0-9]+ failed$/ { f += $1 }
  END { printf "%d passed, %d failed\n", p, f }
' "$TEST_LOG"
