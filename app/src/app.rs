use crate::{
    components::{footer::Footer, header::Header},
    i18n::*,
    pages::{
        accessibility::AccessibilityPage,
        book::BookPage,
        employer::{
            EmployerBookPage, EmployerHomePage, EmployerMeetingPage, EmployerRegisterPage,
            EmployerStartPage, InvitationPage, NeedFormPage,
        },
        home::HomePage,
        my_pages::{
            AccountErasedPage, CancelPage, EraseAccountPage, MeetingPage, MyCasePage, MyPages,
            PersonalDataPage, ProfilePage, ReceiptPage, ReportFormPage, ReportsPage, ReviewPage,
        },
        not_found::NotFound,
        rating::RatingPage,
        registration::{AssistedRegistrationPage, RegistrationPage},
        seeker_password::SeekerPasswordPage,
        sign_in::SignInPage,
        staff::{
            AccessLogPage, AccessibilityReportsPage, AccountPage, AccountsPage, AdminOfficePage,
            AdminOfficesPage, CalendarPage, CounsellorPage, CounsellorsPage, CoveragePage,
            FiguresPage, MeetingTypesPage, OfficeEmployersPage, OfficePage, OfficeReportsPage,
            PasswordLinkPage, PeoplePage, PersonCasePage, StaffBookPage, StaffSignInPage,
            WorkHoursPage,
        },
    },
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    OptionalParamSegment, ParamSegment, SsrMode, StaticSegment,
};

/// The HTML document around the app. `lang` on `<html>` is set by the i18n provider.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let options = scripts_for_page(options);
    #[cfg(feature = "ssr")]
    crate::ssr::content_policy::set_for_page();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Where the staff pages' wasm and stylesheet are (built by `scripts/build-staff.sh`).
pub const STAFF_PKG: &str = "staff";

/// The staff pages (`/personal/…`) load their own wasm, which holds the staff islands as
/// well as the shared ones; every other page loads the job seekers' smaller one.
#[cfg(feature = "ssr")]
fn scripts_for_page(options: LeptosOptions) -> LeptosOptions {
    let staff = use_context::<http::request::Parts>()
        .is_some_and(|parts| crate::paths::is_staff(parts.uri.path()));
    let mut options = options;
    if staff {
        options.output_name = STAFF_PKG.into();
        options.site_pkg_dir = STAFF_PKG.into();
    }
    options
}

#[cfg(not(feature = "ssr"))]
fn scripts_for_page(options: LeptosOptions) -> LeptosOptions {
    options
}

/// The language cookie, shared with the server's no-JavaScript switch (`/sprak/{locale}`).
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";

