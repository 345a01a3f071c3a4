//! Booking a follow-up from a meeting's panel: the colleagues to choose from (searched by
//! occupational field and language), the chosen one's free times by the same slot engine as
//! the seeker's picker, and the booking itself, which must be one of those times.

use super::{
    case_file::{handled, meeting_span, seeker_busy, seeker_of},
    free_times::{free_times, SlotSearch},
    picker::rules_of,
};
use crate::{
    domain::{
        case::{FollowUpForm, FollowUpQuery, FollowUpSearch},
        field_error::{FieldError, FieldErrors},
        schedule::{SlotRules, Span},
        staff::StaffMember,
        time::{stockholm_date, Day},
        BookingId, Channel, CounsellorId, Rule, SeekerId, StaffId,
    },
    error::AppError,
    ssr::store::{BookingRow, CounsellorRow, NewBooking, Party, Store},
    views::case_file::{self as view, FollowUpCounsellor, FollowUpTimes},
};
use chrono::{DateTime, Days, Utc};

const FOLLOW_UP: &str = "follow-up";

/// The days the picker shows at a time.
const WEEK: u64 = 7;

/// The slot rules of a follow-up staff book: its meeting type's, except that staff may book
/// from the next quarter of an hour (the notice is the job seeker's, when they move it).
async fn rules(store: &Store) -> Result<SlotRules, AppError> {
    Ok(SlotRules {
        notice: chrono::Duration::zero(),
        ..rules_of(store, FOLLOW_UP).await?
    })
}

/// The follow-up slots of one counsellor meeting this way, less the seeker's own meetings.
async fn slots_for(
    store: &Store,
    counsellor: &CounsellorRow,
    channel: Channel,
    rules: SlotRules,
    seeker: &[BookingRow],
    now: DateTime<Utc>,
) -> Result<Vec<Span>, AppError> {
    let found = free_times(
        store,
        std::slice::from_ref(counsellor),
        SlotSearch {
            channel,
            visit_office: (channel == Channel::Office).then_some(counsellor.office_id),
            rules,
            leave_out: None,
            now,
        },
    )
    .await?;
    let mut slots = found.free.get(&counsellor.id).cloned().unwrap_or_default();
    slots.retain(|s| !seeker_busy(seeker, None, s.start, s.end));
    Ok(slots)
}

/// Whether a counsellor matches the search's field and language.
fn matches(c: &CounsellorRow, search: &FollowUpSearch) -> bool {
    let field = search
        .field
        .as_ref()
        .is_none_or(|f| c.fields.iter().any(|x| x == f.as_str()));
    let language = search
        .language
        .is_none_or(|l| c.languages.iter().any(|x| x == l.as_str()));
    field && language
}

