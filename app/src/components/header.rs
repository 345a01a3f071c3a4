use super::language_switch::LanguageSwitch;
use crate::paths;
use crate::{
    api::{account::SignOut, employer::EmployerSignOut, staff::StaffSignOut},
    i18n::*,
    views::{account::SignedIn, employer::EmployerSignedIn, staff::StaffSignedIn},
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    // Read from the request (no resource): a second suspended boundary next to the page's
    // own made server rendering stall now and then (leptos-rs/leptos#4851).
    #[cfg(feature = "ssr")]
    let seeker: Option<SignedIn> = crate::ssr::http::signed_in();
    #[cfg(not(feature = "ssr"))]
    let seeker: Option<SignedIn> = None;
    #[cfg(feature = "ssr")]
    let staff: Option<StaffSignedIn> = crate::ssr::http::staff_signed_in();
    #[cfg(not(feature = "ssr"))]
    let staff: Option<StaffSignedIn> = None;
    #[cfg(feature = "ssr")]
    let employer: Option<EmployerSignedIn> = crate::ssr::http::employer_signed_in();
    #[cfg(not(feature = "ssr"))]
    let employer: Option<EmployerSignedIn> = None;
    view! {
        <a class="skip-link" href="#innehall">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href=paths::HOME>
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">{t!(i18n, site_name)}</span>
                </a>
                <nav class="site-nav" aria-label=move || t_string!(i18n, nav_label)>
                    <ul>
                        <li><a href=paths::HOME>{t!(i18n, nav_home)}</a></li>
                        {match (staff, seeker, employer) {
                                    (Some(staff), _, _) => {
                                        view! {
                                            <li><a href=paths::STAFF_HOME>{t!(i18n, nav_calendar)}</a></li>
                                            <li><a href=paths::WORK_HOURS>{t!(i18n, nav_work_hours)}</a></li>
                                            <li><a href=paths::OFFICE>{t!(i18n, nav_office)}</a></li>
                                            <li><a href=paths::PEOPLE>{t!(i18n, nav_people)}</a></li>
                                            <li><a href=paths::OFFICE_REPORTS>{t!(i18n, nav_office_reports)}</a></li>
                                            <li><a href=paths::OFFICE_EMPLOYERS>{t!(i18n, nav_office_employers)}</a></li>
                                            {(staff.role != crate::domain::staff::Role::Counsellor)
                                                .then(|| view! {
                                                    <li><a href=paths::FIGURES>{t!(i18n, nav_figures)}</a></li>
                                                    <li><a href=paths::COVERAGE>{t!(i18n, nav_coverage)}</a></li>
                                                    <li><a href=paths::ACCESS_LOG>{t!(i18n, nav_access_log)}</a></li>
                                                    <li><a href=paths::ADMIN_COUNSELLORS>{t!(i18n, nav_counsellors)}</a></li>
                                                })}
                                            {(staff.role == crate::domain::staff::Role::Admin)
                                                .then(|| view! {
                                                    <li><a href=paths::ADMIN_ACCOUNTS>{t!(i18n, nav_accounts)}</a></li>
                                                    <li><a href=paths::ADMIN_MEETING_TYPES>{t!(i18n, nav_meeting_types)}</a></li>
                                                    <li><a href=paths::ADMIN_OFFICES>{t!(i18n, nav_offices)}</a></li>
                                                    <li><a href=paths::ADMIN_ACCESSIBILITY>{t!(i18n, nav_accessibility_reports)}</a></li>
                                                })}
                                            <li class="site-nav__who">
                                                {t_string!(i18n, nav_signed_in_as, name = staff.first_name).to_string()}
                                            </li>
                                            <li>
                                                <form method="post" action=StaffSignOut::PATH>
                                                    <button type="submit" class="link-button">{t!(i18n, nav_sign_out)}</button>
                                                </form>
                                            </li>
                                        }
                                            .into_any()
                                    }
                                    (None, Some(seeker), _) => {
                                        view! {
                                            <li><a href=paths::BOOK>{t!(i18n, nav_book)}</a></li>
                                            <li><a href=paths::MY_PAGES>{t!(i18n, nav_my_pages)}</a></li>
                                            <li class="site-nav__who">
                                                {t_string!(i18n, nav_signed_in_as, name = seeker.first_name).to_string()}
                                            </li>
                                            <li>
                                                <form method="post" action=SignOut::PATH>
                                                    <button type="submit" class="link-button">{t!(i18n, nav_sign_out)}</button>
                                                </form>
                                            </li>
                                        }
                                            .into_any()
                                    }
                                    (None, None, Some(employer)) => {
                                        view! {
                                            <li><a href=paths::EMPLOYER_HOME>{t!(i18n, nav_employer_home)}</a></li>
                                            <li><a href=paths::EMPLOYER_NEW_NEED>{t!(i18n, nav_employer_new_need)}</a></li>
                                            <li class="site-nav__who">
                                                {t_string!(i18n, nav_signed_in_as, name = employer.first_name).to_string()}
                                            </li>
                                            <li>
                                                <form method="post" action=EmployerSignOut::PATH>
                                                    <button type="submit" class="link-button">{t!(i18n, nav_sign_out)}</button>
                                                </form>
                                            </li>
                                        }
                                            .into_any()
                                    }
                                    (None, None, None) => {
                                        view! {
                                            <li><a href=paths::REGISTER>{t!(i18n, nav_register)}</a></li>
                                            <li><a href=paths::SIGN_IN>{t!(i18n, nav_sign_in)}</a></li>
                                        }
                                            .into_any()
                                    }
                                }}
                    </ul>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}
