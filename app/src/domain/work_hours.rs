//! A counsellor's weekly working hours ("arbetstider"), the open time they generate, and the
//! days an absence or a training takes out.

use super::{
    field_error::{FieldError, FieldErrors},
    holidays::holiday_on,
    open_time::{clock_text, parse_clock, OpenTime, OpenTimeError},
    schedule::Span,
    time::parse_iso_date,
};
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// One weekday's hours as typed; both empty means a day off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayHoursForm {
    pub starts: String,
    pub ends: String,
}

/// The week as typed: Monday first, and one lunch break for every day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkHoursForm {
    pub days: Vec<DayHoursForm>,
    pub lunch_starts: String,
    pub lunch_ends: String,
}

/// Valid working hours: for each weekday (1 = Monday), the spans of open time it gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkHours {
    pub spans: Vec<(u32, u32, u32)>,
}

fn clock(text: &str, field: String, errors: &mut FieldErrors) -> Option<u32> {
    let error = match parse_clock(text) {
        None => OpenTimeError::Clock,
        Some(m) => match OpenTime::new(NaiveDate::MIN, m, m + 15) {
            Ok(_) => return Some(m),
            // 19:00 is a valid end.
            Err(OpenTimeError::OutsideDay) if m == super::open_time::DAY_ENDS => return Some(m),
            Err(e) => e,
        },
    };
    errors.insert(field, FieldError::OpenTime(error));
    None
}

/// Both times of a pair, or neither; the end after the start.
fn pair(starts: &str, ends: &str, name: &str, errors: &mut FieldErrors) -> Option<(u32, u32)> {
    let (s, e) = (starts.trim(), ends.trim());
    match (s.is_empty(), e.is_empty()) {
        (true, true) => return None,
        (false, true) => {
            errors.insert(format!("{name}ends"), FieldError::Required);
            return None;
        }
        (true, false) => {
            errors.insert(format!("{name}starts"), FieldError::Required);
            return None;
        }
        _ => {}
    }
    let s = clock(s, format!("{name}starts"), errors);
    let e = clock(e, format!("{name}ends"), errors);
    let (s, e) = (s?, e?);
    if e <= s {
        errors.insert(
            format!("{name}ends"),
            FieldError::OpenTime(OpenTimeError::Order),
        );
        return None;
    }
    Some((s, e))
}

impl WorkHoursForm {
    pub fn parse(&self) -> Result<WorkHours, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.days.len() > 7 {
            errors.insert("days".into(), FieldError::TooMany);
        }
        let lunch = pair(&self.lunch_starts, &self.lunch_ends, "lunch_", &mut errors);
        let mut spans = Vec::new();
        for (i, day) in self.days.iter().enumerate().take(7) {
            let Some((s, e)) = pair(&day.starts, &day.ends, &format!("days.{i}."), &mut errors)
            else {
                continue;
            };
            let weekday = i as u32 + 1;
            match lunch {
                Some((ls, le)) if s < ls && le < e => {
                    spans.push((weekday, s, ls));
                    spans.push((weekday, le, e));
                }
                _ => spans.push((weekday, s, e)),
            }
        }
        if errors.is_empty() {
            Ok(WorkHours { spans })
        } else {
            Err(errors)
        }
    }
}

impl WorkHours {
    /// The form that shows these hours (a lunch break is the gap between a day's two spans).
    pub fn form(&self) -> WorkHoursForm {
        let mut form = WorkHoursForm {
            days: vec![DayHoursForm::default(); 7],
            ..WorkHoursForm::default()
        };
        for weekday in 1..=7u32 {
            let day: Vec<_> = self.spans.iter().filter(|s| s.0 == weekday).collect();
            let (Some(first), Some(last)) = (day.first(), day.last()) else {
                continue;
            };
            form.days[weekday as usize - 1] = DayHoursForm {
                starts: clock_text(first.1),
                ends: clock_text(last.2),
            };
            if day.len() > 1 && form.lunch_starts.is_empty() {
                form.lunch_starts = clock_text(first.2);
                form.lunch_ends = clock_text(day[1].1);
            }
        }
        form
    }

