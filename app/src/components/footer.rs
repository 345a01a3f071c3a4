use crate::{i18n::*, paths};
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{t!(i18n, footer_about)}</p>
                <p>{t!(i18n, footer_help)}</p>
                <p><a href=paths::EMPLOYER>{t!(i18n, footer_employers)}</a></p>
                <p><a href=paths::ACCESSIBILITY>{t!(i18n, footer_accessibility)}</a></p>
                <p class="muted">{t!(i18n, footer_demo)}</p>
            </div>
        </footer>
    }
}
