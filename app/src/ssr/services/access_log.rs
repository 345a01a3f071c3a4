//! The access log as administrators (all of it) and office managers (their office's) read
//! it: searched by seeker and staff member over a period, shown with personal numbers masked,
//! and as a CSV file. Every search is itself written to the audit trail.

use super::staff::allow;
use crate::{
    domain::{
        access_log::{AccessLogQuery, AccessReason},
        choices::SearchReason,
        figures::CsvStyle,
        personnummer::PersonalNumber,
        staff::{LogScope, StaffMember},
        time::{stockholm_date, stockholm_to_utc, Day},
        StaffId,
    },
    error::AppError,
    ssr::store::Store,
    views::access_log::{AccessLine, AccessLogView},
};
use chrono::{DateTime, Days, NaiveTime, Utc};

/// The most lines a page shows (the CSV holds up to [`CSV_LINES`]).
pub const PAGE_LINES: usize = 500;
pub const CSV_LINES: usize = 10_000;

/// The access log search for `me`, read as `query` asks.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn search(
    store: &Store,
    me: &StaffMember,
    query: &AccessLogQuery,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<AccessLogView, AppError> {
    let scope = me.access_log_scope();
    allow(scope.is_some(), me, "access log")?;
    let office = match scope {
        Some(LogScope::Office(id)) => Some(id),
        _ => None,
    };
    let today = stockholm_date(now);
    let offices = store.list_offices().await?;
    let office_name = |id: Option<i64>| {
        id.and_then(|id| offices.iter().find(|o| o.id == id))
            .map(|o| o.name.clone())
    };
    let mut staff: Vec<(i64, String)> = store
        .list_staff()
        .await?
        .into_iter()
        .filter(|s| office.is_none() || s.member.office_id == office)
        .map(|s| {
            let at = s.office_name.map(|o| format!(" ({o})")).unwrap_or_default();
            (s.member.id, format!("{} {}{at}", s.first_name, s.last_name))
        })
        .collect();
    staff.sort_by(|a, b| a.1.cmp(&b.1));
    let mut view = AccessLogView {
        query: query.clone(),
        errors: Default::default(),
        from: Day(today - Days::new(crate::domain::access_log::DEFAULT_DAYS - 1)),
        to: Day(today),
        staff,
        lines: Vec::new(),
        truncated: false,
        office: office_name(office),
    };
    let filter = match query.parse(today) {
        Ok(f) => f,
        Err(errors) => {
            view.errors = errors;
            return Ok(view);
        }
    };
    (view.from, view.to) = (Day(filter.from), Day(filter.to));
    let start = stockholm_to_utc(filter.from, NaiveTime::MIN).ok_or(AppError::Internal)?;
    let end =
        stockholm_to_utc(filter.to + Days::new(1), NaiveTime::MIN).ok_or(AppError::Internal)?;
    // Reading who looked at whom is itself looked at: the search goes to the audit trail.
    let searched = format!(
        "seeker={} staff={} {}..{}",
        filter
            .seeker
            .as_ref()
            .map(|s| s.audit_text())
            .unwrap_or_default(),
        filter.staff_id.map(|i| i.to_string()).unwrap_or_default(),
        filter.from,
        filter.to
    );
    store
        .record_audit(
            StaffId(me.id),
            "access_log.search",
            &office.map(|o| format!("office:{o}")).unwrap_or_default(),
            "",
            &searched,
            now,
        )
        .await?;
    let rows = store
        .search_access_log(&filter, office, start, end, limit + 1)
        .await?;
    view.truncated = rows.len() > limit;
    view.lines = rows
        .into_iter()
        .take(limit)
        .map(|r| AccessLine {
            at: r.at,
            staff: format!("{} {}", r.staff_first_name, r.staff_last_name),
            staff_office: r.staff_office.unwrap_or_default(),
            // An employer's number is public; a person's is masked.
            seeker_number: if r.employer_id.is_some() {
                crate::domain::employer::org_number::OrganisationNumber::from_stored(&r.number)
                    .map(|n| n.formatted())
                    .unwrap_or_default()
            } else {
                PersonalNumber::from_stored(&r.number)
                    .map(|n| n.masked())
                    .unwrap_or_default()
            },
            seeker: r.whom,
            reason: AccessReason::parse(&r.reason),
            booking_id: r.booking_id,
            search: r.search,
            note: r.note,
        })
        .collect();
    Ok(view)
}

/// A search's reason in the CSV: why, what was searched for, and the staff member's words.
fn search_text(reason: SearchReason, swedish: bool, line: &AccessLine) -> String {
    let why = match (reason, swedish) {
        (SearchReason::Visit, true) => "Sökte personen vid ett besök",
        (SearchReason::Visit, false) => "Looked the person up at a visit",
        (SearchReason::Call, true) => "Sökte personen vid ett samtal",
        (SearchReason::Call, false) => "Looked the person up during a call",
        (SearchReason::Other, true) => "Sökte personen",
        (SearchReason::Other, false) => "Looked the person up",
    };
    let mut text = format!("{why}: {}", line.search.as_deref().unwrap_or_default());
    if !line.note.is_empty() {
        text.push_str(&format!(" ({})", line.note));
    }
    text
}

/// The lines as a CSV file: Swedish Excel's form or the plain one.
pub fn csv(view: &AccessLogView, swedish: bool, style: CsvStyle) -> Result<String, AppError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(style.delimiter())
        .from_writer(Vec::new());
    let header = if swedish {
        [
            "Tid",
            "Personal",
            "Kontor",
            "Arbetssökande eller arbetsgivare",
            "Personnummer eller organisationsnummer",
            "Orsak",
            "Möte",
        ]
    } else {
        [
            "Time",
            "Staff member",
            "Office",
            "Job seeker or employer",
            "Personal identity or organisation number",
            "Reason",
            "Meeting",
        ]
    };
    out.write_record(header).map_err(AppError::internal)?;
    for l in &view.lines {
        let at = crate::domain::time::in_stockholm(l.at)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let booking = l.booking_id.map(|b| b.to_string()).unwrap_or_default();
        let reason: std::borrow::Cow<str> = match (l.reason, swedish) {
            (Some(AccessReason::Meeting), true) => "Öppnade mötet i kalendern".into(),
            (Some(AccessReason::Meeting), false) => "Opened the meeting in the calendar".into(),
            (Some(AccessReason::ReportList), true) => "Listan över aktivitetsrapporter".into(),
            (Some(AccessReason::ReportList), false) => "The list of activity reports".into(),
            (Some(AccessReason::NeedMatch), true) => "Matchning mot arbetsgivares behov".into(),
            (Some(AccessReason::NeedMatch), false) => "Matching employers' needs".into(),
            (Some(AccessReason::Case), true) => "Öppnade personens ärende".into(),
            (Some(AccessReason::Case), false) => "Opened the person's case".into(),
            (Some(AccessReason::Search(r)), sv) => search_text(r, sv, l).into(),
            (None, _) => "".into(),
        };
        out.write_record([
            at.as_str(),
            &l.staff,
            &l.staff_office,
            &l.seeker,
            &l.seeker_number,
            &reason,
            &booking,
        ])
        .map_err(AppError::internal)?;
    }
    let body = String::from_utf8(out.into_inner().map_err(AppError::internal)?)
        .map_err(AppError::internal)?;
    Ok(match style {
        CsvStyle::Excel => format!("\u{feff}{body}"),
        CsvStyle::Plain => body,
    })
}
