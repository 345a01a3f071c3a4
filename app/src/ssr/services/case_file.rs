//! A meeting's case as staff open and continue it. Every opening is logged; every action is
//! checked against the access rules first.

use crate::domain::{access_log::AccessReason, BookingId, BookingStatus, Rule, SeekerId, StaffId};
use crate::{
    domain::{
        case::{parse_note, MeetingTime, MoveForm, Outcome},
        choices::{CancelReason, ContactKind, EmployerCancelReason, StaffCancelReason},
        field_error::{FieldError, FieldErrors},
        staff::{CalendarOwner, StaffMember},
        time::{stockholm_date, stockholm_to_utc, Day},
    },
    error::AppError,
    ssr::{
        services::staff::{allow, reach_of},
        store::{BookingRow, CaseNoteRow, CorrectionRow, NewTime, Store, StoreError},
    },
    views::case_file::{CancelledBy, CaseFile, PanelMeeting, TimelineEntry},
    views::employer_panel::MeetingPanelData,
};
use chrono::{DateTime, Days, Duration, NaiveTime, Utc};

/// The job seeker a meeting is with; a meeting with an employer has its own panel, so this
/// one does not find it.
pub(super) fn seeker_of(b: &BookingRow) -> Result<i64, AppError> {
    b.seeker_id.ok_or(AppError::NotFound)
}

/// The booking, and whether `me` may act on it (not only read it).
pub(super) async fn booking_for(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
) -> Result<(BookingRow, i64, bool), AppError> {
    let b = store.booking(booking_id).await?.ok_or(AppError::NotFound)?;
    // An employer's meeting is seen as its seekers' are: by the offices it meets and is
    // served by.
    let (reach, whom) = match (b.seeker_id, b.employer_id) {
        (Some(seeker), _) => (reach_of(store, seeker).await?, "seeker"),
        (None, Some(employer)) => (
            store
                .employer_reach(employer)
                .await?
                .ok_or(AppError::NotFound)?,
            "employer",
        ),
        (None, None) => return Err(AppError::NotFound),
    };
    allow(me.may_see_seeker(&reach), me, whom)?;
    let office_id = store
        .calendar_owner(b.counsellor_id)
        .await?
        .ok_or(AppError::NotFound)?
        .office_id;
    let may_handle = me.may_handle_meeting(CalendarOwner {
        counsellor_id: b.counsellor_id,
        office_id,
    });
    Ok((b, office_id, may_handle))
}

/// The booking, its counsellor's office, when `me` may act on it; `Forbidden` otherwise.
pub(super) async fn handled(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
) -> Result<(BookingRow, i64), AppError> {
    let (b, office, may_handle) = booking_for(store, me, booking_id).await?;
    allow(may_handle, me, "handle meeting")?;
    Ok((b, office))
}

/// The seeker's case as the meeting's panel shows it.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn open(
    store: &Store,
    viewer: &Viewer<'_>,
    me: &StaffMember,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<CaseFile, AppError> {
    let found = booking_for(store, me, booking_id).await?;
    open_found(store, viewer, me, found, now).await
}

/// Who opens a panel, for its video link: the video service and the name they are shown
/// by in the room.
pub struct Viewer<'a> {
    pub video: &'a crate::ssr::video::VideoService,
    pub name: &'a str,
}

impl Viewer<'_> {
    /// The link to meeting `b`'s room; the meeting's counsellor leads it.
    pub(super) fn video_link(&self, me: &StaffMember, b: &BookingRow) -> Option<String> {
        let leads = me.counsellor_id == Some(b.counsellor_id);
        self.video.meeting_link(b, self.name, leads)
    }
}

/// The meeting's panel, with a job seeker or with an employer.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn open_panel(
    store: &Store,
    viewer: &Viewer<'_>,
    me: &StaffMember,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<MeetingPanelData, AppError> {
    let found = booking_for(store, me, booking_id).await?;
    Ok(if found.0.with_employer() {
        MeetingPanelData::Employer(
            super::employer_panel::open(store, viewer, me, found, now).await?,
        )
    } else {
        MeetingPanelData::Seeker(open_found(store, viewer, me, found, now).await?)
    })
}

async fn open_found(
    store: &Store,
    viewer: &Viewer<'_>,
    me: &StaffMember,
    (b, office_id, may_handle): (BookingRow, i64, bool),
    now: DateTime<Utc>,
) -> Result<CaseFile, AppError> {
    store
        .log_access(
            StaffId(me.id),
            SeekerId(seeker_of(&b)?),
            Some(BookingId(b.id)),
            AccessReason::Meeting,
            now,
        )
        .await?;
    let (seeker, timeline) = super::seeker_case::seeker_case(store, seeker_of(&b)?, now).await?;

    let (correctable_until, suggested_day) =
        change_window(store, &b, office_id, may_handle, now).await?;
    Ok(CaseFile {
        meeting: PanelMeeting {
            video_link: viewer.video_link(me, &b),
            ..panel_meeting(&b, now)
        },
        seeker,
        timeline,
        may_handle,
        may_mark: may_handle && b.status == BookingStatus::Booked && b.starts_at <= now,
        correctable_until,
        suggested_day,
        refused: None,
        done: None,
    })
}

