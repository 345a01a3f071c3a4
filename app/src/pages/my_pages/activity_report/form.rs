//! `/mina-sidor/aktivitetsrapport/{månad}`: a month's report as a form. Activities are added
//! by kind with buttons that post the form (so it works without JavaScript); each post saves
//! the draft first. With JavaScript the same domain check runs in the browser on review, and
//! changes are saved as they are made.

use super::words::{
    add_text, deadline_text, entry_text, field_text, kind_name, month_text, notice_text,
    stage_name, status_text, way_name,
};
use crate::{
    api::activity_report::{load_report_form, SaveReport},
    components::{
        fields::{
            provide_shown_errors, ErrorSummary, Input, IntentButton, RadioGroup, SelectField,
            TextArea, TextField,
        },
        meeting_words::{channel_name, is_swedish, when_text},
        messages::I18n,
        step_form::StepForm,
    },
    domain::{
        activity_report::report::{
            ActivityField, ActivityForm, ActivityKind, ApplicationWay, Ask, Stage, MAX_ACTIVITIES,
        },
        form_check::FormCheck,
        time::Day,
    },
    i18n::*,
    pages::my_pages::{load_failed, require_sign_in},
    paths,
    views::activity_report::{MonthMeeting, ReportFormView, ReportNotice},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The kinds of the activities on the page, for naming their fields in the error summary.
#[derive(Clone)]
struct PageKinds(Vec<Option<ActivityKind>>);

#[component]
pub fn ReportFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = use_params_map().with_untracked(|p| p.get("manad").unwrap_or_default());
    require_sign_in(&paths::activity_report(&period));
    let correct = use_query_map().with_untracked(|q| q.get("ratta").is_some());
    let load = load_report_form(period, correct);
    view! {
        <Title text=t_string!(i18n, ar_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok((view, notice)) => view! { <ReportForm view notice/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, ar_title)),
            }
        })}
    }
}

/// "Aktivitet 2: Sökt jobb – Arbetsgivare", "Har du arbetat?".
fn label_of(i18n: I18n, key: &str) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["activities", i, field] => {
            let i: usize = i.parse().unwrap_or(0);
            let kind = use_context::<PageKinds>()
                .and_then(|k| k.0.get(i).copied().flatten())
                .unwrap_or(ActivityKind::Other);
            let field = match *field {
                "date" => Some(ActivityField::Date),
                "title" => Some(ActivityField::Title),
                "organisation" => Some(ActivityField::Organisation),
                "town" => Some(ActivityField::Town),
                "way" => Some(ActivityField::Way),
                "stage" => Some(ActivityField::Stage),
                _ => None,
            };
            let entry = entry_text(i18n, i + 1, kind);
            match field {
                Some(f) => format!("{entry} – {}", field_text(i18n, kind, f)),
                None => entry,
            }
        }
        ["meetings", i, _] => {
            t_string!(i18n, ar_meeting_n, n = i.parse::<usize>().unwrap_or(0) + 1).to_string()
        }
        ["activities"] => t_string!(i18n, ar_activities_heading).to_owned(),
        ["worked"] => t_string!(i18n, ar_worked_legend).to_owned(),
        ["days_worked"] => t_string!(i18n, ar_days_worked).to_owned(),
        ["hours_worked"] => t_string!(i18n, ar_hours_worked).to_owned(),
        ["none_reason"] => t_string!(i18n, ar_none_reason).to_owned(),
        _ => key.to_owned(),
    }
}

