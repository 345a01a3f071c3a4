//! Which counsellors a job seeker should meet, best first: someone who knows their
//! occupational field, then who speaks their language (or whom an interpreter can join),
//! meets in the chosen way, works at the chosen office, and has the fewest meetings that week
//! so that work spreads evenly. When nobody knows the field, anyone who can meet them in the
//! chosen way is offered, and the answer says so.

use super::{choices::LanguageCode, Channel, FieldCode};

/// A counsellor, as far as matching needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counsellor {
    pub id: i64,
    pub office_id: i64,
    pub fields: Vec<FieldCode>,
    pub languages: Vec<LanguageCode>,
    pub channels: Vec<Channel>,
    /// Meetings already booked in the week being offered.
    pub week_bookings: usize,
}

/// What the seeker asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wish {
    /// The fields of the occupations they look for.
    pub fields: Vec<FieldCode>,
    pub language: LanguageCode,
    /// An interpreter is booked for this language; then any counsellor language will do.
    pub interpreter: Option<LanguageCode>,
    pub channel: Channel,
    /// For an office visit: which office.
    pub office_id: Option<i64>,
}

/// The counsellors to offer, best first, and whether they know the seeker's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    pub counsellors: Vec<i64>,
    /// Nobody who can meet this way knows the field: these are the office's or channel's
    /// counsellors, and the page says so.
    pub fallback: bool,
    /// Those who can meet this way but do not know the field (none when it is a fallback),
    /// best first: offered after the others when those cannot see the seeker soon.
    pub others: Vec<i64>,
}

/// Ranks the counsellors who can meet the seeker as asked: the channel must be theirs, and
/// for a visit the office must be theirs too. Among those, field knowledge comes first.
pub fn rank(wish: &Wish, counsellors: &[Counsellor]) -> Ranking {
    let can_meet: Vec<&Counsellor> = counsellors
        .iter()
        .filter(|c| c.channels.contains(&wish.channel))
        .filter(|c| wish.channel != Channel::Office || Some(c.office_id) == wish.office_id)
        .collect();
    let knows_field = |c: &Counsellor| c.fields.iter().any(|f| wish.fields.contains(f));
    let fallback = !can_meet.iter().any(|c| knows_field(c));
    let mut ranked = can_meet;
    let speaks =
        |c: &Counsellor| c.languages.contains(&wish.language) || wish.interpreter.is_some();
    // Stable sort: equal counsellors keep the order they came in (their id order).
    ranked.sort_by_key(|c| {
        (
            !speaks(c),
            // How many of the seeker's fields they know: more is better.
            std::cmp::Reverse(c.fields.iter().filter(|f| wish.fields.contains(f)).count()),
            c.week_bookings,
            c.id,
        )
    });
    let (knowing, others): (Vec<&Counsellor>, Vec<&Counsellor>) =
        ranked.into_iter().partition(|c| fallback || knows_field(c));
    Ranking {
        counsellors: knowing.into_iter().map(|c| c.id).collect(),
        fallback,
        others: others.into_iter().map(|c| c.id).collect(),
    }
}