/// The picker for a follow-up after `booking_id`, searched as `query` says.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn times(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    query: &FollowUpQuery,
    now: DateTime<Utc>,
) -> Result<FollowUpTimes, AppError> {
    let (b, meeting_office) = handled(store, me, booking_id).await?;
    let search = query.parse();
    let offices = store.list_offices().await?;
    let office_name = |id: i64| {
        offices
            .iter()
            .find(|o| o.id == id)
            .map_or_else(String::new, |o| o.name.clone())
    };
    let all = store.list_counsellors().await?;
    let mut languages: Vec<String> = all.iter().flat_map(|c| c.languages.clone()).collect();
    languages.sort();
    languages.dedup();
    let mut found: Vec<&CounsellorRow> = all.iter().filter(|c| matches(c, &search)).collect();
    // The meeting's own counsellor first, then their office, then the rest by office and name.
    found.sort_by_key(|c| {
        let rank = if c.id == b.counsellor_id {
            0
        } else if c.office_id == meeting_office {
            1
        } else {
            2
        };
        (
            rank,
            office_name(c.office_id),
            c.first_name.clone(),
            c.last_name.clone(),
        )
    });
    let wanted = search.counsellor_id.unwrap_or(b.counsellor_id);
    let chosen = found
        .iter()
        .find(|c| c.id == wanted)
        .or_else(|| found.first())
        .copied();
    let today = stockholm_date(now);
    let default_from = (stockholm_date(b.starts_at) + Days::new(1)).max(today);
    let from = search.from.unwrap_or(default_from).max(today);
    let until = from + Days::new(WEEK);
    let mut days: Vec<(Day, Vec<view::Span>)> = Vec::new();
    let mut next_free = None;
    let chosen = match chosen {
        Some(c) => {
            let channel = search
                .channel
                .filter(|ch| c.channels.contains(ch))
                .or_else(|| c.channels.contains(&b.channel).then_some(b.channel))
                .or_else(|| c.channels.first().copied())
                .unwrap_or(b.channel);
            let seeker = store.seeker_bookings(seeker_of(&b)?).await?;
            let rules = rules(store).await?;
            for s in slots_for(store, c, channel, rules, &seeker, now).await? {
                let day = stockholm_date(s.start);
                let shown = view::Span {
                    start: s.start,
                    end: s.end,
                };
                if day >= until {
                    next_free = next_free.or(Some(Day(day)));
                } else if day >= from {
                    match days.last_mut() {
                        Some((d, list)) if d.0 == day => list.push(shown),
                        _ => days.push((Day(day), vec![shown])),
                    }
                }
            }
            Some((c.id, channel))
        }
        None => None,
    };
    let fields = store
        .list_fields()
        .await?
        .into_iter()
        .map(|f| (f.code.as_str().to_owned(), f.name_sv, f.name_en))
        .collect();
    Ok(FollowUpTimes {
        counsellors: found
            .into_iter()
            .map(|c| FollowUpCounsellor {
                id: c.id,
                name: format!("{} {}", c.first_name, c.last_name),
                office: office_name(c.office_id),
                channels: c.channels.clone(),
            })
            .collect(),
        fields,
        languages,
        field: search
            .field
            .map(|f| f.as_str().to_owned())
            .unwrap_or_default(),
        language: search
            .language
            .map(|l| l.as_str().to_owned())
            .unwrap_or_default(),
        chosen,
        from: Day(from),
        days,
        next_free,
        has_earlier: from > today,
    })
}

/// Books a follow-up at one of the times the picker offers for that colleague and channel.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn book(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    form: &FollowUpForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let (b, meeting_office) = handled(store, me, booking_id).await?;
    let wanted = form.parse().map_err(AppError::Validation)?;
    let counsellor = store
        .list_counsellors()
        .await?
        .into_iter()
        .find(|c| c.id == wanted.counsellor_id)
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::from([(
                "counsellor".to_owned(),
                FieldError::Choice,
            )]))
        })?;
    let (_, offered) = super::picker::meeting_type(store, FOLLOW_UP).await?;
    if !counsellor.channels.contains(&wanted.channel) || !offered.contains(&wanted.channel) {
        return Err(AppError::Conflict(Rule::ChannelNotOffered));
    }
    let rules = rules(store).await?;
    let (starts, ends) = meeting_span(wanted.at, rules.length, now)?;
    // The seeker's own clash first: its message names their meeting.
    let seeker = store.seeker_bookings(seeker_of(&b)?).await?;
    if seeker_busy(&seeker, None, starts, ends) {
        return Err(AppError::Conflict(Rule::SeekerOverlap));
    }
    let free = slots_for(store, &counsellor, wanted.channel, rules, &seeker, now).await?;
    if !free.iter().any(|s| s.start == starts) {
        return Err(AppError::Conflict(Rule::NotOpen));
    }
    let id = store
        .insert_follow_up(
            &NewBooking {
                with: Party::Seeker(seeker_of(&b)?),
                counsellor_id: counsellor.id,
                meeting_type: FOLLOW_UP,
                channel: wanted.channel,
                office_id: (wanted.channel == Channel::Office).then_some(counsellor.office_id),
                starts_at: starts,
                ends_at: ends,
                clear_until: ends + rules.buffer,
                is_first: false,
                video_room: (wanted.channel == Channel::Video).then(crate::ssr::video::new_room),
                now,
                // The reception's room was counted above, as the picker counts it; the
                // database's own stop on it guards the seekers' race for the last places.
                visit_limit: None,
            },
            StaffId(me.id),
            BookingId(b.id),
        )
        .await?;
    // A colleague at another office may see the seeker from now on.
    if counsellor.office_id != meeting_office {
        store
            .add_referral(
                SeekerId(seeker_of(&b)?),
                CounsellorId(counsellor.id),
                StaffId(me.id),
                now,
            )
            .await?;
    }
    Ok(id)
}
