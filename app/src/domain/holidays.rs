//! Swedish public holidays, and the eves on which offices are closed too, computed for any
//! year (no maintained crate does this). Nothing is offered on them in any channel, the
//! staff calendar names them, and generated working hours skip them.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A day the employment service is closed nationwide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Holiday {
    NewYearsDay,
    Epiphany,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    MayDay,
    Ascension,
    Whitsunday,
    NationalDay,
    MidsummerEve,
    MidsummerDay,
    AllSaintsDay,
    ChristmasEve,
    ChristmasDay,
    BoxingDay,
    NewYearsEve,
}

impl Holiday {
    /// Its Swedish name, as a calendar prints it.
    pub fn swedish(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "Nyårsdagen",
            Holiday::Epiphany => "Trettondedag jul",
            Holiday::GoodFriday => "Långfredagen",
            Holiday::EasterSunday => "Påskdagen",
            Holiday::EasterMonday => "Annandag påsk",
            Holiday::MayDay => "Första maj",
            Holiday::Ascension => "Kristi himmelsfärdsdag",
            Holiday::Whitsunday => "Pingstdagen",
            Holiday::NationalDay => "Sveriges nationaldag",
            Holiday::MidsummerEve => "Midsommarafton",
            Holiday::MidsummerDay => "Midsommardagen",
            Holiday::AllSaintsDay => "Alla helgons dag",
            Holiday::ChristmasEve => "Julafton",
            Holiday::ChristmasDay => "Juldagen",
            Holiday::BoxingDay => "Annandag jul",
            Holiday::NewYearsEve => "Nyårsafton",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::Epiphany => "Epiphany",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterSunday => "Easter Sunday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::MayDay => "May Day",
            Holiday::Ascension => "Ascension Day",
            Holiday::Whitsunday => "Whitsunday",
            Holiday::NationalDay => "National Day of Sweden",
            Holiday::MidsummerEve => "Midsummer Eve",
            Holiday::MidsummerDay => "Midsummer Day",
            Holiday::AllSaintsDay => "All Saints' Day",
            Holiday::ChristmasEve => "Christmas Eve",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
            Holiday::NewYearsEve => "New Year's Eve",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm,
/// Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// Every closed day of `year`, in date order.
pub fn holidays_in(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let mut days: Vec<(NaiveDate, Holiday)> = [
        (date(1, 1), Holiday::NewYearsDay),
        (date(1, 6), Holiday::Epiphany),
        (easter.checked_sub_days(Days::new(2)), Holiday::GoodFriday),
        (Some(easter), Holiday::EasterSunday),
        (easter.checked_add_days(Days::new(1)), Holiday::EasterMonday),
        (date(5, 1), Holiday::MayDay),
        (easter.checked_add_days(Days::new(39)), Holiday::Ascension),
        (easter.checked_add_days(Days::new(49)), Holiday::Whitsunday),
        (date(6, 6), Holiday::NationalDay),
        // The Friday and Saturday between 19 and 26 June.
        (
            date(6, 19).map(|d| first_on_or_after(d, Weekday::Fri)),
            Holiday::MidsummerEve,
        ),
        (
            date(6, 20).map(|d| first_on_or_after(d, Weekday::Sat)),
            Holiday::MidsummerDay,
        ),
        // The Saturday between 31 October and 6 November.
        (
            date(10, 31).map(|d| first_on_or_after(d, Weekday::Sat)),
            Holiday::AllSaintsDay,
        ),
        (date(12, 24), Holiday::ChristmasEve),
        (date(12, 25), Holiday::ChristmasDay),
        (date(12, 26), Holiday::BoxingDay),
        (date(12, 31), Holiday::NewYearsEve),
    ]
    .into_iter()
    .filter_map(|(d, h)| Some((d?, h)))
    .collect();
    days.sort_by_key(|(d, _)| *d);
    days
}

/// The holiday on `date`, if it is one. Asked for every day of every counsellor's open time
/// when a picker is drawn, so it decides from the date itself and builds no list; where two
/// fall on one date (Ascension on 1 May), the fixed one is named.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    let (month, day) = (date.month(), date.day());
    let fixed = match (month, day) {
        (1, 1) => Some(Holiday::NewYearsDay),
        (1, 6) => Some(Holiday::Epiphany),
        (5, 1) => Some(Holiday::MayDay),
        (6, 6) => Some(Holiday::NationalDay),
        (12, 24) => Some(Holiday::ChristmasEve),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        (12, 31) => Some(Holiday::NewYearsEve),
        _ => None,
    };
    let by_weekday = || match (month, date.weekday()) {
        (6, Weekday::Fri) if (19..=25).contains(&day) => Some(Holiday::MidsummerEve),
        (6, Weekday::Sat) if (20..=26).contains(&day) => Some(Holiday::MidsummerDay),
        (10, Weekday::Sat) if day == 31 => Some(Holiday::AllSaintsDay),
        (11, Weekday::Sat) if day <= 6 => Some(Holiday::AllSaintsDay),
        _ => None,
    };
    // Good Friday (20 March at the earliest) to Whitsunday (13 June at the latest).
    let by_easter = || {
        if !(3..=6).contains(&month) {
            return None;
        }
        match (date - easter_sunday(date.year())?).num_days() {
            -2 => Some(Holiday::GoodFriday),
            0 => Some(Holiday::EasterSunday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::Ascension),
            49 => Some(Holiday::Whitsunday),
            _ => None,
        }
    };
    fixed.or_else(by_weekday).or_else(by_easter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_falls_where_the_almanac_has_it() {
        // Known Easter Sundays, including the earliest and latest possible dates.
        for (y, m, day) in [
            (1818, 3, 22),
            (1943, 4, 25),
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
        }
    }

    #[test]
    fn the_closed_days_of_2026_and_2027() {
        let names = |y| {
            holidays_in(y)
                .into_iter()
                .map(|(date, h)| (date.format("%m-%d").to_string(), h.swedish()))
                .collect::<Vec<_>>()
        };
        let expect = |list: &[(&str, &'static str)]| {
            list.iter()
                .map(|(a, b)| (a.to_string(), *b))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(2026),
            expect(&[
                ("01-01", "Nyårsdagen"),
                ("01-06", "Trettondedag jul"),
                ("04-03", "Långfredagen"),
                ("04-05", "Påskdagen"),
                ("04-06", "Annandag påsk"),
                ("05-01", "Första maj"),
                ("05-14", "Kristi himmelsfärdsdag"),
                ("05-24", "Pingstdagen"),
                ("06-06", "Sveriges nationaldag"),
                ("06-19", "Midsommarafton"),
                ("06-20", "Midsommardagen"),
                ("10-31", "Alla helgons dag"),
                ("12-24", "Julafton"),
                ("12-25", "Juldagen"),
                ("12-26", "Annandag jul"),
                ("12-31", "Nyårsafton"),
            ])
        );
        let y2027 = names(2027);
        for (date, name) in [
            ("03-26", "Långfredagen"),
            ("03-29", "Annandag påsk"),
            ("05-06", "Kristi himmelsfärdsdag"),
            ("06-25", "Midsommarafton"),
            ("06-26", "Midsommardagen"),
            ("11-06", "Alla helgons dag"),
        ] {
            assert!(y2027.contains(&(date.to_owned(), name)), "{date} {name}");
        }
        assert_eq!(holiday_on(d(2026, 12, 24)), Some(Holiday::ChristmasEve));
        assert_eq!(holiday_on(d(2026, 12, 23)), None);
    }

    proptest! {
        /// In every year: sixteen closed days (two may share a date), midsummer on a Friday and Saturday in its
        /// week of June, All Saints' on a Saturday in its week, Easter between 22 March and
        /// 25 April on a Sunday, Ascension on a Thursday.
        #[test]
        fn every_year_keeps_the_rules(year in 1900i32..2400) {
            let days = holidays_in(year);
            prop_assert_eq!(days.len(), 16);
            let on = |h: Holiday| days.iter().find(|(_, x)| *x == h).map(|(d, _)| *d).unwrap();
            let eve = on(Holiday::MidsummerEve);
            prop_assert_eq!(eve.weekday(), Weekday::Fri);
            prop_assert!((d(year, 6, 19)..=d(year, 6, 25)).contains(&eve));
            prop_assert_eq!(on(Holiday::MidsummerDay), eve + Days::new(1));
            let saints = on(Holiday::AllSaintsDay);
            prop_assert_eq!(saints.weekday(), Weekday::Sat);
            prop_assert!((d(year, 10, 31)..=d(year, 11, 6)).contains(&saints));
            let easter = on(Holiday::EasterSunday);
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!((d(year, 3, 22)..=d(year, 4, 25)).contains(&easter));
            prop_assert_eq!(on(Holiday::Ascension).weekday(), Weekday::Thu);
            prop_assert_eq!(on(Holiday::Whitsunday).weekday(), Weekday::Sun);
            // Two can fall on one date (Ascension on 1 May in 2008): the date is closed.
            for (date, _) in &days {
                prop_assert!(holiday_on(*date).is_some());
            }
            // And no other day of the year is.
            let mut date = d(year, 1, 1);
            while date.year() == year {
                prop_assert_eq!(
                    holiday_on(date).is_some(),
                    days.iter().any(|(x, _)| *x == date),
                    "{}", date
                );
                date = date + Days::new(1);
            }
        }
    }
}
