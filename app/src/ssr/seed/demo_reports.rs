//! The demo's activity reports, written the way a job seeker sends them, so every view has
//! something to show: every month since they registered for those registered long ago (mostly on time,
//! one sent late, one month missed and recorded in the case), and for the month due now some
//! sent, some drafts and the rest not begun. Their reminders are written and, like all demo
//! messages, dropped unsent.

use super::SeedError;
use crate::{
    domain::{
        activity_report::{
            period::{reportable, ReportPeriod},
            report::{ActivityForm, ReportForm},
        },
        time::{iso_date, stockholm_date},
        BookingStatus,
    },
    ssr::{
        services::activity_reports::schedule_reminders,
        store::{NewReport, Store},
    },
};
use chrono::{DateTime, Days, Duration, Utc};

const EMPLOYERS: [(&str, &str, &str); 6] = [
    ("Lagerarbetare", "Postnord", "Borås"),
    ("Butikssäljare", "ICA Kvantum", "Stockholm"),
    ("Undersköterska", "Region Stockholm", "Huddinge"),
    ("Kock", "Restaurang Tre Kronor", "Solna"),
    ("Bussförare", "Keolis", "Stockholm"),
    ("Städare", "Samhall", "Södertälje"),
];

/// The report seeker `i` sends for `period`: applications, sometimes a course or an
/// interview, the month's Tidbok meetings confirmed as recorded, and work in some months.
fn form(i: usize, period: ReportPeriod, meetings: &[(i64, bool)]) -> ReportForm {
    let day = |d: u64| iso_date(period.first_day() + Days::new(d));
    let mut activities: Vec<ActivityForm> = (0..2 + i % 3)
        .map(|k| {
            let (title, employer, town) = EMPLOYERS[(i + k) % EMPLOYERS.len()];
            ActivityForm {
                kind: "sokt".into(),
                date: day(2 + 6 * k as u64),
                title: title.into(),
                organisation: employer.into(),
                town: town.into(),
                way: ["annons", "spontan", "tips"][(i + k) % 3].into(),
                stage: ["skickad", "intervju", "ej-vald"][(i * 2 + k) % 3].into(),
            }
        })
        .collect();
    if i.is_multiple_of(2) {
        activities.push(ActivityForm {
            kind: "utbildning".into(),
            date: day(9),
            title: if i.is_multiple_of(4) {
                "sfi kurs C"
            } else {
                "Truckkort A+B"
            }
            .into(),
            organisation: "Komvux".into(),
            ..ActivityForm::default()
        });
    }
    if i % 3 == 1 {
        let (title, employer, _) = EMPLOYERS[i % EMPLOYERS.len()];
        activities.push(ActivityForm {
            kind: "intervju".into(),
            date: day(15),
            title: title.into(),
            organisation: employer.into(),
            ..ActivityForm::default()
        });
    }
    let worked = i % 5 == 2;
    ReportForm {
        meetings: meetings
            .iter()
            .map(
                |(id, held)| crate::domain::activity_report::report::MeetingAnswerForm {
                    booking: id.to_string(),
                    done: if *held { "ja" } else { "nej" }.into(),
                },
            )
            .collect(),
        activities,
        worked: if worked { "ja" } else { "nej" }.into(),
        days_worked: if worked { "3".into() } else { String::new() },
        hours_worked: if worked { "22".into() } else { String::new() },
        none_reason: String::new(),
    }
}

/// The person's Tidbok meetings in the month, and whether each was held.
async fn month_meetings(
    store: &Store,
    seeker: i64,
    period: ReportPeriod,
) -> Result<Vec<(i64, bool)>, SeedError> {
    Ok(store
        .seeker_bookings(seeker)
        .await?
        .into_iter()
        .filter(|b| {
            b.status != BookingStatus::Cancelled && period.contains(stockholm_date(b.starts_at))
        })
        .map(|b| (b.id, b.status == BookingStatus::Held))
        .collect())
}

async fn send(
    store: &Store,
    seeker: i64,
    i: usize,
    period: ReportPeriod,
    sent_at: DateTime<Utc>,
) -> Result<(), SeedError> {
    let meetings = month_meetings(store, seeker, period).await?;
    let ids: Vec<i64> = meetings.iter().map(|(id, _)| *id).collect();
    let report = form(i, period, &meetings)
        .parse(period, &ids)
        .map_err(|e| SeedError::Staff(format!("demo report {i} {}: {e:?}", period.code())))?;
    let body = serde_json::to_string(&report)
        .map_err(|e| SeedError::Staff(format!("demo report: {e}")))?;
    store
        .send_report(&NewReport {
            seeker_id: seeker,
            period,
            based_on: 0,
            sent_at,
            on_time: sent_at < period.late_from(),
            activity_count: report.activity_count() as i64,
            hours_worked: report.work.map_or(0, |w| i64::from(w.hours)),
            body: &body,
        })
        .await?;
    Ok(())
}

/// Writes the demo's reports; returns how many were sent.
pub(super) async fn load(store: &Store, now: DateTime<Utc>) -> Result<usize, SeedError> {
    let mut sent = 0;
    let seekers = store.seekers_registered_before(now).await?;
    for (i, (seeker, registered_at)) in seekers.iter().copied().enumerate() {
        for (back, period) in reportable(registered_at, now, 12).into_iter().enumerate() {
            let opened = period.opens_at();
            // Demo seeker n is the n:th registered (`demo.sokande{n}@example.se`).
            let n = i + 1;
            if back > 0 {
                // Earlier months: seeker 8 sent the last one late, seeker 12 never sent it
                // (recorded as missed below).
                match (back, n) {
                    (1, 12) => {}
                    (1, 8) => {
                        let at = opened + Duration::days(17) + Duration::hours(19);
                        send(store, seeker, i, period, at).await?;
                        sent += 1;
                    }
                    _ => {
                        let at = opened
                            + Duration::days(3 + (i % 9) as i64)
                            + Duration::minutes(8 * 60 + 17 * (i % 40) as i64);
                        send(store, seeker, i, period, at).await?;
                        sent += 1;
                    }
                }
                continue;
            }
            // The month due: a third have sent it, some have a draft, the rest not begun
            // (among those registered long ago: 8, 20, 24 and 36, whom the browser tests use).
            let at = opened + Duration::days(1 + (i % 4) as i64) + Duration::hours(9);
            if i % 3 == 0 && at < now {
                send(store, seeker, i, period, at).await?;
                sent += 1;
            } else if i % 5 == 1 {
                let meetings = month_meetings(store, seeker, period).await?;
                let mut draft = form(i, period, &meetings);
                draft.activities.truncate(1);
                draft.worked.clear();
                let json = serde_json::to_string(&draft)
                    .map_err(|e| SeedError::Staff(format!("demo draft: {e}")))?;
                store
                    .save_report_draft(seeker, period, 0, &json, now - Duration::hours(20))
                    .await?;
            }
        }
    }
    schedule_reminders(store, now)
        .await
        .map_err(|e| SeedError::Staff(format!("demo report reminders: {e:?}")))?;
    Ok(sent)
}
