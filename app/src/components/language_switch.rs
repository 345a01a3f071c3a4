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
            crate::paths::encode_query_value(&here)
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
