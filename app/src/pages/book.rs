//! `/boka`: where a registered job seeker books the first meeting. Signing in is required.

use crate::{api::account::current_seeker, i18n::*};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BookPage() -> impl IntoView {
    let i18n = use_i18n();
    let seeker = Resource::new(|| (), |_| current_seeker());
    view! {
        <Title text=move || t_string!(i18n, book_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, book_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match seeker.await {
                        Ok(Some(seeker)) => {
                            view! {
                                <p class="notice notice--success" role="status">
                                    {t_string!(i18n, book_welcome, name = seeker.first_name).to_string()}
                                </p>
                                <p>{t!(i18n, book_next)}</p>
                                <p>{t!(i18n, book_coming)}</p>
                            }
                                .into_any()
                        }
                        Ok(None) => {
                            #[cfg(feature = "ssr")]
                            crate::ssr::http::redirect("/logga-in?nasta=%2Fboka");
                            view! { <p><a href="/logga-in?nasta=%2Fboka">{t!(i18n, nav_sign_in)}</a></p> }
                                .into_any()
                        }
                        Err(_) => view! { <p class="notice notice--error" role="alert">{t!(i18n, err_internal)}</p> }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