/// What the panel's forms for after a meeting need: until when `me` may still correct its
/// recorded outcome (at a counsellor of `office_id`), and the day a new time is first
/// suggested for.
pub(super) async fn change_window(
    store: &Store,
    b: &BookingRow,
    office_id: i64,
    may_handle: bool,
    now: DateTime<Utc>,
) -> Result<(Option<DateTime<Utc>>, Day), AppError> {
    let recorded = matches!(b.status, BookingStatus::Held | BookingStatus::NoShow);
    let correctable_until = if may_handle && recorded {
        super::case_changes::correctable_until(store, b, office_id)
            .await?
            .filter(|until| now < *until)
    } else {
        None
    };
    let day_after = stockholm_date(b.starts_at) + Days::new(1);
    Ok((correctable_until, Day(day_after.max(stockholm_date(now)))))
}

/// What a case (a seeker's or an employer's) holds alike: its meetings, who cancelled
/// which and why, corrected outcomes and the notes, each at its time.
pub(super) fn history(
    bookings: &[BookingRow],
    corrections: Vec<CorrectionRow>,
    notes: Vec<CaseNoteRow>,
) -> Vec<(DateTime<Utc>, TimelineEntry)> {
    let mut timeline: Vec<(DateTime<Utc>, TimelineEntry)> = Vec::new();
    for m in bookings {
        timeline.push((m.starts_at, meeting_entry(m)));
        let Some(at) = m
            .cancelled_at
            .filter(|_| m.status == BookingStatus::Cancelled)
        else {
            continue;
        };
        let reason = m.cancel_reason.as_deref().unwrap_or_default();
        let by = match &m.cancelled_by_staff {
            Some(name) => CancelledBy::Staff {
                name: name.clone(),
                reason: StaffCancelReason::parse(reason),
            },
            None if m.with_employer() => CancelledBy::Employer(EmployerCancelReason::parse(reason)),
            None => CancelledBy::Seeker(CancelReason::parse(reason)),
        };
        timeline.push((
            at,
            TimelineEntry::Cancelled {
                at,
                meeting_starts_at: m.starts_at,
                by,
                note: m.cancel_note.clone(),
            },
        ));
    }
    let starts_of = |id: i64| bookings.iter().find(|m| m.id == id).map(|m| m.starts_at);
    for c in corrections {
        timeline.push((
            c.corrected_at,
            TimelineEntry::Corrected {
                at: c.corrected_at,
                meeting_starts_at: starts_of(c.booking_id).unwrap_or(c.corrected_at),
                by: format!("{} {}", c.staff_first_name, c.staff_last_name),
                from: c.from_status,
                to: c.to_status,
            },
        ));
    }
    for n in notes {
        timeline.push((
            n.created_at,
            TimelineEntry::Note {
                at: n.created_at,
                author: format!("{} {}", n.author_first_name, n.author_last_name),
                body: n.body,
                contact: n.contact.as_deref().and_then(ContactKind::parse),
            },
        ));
    }
    timeline
}

/// A meeting as the panel's header shows it, with an office visitor's arrival.
pub(super) fn panel_meeting(b: &BookingRow, now: DateTime<Utc>) -> PanelMeeting {
    PanelMeeting {
        id: b.id,
        starts_at: b.starts_at,
        ends_at: b.ends_at,
        channel: b.channel,
        status: b.status,
        meeting_sv: b.meeting_name_sv.clone(),
        meeting_en: b.meeting_name_en.clone(),
        counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
        office: b.office_name.clone(),
        arrived_at: b.arrived_at,
        fetched: b.received_at.is_some(),
        waited_minutes: b.arrived_at.map(|at| {
            crate::domain::arrival::waited_minutes(at, b.starts_at, b.received_at.unwrap_or(now))
        }),
        video_link: None,
    }
}

/// A meeting as an entry of a case's timeline.
pub(super) fn meeting_entry(m: &BookingRow) -> TimelineEntry {
    TimelineEntry::Meeting {
        id: m.id,
        starts_at: m.starts_at,
        channel: m.channel,
        status: m.status,
        meeting_sv: m.meeting_name_sv.clone(),
        meeting_en: m.meeting_name_en.clone(),
        counsellor: format!("{} {}", m.counsellor_first_name, m.counsellor_last_name),
        follow_up: m.follows_booking_id.is_some(),
        booked_by: m.booked_by_staff.clone(),
    }
}

