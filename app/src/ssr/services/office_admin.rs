//! Offices (administrators): name, address, the postcode areas each serves, whether it takes
//! visits, opening hours with several spans a day, and closed days beyond the public
//! holidays. Each change is checked in the domain and saved in one transaction with its
//! audit line; closing a day first lists the meetings still booked then.

use super::{absences::in_the_way, staff::allow};
use crate::{
    domain::{
        admin::office::{
            office_code, ClosureDraft, ClosureForm, OfficeDraft, OfficeForm, WEEKDAYS,
        },
        capacity::CapacityForm,
        field_error::{FieldError, FieldErrors},
        staff::StaffMember,
        time::{stockholm_date, stockholm_to_utc},
        Rule,
    },
    error::AppError,
    ssr::store::{AuditEntry, OfficeRecord, Store, StoreError},
    views::{
        office_admin::{ClosedDay, OfficeEditView, OfficeItem, OfficesView},
        work_hours::Collision,
    },
};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// How far ahead the page lists closed days.
const CLOSED_DAYS_AHEAD: u64 = 366;

fn may_keep_offices(me: &StaffMember) -> Result<(), AppError> {
    allow(me.may_manage_staff(), me, "offices")
}

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn list(
    store: &Store,
    me: &StaffMember,
    now: DateTime<Utc>,
) -> Result<OfficesView, AppError> {
    may_keep_offices(me)?;
    let today = stockholm_date(now);
    let closures = store
        .office_closures(today, today + Days::new(CLOSED_DAYS_AHEAD))
        .await?;
    let counsellors = store.list_counsellors().await?;
    let offices = store
        .office_records()
        .await?
        .into_iter()
        .map(|o| {
            let form = o.draft.to_form();
            OfficeItem {
                id: o.id,
                address: format!("{}, {} {}", form.street, form.postcode, form.city),
                name: form.name.clone(),
                takes_visits: o.draft.takes_visits,
                hours: WEEKDAYS
                    .iter()
                    .map(|(_, k)| form.day(k).to_owned())
                    .collect(),
                areas: form.areas.clone(),
                counsellors: counsellors.iter().filter(|c| c.office_id == o.id).count(),
                closed_ahead: closures.iter().filter(|(id, _, _)| *id == o.id).count(),
            }
        })
        .collect();
    Ok(OfficesView {
        offices,
        notice: None,
    })
}

async fn record(store: &Store, id: i64) -> Result<OfficeRecord, AppError> {
    store
        .office_records()
        .await?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or(AppError::NotFound)
}

/// The booked meetings with the office's counsellors on `day`.
async fn booked_on(store: &Store, office: i64, day: NaiveDate) -> Result<Vec<Collision>, AppError> {
    let (Some(from), Some(to)) = (
        stockholm_to_utc(day, NaiveTime::MIN),
        stockholm_to_utc(day + Days::new(1), NaiveTime::MIN),
    ) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for c in store
        .list_counsellors()
        .await?
        .iter()
        .filter(|c| c.office_id == office)
    {
        out.extend(in_the_way(store, c.id, from, to).await?);
    }
    out.sort_by_key(|c| c.starts_at);
    Ok(out)
}

