//! What a report says, as typed (`ReportForm`, kept whole in a draft) and as checked
//! (`ActivityReport`, what is sent). The same `parse` runs in the browser on review and on the
//! server before anything is sent.
//!
//! Every activity has a kind chosen when it is added (a button per kind, so the form works
//! without JavaScript) and a date inside the month reported. Meetings booked through Tidbok in
//! the month come prefilled; each must be confirmed as held or not, never counted silently.

use super::period::ReportPeriod;
use crate::domain::{
    field_error::{choice, optional_text, required_text, Errors, FieldError, FieldErrors},
    time::{iso_date, parse_iso_date},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A month's activities can be many (some apply for several jobs a day); more is a tampered
/// form.
pub const MAX_ACTIVITIES: usize = 60;
pub const MAX_TITLE: usize = 200;
pub const MAX_REASON: usize = 500;

/// What a job seeker did to find work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityKind {
    /// Applied for a job.
    Applied,
    /// A job interview.
    Interview,
    /// Training or a course, Swedish for immigrants (sfi) included.
    Course,
    /// A work experience placement (praktik).
    Placement,
    /// Study and careers guidance.
    Guidance,
    /// Anything else, in a short text.
    Other,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 6] = [
        ActivityKind::Applied,
        ActivityKind::Interview,
        ActivityKind::Course,
        ActivityKind::Placement,
        ActivityKind::Guidance,
        ActivityKind::Other,
    ];

    /// The form's and the address's word for the kind.
    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::Applied => "sokt",
            ActivityKind::Interview => "intervju",
            ActivityKind::Course => "utbildning",
            ActivityKind::Placement => "praktik",
            ActivityKind::Guidance => "vagledning",
            ActivityKind::Other => "annat",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Which of an activity's fields the kind asks for.
    pub fn asks(self, field: ActivityField) -> Ask {
        use ActivityField as F;
        use ActivityKind as K;
        match (self, field) {
            (_, F::Date) => Ask::Required,
            (K::Applied | K::Interview, F::Title | F::Organisation) => Ask::Required,
            (K::Applied, F::Town) => Ask::Optional,
            (K::Applied, F::Way | F::Stage) => Ask::Required,
            (K::Course | K::Guidance | K::Other, F::Title) => Ask::Required,
            (K::Course | K::Guidance, F::Organisation) => Ask::Optional,
            (K::Placement, F::Organisation) => Ask::Required,
            (K::Placement, F::Title | F::Town) => Ask::Optional,
            _ => Ask::Not,
        }
    }
}

/// The fields an activity may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityField {
    Date,
    /// The job title, the course, what the guidance was about, or what was done.
    Title,
    /// The employer, the course provider or the workplace.
    Organisation,
    Town,
    Way,
    Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Required,
    Optional,
    Not,
}

/// How a job was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationWay {
    /// An advertised job.
    Advertised,
    /// A spontaneous application, no job advertised.
    Spontaneous,
    /// A tip from the counsellor.
    CounsellorTip,
}

impl ApplicationWay {
    pub const ALL: [ApplicationWay; 3] = [
        ApplicationWay::Advertised,
        ApplicationWay::Spontaneous,
        ApplicationWay::CounsellorTip,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ApplicationWay::Advertised => "annons",
            ApplicationWay::Spontaneous => "spontan",
            ApplicationWay::CounsellorTip => "tips",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code.trim())
    }
}

/// How far an application has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Sent, no answer yet.
    Sent,
    /// Called to an interview.
    Interview,
    /// Offered the job.
    Offered,
    /// Not chosen.
    NotChosen,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Sent,
        Stage::Interview,
        Stage::Offered,
        Stage::NotChosen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Sent => "skickad",
            Stage::Interview => "intervju",
            Stage::Offered => "erbjuden",
            Stage::NotChosen => "ej-vald",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// One activity as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub organisation: String,
    pub town: String,
    pub way: String,
    pub stage: String,
}

/// A meeting of the month, as the seeker confirmed it: `done` is `ja` or `nej`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingAnswerForm {
    /// The booking's id.
    pub booking: String,
    pub done: String,
}

/// The whole report as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub meetings: Vec<MeetingAnswerForm>,
    pub activities: Vec<ActivityForm>,
    /// `ja` or `nej`: whether the person worked in the month.
    pub worked: String,
    pub days_worked: String,
    pub hours_worked: String,
    /// Why there were no activities, when there were none.
    pub none_reason: String,
}

