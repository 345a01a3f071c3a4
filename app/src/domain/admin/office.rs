//! The office form: name and address, the postcode areas it serves, whether it takes visits,
//! and its opening hours, written one weekday per line as plain times ("09:00–12:00,
//! 13:00–16:00"); and the form that closes an office for a day. Used to create an office and
//! to change one.

use super::Version;
use crate::domain::{
    field_error::{required_text, Errors, FieldError, FieldErrors},
    geo::PostcodeArea,
    Address, Email, OpeningHours, OpeningSpan, PhoneNumber, Postcode,
};
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 80;
pub const MAX_STREET: usize = 100;
pub const MAX_CITY: usize = 60;
pub const MAX_REASON: usize = 200;
/// More spans than this in one day is a typing mistake, not opening hours.
pub const MAX_SPANS_A_DAY: usize = 6;
pub const MAX_AREAS: usize = 200;

/// The weekdays in the form's order with the key of each day's field.
pub const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

/// The form as typed. `takes_visits` is `"ja"` when ticked; a weekday left empty is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfficeForm {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub phone: String,
    pub email: String,
    pub areas: String,
    pub takes_visits: String,
    pub mon: String,
    pub tue: String,
    pub wed: String,
    pub thu: String,
    pub fri: String,
    pub sat: String,
    pub sun: String,
    pub version: String,
}

/// An office as saved.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeDraft {
    pub name: String,
    pub address: Address,
    pub phone: PhoneNumber,
    pub email: Email,
    pub areas: Vec<PostcodeArea>,
    pub takes_visits: bool,
    pub hours: OpeningHours,
    /// The version the form was drawn from; `None` for a new office.
    pub version: Option<Version>,
}

impl OfficeForm {
    pub fn day(&self, key: &str) -> &str {
        match key {
            "mon" => &self.mon,
            "tue" => &self.tue,
            "wed" => &self.wed,
            "thu" => &self.thu,
            "fri" => &self.fri,
            "sat" => &self.sat,
            _ => &self.sun,
        }
    }

    fn day_mut(&mut self, key: &str) -> &mut String {
        match key {
            "mon" => &mut self.mon,
            "tue" => &mut self.tue,
            "wed" => &mut self.wed,
            "thu" => &mut self.thu,
            "fri" => &mut self.fri,
            "sat" => &mut self.sat,
            _ => &mut self.sun,
        }
    }

    /// Checks every field and names each wrong one. `new` is true for a new office (no
    /// version is expected then).
    pub fn parse(&self, new: bool) -> Result<OfficeDraft, FieldErrors> {
        let mut errors = Errors::default();
        let name = errors.check("name", required_text(&self.name, MAX_NAME));
        let street = errors.check("street", required_text(&self.street, MAX_STREET));
        let postcode = errors.check(
            "postcode",
            Postcode::parse(&self.postcode).map_err(FieldError::Contact),
        );
        let city = errors.check("city", required_text(&self.city, MAX_CITY));
        let phone = errors.check(
            "phone",
            PhoneNumber::parse(&self.phone).map_err(FieldError::Contact),
        );
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        let areas = errors.check("areas", areas(&self.areas));
        let mut spans = Vec::new();
        for (weekday, key) in WEEKDAYS {
            if let Some(day) = errors.check(key, day_spans(self.day(key), weekday)) {
                spans.extend(day);
            }
        }
        let version = if new {
            Some(None)
        } else {
            errors.check(
                "_",
                Version::parse(&self.version)
                    .map(Some)
                    .ok_or(FieldError::Malformed),
            )
        };
        errors.finish()?;
        let hours = OpeningHours::new(spans).map_err(|_| malformed())?;
        match (name, street, postcode, city, phone, email, areas, version) {
            (
                Some(name),
                Some(street),
                Some(postcode),
                Some(city),
                Some(phone),
                Some(email),
                Some(areas),
                Some(version),
            ) => Ok(OfficeDraft {
                name,
                address: Address {
                    street,
                    postcode,
                    city,
                },
                phone,
                email,
                areas,
                takes_visits: !self.takes_visits.trim().is_empty(),
                hours,
                version,
            }),
            _ => Err(malformed()),
        }
    }
}

fn malformed() -> FieldErrors {
    FieldErrors::from([("_".to_owned(), FieldError::Malformed)])
}

/// The areas as typed, separated by commas or spaces, each once, in order.
fn areas(input: &str) -> Result<Vec<PostcodeArea>, FieldError> {
    let mut out: Vec<PostcodeArea> = Vec::new();
    for part in input
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let area = PostcodeArea::parse(part).ok_or(FieldError::PostcodeArea)?;
        if !out.contains(&area) {
            out.push(area);
        }
    }
    if out.len() > MAX_AREAS {
        return Err(FieldError::TooMany);
    }
    out.sort();
    Ok(out)
}

