//! `/personal/personer/{id}`: a person's case for staff, also for someone without any
//! meeting (registered at the desk, or phoning): who they are, their first meeting (book it
//! with the picker, or seat a walk-in now with a counsellor free within the hour), what is
//! coming, the whole case so far and a contact note. Plain forms, with or without JavaScript.

use super::{
    meeting_panel::{seeker_details, timeline_list},
    people::note_form,
    require_staff, staff_load_failed,
};
use crate::{
    api::person_case::{load_person_case, SeatWalkIn, SendSeekerLink},
    components::meeting_words::{channel_icon, channel_name, is_swedish, when_text},
    domain::time::clock,
    i18n::*,
    paths,
    views::person_case::{CaseDone, FirstMeeting, FreeNow, OwnSignIn, PersonCase, SeatRefusal},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonCasePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    require_staff(&paths::person_case(&id));
    let load = load_person_case(id);
    view! {
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(case) => view! { <CaseView case/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, pc_title),
                    t_string!(i18n, case_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn CaseView(case: PersonCase) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let PersonCase {
        id,
        seeker,
        number,
        office,
        registered_online,
        registered_by,
        registered_at,
        sign_in,
        timeline,
        coming,
        first,
        may_seat,
        free_now,
        done,
        note,
        note_errors,
        seat_refused,
    } = case;
    let name = seeker.name.clone();
    let done = done.map(|d| match d {
        CaseDone::Registered => {
            t_string!(i18n, pc_done_registered, name = name.clone()).to_string()
        }
        CaseDone::Booked => t_string!(i18n, pc_done_booked).to_owned(),
        CaseDone::Seated => t_string!(i18n, pc_done_seated).to_owned(),
        CaseDone::Noted => t_string!(i18n, pc_done_noted).to_owned(),
        CaseDone::LinkSent => t_string!(i18n, pc_done_link_sent).to_owned(),
    });
    let registered = match (registered_online, registered_by) {
        (true, _) => t_string!(
            i18n,
            ppl_registered_online,
            when = when_text(i18n, registered_at)
        )
        .to_string(),
        (false, Some(by)) => t_string!(
            i18n,
            pc_registered_by,
            name = by,
            when = when_text(i18n, registered_at)
        )
        .to_string(),
        (false, None) => t_string!(
            i18n,
            ppl_registered_staff,
            when = when_text(i18n, registered_at)
        )
        .to_string(),
    };
    view! {
        <Title text=format!("{} – {}", name, t_string!(i18n, pc_title))/>
        <div class="page page--wide person-case">
            <p><a href=paths::PEOPLE>{t!(i18n, pc_back)}</a></p>
            <h1>{name.clone()}</h1>
            {done.map(|text| view! {
                <p class="notice notice--success" role="status" id="klart">{text}</p>
            })}
            <p class="lead">
                {number} " · " {office.unwrap_or_else(|| "–".to_owned())} <br/> {registered}
            </p>

            <section aria-labelledby="forsta-rubrik" class="person-case__first">
                <h2 id="forsta-rubrik">{t!(i18n, pc_first)}</h2>
                {match first {
                    FirstMeeting::ToBook => view! {
                        <p>{t!(i18n, pc_first_none)}</p>
                        <p><a class="button" href=paths::staff_book(id)>{t!(i18n, pc_book)}</a></p>
                        {may_seat.then(|| view! { <WalkIn id free_now seat_refused/> })}
                    }.into_any(),
                    FirstMeeting::Booked { starts_at, href } => view! {
                        <p>
                            {t_string!(i18n, pc_first_booked, when = when_text(i18n, starts_at)).to_string()} " "
                            <a href=href>{t!(i18n, pc_open_meeting)}</a>
                        </p>
                    }.into_any(),
                    FirstMeeting::Held { href } => view! {
                        <p>
                            {t!(i18n, pc_first_held)} " "
                            <a href=href>{t!(i18n, pc_open_meeting)}</a>
                        </p>
                    }.into_any(),
                }}
            </section>

            {(!coming.is_empty()).then(|| view! {
                <section aria-labelledby="kommande-rubrik">
                    <h2 id="kommande-rubrik">{t!(i18n, pc_coming)}</h2>
                    <ul>
                        {coming.into_iter().map(|m| view! {
                            <li>
                                <a href=m.href>
                                    {format!("{}: {}", if swedish { m.meeting_sv } else { m.meeting_en }, when_text(i18n, m.starts_at))}
                                </a>
                                " · " <span aria-hidden="true">{channel_icon(m.channel)}</span> " "
                                {format!("{} · {}", channel_name(i18n, m.channel), m.counsellor)}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}

            {(sign_in != OwnSignIn::Made).then(|| view! { <SignInLink id sign_in/> })}

            <section aria-labelledby="anteckning-rubrik" id="anteckning">
                <h2 id="anteckning-rubrik">{t!(i18n, ppl_note_title)}</h2>
                {note_form(i18n, id, &note, &note_errors, true)}
            </section>

            <h2 id="tidslinje">{t!(i18n, case_timeline)}</h2>
            {timeline_list(i18n, timeline, 0)}

            <section aria-labelledby="uppgifter-rubrik" class="person-case__details">
                <h2 id="uppgifter-rubrik">{t!(i18n, pc_details)}</h2>
                {seeker_details(i18n, &seeker)}
            </section>
        </div>
    }
}

/// A person registered by staff has no sign-in until they make one with the link they were
/// sent; staff can send a new link when that one no longer works, or never reached them.
#[component]
fn SignInLink(id: i64, sign_in: OwnSignIn) -> impl IntoView {
    let i18n = use_i18n();
    let state = match sign_in {
        OwnSignIn::Waiting { until } => {
            t_string!(i18n, pc_link_waiting, until = when_text(i18n, until)).to_string()
        }
        _ => t_string!(i18n, pc_link_lapsed).to_owned(),
    };
    view! {
        <section aria-labelledby="konto-rubrik" id="konto">
            <h2 id="konto-rubrik">{t!(i18n, pc_link_title)}</h2>
            <p>{state}</p>
            <form method="post" action=SendSeekerLink::PATH>
                <input type="hidden" name="person" value=id.to_string()/>
                <button type="submit" class="button button--secondary">{t!(i18n, pc_link_send)}</button>
            </form>
        </section>
    }
}

/// A walk-in seated right away with a counsellor of the office who is free within the hour.
#[component]
fn WalkIn(id: i64, free_now: Vec<FreeNow>, seat_refused: Option<SeatRefusal>) -> impl IntoView {
    let i18n = use_i18n();
    let error = seat_refused.map(|r| match r {
        SeatRefusal::NoChoice => t_string!(i18n, pc_seat_choose),
        SeatRefusal::Taken => t_string!(i18n, pc_seat_taken),
    });
    view! {
        <section id="direkt" aria-labelledby="direkt-rubrik" tabindex="-1" class="card">
            <h3 id="direkt-rubrik">{t!(i18n, pc_walk_in)}</h3>
            <p class="field__hint">{t!(i18n, pc_walk_in_hint)}</p>
            {if free_now.is_empty() {
                // A refusal is said even when, by now, nobody is free to choose instead.
                view! {
                    {error.map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
                    <p role="status">{t!(i18n, pc_walk_in_none)}</p>
                }.into_any()
            } else {
                view! {
                    <form method="post" action=SeatWalkIn::PATH novalidate>
                        <input type="hidden" name="person" value=id.to_string()/>
                        <fieldset class="field" class:field--error=error.is_some() aria-describedby="f-direkt-fel">
                            <legend>{t!(i18n, pc_walk_in_who)}</legend>
                            <p class="field__error" id="f-direkt-fel" role=error.map(|_| "alert")>{error}</p>
                            {free_now.into_iter().enumerate().map(|(i, f)| {
                                let radio = format!("f-direkt-{i}");
                                let text = if f.knows_field {
                                    t_string!(i18n, pc_walk_in_knows, time = clock(f.start), name = f.counsellor.clone()).to_string()
                                } else {
                                    format!("{} · {}", clock(f.start), f.counsellor)
                                };
                                view! {
                                    <div>
                                        <input type="radio" id=radio.clone() name="tid" value=f.value/>
                                        " "
                                        <label for=radio>{text}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <button type="submit" class="button button--secondary">{t!(i18n, pc_walk_in_go)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
