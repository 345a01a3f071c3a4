//! Free times for a meeting: a counsellor's open spans minus what is booked, cut into slots
//! of the meeting's length with its buffer, no sooner than the minimum notice and no later
//! than the horizon. Everything is in UTC; a span is only ever turned into Stockholm wall
//! time for display, so the weeks when clocks change need no special case here.

use chrono::{DateTime, Duration, Utc};

/// A stretch of time, `start` included and `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Option<Self> {
        (start < end).then_some(Span { start, end })
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How slots are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotRules {
    /// The meeting's length.
    pub length: Duration,
    /// The pause a counsellor needs after a meeting, before the next one.
    pub buffer: Duration,
    /// How soon a meeting may start, from now.
    pub notice: Duration,
    /// How far ahead meetings may be booked, from now.
    pub horizon: Duration,
    /// Slots start on this grid (whole quarters of an hour by default), counted from midnight
    /// UTC; Stockholm is a whole number of hours from UTC, so the grid is the same there.
    pub step: Duration,
}

impl SlotRules {
    /// A first meeting: 45 minutes and 15 minutes to write notes, at least 2 hours ahead and
    /// at most 4 weeks.
    pub fn first_meeting() -> Self {
        SlotRules {
            length: Duration::minutes(45),
            buffer: Duration::minutes(15),
            notice: Duration::hours(2),
            horizon: Duration::weeks(4),
            step: Duration::minutes(15),
        }
    }
}

/// The slots one counsellor can take: inside an open span, with the meeting and its buffer
/// clear of every booked span, between `now + notice` and `now + horizon`, on the grid.
/// `booked` holds what each booking holds: its meeting and its own buffer (`clear_until` in
/// the store), which is exactly what the database's no-overlap rule compares. Sorted by
/// start. They are alternatives, of which one will be booked, so they overlap each other.
pub fn free_slots(
    open: &[Span],
    booked: &[Span],
    rules: &SlotRules,
    now: DateTime<Utc>,
) -> Vec<Span> {
    let earliest = now + rules.notice;
    let latest_start = now + rules.horizon;
    let step = rules.step.num_seconds().max(60);
    let mut slots = Vec::new();
    for span in open {
        let mut start = align_up(span.start.max(earliest), step);
        while start < latest_start {
            let slot = Span {
                start,
                end: start + rules.length,
            };
            if slot.end > span.end {
                break;
            }
            // A meeting and its buffer keep apart from every booking and its buffer.
            let guarded = Span {
                start: slot.start,
                end: slot.end + rules.buffer,
            };
            match booked.iter().find(|b| guarded.overlaps(b)) {
                // Jump past the booking (and its buffer) rather than stepping through it.
                Some(b) => start = align_up(b.end.max(start + rules.step), step),
                None => {
                    slots.push(slot);
                    start += Duration::seconds(step);
                }
            }
        }
    }
    slots.sort();
    slots.dedup();
    slots
}