#[component]
fn ReportForm(view: ReportFormView, notice: Option<ReportNotice>) -> impl IntoView {
    let i18n = use_i18n();
    let period = view.period;
    let code = period.code();
    let month = month_text(i18n, period);
    provide_context(PageKinds(
        view.form
            .activities
            .iter()
            .map(|a| ActivityKind::parse(&a.kind))
            .collect(),
    ));
    provide_shown_errors(view.errors, label_of);
    let form = view.form;
    let count = form.activities.len();
    view! {
        <div class="page page--form">
            <p class="breadcrumb">
                <a href=paths::ACTIVITY_REPORTS>{t!(i18n, ar_title)}</a>
            </p>
            <h1>{t_string!(i18n, ar_form_title, month = month.clone()).to_string()}</h1>
            <p>
                {deadline_text(i18n, view.deadline)} " · "
                <span class="badge">{status_text(i18n, view.status)}</span>
            </p>
            {(view.based_on > 0).then(|| view! { <p class="notice">{t!(i18n, ar_correcting)}</p> })}
            {notice.map(|n| view! { <p class="notice notice--success" role="status">{notice_text(i18n, n)}</p> })}
            <StepForm
                check=FormCheck::Report(period)
                today=Day(view.deadline)
                action=SaveReport::PATH.to_owned()
                autosave=true
            >
                // Enter in a field means "review", not the first button on the page.
                <button type="submit" name="intent" value="next" class="visually-hidden" tabindex="-1" aria-hidden="true">
                    {t!(i18n, ar_review)}
                </button>
                <input type="hidden" name="period" value=code.clone()/>
                <input type="hidden" name="based_on" value=view.based_on.to_string()/>
                <ErrorSummary/>
                <section aria-labelledby="moten" class="report-section">
                    <h2 id="moten">{t!(i18n, ar_meetings_heading)}</h2>
                    {if view.meetings.is_empty() {
                        view! { <p class="muted">{t!(i18n, ar_meetings_none)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t!(i18n, ar_meetings_hint)}</p>
                            {view
                                .meetings
                                .iter()
                                .zip(form.meetings.iter())
                                .enumerate()
                                .map(|(i, (m, answer))| view! { <MeetingQuestion i meeting=m.clone() done=answer.done.clone()/> })
                                .collect_view()}
                        }
                            .into_any()
                    }}
                </section>
                <section aria-labelledby="aktiviteter" class="report-section">
                    <h2 id="aktiviteter">{t!(i18n, ar_activities_heading)}</h2>
                    <p>{t_string!(i18n, ar_activities_hint, month = month.clone()).to_string()}</p>
                    {(count == 0).then(|| view! { <p class="muted">{t!(i18n, ar_no_activities_yet)}</p> })}
                    {form
                        .activities
                        .into_iter()
                        .enumerate()
                        .map(|(i, a)| view! { <ActivityFields i activity=a/> })
                        .collect_view()}
                    {(count < MAX_ACTIVITIES)
                        .then(|| {
                            view! {
                                <div class="report-add" role="group" aria-labelledby="lagg-till">
                                    <p id="lagg-till" class="report-add__title">{t!(i18n, ar_add_title)}</p>
                                    {ActivityKind::ALL
                                        .into_iter()
                                        .map(|k| view! { <IntentButton intent=format!("add-{}", k.code()) label=add_text(i18n, k)/> })
                                        .collect_view()}
                                </div>
                            }
                        })}
                </section>
                <section aria-labelledby="arbete" class="report-section">
                    <h2 id="arbete">{t!(i18n, ar_work_heading)}</h2>
                    <RadioGroup
                        key="worked"
                        legend=t_string!(i18n, ar_worked, month = month.clone()).to_string()
                        value=form.worked
                        options=vec![("ja", t_string!(i18n, yes)), ("nej", t_string!(i18n, no))]
                    />
                    <div class="field-row">
                        <TextField
                            key="days_worked"
                            label=t_string!(i18n, ar_days_worked)
                            hint=t_string!(i18n, ar_if_worked)
                            value=form.days_worked
                            input=Input::TEXT.inputmode("numeric")
                            optional=true
                        />
                        <TextField
                            key="hours_worked"
                            label=t_string!(i18n, ar_hours_worked)
                            hint=t_string!(i18n, ar_hours_hint)
                            value=form.hours_worked
                            input=Input::TEXT.inputmode("numeric")
                            optional=true
                        />
                    </div>
                </section>
                <section aria-labelledby="inga-aktiviteter" class="report-section">
                    <h2 id="inga-aktiviteter">{t!(i18n, ar_none_heading)}</h2>
                    <TextArea
                        key="none_reason"
                        label=t_string!(i18n, ar_none_reason)
                        hint=t_string!(i18n, ar_none_hint)
                        value=form.none_reason
                        optional=true
                    />
                </section>
                <p class="actions">
                    <button type="submit" class="button" name="intent" value="next">
                        {t!(i18n, ar_review)}
                    </button>
                    <button type="submit" class="button button--secondary" name="intent" value="spara">
                        {t!(i18n, ar_save)}
                    </button>
                </p>
            </StepForm>
            <p class="muted save-note">{t!(i18n, ar_saved_note)}</p>
        </div>
    }
}

