#![recursion_limit = "256"]

//! The browser entry point: hydrate the server-rendered page, nothing else.

// The islands are exported by the `app` crate; linking it is what registers them.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands: only the interactive parts of a page are hydrated; the rest stays server HTML.
    leptos::mount::hydrate_islands();
}
