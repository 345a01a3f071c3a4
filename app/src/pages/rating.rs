//! The question after a meeting: `/betyg/{nyckel}`, reached from the message without signing
//! in, and the same question on Mina sidor until it is answered or closes.

use crate::{
    api::rating::{load_rating, AnswerMyRating, AnswerRating},
    components::{
        fields::{provide_shown_errors, ErrorSummary, RadioGroup, TextArea},
        meeting_words::is_swedish,
        messages::I18n,
    },
    domain::{
        rating::{Helped, MAX_COMMENT},
        time::{day_and_month, stockholm_date},
    },
    i18n::*,
    pages::my_pages::meeting_line,
    paths,
    views::rating::{MyRatingView, RatedMeeting, RatingState, RatingView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RatingPage() -> impl IntoView {
    let i18n = use_i18n();
    let secret = use_params_map().with_untracked(|p| p.get("nyckel").unwrap_or_default());
    let load = load_rating(secret.clone());
    view! {
        <Title text=t_string!(i18n, rating_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, rating_title)}</h1>
            {Suspend::new(async move {
                match load.await {
                    Ok(view) => view! { <ByLink view secret/> }.into_any(),
                    Err(_) => view! {
                        <p class="notice notice--error" role="alert">{t!(i18n, err_internal)}</p>
                    }
                    .into_any(),
                }
            })}
        </div>
    }
}

#[component]
fn ByLink(view: RatingView, secret: String) -> impl IntoView {
    let i18n = use_i18n();
    match view.state {
        RatingState::Open(meeting) => view! {
            <RatingForm meeting form=view.form errors=view.errors action=AnswerRating::PATH hidden=("nyckel", secret)/>
        }
        .into_any(),
        RatingState::Answered => view! {
            <div class="notice notice--success" role="status">
                <p><strong>{t!(i18n, rating_thanks)}</strong></p>
                <p>{t!(i18n, rating_thanks_text)}</p>
            </div>
            <p><a href=paths::HOME>{t!(i18n, erased_home)}</a></p>
        }
        .into_any(),
        RatingState::Closed => view! {
            <p class="notice" role="status">{t!(i18n, rating_closed)}</p>
            <p><a href=paths::HOME>{t!(i18n, erased_home)}</a></p>
        }
        .into_any(),
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "score" => t_string!(i18n, rating_score),
        "helped" => t_string!(i18n, rating_helped),
        _ => t_string!(i18n, rating_comment),
    }
    .to_owned()
}

/// The three questions for one meeting, posted to `action` with the `hidden` field saying
/// which question it answers.
#[component]
pub fn RatingForm(
    meeting: RatedMeeting,
    form: crate::domain::rating::RatingForm,
    errors: crate::domain::field_error::FieldErrors,
    action: &'static str,
    hidden: (&'static str, String),
) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(errors, label_of);
    let scores = vec![
        ("1", t_string!(i18n, rating_score_1)),
        ("2", t_string!(i18n, rating_score_2)),
        ("3", t_string!(i18n, rating_score_3)),
        ("4", t_string!(i18n, rating_score_4)),
        ("5", t_string!(i18n, rating_score_5)),
    ];
    let helped = vec![
        (Helped::Yes.as_str(), t_string!(i18n, rating_helped_yes)),
        (
            Helped::Partly.as_str(),
            t_string!(i18n, rating_helped_partly),
        ),
        (Helped::No.as_str(), t_string!(i18n, rating_helped_no)),
    ];
    let last_day = day_and_month(
        stockholm_date(meeting.closes_at - chrono::Duration::minutes(1)),
        is_swedish(i18n),
    );
    view! {
        <p class="lead">{meeting_line(i18n, &meeting.meeting)}</p>
        <p>{t!(i18n, rating_private)}</p>
        <form method="post" action=action novalidate class="rating-form">
            <input type="hidden" name=hidden.0 value=hidden.1/>
            <ErrorSummary/>
            <RadioGroup key="score" legend=t_string!(i18n, rating_score) value=form.score options=scores/>
            <RadioGroup key="helped" legend=t_string!(i18n, rating_helped) value=form.helped options=helped/>
            <TextArea
                key="comment"
                label=t_string!(i18n, rating_comment)
                hint=t_string!(i18n, rating_comment_hint, max = MAX_COMMENT.to_string()).to_string()
                value=form.comment
                optional=true
            />
            <p class="muted">{t_string!(i18n, rating_open_until, day = last_day).to_string()}</p>
            <p class="actions">
                <button type="submit" class="button">{t!(i18n, rating_send)}</button>
            </p>
        </form>
    }
}

/// Mina sidor's question about the newest meeting not yet rated; thanks once answered.
#[component]
pub fn MyRating(view: MyRatingView) -> impl IntoView {
    let i18n = use_i18n();
    let MyRatingView { open, thanked } = view;
    let question = open.and_then(|v| match v.state {
        RatingState::Open(meeting) => Some((meeting, v.form, v.errors)),
        _ => None,
    });
    (question.is_some() || thanked).then(|| {
        view! {
            <section aria-labelledby="betyg-rubrik" id=paths::MY_RATING tabindex="-1">
                <h2 id="betyg-rubrik">{t!(i18n, rating_title)}</h2>
                {thanked.then(|| view! {
                    <p class="notice notice--success" role="status">{t!(i18n, rating_thanks)}</p>
                })}
                {question.map(|(meeting, form, errors)| {
                    let mote = meeting.meeting.id.to_string();
                    view! { <RatingForm meeting form errors action=AnswerMyRating::PATH hidden=("mote", mote)/> }
                })}
            </section>
        }
    })
}
