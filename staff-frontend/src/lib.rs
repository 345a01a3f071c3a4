#![recursion_limit = "256"]

//! The browser entry point of the staff pages (`/personal/…`): the same islands as the job
//! seekers' wasm, plus the staff ones (`app`'s `staff` feature), which would otherwise weigh
//! on every job seeker's download.

use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