/// One activity, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub kind: ActivityKind,
    pub date: NaiveDate,
    pub title: String,
    pub organisation: String,
    pub town: String,
    pub way: Option<ApplicationWay>,
    pub stage: Option<Stage>,
}

/// A meeting of the month and whether the person says it was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingAnswer {
    pub booking_id: i64,
    pub done: bool,
}

/// Work done in the month: days with work and hours worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkDone {
    pub days: u32,
    pub hours: u32,
}

/// A report ready to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityReport {
    pub meetings: Vec<MeetingAnswer>,
    pub activities: Vec<Activity>,
    pub work: Option<WorkDone>,
    /// Why there were no activities; only when there were none.
    pub none_reason: Option<String>,
}

impl ActivityReport {
    /// Activities, meetings held included: what "no activities" is measured by.
    pub fn activity_count(&self) -> usize {
        self.activities.len() + self.meetings.iter().filter(|m| m.done).count()
    }

    /// How many activities of a kind, for the counsellor's summary.
    pub fn count_of(&self, kind: ActivityKind) -> usize {
        self.activities.iter().filter(|a| a.kind == kind).count()
    }

    /// The report as a form again: where a correction starts.
    pub fn to_form(&self) -> ReportForm {
        let yes_no = |b: bool| if b { "ja" } else { "nej" }.to_owned();
        ReportForm {
            meetings: self
                .meetings
                .iter()
                .map(|m| MeetingAnswerForm {
                    booking: m.booking_id.to_string(),
                    done: yes_no(m.done),
                })
                .collect(),
            activities: self
                .activities
                .iter()
                .map(|a| ActivityForm {
                    kind: a.kind.code().to_owned(),
                    date: iso_date(a.date),
                    title: a.title.clone(),
                    organisation: a.organisation.clone(),
                    town: a.town.clone(),
                    way: a.way.map(|w| w.code().to_owned()).unwrap_or_default(),
                    stage: a.stage.map(|s| s.code().to_owned()).unwrap_or_default(),
                })
                .collect(),
            worked: yes_no(self.work.is_some()),
            days_worked: self.work.map(|w| w.days.to_string()).unwrap_or_default(),
            hours_worked: self.work.map(|w| w.hours.to_string()).unwrap_or_default(),
            none_reason: self.none_reason.clone().unwrap_or_default(),
        }
    }
}

impl ReportForm {
    /// A new report's form: the month's meetings to confirm, nothing else filled in.
    pub fn starting_with(bookings: &[i64]) -> Self {
        ReportForm {
            meetings: bookings
                .iter()
                .map(|id| MeetingAnswerForm {
                    booking: id.to_string(),
                    done: String::new(),
                })
                .collect(),
            ..ReportForm::default()
        }
    }

    /// Adds an empty activity of a kind; `None` when the list is full or the kind unknown.
    pub fn add(&mut self, kind: &str) -> Option<usize> {
        let kind = ActivityKind::parse(kind)?;
        (self.activities.len() < MAX_ACTIVITIES).then(|| {
            self.activities.push(ActivityForm {
                kind: kind.code().to_owned(),
                ..ActivityForm::default()
            });
            self.activities.len() - 1
        })
    }

