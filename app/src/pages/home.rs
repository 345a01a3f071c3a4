//! The start page for job seekers: what the service is, what happens, what to prepare, and
//! where the offices are.

use crate::paths;
use crate::{
    api::offices::list_offices,
    domain::{fold_for_search, OfficeSummary},
    i18n::*,
};
use chrono::Weekday;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=""/>
        <div class="page">
            <section class="hero" aria-labelledby="home-title">
                <h1 id="home-title">{t!(i18n, home_title)}</h1>
                <p class="lead">{t!(i18n, home_lead)}</p>
                <p class="duration">{t!(i18n, home_duration)}</p>
                <p class="form-actions">
                    <a class="button" href=paths::REGISTER>{t!(i18n, home_cta_register)}</a>
                    <a href=paths::SIGN_IN>{t!(i18n, home_cta_sign_in)}</a>
                </p>
            </section>

            <section aria-labelledby="steps-title">
                <h2 id="steps-title">{t!(i18n, home_steps_title)}</h2>
                <ol class="steps">
                    <li>
                        <h3>{t!(i18n, home_step1_title)}</h3>
                        <p>{t!(i18n, home_step1_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step2_title)}</h3>
                        <p>{t!(i18n, home_step2_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step3_title)}</h3>
                        <p>{t!(i18n, home_step3_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step4_title)}</h3>
                        <p>{t!(i18n, home_step4_text)}</p>
                    </li>
                </ol>
            </section>

            <section class="prepare" aria-labelledby="prepare-title">
                <h2 id="prepare-title">{t!(i18n, home_prepare_title)}</h2>
                <ul class="checklist">
                    <li>{t!(i18n, home_prepare_id)}</li>
                    <li>{t!(i18n, home_prepare_contact)}</li>
                    <li>{t!(i18n, home_prepare_work)}</li>
                    <li>{t!(i18n, home_prepare_education)}</li>
                    <li>{t!(i18n, home_prepare_wishes)}</li>
                    <li>{t!(i18n, home_prepare_interpreter)}</li>
                </ul>
            </section>

            <Offices/>
        </div>
    }
}

#[component]
fn Offices() -> impl IntoView {
    let i18n = use_i18n();
    // A plain future, not a resource: see `pages::registration`.
    let offices = list_offices();
    view! {
        <section aria-labelledby="offices-title">
            <h2 id="offices-title">{t!(i18n, home_offices_title)}</h2>
            <p>{t!(i18n, home_offices_lead)}</p>
            {Suspend::new(async move {
                match offices.await {
                    Ok(all) => view! { <OfficeFinder all/> }.into_any(),
                    Err(_) => {
                        view! { <p class="notice notice--error" role="alert">{t!(i18n, home_offices_error)}</p> }
                            .into_any()
                    }
                }
            })}
        </section>
    }
}

/// The office list with its search box: the one interactive part of the page.
#[island]
fn OfficeFinder(all: Vec<OfficeSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(String::new());
    let total = all.len();
    let all = StoredValue::new(all);
    let shown = Memo::new(move |_| {
        let query = fold_for_search(&filter.get());
        all.with_value(|offices| {
            offices
                .iter()
                .filter(|o| {
                    query.is_empty()
                        || fold_for_search(&format!("{} {}", o.name, o.address.city))
                            .contains(&query)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="field">
            <label for="office-filter">{t!(i18n, home_offices_filter)}</label>
            <input
                id="office-filter"
                type="search"
                autocomplete="off"
                bind:value=filter
            />
        </div>
        <p class="muted" role="status" aria-live="polite">
            {t!(i18n, home_offices_count, shown = move || shown.with(Vec::len), total)}
        </p>
        <Show when=move || shown.with(|s| s.is_empty())>
            <p>{t!(i18n, home_offices_none)}</p>
        </Show>
        <ul class="offices">
            <For each=move || shown.get() key=|o| o.id let:office>
                <OfficeCard office/>
            </For>
        </ul>
    }
}

#[component]
fn OfficeCard(office: OfficeSummary) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("office-{}", office.code);
    let tel = format!("tel:{}", office.phone.as_e164());
    let mailto = format!("mailto:{}", office.email);
    let hours: Vec<_> = office.opening_hours.spans().to_vec();
    view! {
        <li class="office">
            <h3 id=heading_id>{office.name.clone()}</h3>
            <dl class="office__facts">
                <dt>{t!(i18n, office_address)}</dt>
                <dd>
                    {office.address.street.clone()}", "
                    {office.address.postcode.to_string()}" "{office.address.city.clone()}
                </dd>
                <dt>{t!(i18n, office_phone)}</dt>
                <dd><a href=tel>{office.phone.display_national()}</a></dd>
                <dt>{t!(i18n, office_email)}</dt>
                <dd><a href=mailto>{office.email.to_string()}</a></dd>
            </dl>
            <table class="hours">
                <caption>{t!(i18n, office_hours)}</caption>
                <tbody>
                    {hours
                        .into_iter()
                        .map(|span| {
                            view! {
                                <tr>
                                    <th scope="row">{weekday_name(i18n, span.weekday)}</th>
                                    <td>
                                        {format!(
                                            "{}–{}",
                                            clock(span.opens),
                                            clock(span.closes),
                                        )}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </li>
    }
}

/// `09.30`: how Swedish writes times of day. By hand rather than chrono's `format`, whose
/// strftime machinery would add to the wasm for two numbers.
fn clock(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}.{:02}", t.hour(), t.minute())
}

fn weekday_name(i18n: leptos_i18n::I18nContext<Locale>, day: Weekday) -> impl IntoView {
    move || match day {
        Weekday::Mon => t_string!(i18n, weekday_mon),
        Weekday::Tue => t_string!(i18n, weekday_tue),
        Weekday::Wed => t_string!(i18n, weekday_wed),
        Weekday::Thu => t_string!(i18n, weekday_thu),
        Weekday::Fri => t_string!(i18n, weekday_fri),
        Weekday::Sat => t_string!(i18n, weekday_sat),
        Weekday::Sun => t_string!(i18n, weekday_sun),
    }
}
