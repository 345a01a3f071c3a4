//! The report pages' words for months, statuses, kinds of activity and fields.

use crate::{
    components::{meeting_words::is_swedish, messages::I18n},
    domain::{
        activity_report::{
            period::{ReportPeriod, ReportStatus},
            report::{Activity, ActivityField, ActivityKind, ApplicationWay, Stage},
        },
        time::{day_and_month, month_and_year},
    },
    i18n::*,
    views::activity_report::ReportNotice,
};
use chrono::NaiveDate;

/// `april 2027`.
pub fn month_text(i18n: I18n, period: ReportPeriod) -> String {
    month_and_year(period.first_day(), is_swedish(i18n))
}

/// "Senast 14 maj".
pub fn deadline_text(i18n: I18n, day: NaiveDate) -> String {
    t_string!(
        i18n,
        ar_deadline,
        date = day_and_month(day, is_swedish(i18n))
    )
    .to_string()
}

pub fn status_text(i18n: I18n, status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::NotStarted => t_string!(i18n, ar_status_not_started),
        ReportStatus::Draft => t_string!(i18n, ar_status_draft),
        ReportStatus::Sent => t_string!(i18n, ar_status_sent),
        ReportStatus::SentLate => t_string!(i18n, ar_status_sent_late),
        ReportStatus::Late => t_string!(i18n, ar_status_late),
    }
}

pub fn notice_text(i18n: I18n, notice: ReportNotice) -> &'static str {
    match notice {
        ReportNotice::Saved => t_string!(i18n, ar_saved),
        ReportNotice::Sent => t_string!(i18n, ar_notice_sent),
        ReportNotice::AlreadySent => t_string!(i18n, ar_notice_already),
    }
}

pub fn kind_name(i18n: I18n, kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Applied => t_string!(i18n, ar_kind_applied),
        ActivityKind::Interview => t_string!(i18n, ar_kind_interview),
        ActivityKind::Course => t_string!(i18n, ar_kind_course),
        ActivityKind::Placement => t_string!(i18n, ar_kind_placement),
        ActivityKind::Guidance => t_string!(i18n, ar_kind_guidance),
        ActivityKind::Other => t_string!(i18n, ar_kind_other),
    }
}

/// The button that adds an activity of a kind.
pub fn add_text(i18n: I18n, kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Applied => t_string!(i18n, ar_add_applied),
        ActivityKind::Interview => t_string!(i18n, ar_add_interview),
        ActivityKind::Course => t_string!(i18n, ar_add_course),
        ActivityKind::Placement => t_string!(i18n, ar_add_placement),
        ActivityKind::Guidance => t_string!(i18n, ar_add_guidance),
        ActivityKind::Other => t_string!(i18n, ar_add_other),
    }
}

pub fn way_name(i18n: I18n, way: ApplicationWay) -> &'static str {
    match way {
        ApplicationWay::Advertised => t_string!(i18n, ar_way_advertised),
        ApplicationWay::Spontaneous => t_string!(i18n, ar_way_spontaneous),
        ApplicationWay::CounsellorTip => t_string!(i18n, ar_way_tip),
    }
}

pub fn stage_name(i18n: I18n, stage: Stage) -> &'static str {
    match stage {
        Stage::Sent => t_string!(i18n, ar_stage_sent),
        Stage::Interview => t_string!(i18n, ar_stage_interview),
        Stage::Offered => t_string!(i18n, ar_stage_offered),
        Stage::NotChosen => t_string!(i18n, ar_stage_not_chosen),
    }
}

/// What a field of an activity of `kind` is called.
pub fn field_text(i18n: I18n, kind: ActivityKind, field: ActivityField) -> &'static str {
    use ActivityField as F;
    use ActivityKind as K;
    match (field, kind) {
        (F::Date, _) => t_string!(i18n, ar_date),
        (F::Title, K::Applied | K::Interview) => t_string!(i18n, ar_title_job),
        (F::Title, K::Course) => t_string!(i18n, ar_title_course),
        (F::Title, K::Placement) => t_string!(i18n, ar_title_placement),
        (F::Title, K::Guidance) => t_string!(i18n, ar_title_guidance),
        (F::Title, K::Other) => t_string!(i18n, ar_title_other),
        (F::Organisation, K::Applied | K::Interview) => t_string!(i18n, ar_org_employer),
        (F::Organisation, K::Placement) => t_string!(i18n, ar_org_workplace),
        (F::Organisation, K::Guidance) => t_string!(i18n, ar_org_guidance),
        (F::Organisation, _) => t_string!(i18n, ar_org_provider),
        (F::Town, _) => t_string!(i18n, ar_town),
        (F::Way, _) => t_string!(i18n, ar_way),
        (F::Stage, _) => t_string!(i18n, ar_stage),
    }
}

/// "Aktivitet 2: Sökt jobb".
pub fn entry_text(i18n: I18n, n: usize, kind: ActivityKind) -> String {
    t_string!(i18n, ar_entry, n = n, kind = kind_name(i18n, kind)).to_string()
}

/// "12 april – Sökt jobb: Lagerarbetare, Postnord, Borås (annonserat jobb, ansökan skickad)".
pub fn activity_line(i18n: I18n, a: &Activity) -> String {
    let swedish = is_swedish(i18n);
    let joined = [a.title.as_str(), a.organisation.as_str(), a.town.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let extra: Vec<&str> = a
        .way
        .map(|w| way_name(i18n, w))
        .into_iter()
        .chain(a.stage.map(|s| stage_name(i18n, s)))
        .collect();
    let mut line = format!(
        "{} – {}: {joined}",
        day_and_month(a.date, swedish),
        kind_name(i18n, a.kind)
    );
    if !extra.is_empty() {
        line.push_str(&format!(" ({})", extra.join(", ").to_lowercase()));
    }
    line
}
