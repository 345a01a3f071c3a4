//! Demo offices and counsellors with open times for the coming four weeks, so that a fresh
//! Tidbok can be tried at once. Realistic but fictional: names, numbers and addresses.

use super::{busy_week, tsv::Rows, SeedError};
use crate::domain::access_log::AccessReason;
use crate::domain::capacity::{CapacitySetting, DEFAULT_TARGET_PERCENT};
use crate::domain::{
    geo::PostcodeArea, holidays::holiday_on, time::stockholm_to_utc, Address, Channel, Email,
    FieldCode, OpeningHours, OpeningSpan, PhoneNumber, Postcode,
};
use crate::ssr::store::{NewCounsellor, NewOffice, Store};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

const OFFICES_TSV: &str = include_str!("offices.tsv");
const COUNSELLORS_TSV: &str = include_str!("counsellors.tsv");

/// How many days of open time the demo gives each counsellor.
pub const DEMO_DAYS: u64 = 28;

/// The password of every demo staff account (listed in the README). Demo data is for trying
/// Tidbok out; production databases get their accounts from `tidbok staff add`.
pub const DEMO_STAFF_PASSWORD: &str = "demo-personal-2026";
/// The demo administrator; each office's manager is `chef.{office code}@tidbok.example`, and
/// each counsellor signs in with their own email.
pub const DEMO_ADMIN_EMAIL: &str = "admin@tidbok.example";
/// The demo counsellor with a training day in the calendar.
pub const DEMO_TRAINING_COUNSELLOR: &str = "mehmet.yilmaz@tidbok.example";

#[derive(Debug, PartialEq, Eq)]
pub enum DemoOutcome {
    /// The database already had offices; nothing was written.
    AlreadyPresent,
    Loaded {
        offices: usize,
        counsellors: usize,
        availability_spans: usize,
        staff_accounts: usize,
        /// Meetings in the busy counsellor's next week.
        demo_meetings: usize,
    },
}

pub fn offices() -> Result<Vec<NewOffice>, SeedError> {
    Rows::parse("offices.tsv", OFFICES_TSV)?
        .iter()
        .map(|row| {
            Ok(NewOffice {
                code: row.get("code")?.to_owned(),
                name: row.get("name")?.to_owned(),
                address: Address {
                    street: row.get("street")?.to_owned(),
                    postcode: row.parse("postcode", Postcode::parse)?,
                    city: row.get("city")?.to_owned(),
                },
                phone: row.parse("phone", PhoneNumber::parse)?,
                email: row.parse("email", Email::parse)?,
                latitude: row.parse("latitude", str::parse::<f64>)?,
                longitude: row.parse("longitude", str::parse::<f64>)?,
                opening_hours: row.parse("hours", OpeningHours::parse)?,
                areas: row
                    .list("areas")?
                    .into_iter()
                    .map(|a| PostcodeArea::parse(a).ok_or_else(|| row.error(format!("area {a}"))))
                    .collect::<Result<_, _>>()?,
            })
        })
        .collect()
}

pub fn counsellors() -> Result<Vec<NewCounsellor>, SeedError> {
    Rows::parse("counsellors.tsv", COUNSELLORS_TSV)?
        .iter()
        .map(|row| {
            let channels = row
                .list("channels")?
                .into_iter()
                .map(|c| {
                    c.parse::<Channel>()
                        .map_err(|e| row.error(format!("{c}: {e}")))
                })
                .collect::<Result<_, _>>()?;
            let fields = row
                .list("fields")?
                .into_iter()
                .map(|c| FieldCode::parse(c).map_err(|e| row.error(format!("{c}: {e}"))))
                .collect::<Result<_, _>>()?;
            let title = row.get("title")?;
            Ok(NewCounsellor {
                // The seed's employer contacts say so in their title.
                serves_employers: title.contains("arbetsgivar"),
                first_name: row.get("first_name")?.to_owned(),
                last_name: row.get("last_name")?.to_owned(),
                title: title.to_owned(),
                title_en: row.get("title_en")?.to_owned(),
                phone: row.parse("phone", PhoneNumber::parse)?,
                email: row.parse("email", Email::parse)?,
                office_code: row.get("office")?.to_owned(),
                languages: row
                    .list("languages")?
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                channels,
                fields,
            })
        })
        .collect()
}

/// The open times of the `index`th counsellor of an office, from `from` for `DEMO_DAYS`
/// days: the office's opening hours less lunch, with one free weekday each and short days
/// here and there, so the calendar has quieter and busier days as a real one does.
pub fn availability_plan(
    hours: &OpeningHours,
    index: usize,
    from: NaiveDate,
) -> Vec<(NaiveDate, NaiveTime, NaiveTime)> {
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
    let day_off = Weekday::try_from((index % 5) as u8).expect("0..5 is a weekday");
    let mut plan = Vec::new();
    for offset in 0..DEMO_DAYS {
        let date = from + Days::new(offset);
        // The day from its first opening to its last closing: lunch is left free below.
        let (Some(first), Some(last)) = (
            hours.on(date.weekday()).next(),
            hours.on(date.weekday()).last(),
        ) else {
            continue;
        };
        let span = OpeningSpan {
            weekday: first.weekday,
            opens: first.opens,
            closes: last.closes,
        };
        // Like generated working hours: nobody works on the day off or a public holiday.
        if date.weekday() == day_off || holiday_on(date).is_some() {
            continue;
        }
        let opens = span.opens.max(hm(8, 0));
        let lunch = (hm(12, 0), hm(13, 0));
        let short_day = (offset as usize + index) % 7 == 3;
        let closes = if short_day { lunch.0 } else { span.closes };
        if opens < lunch.0 {
            plan.push((date, opens, lunch.0.min(closes)));
        }
        if closes > lunch.1 {
            plan.push((date, lunch.1, closes));
        }
    }
    plan
}