/// A clock time as people write it: `9`, `09`, `9:30`, `09.30`.
fn clock(input: &str) -> Option<NaiveTime> {
    let s = input.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (s, "00"),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// One weekday's spans as typed: empty (closed) or spans like `09:00–12:00` separated by
/// commas, in any order, none overlapping another.
pub fn day_spans(input: &str, weekday: Weekday) -> Result<Vec<OpeningSpan>, FieldError> {
    let mut spans = Vec::new();
    for part in input
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (opens, closes) = part
            .split_once(['–', '-', '—'])
            .and_then(|(a, b)| Some((clock(a)?, clock(b)?)))
            .ok_or(FieldError::OpeningSpan)?;
        if opens >= closes {
            return Err(FieldError::ClosesFirst);
        }
        spans.push(OpeningSpan {
            weekday,
            opens,
            closes,
        });
    }
    if spans.len() > MAX_SPANS_A_DAY {
        return Err(FieldError::TooMany);
    }
    spans.sort_by_key(|s| s.opens);
    if spans.windows(2).any(|p| p[1].opens < p[0].closes) {
        return Err(FieldError::SpansOverlap);
    }
    Ok(spans)
}

/// A day's spans as the form shows them: `09:00–12:00, 13:00–16:00`.
pub fn day_text(hours: &OpeningHours, weekday: Weekday) -> String {
    hours
        .on(weekday)
        .map(|s| format!("{}–{}", s.opens.format("%H:%M"), s.closes.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

impl OfficeDraft {
    /// The form again, as the page shows a saved office.
    pub fn to_form(&self) -> OfficeForm {
        let mut form = OfficeForm {
            name: self.name.clone(),
            street: self.address.street.clone(),
            postcode: self.address.postcode.to_string(),
            city: self.address.city.clone(),
            phone: self.phone.display_national(),
            email: self.email.to_string(),
            areas: self
                .areas
                .iter()
                .map(PostcodeArea::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            takes_visits: if self.takes_visits { "ja" } else { "" }.to_owned(),
            version: self
                .version
                .map(|v| v.get().to_string())
                .unwrap_or_default(),
            ..OfficeForm::default()
        };
        for (weekday, key) in WEEKDAYS {
            *form.day_mut(key) = day_text(&self.hours, weekday);
        }
        form
    }

    /// The office in one line, for the audit trail's "from → to".
    pub fn summary(&self) -> String {
        let hours: Vec<String> = WEEKDAYS
            .iter()
            .map(|(w, key)| format!("{key} {}", day_text(&self.hours, *w)))
            .filter(|s| s.len() > 4)
            .collect();
        format!(
            "{}; {}, {} {}; {}; {}; besök {}; områden {}; {}",
            self.name,
            self.address.street,
            self.address.postcode,
            self.address.city,
            self.phone.as_e164(),
            self.email,
            if self.takes_visits { "ja" } else { "nej" },
            self.areas
                .iter()
                .map(PostcodeArea::as_str)
                .collect::<Vec<_>>()
                .join(","),
            hours.join("; ")
        )
    }
}

/// A short code for a new office, from its name: `Kontor Kiruna` → `kiruna`.
pub fn office_code(name: &str) -> String {
    let mut code = String::new();
    for c in name.trim().to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !(code.is_empty() || code.ends_with('-')) {
            code.push(c);
        }
    }
    let code = code.trim_end_matches('-');
    let code = code.strip_prefix("kontor-").unwrap_or(code);
    let code: String = code.chars().take(40).collect();
    let code = code.trim_end_matches('-');
    if code.is_empty() {
        "kontor".to_owned()
    } else {
        code.to_owned()
    }
}

/// The form that closes an office for a day, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClosureForm {
    pub day: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureDraft {
    pub day: NaiveDate,
    pub reason: String,
}

impl ClosureForm {
    /// A day from `today` on (Stockholm), with a reason.
    pub fn parse(&self, today: NaiveDate) -> Result<ClosureDraft, FieldErrors> {
        let mut errors = Errors::default();
        let day = errors.check(
            "day",
            NaiveDate::parse_from_str(self.day.trim(), "%Y-%m-%d")
                .map_err(|_| FieldError::Date)
                .and_then(|d| {
                    if d < today {
                        Err(FieldError::DateInPast)
                    } else {
                        Ok(d)
                    }
                }),
        );
        let reason = errors.check("reason", required_text(&self.reason, MAX_REASON));
        errors.finish()?;
        match (day, reason) {
            (Some(day), Some(reason)) => Ok(ClosureDraft { day, reason }),
            _ => Err(malformed()),
        }
    }
}

#[cfg(test)]
mod tests;
