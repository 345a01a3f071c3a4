//! `/boka`: where a registered job seeker books the first meeting. Signing in is required.

use crate::{api::account::SignedIn, i18n::*};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BookPage() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    let seeker: Option<SignedIn> = crate::ssr::http::signed_in();
    #[cfg(not(feature = "ssr"))]
    let seeker: Option<SignedIn> = None;
    let sign_in = "/logga-in?nasta=%2Fboka";
    view! {
        <Title text=move || t_string!(i18n, book_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, book_title)}</h1>
            {match seeker {
                Some(seeker) => {
                    view! {
                        <p class="notice notice--success" role="status">
                            {t_string!(i18n, book_welcome, name = seeker.first_name).to_string()}
                        </p>
                        <p>{t!(i18n, book_next)}</p>
                        <p>{t!(i18n, book_coming)}</p>
                    }
                        .into_any()
                }
                None => {
                    #[cfg(feature = "ssr")]
                    crate::ssr::http::redirect(sign_in);
                    view! { <p><a href=sign_in>{t!(i18n, nav_sign_in)}</a></p> }.into_any()
                }
            }}
        </div>
    }
}