/// The first grid point at or after `t`.
fn align_up(t: DateTime<Utc>, step_seconds: i64) -> DateTime<Utc> {
    let secs = t.timestamp();
    let rem = secs.rem_euclid(step_seconds);
    let aligned = if rem == 0 && t.timestamp_subsec_nanos() == 0 {
        secs
    } else {
        secs - rem + step_seconds
    };
    DateTime::from_timestamp(aligned, 0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::stockholm_to_utc;
    use chrono::{NaiveDate, NaiveTime, TimeZone};
    use proptest::prelude::*;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        stockholm_to_utc(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
        .unwrap()
    }

    fn span(a: DateTime<Utc>, b: DateTime<Utc>) -> Span {
        Span::new(a, b).unwrap()
    }

    fn stockholm_clock(t: DateTime<Utc>) -> String {
        crate::domain::time::in_stockholm(t)
            .format("%H:%M")
            .to_string()
    }

    #[test]
    fn a_morning_is_cut_into_first_meetings_around_a_booking() {
        let now = local(2026, 11, 23, 8, 0);
        let open = [span(local(2026, 11, 24, 9, 0), local(2026, 11, 24, 12, 0))];
        // A first meeting 10:00–10:45 holds the counsellor until 11:00 with its buffer.
        let booked = [span(local(2026, 11, 24, 10, 0), local(2026, 11, 24, 11, 0))];
        let rules = SlotRules::first_meeting();
        let slots = free_slots(&open, &booked, &rules, now);
        let starts: Vec<String> = slots.iter().map(|s| stockholm_clock(s.start)).collect();
        // 09:00 ends 09:45 and its buffer 10:00: fine. 09:15 would run into the booking.
        // After the booking and its buffer (11:00): 11:00 and 11:15, which ends at 12:00.
        assert_eq!(starts, ["09:00", "11:00", "11:15"]);
    }

    #[test]
    fn nothing_sooner_than_the_notice_or_beyond_the_horizon() {
        let now = local(2026, 11, 24, 8, 10);
        let open = [
            span(local(2026, 11, 24, 9, 0), local(2026, 11, 24, 12, 0)),
            span(local(2026, 12, 21, 9, 0), local(2026, 12, 21, 10, 0)),
            span(local(2026, 12, 23, 9, 0), local(2026, 12, 23, 10, 0)),
        ];
        let slots = free_slots(&open, &[], &SlotRules::first_meeting(), now);
        assert_eq!(
            stockholm_clock(slots[0].start),
            "10:15",
            "2 hours' notice, on the grid"
        );
        assert!(slots.iter().all(|s| s.start < now + Duration::weeks(4)));
        assert!(slots.iter().any(|s| s.start == local(2026, 12, 21, 9, 0)));
        assert!(!slots.iter().any(|s| s.start >= local(2026, 12, 23, 0, 0)));
    }

    #[test]
    fn the_weeks_the_clocks_change_keep_their_wall_clock_times() {
        let rules = SlotRules {
            notice: Duration::zero(),
            ..SlotRules::first_meeting()
        };
        // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
        for (before, after) in [
            ((2026, 3, 27), (2026, 3, 30)),
            ((2026, 10, 23), (2026, 10, 26)),
        ] {
            let now = local(before.0, before.1, before.2, 7, 0);
            let open = [
                span(
                    local(before.0, before.1, before.2, 9, 0),
                    local(before.0, before.1, before.2, 10, 0),
                ),
                span(
                    local(after.0, after.1, after.2, 9, 0),
                    local(after.0, after.1, after.2, 10, 0),
                ),
            ];
            let slots = free_slots(&open, &[], &rules, now);
            let shown: Vec<String> = slots.iter().map(|s| stockholm_clock(s.start)).collect();
            assert_eq!(shown, ["09:00", "09:15", "09:00", "09:15"], "{before:?}");
            assert_ne!(
                slots[0].start.format("%H").to_string(),
                slots[2].start.format("%H").to_string(),
                "the same wall-clock time is another hour in UTC after the change"
            );
        }
    }

    fn arb_time() -> impl Strategy<Value = DateTime<Utc>> {
        // Minutes within five weeks from a fixed Monday.
        (0i64..5 * 7 * 24 * 60).prop_map(|m| {
            Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap() + Duration::minutes(m)
        })
    }

    fn arb_span(max_minutes: i64) -> impl Strategy<Value = Span> {
        (arb_time(), 1..max_minutes).prop_map(|(start, len)| Span {
            start,
            end: start + Duration::minutes(len),
        })
    }

    proptest! {
        /// Whatever the open times and bookings: every slot lies inside an open span, keeps
        /// its buffer clear of every booked span, respects notice and horizon, and sits on the grid.
        #[test]
        fn slots_are_always_free_and_inside_open_time(
            open in prop::collection::vec(arb_span(8 * 60), 0..6),
            booked in prop::collection::vec(arb_span(120), 0..10),
            now in arb_time(),
        ) {
            let rules = SlotRules::first_meeting();
            for slot in free_slots(&open, &booked, &rules, now) {
                prop_assert_eq!(slot.end - slot.start, rules.length);
                prop_assert!(open.iter().any(|o| o.contains(&slot)), "inside open time: {:?}", slot);
                for b in &booked {
                    let guarded = Span { start: slot.start, end: slot.end + rules.buffer };
                    prop_assert!(!guarded.overlaps(b), "{:?} clashes with {:?}", slot, b);
                }
                prop_assert!(slot.start >= now + rules.notice);
                prop_assert!(slot.start < now + rules.horizon);
                prop_assert_eq!(slot.start.timestamp() % rules.step.num_seconds(), 0);
            }
        }

        /// And nothing free is missed: a grid start that fits all the rules is offered.
        #[test]
        fn every_free_grid_time_is_offered(
            open in prop::collection::vec(arb_span(6 * 60), 1..4),
            booked in prop::collection::vec(arb_span(90), 0..6),
            now in arb_time(),
        ) {
            let rules = SlotRules::first_meeting();
            let slots = free_slots(&open, &booked, &rules, now);
            for o in &open {
                let mut t = align_up(o.start, rules.step.num_seconds());
                while t + rules.length <= o.end {
                    let slot = Span { start: t, end: t + rules.length };
                    let guarded = Span { start: t, end: slot.end + rules.buffer };
                    let free = booked.iter().all(|b| !guarded.overlaps(b));
                    if free && t >= now + rules.notice && t < now + rules.horizon {
                        prop_assert!(slots.contains(&slot), "{:?} missing", slot);
                    }
                    t += rules.step;
                }
            }
        }
    }
}
