//! "Mitt ärende": the signed-in seeker's case as they read it: the meetings ahead and the
//! report due, then everything that happened (registration, bookings, moves, cancellations,
//! outcomes, calls and visits, reports), from the same records staff read, without staff's
//! notes or names of who wrote them.

use super::seeker_case::report_entries;
use crate::{
    domain::{choices::ContactKind, BookingStatus},
    error::AppError,
    ssr::store::{BookingRow, SeekerProfile, Store},
    views::{
        case_file::TimelineEntry,
        my_case::{CaseEvent, CaseMeeting, CaseStep, MyCaseView, ReportDue},
    },
};
use chrono::{DateTime, Utc};

fn meeting(b: &BookingRow) -> CaseMeeting {
    CaseMeeting {
        id: b.id,
        starts_at: b.starts_at,
        channel: b.channel,
        meeting_sv: b.meeting_name_sv.clone(),
        meeting_en: b.meeting_name_en.clone(),
        counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
    }
}

/// What happened to one booking, each with when it happened.
fn booking_steps(b: &BookingRow) -> Vec<CaseStep> {
    let step = |at, event| CaseStep { at, event };
    let mut steps = vec![step(
        b.created_at,
        CaseEvent::Booked {
            meeting: meeting(b),
            by_staff: b.booked_by_staff.is_some() || b.follows_booking_id.is_some(),
            follow_up: b.follows_booking_id.is_some(),
        },
    )];
    if let Some(at) = b.moved_at {
        steps.push(step(
            at,
            CaseEvent::Moved {
                meeting: meeting(b),
                by_staff: b.moved_by_staff,
            },
        ));
    }
    let outcome_at = b.outcome_at.unwrap_or(b.ends_at);
    match b.status {
        BookingStatus::Cancelled => steps.push(step(
            b.cancelled_at.unwrap_or(b.created_at),
            CaseEvent::Cancelled {
                meeting: meeting(b),
                by_staff: b.cancelled_by_staff.is_some(),
            },
        )),
        BookingStatus::Held => steps.push(step(
            outcome_at,
            CaseEvent::Held {
                meeting: meeting(b),
            },
        )),
        BookingStatus::NoShow => steps.push(step(
            outcome_at,
            CaseEvent::NotAttended {
                meeting: meeting(b),
            },
        )),
        BookingStatus::Booked => {}
    }
    steps
}

#[tracing::instrument(skip_all, fields(seeker_id = seeker.id))]
pub async fn my_case(
    store: &Store,
    seeker: &SeekerProfile,
    now: DateTime<Utc>,
) -> Result<MyCaseView, AppError> {
    let bookings = store.seeker_bookings(seeker.id).await?;
    let mut coming: Vec<CaseMeeting> = bookings
        .iter()
        .filter(|b| b.status == BookingStatus::Booked && b.ends_at > now)
        .map(meeting)
        .collect();
    coming.sort_by_key(|m| m.starts_at);
    let book_first = !bookings
        .iter()
        .any(|b| b.is_first && matches!(b.status, BookingStatus::Booked | BookingStatus::Held));

    let with_staff = store
        .found_person(seeker.id)
        .await?
        .is_some_and(|p| !p.registered_online);
    // Oldest first here, so that what happened within one second keeps its order.
    let mut history = vec![CaseStep {
        at: seeker.registered_at,
        event: CaseEvent::Registered { with_staff },
    }];
    history.extend(bookings.iter().rev().flat_map(booking_steps));
    // Calls and visits without a booking are told, never what staff wrote about them.
    for note in store.case_notes(seeker.id).await? {
        if let Some(kind) = note.contact.as_deref().and_then(ContactKind::parse) {
            history.push(CaseStep {
                at: note.created_at,
                event: CaseEvent::Contact { kind },
            });
        }
    }
    let mut report_due = None;
    for (at, entry) in report_entries(store, seeker.id, seeker.registered_at, now).await? {
        let event = match entry {
            TimelineEntry::Report {
                period, on_time, ..
            } => CaseEvent::ReportSent { period, on_time },
            TimelineEntry::ReportMissed { period, .. } => CaseEvent::ReportMissed { period },
            TimelineEntry::ReportDue { period, draft } => {
                report_due = Some(ReportDue {
                    period,
                    last_day: period.deadline_day(),
                    draft,
                });
                continue;
            }
            _ => continue,
        };
        history.push(CaseStep { at, event });
    }
    // Latest first: a stable sort oldest first, then turned around.
    history.sort_by_key(|s| s.at);
    history.reverse();
    Ok(MyCaseView {
        coming,
        report_due,
        book_first,
        history,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Channel;
    use chrono::{Duration, TimeZone};

    fn row(status: BookingStatus) -> BookingRow {
        let starts = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap();
        BookingRow {
            status,
            starts_at: starts,
            ends_at: starts + Duration::minutes(45),
            created_at: starts - Duration::days(7),
            ..crate::ssr::store::BookingRow::example(Channel::Phone)
        }
    }

    #[test]
    fn each_booking_tells_what_happened_to_it_in_order() {
        let mut b = row(BookingStatus::Cancelled);
        b.moved_at = Some(b.created_at + Duration::days(1));
        b.cancelled_at = Some(b.created_at + Duration::days(2));
        b.cancelled_by_staff = Some("Emina Hodžić".into());
        let steps = booking_steps(&b);
        assert!(matches!(
            steps[0].event,
            CaseEvent::Booked {
                by_staff: false,
                follow_up: false,
                ..
            }
        ));
        assert!(matches!(
            steps[1].event,
            CaseEvent::Moved {
                by_staff: false,
                ..
            }
        ));
        assert!(matches!(
            steps[2].event,
            CaseEvent::Cancelled { by_staff: true, .. }
        ));
        assert_eq!(steps[2].at, b.cancelled_at.unwrap());

        let mut follow_up = row(BookingStatus::Held);
        follow_up.follows_booking_id = Some(3);
        follow_up.outcome_at = Some(follow_up.ends_at + Duration::minutes(5));
        let steps = booking_steps(&follow_up);
        assert!(matches!(
            steps[0].event,
            CaseEvent::Booked {
                by_staff: true,
                follow_up: true,
                ..
            }
        ));
        assert!(matches!(steps[1].event, CaseEvent::Held { .. }));
        assert_eq!(steps[1].at, follow_up.outcome_at.unwrap());

        // A meeting still ahead (or waiting for its outcome) has only its booking.
        assert_eq!(booking_steps(&row(BookingStatus::Booked)).len(), 1);
        let missed = booking_steps(&row(BookingStatus::NoShow));
        assert!(matches!(missed[1].event, CaseEvent::NotAttended { .. }));
    }
}
