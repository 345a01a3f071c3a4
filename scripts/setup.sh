#!/usr/bin/env bash
# Installs or checks what Tidbok needs to build, run and test. Idempotent: each tool is
# skipped when it is already there at the pinned version. Usage:
#   scripts/setup.sh run     # what `scripts/run.sh` needs (build tools)
#   scripts/setup.sh test    # the above, plus Chromium and PostgreSQL for the test suite
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.6
# Must equal the wasm-bindgen crate version pinned (with =) in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
purpose=${1:-run}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf '\033[31msetup: %s\033[0m\n' "$*" >&2; exit 1; }
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || fail "Rust is missing: install it from rustup.rs, then run this again."
command -v npm >/dev/null || fail "Node.js and npm are missing: install Node.js 20 or newer, then run this again."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 18 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Its own lock file pins a webpki-roots release the registry no longer serves; when the
  # locked install fails, resolve afresh at the same wasm-bindgen version.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# sass, wasm-opt (binaryen) and Playwright come from npm, pinned by package-lock.json.
if [ ! -x node_modules/.bin/sass ] || [ ! -x node_modules/.bin/wasm-opt ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (sass, binaryen, Playwright, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$purpose" = test ]; then
  if [ ! -x /usr/bin/chromium ]; then
    if can_apt; then
      say "installing Debian's Chromium for the browser tests"
      apt_install chromium
    else
      fail "Chromium is missing at /usr/bin/chromium: install Debian's 'chromium' package (as root: apt-get install chromium)."
    fi
  fi
  if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && ! command -v initdb >/dev/null; then
    if can_apt; then
      say "installing PostgreSQL for the tests (a throwaway cluster is started per run)"
      apt_install postgresql postgresql-contrib
    else
      fail "PostgreSQL is missing: install Debian's 'postgresql' package, or set TEST_DATABASE_URL to a server the tests may create databases on."
    fi
  fi
fi
say "ready"
