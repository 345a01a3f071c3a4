//! The demo's side of trust and rights: two reports of accessibility shortcomings, one still
//! waiting for the administrators at /personal/admin/tillganglighet and one they handled;
//! and answers to the question after the demo's meetings held, for the figures page.

use super::{demo::DEMO_ADMIN_EMAIL, SeedError};
use crate::{
    domain::{
        accessibility::AccessibilityReportForm,
        rating::{Helped, RatingForm, ASK_AFTER},
        StaffId,
    },
    ssr::{secret::SecretToken, store::Store},
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
    load_ratings(store, now).await
}

/// The demo's answers to the question after its meetings held: four in five answered, with
/// a few free texts, so the figures page shows results and comments; every fifth is left to
/// answer on Mina sidor (demo.sokande16@example.se has one, for instance).
pub async fn load_ratings(store: &Store, now: DateTime<Utc>) -> Result<(), SeedError> {
    const SCORES: [u8; 7] = [5, 4, 4, 3, 5, 2, 4];
    const HELPED: [Helped; 7] = [
        Helped::Yes,
        Helped::Yes,
        Helped::Partly,
        Helped::Partly,
        Helped::Yes,
        Helped::No,
        Helped::Yes,
    ];
    const COMMENTS: [&str; 4] = [
        "Bra att hon redan hade läst min profil, vi kom igång direkt.",
        "Telefonmötet blev kort. Jag hade velat prata mer om utbildningar.",
        "Tydligt vad som händer härnäst. Tack!",
        "Svårt att hitta till rätt våning på kontoret.",
    ];
    let held = store.demo_held_meetings().await?;
    for (i, m) in held.iter().enumerate() {
        let asked = m.outcome_at + ASK_AFTER;
        let token = SecretToken::generate();
        let answer = if i % 5 == 4 || asked >= now {
            None
        } else {
            let form = RatingForm {
                score: SCORES[i % SCORES.len()].to_string(),
                helped: HELPED[i % HELPED.len()].as_str().to_owned(),
                comment: if i % 3 == 0 {
                    COMMENTS[(i / 3) % COMMENTS.len()].to_owned()
                } else {
                    String::new()
                },
            };
            let rating = form
                .parse()
                .map_err(|e| SeedError::Staff(format!("a demo rating: {e:?}")))?;
            Some((rating, (asked + Duration::hours(2)).min(now)))
        };
        store
            .insert_rating(m.booking_id, &token.key(), asked.min(now), answer.as_ref())
            .await?;
    }
    Ok(())
}
