use super::language_switch::LanguageSwitch;
use crate::i18n::*;
use leptos::{prelude::*, wasm_bindgen::JsCast};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    // The router handles in-page links itself and would only scroll; move focus as the
    // browser does without JavaScript, so the next Tab continues inside the content.
    let skip = |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id("innehall") {
            ev.prevent_default();
            if let Ok(main) = main.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = main.focus();
                main.scroll_into_view();
            }
        }
    };
    view! {
        <a class="skip-link" href="#innehall" on:click=skip>{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">{t!(i18n, site_name)}</span>
                </a>
                <nav class="site-nav" aria-label=move || t_string!(i18n, nav_label)>
                    <ul>
                        <li><a href="/">{t!(i18n, nav_home)}</a></li>
                    </ul>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}