/// The `Set-Cookie` value that keeps a language choice for a year; written by the server's
/// switch and by the switch in the browser alike.
pub fn language_cookie(locale: &str) -> String {
    format!("{LANGUAGE_COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// How the server picks the language: a choice made with the switch (the cookie) first,
/// then the browser's Accept-Language. leptos_i18n's own cookie support would do the same
/// but adds about 27 KB (brotli) of cookie handling to the wasm, so the server reads the
/// cookie here and the switch writes it.
#[cfg(feature = "ssr")]
fn language_preference() -> leptos_i18n::context::UseLocalesOptions {
    use http::header::ACCEPT_LANGUAGE;
    leptos_i18n::context::UseLocalesOptions::default().ssr_lang_header_getter(|| {
        let chosen = crate::ssr::http::cookie(LANGUAGE_COOKIE);
        let parts = use_context::<http::request::Parts>()?;
        chosen.or_else(|| {
            parts
                .headers
                .get(ACCEPT_LANGUAGE)?
                .to_str()
                .ok()
                .map(str::to_owned)
        })
    })
}

/// In the browser the language comes from `<html lang>`, which the server set.
#[cfg(not(feature = "ssr"))]
fn language_preference() -> leptos_i18n::context::UseLocalesOptions {
    Default::default()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <LanguageProvider>
            <Stylesheet id="leptos" href="/pkg/tidbok.css"/>
            <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
            <Meta name="theme-color" content="#0b4f6c"/>
            <Title formatter=|page: String| {
                if page.is_empty() { "Tidbok".to_owned() } else { format!("{page} – Tidbok") }
            }/>
            <HydrationMarker/>
            <Router>
                <Header/>
                <main id="innehall" tabindex="-1">
                    // Async rendering: every page arrives complete, so it works without JavaScript.
                    <Routes fallback=NotFound>
                        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("registrera"), OptionalParamSegment("steg"))
                            view=RegistrationPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("logga-in") view=SignInPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("konto"), StaticSegment("losenord"), ParamSegment("secret"))
                            view=SeekerPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("arbetsgivare") view=EmployerStartPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("logga-in"))
                            view=EmployerStartPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("registrera"))
                            view=EmployerRegisterPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("oversikt"))
                            view=EmployerHomePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("behov"), StaticSegment("nytt"))
                            view=NeedFormPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("behov"), ParamSegment("id"))
                            view=NeedFormPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("boka"))
                            view=EmployerBookPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("mote"), ParamSegment("id"))
                            view=EmployerMeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("arbetsgivare"), StaticSegment("inbjudan"), ParamSegment("nyckel"))
                            view=InvitationPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("boka") view=BookPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("mina-sidor") view=MyPages ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("mina-sidor"), StaticSegment("arende"))
                            view=MyCasePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("mina-sidor"), StaticSegment("uppgifter"))
                            view=ProfilePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("mina-sidor"), StaticSegment("personuppgifter"))
                            view=PersonalDataPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("mina-sidor"),
                                StaticSegment("personuppgifter"),
                                StaticSegment("ta-bort-kontot"),
                            )
                            view=EraseAccountPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("kontot-borttaget") view=AccountErasedPage/>
                        <Route
                            path=(StaticSegment("betyg"), ParamSegment("nyckel"))
                            view=RatingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("mina-sidor"), StaticSegment("aktivitetsrapport"))
                            view=ReportsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("mina-sidor"),
                                StaticSegment("aktivitetsrapport"),
                                ParamSegment("manad"),
                            )
                            view=ReportFormPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("mina-sidor"),
                                StaticSegment("aktivitetsrapport"),
                                ParamSegment("manad"),
                                StaticSegment("granska"),
                            )
                            view=ReviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("mina-sidor"),
                                StaticSegment("aktivitetsrapport"),
                                ParamSegment("manad"),
                                StaticSegment("version"),
                                ParamSegment("version"),
                            )
                            view=ReceiptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("mina-sidor"), StaticSegment("mote"), ParamSegment("id"))
                            view=MeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("mina-sidor"),
                                StaticSegment("mote"),
                                ParamSegment("id"),
                                StaticSegment("avboka"),
                            )
                            view=CancelPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("logga-in"))
                            view=StaffSignInPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("kalender"))
                            view=CalendarPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("arbetstider"))
                            view=WorkHoursPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("kontor"))
                            view=OfficePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("kontor"),
                                StaticSegment("uppfoljning"),
                            )
                            view=FiguresPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("kontor"),
                                StaticSegment("aktivitetsrapporter"),
                            )
                            view=OfficeReportsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("kontor"),
                                StaticSegment("arbetsgivare"),
                            )
                            view=OfficeEmployersPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("personer"))
                            view=PeoplePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("personer"),
                                ParamSegment("id"),
                            )
                            view=PersonCasePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("boka"))
                            view=StaffBookPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("registrera"),
                                ParamSegment("kod"),
                                ParamSegment("steg"),
                            )
                            view=AssistedRegistrationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("atkomstlogg"),
                            )
                            view=AccessLogPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("tackning"),
                            )
                            view=CoveragePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("handlaggare"),
                            )
                            view=CounsellorsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("handlaggare"),
                                ParamSegment("id"),
                            )
                            view=CounsellorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("konton"),
                            )
                            view=AccountsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("konton"),
                                ParamSegment("id"),
                            )
                            view=AccountPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("motestyper"),
                            )
                            view=MeetingTypesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("kontor"),
                            )
                            view=AdminOfficesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("kontor"),
                                ParamSegment("id"),
                            )
                            view=AdminOfficePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("personal"),
                                StaticSegment("admin"),
                                StaticSegment("tillganglighet"),
                            )
                            view=AccessibilityReportsPage
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("tillganglighet") view=AccessibilityPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("personal"), StaticSegment("losenord"), ParamSegment("secret"))
                            view=PasswordLinkPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
                <Footer/>
            </Router>
        </LanguageProvider>
    }
}

/// Marks `<body data-hydrated>` once the page's islands are live: tests (and anyone
/// debugging) can wait for it. Effects run only in the browser.
#[island]
fn HydrationMarker() -> impl IntoView {
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// Provides the page's language to everything inside it, islands included. The generated
/// `I18nContextProvider` island cannot take our cookie-aware language preference, so this
/// one builds the same context from it. In the browser the language comes from `<html lang>`.
#[island]
fn LanguageProvider(children: Children) -> impl IntoView {
    let i18n = leptos_i18n::context::init_i18n_context_with_options::<Locale>(
        leptos_i18n::context::I18nContextOptions::default()
            .ssr_lang_header_getter(language_preference()),
    );
    provide_context(i18n);
    let lang = move || i18n.get_locale().as_str();
    view! {
        {children()}
        <Html attr:lang=lang/>
    }
}