    /// Checks the whole report for `period`. The meetings answered must be the month's
    /// meetings (the server passes them; the browser passes those on the page).
    pub fn parse(
        &self,
        period: ReportPeriod,
        month_meetings: &[i64],
    ) -> Result<ActivityReport, FieldErrors> {
        let mut errors = Errors::default();
        let meetings = self.meeting_answers(month_meetings, &mut errors);
        if self.activities.len() > MAX_ACTIVITIES {
            errors.add("activities", FieldError::TooMany);
        }
        let activities: Vec<Activity> = self
            .activities
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.parse(i, period, &mut errors))
            .collect();
        let work = self.work(period, &mut errors);
        let held = meetings.iter().flatten().filter(|m| m.done).count();
        let none_reason = if activities.is_empty() && self.activities.is_empty() && held == 0 {
            match required_text(&self.none_reason, MAX_REASON) {
                Ok(reason) => Some(reason),
                Err(FieldError::Required) => {
                    errors.add("none_reason", FieldError::NoActivities);
                    None
                }
                Err(e) => {
                    errors.add("none_reason", e);
                    None
                }
            }
        } else {
            None
        };
        errors.finish()?;
        Ok(ActivityReport {
            meetings: meetings.into_iter().flatten().collect(),
            activities,
            work,
            none_reason,
        })
    }

    fn meeting_answers(&self, expected: &[i64], errors: &mut Errors) -> Vec<Option<MeetingAnswer>> {
        let ids: Vec<Option<i64>> = self
            .meetings
            .iter()
            .map(|m| m.booking.trim().parse().ok())
            .collect();
        let mut sorted: Vec<i64> = ids.iter().flatten().copied().collect();
        sorted.sort_unstable();
        let mut wanted = expected.to_vec();
        wanted.sort_unstable();
        if ids.iter().any(Option::is_none) || sorted != wanted {
            // The page was drawn before a meeting was booked or cancelled, or was tampered
            // with: the form is drawn again from what is booked.
            errors.add("_", FieldError::Malformed);
        }
        self.meetings
            .iter()
            .zip(ids)
            .enumerate()
            .map(|(i, (m, id))| {
                let done = errors.check(&format!("meetings.{i}.done"), choice(&m.done, yes_no))?;
                Some(MeetingAnswer {
                    booking_id: id?,
                    done,
                })
            })
            .collect()
    }

    fn work(&self, period: ReportPeriod, errors: &mut Errors) -> Option<WorkDone> {
        let worked = errors.check("worked", choice(&self.worked, yes_no))?;
        if !worked {
            return None;
        }
        let month_days = period.day_count();
        let days = errors.check(
            "days_worked",
            whole_number(&self.days_worked, 1, month_days, FieldError::Days),
        );
        let most_hours = days.unwrap_or(month_days) * 24;
        let hours = errors.check(
            "hours_worked",
            whole_number(&self.hours_worked, 1, most_hours, FieldError::Hours),
        );
        Some(WorkDone {
            days: days?,
            hours: hours?,
        })
    }
}

impl ActivityForm {
    fn parse(&self, i: usize, period: ReportPeriod, errors: &mut Errors) -> Option<Activity> {
        let key = |f: &str| format!("activities.{i}.{f}");
        let Some(kind) = ActivityKind::parse(&self.kind) else {
            errors.add(&key("kind"), FieldError::Malformed);
            return None;
        };
        let text = |field, input: &str, max| match kind.asks(field) {
            Ask::Required => required_text(input, max),
            Ask::Optional => optional_text(input, max),
            Ask::Not => Ok(String::new()),
        };
        let date = errors.check(&key("date"), date_in(&self.date, period));
        let title = errors.check(
            &key("title"),
            text(ActivityField::Title, &self.title, MAX_TITLE),
        );
        let organisation = errors.check(
            &key("organisation"),
            text(ActivityField::Organisation, &self.organisation, MAX_TITLE),
        );
        let town = errors.check(
            &key("town"),
            text(ActivityField::Town, &self.town, MAX_TITLE),
        );
        let (way, stage) = if kind.asks(ActivityField::Way) == Ask::Required {
            (
                errors
                    .check(&key("way"), choice(&self.way, ApplicationWay::parse))
                    .map(Some),
                errors
                    .check(&key("stage"), choice(&self.stage, Stage::parse))
                    .map(Some),
            )
        } else {
            (Some(None), Some(None))
        };
        Some(Activity {
            kind,
            date: date?,
            title: title?,
            organisation: organisation?,
            town: town?,
            way: way?,
            stage: stage?,
        })
    }
}

/// The form's `ja` / `nej`.
fn yes_no(input: &str) -> Option<bool> {
    match input.trim() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    }
}

/// A date written `YYYY-MM-DD` inside the month reported.
fn date_in(input: &str, period: ReportPeriod) -> Result<NaiveDate, FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let date = parse_iso_date(input).ok_or(FieldError::Date)?;
    if period.contains(date) {
        Ok(date)
    } else {
        Err(FieldError::DateOutsidePeriod)
    }
}

/// A whole number from `min` to `max`, spaces allowed around it.
fn whole_number(input: &str, min: u32, max: u32, error: FieldError) -> Result<u32, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    match s.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(error),
    }
}

/// The errors of a report form as posted, from its `(name, value)` pairs: what the browser
/// checks on review. The month's meetings are those the page lists.
pub fn check_posted(period: ReportPeriod, pairs: Vec<(String, String)>) -> FieldErrors {
    match crate::domain::form_data::from_pairs::<ReportForm>(pairs) {
        Some(form) => {
            let shown: Vec<i64> = form
                .meetings
                .iter()
                .filter_map(|m| m.booking.trim().parse().ok())
                .collect();
            form.parse(period, &shown).err().unwrap_or_default()
        }
        None => FieldErrors::from([("_".to_owned(), FieldError::Malformed)]),
    }
}

#[cfg(test)]
mod tests;