    /// The open time these hours give on `dates`, less what `taken` (absences, open time
    /// already there) covers, and nothing on a public holiday. Pieces shorter than a
    /// quarter-hour are left out.
    pub fn plan(&self, dates: impl Iterator<Item = NaiveDate>, taken: &[Span]) -> Vec<Span> {
        let mut out = Vec::new();
        for date in dates.filter(|d| holiday_on(*d).is_none()) {
            let weekday = date.weekday().number_from_monday();
            for &(_, s, e) in self.spans.iter().filter(|sp| sp.0 == weekday) {
                let Some(span) = OpenTime::new(date, s, e).ok().and_then(|t| t.span()) else {
                    continue;
                };
                let mut pieces = vec![span];
                for t in taken.iter().filter(|t| t.overlaps(&span)) {
                    pieces = pieces
                        .into_iter()
                        .flat_map(|p| {
                            [
                                Span::new(p.start, t.start.min(p.end)),
                                Span::new(t.end.max(p.start), p.end),
                            ]
                        })
                        .flatten()
                        .filter(|p| p.end - p.start >= chrono::Duration::minutes(15))
                        .collect();
                }
                out.extend(pieces);
            }
        }
        out
    }
}

/// Absence or training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AbsenceKind {
    Absence,
    Training,
}

impl AbsenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AbsenceKind::Absence => "absence",
            AbsenceKind::Training => "training",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "absence" => Some(AbsenceKind::Absence),
            "training" => Some(AbsenceKind::Training),
            _ => None,
        }
    }
}

/// Whole days away, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbsenceForm {
    pub kind: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// Whole days away: `from` to `to`, both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub kind: AbsenceKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: String,
}

/// The longest absence one entry may cover.
pub const MAX_ABSENCE_DAYS: u64 = 366;

impl AbsenceForm {
    pub fn parse(&self) -> Result<Absence, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = AbsenceKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.insert("kind".into(), FieldError::Choice);
        }
        let from = parse_iso_date(&self.from);
        if from.is_none() {
            errors.insert("from".into(), FieldError::Date);
        }
        let to = if self.to.trim().is_empty() {
            from
        } else {
            parse_iso_date(&self.to)
        };
        match (from, to) {
            (_, None) => {
                errors.insert("to".into(), FieldError::Date);
            }
            (Some(f), Some(t)) if t < f || t > f + Days::new(MAX_ABSENCE_DAYS) => {
                errors.insert("to".into(), FieldError::MonthOrder);
            }
            _ => {}
        }
        let note = self.note.trim().to_owned();
        if note.chars().count() > super::field_error::MAX_SHORT_TEXT {
            errors.insert("note".into(), FieldError::TooLong);
        }
        match (kind, from, to) {
            (Some(kind), Some(from), Some(to)) if errors.is_empty() => Ok(Absence {
                kind,
                from,
                to,
                note,
            }),
            _ => Err(errors),
        }
    }
}

/// How new open time joins what is there: spans that touch become one, so the working hours
/// laid out beside an hour already open read 08–12, not 08–09 + 09–12.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Existing spans (by id) that grow to take new time in.
    pub grow: Vec<(i64, Span)>,
    /// Existing spans joined into another (their time is in the grown one).
    pub remove: Vec<i64>,
    /// New spans that touch nothing there.
    pub insert: Vec<Span>,
}

/// Joins `new` spans with the `existing` ones they touch (none overlap).
pub fn merge_adjacent(existing: &[(i64, Span)], new: &[Span]) -> Merged {
    let mut all: Vec<(Option<i64>, Span)> = existing
        .iter()
        .map(|(id, s)| (Some(*id), *s))
        .chain(new.iter().map(|s| (None, *s)))
        .collect();
    all.sort_by_key(|(_, s)| s.start);
    let mut merged = Merged::default();
    let mut chains: Vec<Vec<(Option<i64>, Span)>> = Vec::new();
    for item in all {
        match chains.last_mut() {
            Some(chain) if chain.last().is_some_and(|(_, s)| s.end == item.1.start) => {
                chain.push(item)
            }
            _ => chains.push(vec![item]),
        }
    }
    for chain in chains {
        if chain.iter().all(|(id, _)| id.is_some()) {
            continue;
        }
        let whole = Span {
            start: chain[0].1.start,
            end: chain[chain.len() - 1].1.end,
        };
        let mut ids = chain.iter().filter_map(|(id, _)| *id);
        match ids.next() {
            Some(keep) => {
                merged.grow.push((keep, whole));
                merged.remove.extend(ids);
            }
            None => merged.insert.push(whole),
        }
    }
    merged
}

