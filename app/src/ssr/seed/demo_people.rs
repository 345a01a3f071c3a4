//! The demo's administration, done the way an administrator does it in the browser, so the
//! pages at /personal/admin show each state: Per Sjöberg (Malmö) has left and is
//! deactivated, his history kept; Lena Holm, Umeå's new deputy office manager, has been sent
//! her link to choose a password and has not used it yet (like every demo email it is not
//! written; "Skicka ny länk" on her page writes one). Both changes are in the audit trail,
//! by the demo administrator.

use super::{demo::DEMO_ADMIN_EMAIL, SeedError};
use crate::{
    domain::{
        admin::{accounts::NewAccountDraft, counsellor::CounsellorDraft, Version},
        choices::LanguageCode,
        staff::Role,
        Channel, Email, FieldCode, PhoneNumber,
    },
    ssr::{
        services::{passwords, people::new_link as link},
        store::{AuditEntry, Store},
    },
};
use chrono::{DateTime, Utc};

fn valid<T, E: std::fmt::Debug>(what: &str, parsed: Result<T, E>) -> Result<T, SeedError> {
    parsed.map_err(|e| SeedError::Staff(format!("{what}: {e:?}")))
}

pub(super) async fn load(store: &Store, now: DateTime<Utc>) -> Result<(), SeedError> {
    let Some(admin) = store
        .list_staff()
        .await?
        .into_iter()
        .find(|s| s.email == DEMO_ADMIN_EMAIL)
    else {
        return Ok(());
    };
    let (Some(malmo), Some(umea)) = (
        store.office_id_by_code("malmo-centrum").await?,
        store.office_id_by_code("umea").await?,
    ) else {
        return Ok(());
    };
    let by = admin.member.id;
    let unusable = passwords::unusable_hash()
        .await
        .map_err(|e| SeedError::Staff(format!("a hash: {e:?}")))?;
    let per = CounsellorDraft {
        first_name: "Per".into(),
        last_name: "Sjöberg".into(),
        title: "Arbetsförmedlare".into(),
        title_en: "Employment counsellor".into(),
        phone: valid("phone", PhoneNumber::parse("010-203 01 99"))?,
        email: valid("email", Email::parse("per.sjoberg@tidbok.example"))?,
        office_id: malmo,
        fields: vec![valid("field", FieldCode::parse("transport"))?],
        languages: vec![LanguageCode::Sv, LanguageCode::Da],
        channels: vec![Channel::Office, Channel::Phone],
        serves_employers: false,
        version: None,
    };
    let audit = |action: &'static str, before: String, after: String| AuditEntry {
        staff_id: by,
        action,
        subject: String::new(),
        before,
        after,
    };
    let (per_id, _) = store
        .create_counsellor(
            &per,
            &unusable,
            &link(now),
            &audit("counsellor.create", String::new(), per.summary()),
            now,
        )
        .await?;
    store
        .set_counsellor_active(
            per_id,
            false,
            Version::FIRST,
            &AuditEntry {
                subject: format!("counsellor:{per_id}"),
                ..audit("counsellor.deactivate", "aktiv".into(), "avslutad".into())
            },
            now,
        )
        .await?;
    let lena = NewAccountDraft {
        first_name: "Lena".into(),
        last_name: "Holm".into(),
        email: valid("email", Email::parse("lena.holm@tidbok.example"))?,
        role: Role::OfficeManager,
        office_id: Some(umea),
    };
    store
        .create_account(
            &lena,
            &unusable,
            &link(now),
            &audit(
                "account.create",
                String::new(),
                "Lena Holm; office_manager".into(),
            ),
            now,
        )
        .await?;
    Ok(())
}
