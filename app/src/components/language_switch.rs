use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A link to the other language. Without JavaScript it goes through `/sprak/{locale}`, which
/// sets the language cookie and comes back to this page; the page reloads in the other language; no JavaScript is involved.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let other = move || match i18n.get_locale() {
        Locale::sv => Locale::en,
        Locale::en => Locale::sv,
    };
    let href = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let here = if search.is_empty() {
            path
        } else {
            format!("{path}?{}", search.trim_start_matches('?'))
        };
        format!(
            "/sprak/{}?till={}",
            other().as_str(),
            encode_query_value(&here)
        )
    };
    view! {
        <div class="language-switch">
            <a
                href=href
                hreflang=move || other().as_str()
                lang=move || other().as_str()
                data-testid="language-switch"
            >
                {t!(i18n, language_switch)}
            </a>
        </div>
    }
}

/// Percent-encodes a value for a query string, keeping `/` readable.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn encodes_what_would_break_the_query() {
        assert_eq!(
            encode_query_value("/boka?dag=2&x=å"),
            "/boka%3Fdag%3D2%26x%3D%C3%A5"
        );
        assert_eq!(encode_query_value("/"), "/");
    }
}