/// "Blev mötet av?" for one of the month's meetings.
#[component]
fn MeetingQuestion(i: usize, meeting: MonthMeeting, done: String) -> impl IntoView {
    let i18n = use_i18n();
    let kind = if is_swedish(i18n) {
        meeting.meeting_sv.clone()
    } else {
        meeting.meeting_en.clone()
    };
    let legend = format!(
        "{kind}, {} ({}, {})",
        when_text(i18n, meeting.starts_at),
        channel_name(i18n, meeting.channel),
        meeting.counsellor
    );
    view! {
        <input type="hidden" name=format!("form[meetings][{i}][booking]") value=meeting.booking_id.to_string()/>
        <RadioGroup
            key=format!("meetings.{i}.done")
            legend=legend
            hint=t_string!(i18n, ar_meeting_question)
            value=done
            options=vec![("ja", t_string!(i18n, ar_meeting_yes)), ("nej", t_string!(i18n, ar_meeting_no))]
        />
    }
}

/// One activity's fields: those its kind asks for.
#[component]
fn ActivityFields(i: usize, activity: ActivityForm) -> impl IntoView {
    let i18n = use_i18n();
    let kind = ActivityKind::parse(&activity.kind).unwrap_or(ActivityKind::Other);
    let key = move |f: &str| format!("activities.{i}.{f}");
    let n = i + 1;
    let text = move |field: ActivityField, value: String| {
        let ask = kind.asks(field);
        (ask != Ask::Not).then(|| {
            let name = match field {
                ActivityField::Title => "title",
                ActivityField::Organisation => "organisation",
                _ => "town",
            };
            view! {
                <TextField
                    key=key(name)
                    label=field_text(i18n, kind, field)
                    value=value
                    optional=ask == Ask::Optional
                />
            }
        })
    };
    view! {
        <fieldset class="entry" id=format!("aktivitet-{i}") tabindex="-1">
            <legend>{entry_text(i18n, n, kind)}</legend>
            <input type="hidden" name=format!("form[activities][{i}][kind]") value=kind.code()/>
            <TextField
                key=key("date")
                label=field_text(i18n, kind, ActivityField::Date)
                hint=t_string!(i18n, ar_date_hint)
                value=activity.date
                input=Input::TEXT.kind("date")
            />
            {text(ActivityField::Title, activity.title)}
            {text(ActivityField::Organisation, activity.organisation)}
            {text(ActivityField::Town, activity.town)}
            {(kind.asks(ActivityField::Way) != Ask::Not)
                .then(|| {
                    view! {
                        <SelectField
                            key=key("way")
                            label=field_text(i18n, kind, ActivityField::Way)
                            value=activity.way.clone()
                            options=ApplicationWay::ALL.iter().map(|w| (w.code(), way_name(i18n, *w))).collect()
                        />
                        <SelectField
                            key=key("stage")
                            label=field_text(i18n, kind, ActivityField::Stage)
                            value=activity.stage.clone()
                            options=Stage::ALL.iter().map(|s| (s.code(), stage_name(i18n, *s))).collect()
                        />
                    }
                })}
            <IntentButton
                intent=format!("remove-{i}")
                label=t_string!(i18n, ar_remove, n = n, kind = kind_name(i18n, kind)).to_string()
                remove=true
            />
        </fieldset>
    }
}
