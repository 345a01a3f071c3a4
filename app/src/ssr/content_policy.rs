//! The Content-Security-Policy of a page: scripts only from Tidbok itself, and the inline
//! hydration scripts only with this response's nonce (leptos puts it on each of them), so a
//! script smuggled into a page never runs. WebAssembly may be compiled (the islands), and
//! `style` attributes are allowed (the calendar and the figures place boxes with them; an
//! attribute cannot run code); `<style>` elements and inline scripts are not.

use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The policy for a page whose inline scripts carry `nonce`.
pub fn for_page(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Gives the page being rendered its policy, with the nonce leptos made for this response.
pub fn set_for_page() {
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
    else {
        tracing::warn!("a page without a nonce or response options: no script policy");
        return;
    };
    match http::HeaderValue::from_str(&for_page(&nonce)) {
        Ok(value) => response.insert_header(http::header::CONTENT_SECURITY_POLICY, value),
        Err(err) => tracing::error!(%err, "a nonce that is no header value"),
    }
}

#[cfg(test)]
mod tests {
    use super::for_page;

    #[test]
    fn scripts_need_the_nonce_and_nothing_inline_runs() {
        let policy = for_page("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        // Only style attributes are inline; nothing else anywhere.
        assert_eq!(policy.matches("'unsafe-inline'").count(), 1);
        assert!(policy.contains("style-src-attr 'unsafe-inline'"));
        assert!(!policy.contains(" 'unsafe-eval'"));
    }
}