/// New bounds for an absence, as typed: it can be shortened, never lengthened (a longer
/// absence is a new one, which takes its open time away as it is recorded).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShortenForm {
    pub from: String,
    pub to: String,
}

impl ShortenForm {
    /// The new first and last day, inside `from..=to` of the absence as it is.
    pub fn parse(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(NaiveDate, NaiveDate), FieldErrors> {
        let mut errors = FieldErrors::new();
        let new_from = parse_iso_date(&self.from);
        let new_to = parse_iso_date(&self.to);
        match new_from {
            None => errors.insert("from".into(), FieldError::Date),
            Some(d) if d < from || d > to => errors.insert("from".into(), FieldError::OutsideRange),
            _ => None,
        };
        match (new_from, new_to) {
            (_, None) => errors.insert("to".into(), FieldError::Date),
            (_, Some(d)) if d < from || d > to => {
                errors.insert("to".into(), FieldError::OutsideRange)
            }
            (Some(f), Some(t)) if t < f => errors.insert("to".into(), FieldError::MonthOrder),
            _ => None,
        };
        match (new_from, new_to) {
            (Some(f), Some(t)) if errors.is_empty() => Ok((f, t)),
            _ => Err(errors),
        }
    }
}

/// The days an absence no longer covers after it went from `old` to `new` (`None`: removed),
/// as ranges of whole days, first and last included.
pub fn freed_days(
    old: (NaiveDate, NaiveDate),
    new: Option<(NaiveDate, NaiveDate)>,
) -> Vec<(NaiveDate, NaiveDate)> {
    let Some((from, to)) = new else {
        return vec![old];
    };
    let mut freed = Vec::new();
    if from > old.0 {
        freed.push((old.0, from - Days::new(1)));
    }
    if to < old.1 {
        freed.push((to + Days::new(1), old.1));
    }
    freed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn week(days: &[(&str, &str)], lunch: (&str, &str)) -> WorkHoursForm {
        WorkHoursForm {
            days: days
                .iter()
                .map(|(s, e)| DayHoursForm {
                    starts: s.to_string(),
                    ends: e.to_string(),
                })
                .collect(),
            lunch_starts: lunch.0.into(),
            lunch_ends: lunch.1.into(),
        }
    }

    #[test]
    fn a_week_with_lunch_gives_two_spans_a_day_and_reads_back() {
        let form = week(
            &[
                ("08:00", "16:30"),
                ("08:00", "16:30"),
                ("", ""),
                ("10:00", "18:00"),
                ("08:00", "12:00"),
            ],
            ("12:00", "13:00"),
        );
        let hours = form.parse().unwrap();
        assert_eq!(
            hours.spans,
            vec![
                (1, 480, 720),
                (1, 780, 990),
                (2, 480, 720),
                (2, 780, 990),
                (4, 600, 720),
                (4, 780, 1080),
                (5, 480, 720)
            ]
        );
        let back = hours.form();
        assert_eq!(
            back.days[0],
            DayHoursForm {
                starts: "08:00".into(),
                ends: "16:30".into()
            }
        );
        assert_eq!(back.days[2], DayHoursForm::default());
        assert_eq!(
            (back.lunch_starts.as_str(), back.lunch_ends.as_str()),
            ("12:00", "13:00")
        );
        assert_eq!(back.parse().unwrap(), hours);
    }

    #[test]
    fn the_plan_skips_public_holidays() {
        let form = week(
            &[
                ("08:00", "16:00"),
                ("08:00", "16:00"),
                ("08:00", "16:00"),
                ("08:00", "16:00"),
                ("08:00", "16:00"),
            ],
            ("", ""),
        );
        let hours = form.parse().unwrap();
        // Monday 21 to Friday 25 December 2026: Christmas Eve and Day are closed.
        let monday = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        let plan = hours.plan(monday.iter_days().take(5), &[]);
        let days: Vec<u32> = plan
            .iter()
            .map(|s| super::super::time::stockholm_date(s.start).day())
            .collect();
        assert_eq!(days, [21, 22, 23]);
    }

    #[test]
    fn mistakes_are_named_at_their_fields() {
        let errors = week(
            &[("08:00", ""), ("09:00", "08:00"), ("08:10", "12:00")],
            ("12:00", ""),
        )
        .parse()
        .unwrap_err();
        assert_eq!(errors["days.0.ends"], FieldError::Required);
        assert_eq!(
            errors["days.1.ends"],
            FieldError::OpenTime(OpenTimeError::Order)
        );
        assert_eq!(
            errors["days.2.starts"],
            FieldError::OpenTime(OpenTimeError::Grid)
        );
        assert_eq!(errors["lunch_ends"], FieldError::Required);
    }

    #[test]
    fn absences_are_whole_days_in_order() {
        let ok = AbsenceForm {
            kind: "training".into(),
            from: "2026-12-01".into(),
            to: "".into(),
            note: " Kurs ".into(),
        };
        let a = ok.parse().unwrap();
        assert_eq!(
            (a.kind, a.from, a.to, a.note.as_str()),
            (AbsenceKind::Training, a.from, a.from, "Kurs")
        );
        let bad = AbsenceForm {
            kind: "semester".into(),
            from: "2026-12-05".into(),
            to: "2026-12-01".into(),
            note: String::new(),
        };
        let e = bad.parse().unwrap_err();
        assert_eq!(e["kind"], FieldError::Choice);
        assert_eq!(e["to"], FieldError::MonthOrder);
    }

    proptest! {
        #[test]
        fn the_plan_never_covers_what_is_taken(
            start_q in 0u32..40, len_q in 1u32..8, taken_at in 0u32..48, taken_len in 1u32..16, days in 1u64..14,
        ) {
            let s = 420 + start_q * 15;
            let e = (s + len_q * 15 * 2).min(1140);
            let hours = WorkHours { spans: (1..=7).map(|d| (d, s, e)).collect() };
            let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
            let taken: Vec<Span> = (0..days).filter_map(|d| {
                let t = OpenTime::new(monday + Days::new(d), 420 + taken_at * 15 / 2 / 15 * 15, (420 + taken_at * 15 / 2 / 15 * 15 + taken_len * 15).min(1140)).ok()?;
                t.span()
            }).collect();
            let plan = hours.plan((0..days).map(|d| monday + Days::new(d)), &taken);
            for p in &plan {
                prop_assert!(taken.iter().all(|t| !t.overlaps(p)), "{p:?}");
                prop_assert!(p.end - p.start >= chrono::Duration::minutes(15));
            }
            for (i, a) in plan.iter().enumerate() {
                for b in &plan[i + 1..] {
                    prop_assert!(!a.overlaps(b));
                }
            }
        }
    }

    #[test]
    fn an_absence_is_shortened_never_lengthened() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let form = |from: &str, to: &str| ShortenForm {
            from: from.into(),
            to: to.into(),
        };
        assert_eq!(
            form("2026-12-08", "2026-12-09").parse(d(7), d(11)),
            Ok((d(8), d(9)))
        );
        assert_eq!(
            form("2026-12-07", "2026-12-11").parse(d(7), d(11)),
            Ok((d(7), d(11)))
        );
        let e = form("2026-12-06", "2026-12-12")
            .parse(d(7), d(11))
            .unwrap_err();
        assert_eq!(e["from"], FieldError::OutsideRange);
        assert_eq!(e["to"], FieldError::OutsideRange);
        let e = form("2026-12-10", "2026-12-08")
            .parse(d(7), d(11))
            .unwrap_err();
        assert_eq!(e["to"], FieldError::MonthOrder);
        let e = form("", "den 9").parse(d(7), d(11)).unwrap_err();
        assert_eq!((e["from"], e["to"]), (FieldError::Date, FieldError::Date));
    }

