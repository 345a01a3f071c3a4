# Sourced by the other scripts: the npm tools (sass, wasm-opt) and cargo's bin go first on
# PATH, so cargo-leptos uses them instead of trying to download its own.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
