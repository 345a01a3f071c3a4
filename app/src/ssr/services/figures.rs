//! The office's follow-up figures for a period: meetings (first meetings, self-service,
//! no-shows, days to the first meeting, waiting at the office) and activity reports (sent
//! digitally, on time), for the office and each counsellor, on the page and as CSV.

use super::{
    office::{day_start, office_for},
    rating_figures, report_follow_up,
    staff::allow,
};
use crate::{
    domain::{
        activity_report::{
            follow_up::{months_due_between, ReportCounts},
            period::ReportPeriod,
        },
        field_error::FieldErrors,
        figures::{parse_period, CsvStyle, Figures, MeetingFact},
        staff::StaffMember,
        time::{iso_date, stockholm_date},
        Channel,
    },
    error::AppError,
    paths,
    ssr::store::{FactRow, Store},
    views::{
        office::{CounsellorFigures, EmployerMeetingFigures, FiguresView},
        rating::RatingFigures,
    },
};
use chrono::{DateTime, Days, NaiveDate, Utc};

fn fact(row: FactRow) -> MeetingFact {
    MeetingFact {
        counsellor_id: row.counsellor_id,
        starts_at: row.starts_at,
        channel: row.channel,
        status: row.status,
        is_first: row.is_first,
        booked_online: row.booked_online,
        registered_online: row.registered_online,
        registered_at: row.registered_at,
        arrived_at: row.arrived_at,
        received_at: row.received_at,
    }
}