    #[test]
    fn the_days_freed_are_those_no_longer_covered() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert_eq!(freed_days((d(7), d(11)), None), vec![(d(7), d(11))]);
        assert_eq!(
            freed_days((d(7), d(11)), Some((d(8), d(9)))),
            vec![(d(7), d(7)), (d(10), d(11))]
        );
        assert!(freed_days((d(7), d(11)), Some((d(7), d(11)))).is_empty());
    }

    proptest::proptest! {
        /// Whatever the new bounds, the freed days and the new absence cover the old exactly once.
        #[test]
        fn freed_and_kept_days_partition_the_old(a in 0u64..30, b in 0u64..30, c in 0u64..30, e in 0u64..30) {
            let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let (lo, hi) = (a.min(b), a.max(b));
            let (nlo, nhi) = (lo + c.min(e) % (hi - lo + 1), lo + c.max(e) % (hi - lo + 1));
            let (nlo, nhi) = (nlo.min(nhi), nlo.max(nhi));
            let old = (base + Days::new(lo), base + Days::new(hi));
            let new = (base + Days::new(nlo), base + Days::new(nhi));
            let mut covered: Vec<NaiveDate> = freed_days(old, Some(new))
                .into_iter()
                .chain([new])
                .flat_map(|(f, t)| f.iter_days().take_while(move |d| *d <= t))
                .collect();
            covered.sort();
            let all: Vec<NaiveDate> = old.0.iter_days().take_while(|d| *d <= old.1).collect();
            proptest::prop_assert_eq!(covered, all);
        }
    }

    #[test]
    fn open_time_laid_beside_open_time_joins_it() {
        let t = |h: u32| {
            crate::domain::time::stockholm_to_utc(
                NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
            )
            .unwrap()
        };
        let span = |a, b| Span::new(t(a), t(b)).unwrap();
        // 08–09 is there; the hours lay 09–12 and 13–16.
        let m = merge_adjacent(&[(7, span(8, 9))], &[span(9, 12), span(13, 16)]);
        assert_eq!(m.grow, vec![(7, span(8, 12))]);
        assert!(m.remove.is_empty());
        assert_eq!(m.insert, vec![span(13, 16)]);
        // A new hour between two open spans joins all three into the first.
        let m = merge_adjacent(&[(1, span(8, 9)), (2, span(10, 11))], &[span(9, 10)]);
        assert_eq!(m.grow, vec![(1, span(8, 11))]);
        assert_eq!(m.remove, vec![2]);
        // Nothing new: nothing changes, even where existing spans touch.
        assert_eq!(
            merge_adjacent(&[(1, span(8, 9)), (2, span(9, 10))], &[]),
            Merged::default()
        );
    }

    proptest::proptest! {
        /// After merging, the open time covers exactly what it covered plus the new spans.
        #[test]
        fn merging_keeps_every_minute(cuts in proptest::collection::btree_set(0i64..40, 2..12), take in proptest::collection::vec(proptest::bool::ANY, 12)) {
            let base = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
            let at = |q: i64| base + chrono::Duration::minutes(15 * q);
            let cuts: Vec<i64> = cuts.into_iter().collect();
            let mut existing = Vec::new();
            let mut new = Vec::new();
            for (i, w) in cuts.windows(2).enumerate() {
                let s = Span::new(at(w[0]), at(w[1])).unwrap();
                if take[i % take.len()] { existing.push((i as i64, s)) } else { new.push(s) }
            }
            let m = merge_adjacent(&existing, &new);
            let mut after: Vec<Span> = existing
                .iter()
                .filter(|(id, _)| !m.remove.contains(id) && !m.grow.iter().any(|(g, _)| g == id))
                .map(|(_, s)| *s)
                .chain(m.grow.iter().map(|(_, s)| *s))
                .chain(m.insert.iter().copied())
                .collect();
            after.sort();
            let minutes = |spans: &[Span]| -> i64 { spans.iter().map(|s| (s.end - s.start).num_minutes()).sum() };
            let before: Vec<Span> = existing.iter().map(|(_, s)| *s).chain(new.iter().copied()).collect();
            proptest::prop_assert_eq!(minutes(&after), minutes(&before));
            for w in after.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start, "no overlap");
            }
            proptest::prop_assert!(after.first().map(|s| s.start) == before.iter().map(|s| s.start).min());
        }
    }
}
