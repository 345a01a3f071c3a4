use crate::{
    components::{footer::Footer, header::Header},
    i18n::*,
    pages::{home::HomePage, not_found::NotFound},
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    SsrMode, StaticSegment,
};

/// The HTML document around the app. `lang` on `<html>` is set by the i18n provider.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser, after hydration: a marker that tests (and anyone
    // debugging) can wait for.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <I18nContextProvider>
            <Stylesheet id="leptos" href="/pkg/tidbok.css"/>
            <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
            <Meta name="theme-color" content="#0b4f6c"/>
            <Title formatter=|page: String| {
                if page.is_empty() { "Tidbok".to_owned() } else { format!("{page} – Tidbok") }
            }/>
            <Router>
                <Header/>
                <main id="innehall" tabindex="-1">
                    // Async rendering: every page arrives complete, so it works without JavaScript.
                <Routes fallback=NotFound>
                        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <Footer/>
            </Router>
        </I18nContextProvider>
    }
}
