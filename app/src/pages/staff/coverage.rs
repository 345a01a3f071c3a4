//! `/personal/admin/tackning`: for each office and occupational field, how many counsellors
//! can take a job seeker, by way of meeting and language; fields nobody covers, and ways of
//! meeting nobody offers, are marked in words.

use super::{require_staff, staff_load_failed};
use crate::{
    api::coverage::load_coverage,
    components::{
        meeting_words::{channel_name, is_swedish},
        messages::language_name,
    },
    domain::{choices::LanguageCode, Channel},
    i18n::*,
    paths,
    views::coverage::{CoverageView, OfficeCover},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn CoveragePage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::COVERAGE);
    let load = load_coverage();
    view! {
        <Title text=t_string!(i18n, cov_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Coverage view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, cov_title),
                    t_string!(i18n, log_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn Coverage(view: CoverageView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page page--wide coverage">
            <h1>{t!(i18n, cov_title)}</h1>
            <p class="lead">{t!(i18n, cov_lead)}</p>
            {view.offices.into_iter().enumerate().map(|(i, o)| view! { <Office office=o index=i/> }).collect_view()}
        </div>
    }
}

#[component]
fn Office(office: OfficeCover, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let heading = format!("cov-{index}");
    let summary = if office.uncovered == 0 {
        t_string!(i18n, cov_all_covered).to_owned()
    } else {
        t_string!(i18n, cov_uncovered, n = office.uncovered).to_string()
    };
    view! {
        <h2 id=heading.clone()>{office.office.clone()}</h2>
        <p>{summary}</p>
        <div class="table-scroll" role="region" aria-labelledby=heading tabindex="0">
            <table class="coverage__table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, fu_field)}</th>
                        <th scope="col">{t!(i18n, cov_counsellors)}</th>
                        {Channel::ALL.into_iter().map(|c| view! { <th scope="col">{channel_name(i18n, c)}</th> }).collect_view()}
                        <th scope="col">{t!(i18n, fu_language)}</th>
                    </tr>
                </thead>
                <tbody>
                    {office.rows.into_iter().map(|r| {
                        let field = if swedish { r.field_sv.clone() } else { r.field_en.clone() };
                        let uncovered = r.counsellors == 0;
                        let languages = r.languages.iter().filter_map(|l| LanguageCode::parse(l)).map(|l| language_name(i18n, l)).collect::<Vec<_>>().join(", ");
                        view! {
                            <tr class:coverage__gap=uncovered>
                                <th scope="row">{field}</th>
                                <td>
                                    {if uncovered {
                                        view! { <strong>"⚠ " {t!(i18n, cov_nobody)}</strong> }.into_any()
                                    } else {
                                        view! { {r.counsellors} }.into_any()
                                    }}
                                </td>
                                {Channel::ALL.into_iter().zip(r.by_channel).map(|(c, n)| {
                                    let gap = r.channel_gaps.contains(&c);
                                    view! {
                                        <td class:coverage__gap-cell=gap>
                                            {n}
                                            {gap.then(|| view! { " " <span class="tag tag--closed">"⚠ " {t!(i18n, cov_channel_gap)}</span> })}
                                        </td>
                                    }
                                }).collect_view()}
                                <td>{languages}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
