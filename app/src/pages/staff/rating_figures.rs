//! The figures page's ratings: per office, counsellor, way and kind of meeting, each with how
//! many were asked and answered, and results only from five answers on; then what people
//! wrote, with the month only.

use super::figures::one_decimal;
use crate::{
    components::meeting_words::{channel_name, is_swedish},
    domain::{
        rating::TallyShown,
        time::{month_and_year, stockholm_date},
    },
    i18n::*,
    views::rating::RatingFigures,
};
use leptos::prelude::*;

/// `80 %`.
fn percent(v: f64) -> String {
    format!("{:.0}\u{a0}%", v * 100.0)
}

#[component]
fn TallyRow(name: String, tally: TallyShown) -> impl IntoView {
    let i18n = use_i18n();
    let answers = match tally.response_rate {
        Some(rate) => format!("{} ({})", tally.answers, percent(rate)),
        None => tally.answers.to_string(),
    };
    let (mean, helped) = match tally.results {
        Some(r) => (
            t_string!(
                i18n,
                fig_ratings_mean_value,
                mean = one_decimal(i18n, Some(r.mean))
            )
            .to_string(),
            format!(
                "{} / {} / {}",
                percent(r.yes),
                percent(r.partly),
                percent(r.no)
            ),
        ),
        None => {
            let few = t_string!(i18n, fig_ratings_too_few).to_owned();
            (few.clone(), few)
        }
    };
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{tally.asked}</td>
            <td>{answers}</td>
            <td>{mean}</td>
            <td>{helped}</td>
        </tr>
    }
}

#[component]
pub fn Ratings(figures: RatingFigures, counsellors: Vec<(String, TallyShown)>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let RatingFigures {
        office,
        by_channel,
        by_meeting_type,
        comments,
    } = figures;
    let rows = std::iter::once((t_string!(i18n, fig_ratings_office).to_owned(), office))
        .chain(counsellors)
        .chain(
            by_channel
                .into_iter()
                .map(|(c, t)| (channel_name(i18n, c).to_owned(), t)),
        )
        .chain(
            by_meeting_type
                .into_iter()
                .map(|(sv, en, t)| (if swedish { sv } else { en }, t)),
        )
        .map(|(name, tally)| view! { <TallyRow name tally/> })
        .collect_view();
    view! {
        <section aria-labelledby="fig-betyg">
            <h2 id="fig-betyg">{t!(i18n, fig_ratings)}</h2>
            <p>{t!(i18n, fig_ratings_lead)}</p>
            <div class="table-scroll" role="region" aria-labelledby="fig-betyg" tabindex="0">
                <table class="chart">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fig_ratings_group)}</th>
                            <th scope="col">{t!(i18n, fig_ratings_asked)}</th>
                            <th scope="col">{t!(i18n, fig_ratings_answers)}</th>
                            <th scope="col">{t!(i18n, fig_ratings_mean)}</th>
                            <th scope="col">{t!(i18n, fig_ratings_helped)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{t!(i18n, fig_ratings_comments)}</h3>
            <p class="muted">{t!(i18n, fig_ratings_comments_lead)}</p>
            {if comments.is_empty() {
                view! { <p>{t!(i18n, fig_ratings_no_comments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="rating-comments">
                        {comments
                            .into_iter()
                            .map(|c| view! {
                                <li>
                                    <p class="rating-comments__when">
                                        {month_and_year(stockholm_date(c.written), swedish)}
                                    </p>
                                    <p>{c.text}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