/// Marks the quieter days among those offered: a day is "quieter" only when it has clearly
/// fewer booked meetings than the others, below both their median and their average, so
/// that at most half the days carry the mark and a marked day is never busier than an
/// unmarked one. `load` is the number of meetings already booked on each day, in day order;
/// the result has one flag per day. Equal days (all empty, say) are none of them quieter.
pub fn quieter_days(load: &[usize]) -> Vec<bool> {
    let n = load.len();
    if n == 0 {
        return Vec::new();
    }
    let mut sorted = load.to_vec();
    sorted.sort_unstable();
    // Twice the median and n times the average, so that the comparisons need no fractions.
    let twice_median = sorted[(n - 1) / 2] + sorted[n / 2];
    let total: usize = load.iter().sum();
    load.iter()
        .map(|l| 2 * l < twice_median && l * n < total)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn field(code: &str) -> FieldCode {
        FieldCode::parse(code).unwrap()
    }

    fn counsellor(
        id: i64,
        office: i64,
        fields: &[&str],
        languages: &[LanguageCode],
        week: usize,
    ) -> Counsellor {
        Counsellor {
            id,
            office_id: office,
            fields: fields.iter().map(|f| field(f)).collect(),
            languages: languages.to_vec(),
            channels: Channel::ALL.to_vec(),
            week_bookings: week,
        }
    }

    fn wish(
        fields: &[&str],
        language: LanguageCode,
        channel: Channel,
        office: Option<i64>,
    ) -> Wish {
        Wish {
            fields: fields.iter().map(|f| field(f)).collect(),
            language,
            interpreter: None,
            channel,
            office_id: office,
        }
    }

    use LanguageCode::{Ar, So, Sv};

    #[test]
    fn field_first_then_language_then_the_quietest_week() {
        let all = [
            counsellor(1, 10, &["bygg-anlaggning"], &[Sv], 0),
            counsellor(2, 10, &["halso-sjukvard"], &[Sv], 5),
            counsellor(3, 10, &["halso-sjukvard"], &[Sv, So], 7),
            counsellor(4, 10, &["halso-sjukvard"], &[Sv], 2),
        ];
        let w = wish(&["halso-sjukvard"], So, Channel::Phone, None);
        let r = rank(&w, &all);
        assert_eq!(
            r.counsellors,
            [3, 4, 2],
            "the Somali speaker, then the least busy"
        );
        assert!(!r.fallback);
        assert_eq!(
            r.others,
            [1],
            "who does not know the field comes after, apart"
        );
        // With an interpreter, language no longer sorts: the least busy comes first.
        let with_interpreter = Wish {
            interpreter: Some(So),
            ..w
        };
        assert_eq!(rank(&with_interpreter, &all).counsellors, [4, 2, 3]);
    }

    #[test]
    fn a_visit_is_at_the_chosen_office_and_nobody_in_the_field_means_a_fallback() {
        let all = [
            counsellor(1, 10, &["bygg-anlaggning"], &[Sv], 3),
            counsellor(2, 20, &["halso-sjukvard"], &[Sv], 0),
            counsellor(3, 10, &["data-it"], &[Ar], 1),
        ];
        let visit = wish(&["halso-sjukvard"], Sv, Channel::Office, Some(10));
        let r = rank(&visit, &all);
        assert!(r.fallback, "nobody at office 10 knows health care");
        assert_eq!(
            r.counsellors,
            [1, 3],
            "the office's counsellors, Swedish speaker first"
        );
        let elsewhere = Wish {
            office_id: Some(20),
            ..visit
        };
        assert_eq!(
            rank(&elsewhere, &all),
            Ranking {
                counsellors: vec![2],
                fallback: false,
                others: vec![],
            }
        );
    }

    #[test]
    fn only_counsellors_who_meet_that_way() {
        let mut video_only = counsellor(1, 10, &["data-it"], &[Sv], 0);
        video_only.channels = vec![Channel::Video];
        let phone = counsellor(2, 10, &["data-it"], &[Sv], 9);
        let r = rank(
            &wish(&["data-it"], Sv, Channel::Phone, None),
            &[video_only, phone],
        );
        assert_eq!(r.counsellors, [2]);
    }

    #[test]
    fn quieter_days_are_clearly_below_the_others() {
        assert_eq!(quieter_days(&[4, 1, 3, 0]), [false, true, false, true]);
        assert_eq!(quieter_days(&[2, 2, 2]), [false, false, false]);
        assert_eq!(quieter_days(&[0, 0]), [false, false]);
        // One busy day does not make every other day "quieter".
        assert_eq!(quieter_days(&[6, 0, 0, 0, 0]), [false; 5]);
        // Only the clearly emptier minority.
        assert_eq!(
            quieter_days(&[5, 5, 4, 5, 1]),
            [false, false, false, false, true]
        );
        assert!(quieter_days(&[]).is_empty());
    }

    proptest! {
        /// At most half the days are marked, and a marked day is never busier than an
        /// unmarked one.
        #[test]
        fn quieter_days_are_a_minority_and_really_quieter(
            load in prop::collection::vec(0usize..20, 0..30),
        ) {
            let quiet = quieter_days(&load);
            prop_assert_eq!(quiet.len(), load.len());
            let marked: Vec<usize> = load.iter().zip(&quiet).filter(|(_, q)| **q).map(|(l, _)| *l).collect();
            let unmarked: Vec<usize> = load.iter().zip(&quiet).filter(|(_, q)| !**q).map(|(l, _)| *l).collect();
            prop_assert!(marked.len() * 2 <= load.len());
            if let (Some(most), Some(least)) = (marked.iter().max(), unmarked.iter().min()) {
                prop_assert!(most < least);
            }
        }

        /// Everyone offered can meet as asked; the field's counsellors are all offered unless
        /// there are none, and then it is a fallback.
        #[test]
        fn offers_are_possible_and_field_first(
            specs in prop::collection::vec((0i64..3, 0usize..3, any::<bool>(), 0usize..10), 0..12),
            channel in prop::sample::select(Channel::ALL.to_vec()),
        ) {
            let fields = ["data-it", "halso-sjukvard", "bygg-anlaggning"];
            let all: Vec<Counsellor> = specs.iter().enumerate().map(|(i, (office, f, swedish, week))| {
                let mut c = counsellor(i as i64, *office, &[fields[*f]], &[if *swedish { Sv } else { Ar }], *week);
                if i % 4 == 0 { c.channels = vec![Channel::Video]; }
                c
            }).collect();
            let w = wish(&["data-it"], Sv, channel, Some(1));
            let r = rank(&w, &all);
            let able: Vec<&Counsellor> = all.iter()
                .filter(|c| c.channels.contains(&channel))
                .filter(|c| channel != Channel::Office || c.office_id == 1)
                .collect();
            let in_field: Vec<i64> = able.iter().filter(|c| c.fields.contains(&field("data-it"))).map(|c| c.id).collect();
            prop_assert_eq!(r.fallback, in_field.is_empty());
            let mut offered = r.counsellors.clone();
            offered.sort();
            let mut expected: Vec<i64> = if r.fallback { able.iter().map(|c| c.id).collect() } else { in_field };
            expected.sort();
            prop_assert_eq!(offered, expected);
            // Among equals in language, the less busy come first.
            for pair in r.counsellors.windows(2) {
                let a = all.iter().find(|c| c.id == pair[0]).unwrap();
                let b = all.iter().find(|c| c.id == pair[1]).unwrap();
                if a.languages == b.languages {
                    prop_assert!(a.week_bookings <= b.week_bookings);
                }
            }
        }
    }
}