/// The page of office `id`, or of a new one without it.
#[tracing::instrument(skip_all, fields(staff_id = me.id, office = id))]
pub async fn page(
    store: &Store,
    me: &StaffMember,
    id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<OfficeEditView, AppError> {
    may_keep_offices(me)?;
    let mut view = OfficeEditView {
        id,
        form: OfficeForm {
            takes_visits: "ja".into(),
            ..OfficeForm::default()
        },
        errors: FieldErrors::new(),
        closed: Vec::new(),
        closure: ClosureForm::default(),
        closure_errors: FieldErrors::new(),
        closure_in_the_way: Vec::new(),
        capacity: CapacityForm::default(),
        capacity_errors: FieldErrors::new(),
        capacity_saved: false,
        notice: None,
    };
    let Some(id) = id else {
        return Ok(view);
    };
    view.form = record(store, id).await?.draft.to_form();
    let today = stockholm_date(now);
    for (office, day, reason) in store
        .office_closures(today, today + Days::new(CLOSED_DAYS_AHEAD))
        .await?
    {
        if office == id {
            view.closed.push(ClosedDay {
                day,
                reason,
                in_the_way: booked_on(store, id, day).await?,
            });
        }
    }
    view.capacity = CapacityForm::from_setting(&store.office_capacity(id).await?);
    Ok(view)
}

/// Refuses areas another office serves, naming the field.
async fn areas_free(store: &Store, id: Option<i64>, d: &OfficeDraft) -> Result<(), AppError> {
    let taken = store
        .postcode_areas()
        .await?
        .into_iter()
        .any(|(office, area)| Some(office) != id && d.areas.contains(&area));
    if taken {
        Err(area_taken())
    } else {
        Ok(())
    }
}

fn area_taken() -> AppError {
    AppError::Validation(FieldErrors::from([(
        "areas".to_owned(),
        FieldError::PostcodeAreaTaken,
    )]))
}

/// The database's word on areas, should two administrators race for one.
fn areas_rule(e: StoreError) -> AppError {
    match e {
        StoreError::Conflict(Rule::PostcodeAreaTaken) => area_taken(),
        e => e.into(),
    }
}

fn map_point(d: &OfficeDraft) -> (f64, f64) {
    let here = d.address.postcode.approximate_location();
    (here.latitude, here.longitude)
}

/// Creates an office from `form`; its place on the map is its postcode's.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn create(
    store: &Store,
    me: &StaffMember,
    form: &OfficeForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    may_keep_offices(me)?;
    let draft = form.parse(true).map_err(AppError::Validation)?;
    areas_free(store, None, &draft).await?;
    let codes: Vec<String> = store
        .office_records()
        .await?
        .into_iter()
        .map(|o| o.code)
        .collect();
    let base = office_code(&draft.name);
    let code = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|c| !codes.contains(c))
        .expect("some code is free");
    let audit = AuditEntry {
        staff_id: me.id,
        action: "office.create",
        subject: String::new(),
        before: String::new(),
        after: draft.summary(),
    };
    let id = store
        .create_office(&code, &draft, map_point(&draft), &audit, now)
        .await
        .map_err(areas_rule)?;
    tracing::info!(office = id, "office created");
    Ok(id)
}

/// Changes office `id` to `form`, drawn from the version it names.
#[tracing::instrument(skip_all, fields(staff_id = me.id, office = id))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    id: i64,
    form: &OfficeForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    may_keep_offices(me)?;
    let before = record(store, id).await?;
    let draft = form.parse(false).map_err(AppError::Validation)?;
    areas_free(store, Some(id), &draft).await?;
    let audit = AuditEntry {
        staff_id: me.id,
        action: "office.update",
        subject: format!("office:{id}"),
        before: before.draft.summary(),
        after: draft.summary(),
    };
    store
        .update_office(id, &draft, map_point(&draft), &audit, now)
        .await
        .map_err(areas_rule)?;
    Ok(())
}

/// What closing a day came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closing {
    Closed,
    /// Meetings are booked that day: nothing was saved; the page asks to confirm.
    Confirm(Vec<Collision>),
}

/// Closes office `office` for the form's day. With meetings booked then, only when
/// `confirmed` (they stay booked, listed on the page to be moved).
#[tracing::instrument(skip_all, fields(staff_id = me.id, office))]
pub async fn close_day(
    store: &Store,
    me: &StaffMember,
    office: i64,
    form: &ClosureForm,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<Closing, AppError> {
    may_keep_offices(me)?;
    record(store, office).await?;
    let ClosureDraft { day, reason } = form
        .parse(stockholm_date(now))
        .map_err(AppError::Validation)?;
    let booked = booked_on(store, office, day).await?;
    if !booked.is_empty() && !confirmed {
        return Ok(Closing::Confirm(booked));
    }
    let audit = AuditEntry {
        staff_id: me.id,
        action: "office.close_day",
        subject: format!("office:{office}"),
        before: String::new(),
        after: format!("{day}: {reason}"),
    };
    store
        .close_office_day(office, &ClosureDraft { day, reason }, &audit, now)
        .await?;
    Ok(Closing::Closed)
}

/// Opens office `office` again on `day`.
#[tracing::instrument(skip_all, fields(staff_id = me.id, office))]
pub async fn reopen_day(
    store: &Store,
    me: &StaffMember,
    office: i64,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    may_keep_offices(me)?;
    let audit = AuditEntry {
        staff_id: me.id,
        action: "office.reopen_day",
        subject: format!("office:{office}"),
        before: day.to_string(),
        after: String::new(),
    };
    match store.reopen_office_day(office, day, &audit, now).await {
        // Opened already (a second click): what was asked for is so.
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(e) => Err(e.into()),
    }
}
