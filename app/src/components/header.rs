use super::language_switch::LanguageSwitch;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#innehall">{t!(i18n, skip_to_content)}</a>
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