/// Loads the demo offices, counsellors and four weeks of open time from the day of `now`,
/// unless the database already has offices. The demo's meetings today are placed around
/// `now`.
pub async fn load_demo(
    store: &Store,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<DemoOutcome, SeedError> {
    let today = crate::domain::time::stockholm_date(now);
    if store.count_offices().await? > 0 {
        return Ok(DemoOutcome::AlreadyPresent);
    }
    let offices = offices()?;
    for office in &offices {
        store.insert_office(office).await?;
    }
    let counsellors = counsellors()?;
    let mut spans = Vec::new();
    let mut busy_counsellor = None;
    for (office_index, office) in offices.iter().enumerate() {
        let at_office = counsellors.iter().filter(|c| c.office_code == office.code);
        for (i, counsellor) in at_office.enumerate() {
            let id = store.insert_counsellor(counsellor).await?;
            if counsellor.email.as_str() == busy_week::BUSY_COUNSELLOR {
                let office_id = store
                    .office_id_by_code(&office.code)
                    .await?
                    .unwrap_or_default();
                busy_counsellor = Some((id, office_id));
            }
            for (date, start, end) in
                availability_plan(&office.opening_hours, i + office_index, today)
            {
                if let (Some(s), Some(e)) =
                    (stockholm_to_utc(date, start), stockholm_to_utc(date, end))
                {
                    spans.push((id, s, e));
                }
            }
        }
    }
    // The busy counsellor works 08:00 to 17:00 every day of next week.
    let busy = busy_counsellor.ok_or_else(|| {
        SeedError::Staff(format!(
            "{} is not a demo counsellor",
            busy_week::BUSY_COUNSELLOR
        ))
    })?;
    let week: Vec<NaiveDate> = (0..5)
        .map(|d| busy_week::next_monday(today) + Days::new(d))
        .collect();
    spans.retain(|(id, s, _)| {
        !(*id == busy.0 && week.contains(&crate::domain::time::stockholm_date(*s)))
    });
    let (from, to) = busy_week::BUSY_DAY;
    for date in &week {
        let hour = |h: u32| stockholm_to_utc(*date, NaiveTime::from_hms_opt(h, 0, 0)?);
        if let (Some(s), Some(e)) = (hour(from), hour(to)) {
            spans.push((busy.0, s, e));
        }
    }
    store.insert_availability(&spans).await?;
    let staff_accounts = demo_staff(store, &offices, &counsellors).await?;
    let demo_meetings = busy_week::load(store, busy.0, busy.1, now).await?;
    // Sanna prepared last week's meetings: each opening is in the access log, which the
    // administrator and the office manager read at /personal/admin/atkomstlogg.
    if let Some(sanna) = store
        .list_staff()
        .await?
        .into_iter()
        .find(|s| s.email == busy_week::BUSY_COUNSELLOR)
    {
        let last_week = store
            .calendar_meetings(busy.0, now - chrono::Duration::days(14), now)
            .await?;
        let with_seekers = last_week.iter().filter_map(|m| Some((m, m.seeker_id?)));
        for (m, seeker_id) in with_seekers.take(8) {
            store
                .log_access(
                    crate::domain::StaffId(sanna.member.id),
                    crate::domain::SeekerId(seeker_id),
                    Some(crate::domain::BookingId(m.id)),
                    AccessReason::Meeting,
                    m.starts_at - chrono::Duration::minutes(20),
                )
                .await?;
        }
    }
    super::demo_people::load(store, now).await?;
    super::demo_reports::load(store, now).await?;
    super::demo_employers::load(store, now).await?;
    super::demo_employer_meetings::load(store, now).await?;
    super::demo_assisted::load(store, now).await?;
    super::demo_trust::load(store, now).await?;
    // Made-up people get no email: the demo's own meetings and links are not announced.
    store.drop_pending_messages("demo data").await?;
    // Every reception takes six visitors an hour on weekdays and aims to fill 70 %.
    let setting = CapacitySetting {
        per_hour: [Some(6), Some(6), Some(6), Some(6), Some(6), None, None],
        target_percent: DEFAULT_TARGET_PERCENT,
    };
    for office in store.list_offices().await? {
        store.set_office_capacity(office.id, &setting, None).await?;
    }
    // Umeå holds a planning day on the Wednesday of the week after next: nothing is offered
    // with its counsellors then.
    if let Some(umea) = store.office_id_by_code("umea").await? {
        let planning = busy_week::next_monday(today) + Days::new(9);
        store
            .add_office_closure(umea, planning, "Planeringsdag")
            .await?;
    }
    // Mehmet Yilmaz (Stockholm City) is on a course on the Thursday of the week after next:
    // the calendar shows the training and nothing is offered with him that day.
    if let Some(mehmet) = store
        .list_counsellors()
        .await?
        .into_iter()
        .find(|c| c.email == DEMO_TRAINING_COUNSELLOR)
    {
        let day = busy_week::next_monday(today) + Days::new(10);
        let midnight = |d: NaiveDate| stockholm_to_utc(d, NaiveTime::MIN);
        if let (Some(s), Some(e)) = (midnight(day), midnight(day + Days::new(1))) {
            store
                .add_absence(
                    mehmet.id,
                    "training",
                    s,
                    e,
                    "Kurs i motiverande samtal",
                    now,
                )
                .await?;
        }
    }
    Ok(DemoOutcome::Loaded {
        offices: offices.len(),
        counsellors: counsellors.len(),
        availability_spans: spans.len(),
        staff_accounts,
        demo_meetings,
    })
}

/// One account per counsellor, a manager per office and an administrator, all with
/// [`DEMO_STAFF_PASSWORD`]. One hash serves them all: hashing is slow on purpose, and
/// accounts that share a known password gain nothing from salts of their own.
async fn demo_staff(
    store: &Store,
    offices: &[NewOffice],
    counsellors: &[NewCounsellor],
) -> Result<usize, SeedError> {
    use crate::{
        domain::{registration::Password, staff::Role},
        ssr::services::{
            passwords,
            staff::{self, StaffAccount},
        },
    };
    let password = Password::parse(DEMO_STAFF_PASSWORD).expect("the demo password is valid");
    let hash = passwords::hash(password)
        .await
        .map_err(|_| SeedError::Staff("hashing the demo password".into()))?;
    let now = chrono::Utc::now();
    let mut accounts: Vec<StaffAccount> = counsellors
        .iter()
        .map(|c| StaffAccount {
            email: c.email.clone(),
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
            role: Role::Counsellor,
            office_code: Some(c.office_code.clone()),
        })
        .collect();
    for office in offices {
        let email = Email::parse(&format!("chef.{}@tidbok.example", office.code))
            .map_err(|_| SeedError::Staff(format!("manager email of {}", office.code)))?;
        accounts.push(StaffAccount {
            email,
            first_name: "Kim".into(),
            last_name: format!("Chef ({})", office.address.city),
            role: Role::OfficeManager,
            office_code: Some(office.code.clone()),
        });
    }
    accounts.push(StaffAccount {
        email: Email::parse(DEMO_ADMIN_EMAIL).expect("the demo admin email is valid"),
        first_name: "Alex".into(),
        last_name: "Administratör".into(),
        role: Role::Admin,
        office_code: None,
    });
    let count = accounts.len();
    for account in accounts {
        staff::insert(store, account, hash.clone(), now)
            .await
            .map_err(|e| SeedError::Staff(e.to_string()))?;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_covers_every_field_with_enough_people_and_channels() {
        let offices = offices().unwrap();
        assert!(offices.len() >= 3);
        let cities: HashSet<_> = offices.iter().map(|o| &o.address.city).collect();
        assert_eq!(cities.len(), offices.len(), "offices in different cities");
        let counsellors = counsellors().unwrap();
        assert!(counsellors.len() >= 15);
        let fields: HashSet<_> = counsellors.iter().flat_map(|c| &c.fields).collect();
        assert_eq!(fields.len(), 21, "every occupational field is covered");
        let languages: HashSet<_> = counsellors.iter().flat_map(|c| &c.languages).collect();
        assert!(languages.len() >= 5, "several languages: {languages:?}");
        for ch in Channel::ALL {
            assert!(counsellors.iter().any(|c| c.channels.contains(&ch)), "{ch}");
        }
        for c in &counsellors {
            assert!(
                offices.iter().any(|o| o.code == c.office_code),
                "{} works at an office that exists",
                c.last_name
            );
        }
    }

    #[test]
    fn plan_stays_within_opening_hours_and_leaves_lunch_free() {
        let hours = OpeningHours::parse("mon=09:00-16:00;tue=09:00-16:00;thu=10:00-18:00").unwrap();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let plan = availability_plan(&hours, 1, monday);
        assert!(!plan.is_empty());
        for (date, start, end) in &plan {
            let span = hours.on(date.weekday()).next().expect("only on open days");
            assert!(start < end);
            assert!(*start >= span.opens && *end <= span.closes);
            let noon = NaiveTime::from_hms_opt(12, 30, 0).unwrap();
            assert!(!(*start <= noon && noon < *end), "lunch is free");
            assert!(*date >= monday && *date < monday + Days::new(DEMO_DAYS));
        }
        // Index 1 takes Tuesdays off.
        assert!(plan.iter().all(|(d, _, _)| d.weekday() != Weekday::Tue));
    }
}
