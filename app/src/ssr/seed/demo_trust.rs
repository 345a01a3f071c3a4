//! The demo's side of trust and rights: two reports of accessibility shortcomings, one still
//! waiting for the administrators at /personal/admin/tillganglighet and one they handled.

use super::{demo::DEMO_ADMIN_EMAIL, SeedError};
use crate::{
    domain::{accessibility::AccessibilityReportForm, StaffId},
    ssr::store::Store,
};
use chrono::{DateTime, Duration, Utc};

pub async fn load(store: &Store, now: DateTime<Utc>) -> Result<(), SeedError> {
    let report = |place: &str, description: &str, email: &str| {
        AccessibilityReportForm {
            place: place.into(),
            description: description.into(),
            email: email.into(),
        }
        .parse()
        .map_err(|e| SeedError::Staff(format!("a demo accessibility report: {e:?}")))
    };
    let handled = report(
        "Boka möte",
        "När jag förstorar sidan till 400 % hamnar knappen Bekräfta utanför skärmen.",
        "",
    )?;
    let id = store
        .insert_accessibility_report(&handled, "sv", now - Duration::days(12))
        .await?;
    if let Some(admin) = store
        .list_staff()
        .await?
        .into_iter()
        .find(|s| s.email == DEMO_ADMIN_EMAIL)
    {
        store
            .handle_accessibility_report(id, StaffId(admin.member.id), now - Duration::days(9))
            .await?;
    }
    let waiting = report(
        "Mina sidor, aktivitetsrapporten",
        "Skärmläsaren (NVDA) läser inte upp hur många dagar som är kvar innan rapporten ska \
         lämnas. Jag hittade det bara när jag tittade på skärmen.",
        "sam.nilsson@example.se",
    )?;
    store
        .insert_accessibility_report(&waiting, "sv", now - Duration::days(2))
        .await?;
    Ok(())
}
