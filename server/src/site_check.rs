//! Whether the built site holds the scripts the pages will link to. A server binary built
//! without cargo-leptos's settings names the wasm `tidbok_bg.wasm`, which the build never
//! writes: its pages would load and never come alive, silently. Start-up says so loudly.

use std::path::{Path, PathBuf};

/// The bundles pages link to: the job seekers' (`pkg/tidbok`) and the staff's
/// (`staff/staff`), each a `.js` and a `.wasm`.
const BUNDLES: [(&str, &str); 2] = [
    ("pkg", "tidbok"),
    (app::app::STAFF_PKG, app::app::STAFF_PKG),
];

/// The scripts missing under `site_root`. `bg_suffix`: whether pages ask for
/// `NAME_bg.wasm` (a binary built without cargo-leptos's `LEPTOS_OUTPUT_NAME`).
pub fn missing_scripts(site_root: &Path, bg_suffix: bool) -> Vec<PathBuf> {
    let wasm_suffix = if bg_suffix { "_bg" } else { "" };
    BUNDLES
        .iter()
        .flat_map(|(dir, name)| {
            [
                site_root.join(dir).join(format!("{name}.js")),
                site_root
                    .join(dir)
                    .join(format!("{name}{wasm_suffix}.wasm")),
            ]
        })
        .filter(|p| !p.is_file())
        .collect()
}

/// Whether this binary's pages ask for `NAME_bg.wasm`: leptos decides it the same way, from
/// the variable cargo-leptos sets while compiling.
pub fn pages_ask_for_bg_wasm() -> bool {
    option_env!("LEPTOS_OUTPUT_NAME").is_none()
}

/// Logs an error for every script the pages will link to that is not there.
pub fn warn_if_scripts_missing(site_root: &Path) {
    let missing = missing_scripts(site_root, pages_ask_for_bg_wasm());
    if !missing.is_empty() {
        tracing::error!(
            ?missing,
            "the pages link to scripts that are not in the site folder: they will show but \
             never come alive (build with `cargo leptos build` and `scripts/build-staff.sh`, \
             as scripts/run.sh does)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_script_the_pages_link_to_that_is_missing() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        assert_eq!(missing_scripts(root, false).len(), 4);
        for (dir, file) in [
            ("pkg", "tidbok.js"),
            ("pkg", "tidbok.wasm"),
            ("staff", "staff.js"),
            ("staff", "staff.wasm"),
        ] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
            std::fs::write(root.join(dir).join(file), b"x").unwrap();
        }
        assert!(missing_scripts(root, false).is_empty());
        // A binary that asks for the `_bg` names finds neither wasm.
        assert_eq!(
            missing_scripts(root, true),
            [
                root.join("pkg/tidbok_bg.wasm"),
                root.join("staff/staff_bg.wasm")
            ]
        );
    }
}