/// The figures for the office and each counsellor for the days `from`–`to`, and the
/// activity reports whose deadline lies in them (and has passed at `now`).
pub async fn figures(
    store: &Store,
    office: i64,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<
    (
        Figures,
        Vec<ReportPeriod>,
        ReportCounts,
        Vec<CounsellorFigures>,
        RatingFigures,
    ),
    AppError,
> {
    let (ratings, rating_by) = rating_figures::rating_figures(
        store,
        office,
        day_start(from)?,
        day_start(to + Days::new(1))?,
    )
    .await?;
    let rows = store
        .meeting_facts(office, day_start(from)?, day_start(to + Days::new(1))?)
        .await?;
    let facts: Vec<MeetingFact> = rows.into_iter().map(fact).collect();
    let months = months_due_between(from, to, now);
    let (reports, reports_by) = report_follow_up::counts(store, office, &months).await?;
    let counsellors = store
        .office_counsellors(office)
        .await?
        .into_iter()
        .map(|c| CounsellorFigures {
            name: format!("{} {}", c.first_name, c.last_name),
            meetings: Figures::of(facts.iter().filter(|f| f.counsellor_id == c.id)),
            reports: reports_by.get(&c.id).copied().unwrap_or_default(),
            rating: rating_by.get(&c.id).copied().unwrap_or_default(),
        })
        .collect();
    Ok((Figures::of(&facts), months, reports, counsellors, ratings))
}

/// The office's meetings with employers on the days `from`–`to`, by field, the fields in
/// alphabetical order and recruiting in general last.
pub async fn employer_meetings(
    store: &Store,
    office: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<EmployerMeetingFigures>, AppError> {
    let mut rows: Vec<_> = store
        .employer_meeting_counts(office, day_start(from)?, day_start(to + Days::new(1))?)
        .await?
        .into_iter()
        .map(|r| EmployerMeetingFigures {
            field: r.field_sv.zip(r.field_en),
            booked: r.booked,
            held: r.held,
        })
        .collect();
    rows.sort_by(|a, b| match (&a.field, &b.field) {
        (Some(x), Some(y)) => x.0.cmp(&y.0),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(rows)
}

/// The figures page: the period as typed (the last four weeks when empty), or its errors.
#[tracing::instrument(skip_all, fields(staff_id = member.id, ?requested))]
pub async fn figures_view(
    store: &Store,
    member: &StaffMember,
    requested: Option<i64>,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> Result<FiguresView, AppError> {
    let (office_id, office_name, offices) = office_for(store, member, requested).await?;
    allow(
        member.may_manage_office(office_id),
        member,
        "office figures",
    )?;
    let today = stockholm_date(now);
    let (from, to) = match (from.trim(), to.trim()) {
        ("", "") => (iso_date(today - Days::new(27)), iso_date(today)),
        (f, t) => (f.to_owned(), t.to_owned()),
    };
    let mut view = FiguresView {
        office_id,
        office_name,
        offices,
        csv_href: format!(
            "{}.csv?kontor={office_id}&fran={from}&till={to}",
            paths::FIGURES
        ),
        from,
        to,
        errors: FieldErrors::new(),
        office: Figures::default(),
        report_months: Vec::new(),
        reports: ReportCounts::default(),
        counsellors: Vec::new(),
        employer_meetings: Vec::new(),
        ratings: RatingFigures::default(),
    };
    match parse_period(&view.from, &view.to) {
        Ok((first, last)) => {
            (
                view.office,
                view.report_months,
                view.reports,
                view.counsellors,
                view.ratings,
            ) = figures(store, office_id, first, last, now).await?;
            view.employer_meetings = employer_meetings(store, office_id, first, last).await?;
        }
        Err(errors) => view.errors = errors,
    }
    Ok(view)
}

/// The figures as CSV (comma-separated, one row for the office and one per counsellor).
pub fn figures_csv(view: &FiguresView, swedish: bool, style: CsvStyle) -> Result<String, AppError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(style.delimiter())
        .from_writer(Vec::new());
    let header = if swedish {
        [
            "Kontor eller arbetsförmedlare",
            "Från",
            "Till",
            "Första möten",
            "Registrerade och bokade själva online",
            "Andel själv online (%)",
            "Hållna möten",
            "Uteblivna",
            "Andel uteblivna (%)",
            "Dagar från registrering till första möte (median)",
            "Dagar från registrering till första möte (medel)",
            "Väntetid på kontoret, minuter (median)",
            "Väntetid på kontoret, minuter (medel)",
            "Besök per timme (timme:antal)",
            "Aktivitetsrapporter att lämna",
            "Lämnade digitalt av den arbetssökande",
            "Andel digitalt (%)",
            "Lämnade i tid",
            "Andel i tid (%)",
            "Möten med arbetsgivare, bokade",
            "Möten med arbetsgivare, genomförda",
            "Inskrivna med personal",
            "Andel inskrivna med personal (%)",
            "Första möten bokade av personal",
        ]
    } else {
        [
            "Office or employment counsellor",
            "From",
            "To",
            "First meetings",
            "Registered and booked online by themselves",
            "Self-service share (%)",
            "Meetings held",
            "No-shows",
            "No-show rate (%)",
            "Days from registration to first meeting (median)",
            "Days from registration to first meeting (mean)",
            "Waiting at the office, minutes (median)",
            "Waiting at the office, minutes (mean)",
            "Visits per hour (hour:count)",
            "Activity reports due",
            "Sent online by the job seeker",
            "Share online (%)",
            "Sent on time",
            "Share on time (%)",
            "Meetings with employers, booked",
            "Meetings with employers, held",
            "Registered with staff",
            "Share registered with staff (%)",
            "First meetings booked by staff",
        ]
    };
    let base_columns = header.len();
    let header = header
        .into_iter()
        .chain(rating_figures::csv_header(swedish));
    out.write_record(header).map_err(AppError::internal)?;
    let rating_cells = |t: &crate::domain::rating::TallyShown| rating_figures::csv_cells(t, style);
    let number = |v: Option<f64>| v.map(|v| style.decimal(v)).unwrap_or_default();
    let share = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = std::iter::once((
        view.office_name.clone(),
        &view.office,
        &view.reports,
        &view.ratings.office,
    ))
    .chain(
        view.counsellors
            .iter()
            .map(|c| (c.name.clone(), &c.meetings, &c.reports, &c.rating)),
    );
    let employer_total = |pick: fn(&EmployerMeetingFigures) -> i64| {
        view.employer_meetings
            .iter()
            .map(pick)
            .sum::<i64>()
            .to_string()
    };
    for (i, (name, f, r, rating)) in rows.enumerate() {
        let hours = f
            .visits_by_hour
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(h, n)| format!("{h:02}:{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        // Meetings with employers are counted for the office, not per counsellor.
        let (booked, held) = if i == 0 {
            (employer_total(|e| e.booked), employer_total(|e| e.held))
        } else {
            Default::default()
        };
        out.write_record(
            [
                name,
                view.from.clone(),
                view.to.clone(),
                f.first_meetings.to_string(),
                f.self_service.to_string(),
                share(f.self_service_percent()),
                f.held.to_string(),
                f.no_shows.to_string(),
                share(f.no_show_percent()),
                number(f.days_to_first.median),
                number(f.days_to_first.mean),
                number(f.waiting_minutes.median),
                number(f.waiting_minutes.mean),
                hours,
                r.due.to_string(),
                r.online.to_string(),
                share(r.online_percent()),
                r.on_time.to_string(),
                share(r.on_time_percent()),
                booked,
                held,
                f.registered_with_staff().0.to_string(),
                share(f.registered_with_staff().1),
                f.booked_by_staff().0.to_string(),
            ]
            .into_iter()
            .chain(rating_cells(rating)),
        )
        .map_err(AppError::internal)?;
    }
    // One more row per way of meeting, for the office: its first meetings, how many of their
    // people registered with staff and how many staff booked.
    for c in &view.office.by_channel {
        let name = match (c.channel, swedish) {
            (Channel::Office, true) => "Första möten: besök",
            (Channel::Phone, true) => "Första möten: telefon",
            (Channel::Video, true) => "Första möten: video",
            (Channel::Office, false) => "First meetings: visit",
            (Channel::Phone, false) => "First meetings: phone",
            (Channel::Video, false) => "First meetings: video",
        };
        let mut record = vec![
            name.to_owned(),
            view.from.clone(),
            view.to.clone(),
            c.first_meetings.to_string(),
        ];
        record.extend(std::iter::repeat_n(String::new(), 17));
        record.extend([
            c.registered_with_staff.to_string(),
            share(c.registered_with_staff_percent()),
            c.booked_by_staff.to_string(),
        ]);
        let by_channel = view
            .ratings
            .by_channel
            .iter()
            .find(|(ch, _)| *ch == c.channel);
        record.extend(rating_cells(
            &by_channel.map(|(_, t)| *t).unwrap_or_default(),
        ));
        out.write_record(record).map_err(AppError::internal)?;
    }
    // One more row per occupational field of the needs the employers' meetings were about,
    // with only the period and those meetings filled in.
    for e in &view.employer_meetings {
        let field = match (&e.field, swedish) {
            (Some((sv, _)), true) => sv.clone(),
            (Some((_, en)), false) => en.clone(),
            (None, true) => "Rekrytering i allmänhet".to_owned(),
            (None, false) => "Recruiting in general".to_owned(),
        };
        let name = if swedish {
            format!("Möten med arbetsgivare: {field}")
        } else {
            format!("Meetings with employers: {field}")
        };
        let mut record = vec![name, view.from.clone(), view.to.clone()];
        record.extend(std::iter::repeat_n(String::new(), 16));
        record.extend([e.booked.to_string(), e.held.to_string()]);
        record.extend(std::iter::repeat_n(String::new(), 3 + 7));
        out.write_record(record).map_err(AppError::internal)?;
    }
    // One more row per kind of meeting, with only its ratings.
    for record in rating_figures::csv_kind_rows(
        &view.ratings,
        swedish,
        &view.from,
        &view.to,
        base_columns - 3,
        style,
    ) {
        out.write_record(record).map_err(AppError::internal)?;
    }
    let bytes = out.into_inner().map_err(AppError::internal)?;
    let text = String::from_utf8(bytes).map_err(AppError::internal)?;
    // Excel reads a file as UTF-8 only when it starts with the byte-order mark.
    Ok(match style {
        CsvStyle::Excel => format!("\u{feff}{text}"),
        CsvStyle::Plain => text,
    })
}
