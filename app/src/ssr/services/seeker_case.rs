//! A job seeker's case as staff read it, wherever it is opened (a meeting's panel, the
//! person's own page): who they are and what they need, and everything that happened in
//! the case, in order. The caller checks access and writes the access log first.

use super::case_file::history;
use crate::{
    domain::{
        choices::{DrivingLicence, Extent, Region, Situation},
        SeekerId,
    },
    error::AppError,
    ssr::store::{CaseOf, Store},
    views::case_file::{PanelProfile, PanelSeeker, TimelineEntry},
};
use chrono::{DateTime, Utc};

/// The person and their case's timeline, oldest first.
pub(super) async fn seeker_case(
    store: &Store,
    seeker_id: i64,
    now: DateTime<Utc>,
) -> Result<(PanelSeeker, Vec<TimelineEntry>), AppError> {
    let profile = store
        .seeker_profile(seeker_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let background = store.seeker_background(seeker_id).await?;
    let all_fields = store.list_fields().await?;
    let fields = profile
        .fields
        .iter()
        .filter_map(|code| {
            all_fields
                .iter()
                .find(|f| f.code.as_str() == code)
                .map(|f| (f.name_sv.clone(), f.name_en.clone()))
        })
        .collect();

    let mut bookings = store.seeker_bookings(seeker_id).await?;
    bookings.reverse();
    let notes = store.case_notes(seeker_id).await?;
    let corrections = store
        .outcome_corrections(CaseOf::Seeker(SeekerId(seeker_id)))
        .await?;
    let mut timeline = history(&bookings, corrections, notes);
    let by = store
        .found_person(seeker_id)
        .await?
        .and_then(|p| p.registered_by);
    timeline.push((
        profile.registered_at,
        TimelineEntry::Registered {
            at: profile.registered_at,
            by,
        },
    ));
    timeline.extend(report_entries(store, seeker_id, profile.registered_at, now).await?);
    timeline.sort_by_key(|(at, _)| *at);
    let seeker = PanelSeeker {
        name: format!("{} {}", profile.first_name, profile.last_name),
        email: profile.email,
        phone: crate::domain::PhoneNumber::parse(&profile.phone)
            .map(|p| p.display_national())
            .unwrap_or(profile.phone),
        preferred_language: profile.preferred_language,
        interpreter_language: profile.interpreter_language,
        accessibility_needs: profile.accessibility_needs,
        desired: profile.desired,
        fields,
        experiences: background.experiences,
        educations: background.educations,
        languages: background.languages,
        profile: background.profile.map(|p| PanelProfile {
            extent: Extent::parse(&p.extent),
            situation: Situation::parse(&p.situation),
            regions: codes(&p.regions, Region::parse),
            licences: codes(&p.driving_licences, DrivingLicence::parse),
            skills: p.other_skills,
        }),
    };
    Ok((seeker, timeline.into_iter().map(|(_, e)| e).collect()))
}

/// The values of a comma-separated list of codes; an unknown code is left out.
fn codes<T>(list: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    list.split(',').filter_map(parse).collect()
}

/// The person's activity reports (each month's latest version, with its first version's
/// on-time verdict), the months recorded as missed, and the month due now while it is still
/// to be sent, for the case timeline.
pub(super) async fn report_entries(
    store: &Store,
    seeker_id: i64,
    registered_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, TimelineEntry)>, AppError> {
    use crate::domain::activity_report::{period::ReportPeriod, report::ActivityReport};
    let mut out = Vec::new();
    let sent = store.sent_reports(seeker_id).await?;
    for (i, row) in sent.iter().enumerate() {
        // Newest version first within each month: the first row of a month is its latest.
        if i > 0 && sent[i - 1].period == row.period {
            continue;
        }
        let (Some(period), Ok(report)) = (
            ReportPeriod::parse(&row.period),
            serde_json::from_str::<ActivityReport>(&row.body),
        ) else {
            return Err(crate::ssr::store::StoreError::corrupt("activity report").into());
        };
        let on_time = sent
            .iter()
            .filter(|r| r.period == row.period)
            .min_by_key(|r| r.version)
            .is_some_and(|first| first.on_time);
        out.push((
            row.sent_at,
            TimelineEntry::Report {
                period,
                version: row.version,
                sent_at: row.sent_at,
                on_time,
                report,
            },
        ));
    }
    let due = ReportPeriod::due_at(now);
    if due.applies_to(registered_at)
        && now < due.late_from()
        && !sent.iter().any(|r| r.period == due.code())
    {
        let draft = store
            .report_draft_periods(seeker_id)
            .await?
            .contains(&due.code());
        out.push((
            due.late_from(),
            TimelineEntry::ReportDue { period: due, draft },
        ));
    }
    for (code, recorded_at) in store.missed_reports(seeker_id).await? {
        if let Some(period) = ReportPeriod::parse(&code) {
            out.push((
                recorded_at,
                TimelineEntry::ReportMissed {
                    period,
                    recorded_at,
                },
            ));
        }
    }
    Ok(out)
}