/// The outcome a form sent (`held`, `no_show`), or the field's error.
pub(super) fn parse_outcome(text: &str) -> Result<Outcome, AppError> {
    Outcome::parse(text).ok_or_else(|| {
        AppError::Validation(FieldErrors::from([(
            "outcome".to_owned(),
            FieldError::Choice,
        )]))
    })
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn mark(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    outcome: &str,
    ask_after: chrono::Duration,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (b, _) = handled(store, me, booking_id).await?;
    let outcome = parse_outcome(outcome)?;
    let question = super::ratings::Question::new(ask_after, now);
    match store
        .set_outcome_and_ask(
            BookingId(b.id),
            outcome,
            StaffId(me.id),
            question.ask(),
            now,
        )
        .await
    {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::OutcomeNotNow)),
        other => Ok(other?),
    }
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn note(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let (b, _) = handled(store, me, booking_id).await?;
    let body = parse_note(body).map_err(AppError::Validation)?;
    let about = Some(BookingId(b.id));
    Ok(match b.employer_id {
        Some(employer) => {
            store
                .add_employer_note(employer, about, StaffId(me.id), &body, now)
                .await?
        }
        None => {
            store
                .add_case_note(SeekerId(seeker_of(&b)?), about, StaffId(me.id), &body, now)
                .await?
        }
    })
}

/// When a meeting at `at` lasting `length` would start and end; refused when it has begun.
pub(super) fn meeting_span(
    at: MeetingTime,
    length: Duration,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let time =
        NaiveTime::from_hms_opt(at.starts / 60, at.starts % 60, 0).ok_or(AppError::Internal)?;
    let starts = stockholm_to_utc(at.date, time).ok_or(AppError::Internal)?;
    if starts <= now {
        return Err(AppError::Validation(FieldErrors::from([(
            "date".to_owned(),
            FieldError::DateInPast,
        )])));
    }
    Ok((starts, starts + length))
}

/// Whether `[starts, ends)` lies inside one of the counsellor's open spans.
/// The seeker has no other live meeting overlapping `starts..ends` (`moving` is the one being
/// moved). The database refuses it anyway; asked first, the answer names the seeker's meeting
/// rather than the counsellor's calendar, whichever rule the database would check first.
/// Whether one of the seeker's live `bookings` (not `moving`) overlaps `starts..ends`.
pub(super) fn seeker_busy(
    bookings: &[BookingRow],
    moving: Option<i64>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> bool {
    bookings.iter().any(|other| {
        Some(other.id) != moving
            && other.status != BookingStatus::Cancelled
            && other.starts_at < ends
            && starts < other.ends_at
    })
}

pub(super) async fn seeker_free(
    store: &Store,
    seeker_id: i64,
    moving: Option<i64>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> Result<(), AppError> {
    let bookings = store.seeker_bookings(seeker_id).await?;
    if seeker_busy(&bookings, moving, starts, ends) {
        Err(AppError::Conflict(Rule::SeekerOverlap))
    } else {
        Ok(())
    }
}

async fn within_open_time(
    store: &Store,
    counsellor_id: i64,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> Result<(), AppError> {
    let open = store.list_availability(counsellor_id, starts, ends).await?;
    if open
        .iter()
        .any(|a| a.starts_at <= starts && ends <= a.ends_at)
    {
        Ok(())
    } else {
        Err(AppError::Conflict(Rule::NotOpen))
    }
}

/// The length and buffer of a meeting type.
async fn lengths(store: &Store, code: &str) -> Result<(Duration, Duration), AppError> {
    let rules = super::picker::rules_of(store, code).await?;
    Ok((rules.length, rules.buffer))
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn move_meeting(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    form: &MoveForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (b, _) = handled(store, me, booking_id).await?;
    if b.status != BookingStatus::Booked || b.starts_at <= now {
        return Err(AppError::Conflict(Rule::MoveNotNow));
    }
    let at = form.parse().map_err(AppError::Validation)?;
    let (length, buffer) = lengths(store, &b.meeting_type).await?;
    let (starts, ends) = meeting_span(at, length, now)?;
    within_open_time(store, b.counsellor_id, starts, ends).await?;
    // An organisation may meet several counsellors at once (its people differ); a person
    // cannot be in two meetings.
    if let Some(seeker_id) = b.seeker_id {
        seeker_free(store, seeker_id, Some(b.id), starts, ends).await?;
    }
    let channel = b.channel;
    let to = NewTime {
        counsellor_id: b.counsellor_id,
        channel,
        office_id: b.office_id,
        video_room: b.video_room.clone(),
        starts_at: starts,
        ends_at: ends,
        clear_until: ends + buffer,
        visit_limit: None,
    };
    match store
        .move_booking_by_staff(BookingId(b.id), StaffId(me.id), to, now)
        .await
    {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::MoveNotNow)),
        other => Ok(other?),
    }
}
