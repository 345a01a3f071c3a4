//! The demo's employers: four organisations near the demo offices, each with a contact
//! person who can sign in ([`DEMO_EMPLOYER_PASSWORD`]), open and closed recruitment needs, a
//! draft not yet published, a colleague who joined by invitation and one still invited.

use super::SeedError;
use crate::{
    domain::{
        employer::{
            need::{NeedForm, NeedStatus},
            registration::{EmployerForm, InviteForm},
        },
        registration::Password,
        time::iso_date,
    },
    ssr::{
        services::{passwords, registration::nearest_office},
        store::{AcceptedPerson, NewEmployer, NewLink, Store},
    },
};
use chrono::{DateTime, Days, Utc};

pub const DEMO_EMPLOYER_PASSWORD: &str = "demo-arbetsgivare-2026";

/// A need: headline, occupation code, positions, employment, extent, days to the last day
/// to apply, days to the start, closed as.
type DemoNeed = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    &'static str,
    u64,
    u64,
    Option<NeedStatus>,
);

struct DemoEmployer {
    org_number: &'static str,
    name: &'static str,
    street: &'static str,
    postcode: &'static str,
    city: &'static str,
    contact: (&'static str, &'static str, &'static str, &'static str),
    needs: &'static [DemoNeed],
}

const EMPLOYERS: [DemoEmployer; 4] = [
    DemoEmployer {
        org_number: "556677-8899",
        name: "Korvkiosken på Stora torget AB",
        street: "Stora torget 2",
        postcode: "411 17",
        city: "Göteborg",
        contact: (
            "Karin",
            "Berg",
            "karin.berg@korvkiosken.example",
            "031-123 45 67",
        ),
        needs: &[
            (
                "Grillkockar till sommarsäsongen",
                "kock",
                2,
                "sasong",
                "part",
                60,
                150,
                None,
            ),
            (
                "Kassapersonal till helgerna",
                "butikssaljare",
                1,
                "visstid",
                "part",
                10,
                20,
                Some(NeedStatus::Filled),
            ),
        ],
    },
    DemoEmployer {
        org_number: "559123-4561",
        name: "Omsorgen i Malmö AB",
        street: "Södra Förstadsgatan 40",
        postcode: "211 43",
        city: "Malmö",
        contact: (
            "Yusuf",
            "Karimi",
            "yusuf.karimi@omsorgen.example",
            "040-22 33 44",
        ),
        needs: &[(
            "Undersköterskor till hemtjänsten",
            "underskoterska",
            5,
            "tillsvidare",
            "full",
            30,
            45,
            None,
        )],
    },
    DemoEmployer {
        org_number: "556012-3456",
        name: "Norrlandslogistik AB",
        street: "Förrådsvägen 12",
        postcode: "903 26",
        city: "Umeå",
        contact: (
            "Elin",
            "Holmgren",
            "elin.holmgren@norrlandslogistik.example",
            "090-14 15 16",
        ),
        needs: &[
            (
                "Lagerarbetare till nya terminalen",
                "lagerarbetare",
                4,
                "visstid",
                "full",
                21,
                35,
                None,
            ),
            (
                "Busschaufförer",
                "busschauffor",
                2,
                "tillsvidare",
                "full",
                14,
                60,
                Some(NeedStatus::Withdrawn),
            ),
        ],
    },
    DemoEmployer {
        org_number: "969712-3454",
        name: "Kodverkstan HB",
        street: "Drottninggatan 71",
        postcode: "111 36",
        city: "Stockholm",
        contact: (
            "Sofia",
            "Lind",
            "sofia.lind@kodverkstan.example",
            "08-555 123 45",
        ),
        needs: &[
            (
                "Systemutvecklare, gärna junior",
                "systemutvecklare",
                2,
                "tillsvidare",
                "full",
                45,
                90,
                None,
            ),
            (
                "Ekonomiassistent på halvtid",
                "ekonomiassistent",
                1,
                "visstid",
                "part",
                30,
                60,
                None,
            ),
        ],
    },
];

/// Loads the demo employers. Their invitation emails, like all demo messages, are dropped
/// unsent by the caller.
pub async fn load(store: &Store, now: DateTime<Utc>) -> Result<usize, SeedError> {
    let failed = |what: &str| SeedError::Staff(format!("demo employers: {what}"));
    let password = Password::parse(DEMO_EMPLOYER_PASSWORD).expect("the demo password is valid");
    let hash = passwords::hash(password)
        .await
        .map_err(|_| failed("hashing the password"))?;
    let today = crate::domain::time::stockholm_date(now);
    let registered = now - chrono::Duration::days(40);
    for (i, e) in EMPLOYERS.iter().enumerate() {
        let (first_name, last_name, email, phone) = e.contact;
        let form = EmployerForm {
            org_number: e.org_number.into(),
            name: e.name.into(),
            street: e.street.into(),
            postcode: e.postcode.into(),
            city: e.city.into(),
            municipality: e.city.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            email: email.into(),
            phone: phone.into(),
        };
        let details = form
            .parse(today)
            .map_err(|errors| failed(&format!("{} {errors:?}", e.name)))?;
        let office_id = nearest_office(store, details.postcode)
            .await
            .map_err(|_| failed("the nearest office"))?;
        let (employer_id, user_id) = store
            .register_employer(&NewEmployer {
                details: &details,
                office_id,
                password_hash: hash.clone(),
                now: registered,
            })
            .await?;
        for &(headline, code, positions, employment, extent, apply, start, closed) in e.needs {
            let need = NeedForm {
                headline: headline.into(),
                occupation: code.into(),
                positions: positions.to_string(),
                employment: employment.into(),
                extent: extent.into(),
                municipality: e.city.into(),
                earliest_start: iso_date(today + Days::new(start)),
                apply_by: iso_date(today + Days::new(apply)),
                description: "Vi söker dig som tycker om att arbeta i team. Svenska i tal \
                              och skrift är meriterande."
                    .into(),
            }
            .parse(today)
            .map_err(|errors| failed(&format!("{headline} {errors:?}")))?;
            let occupation = store
                .occupations_by_codes(&[code.to_owned()])
                .await?
                .first()
                .map(|(id, _)| *id)
                .ok_or_else(|| failed(code))?;
            let id = store
                .add_need(employer_id, user_id, &need, occupation, None, registered)
                .await?;
            if let Some(status) = closed {
                store
                    .close_need(employer_id, id, status, now - chrono::Duration::days(3))
                    .await?;
            }
        }
        match i {
            // The kiosk's colleague joined by invitation; another is invited and has not
            // answered.
            0 => {
                let joined = invite(
                    store,
                    employer_id,
                    user_id,
                    "ali.demir@korvkiosken.example",
                    now,
                )
                .await?;
                store
                    .accept_invitation(
                        joined,
                        &AcceptedPerson {
                            first_name: "Ali",
                            last_name: "Demir",
                            phone: "+46701112233",
                            password_hash: hash.clone(),
                        },
                        now,
                    )
                    .await?;
                invite(
                    store,
                    employer_id,
                    user_id,
                    "jonna.ek@korvkiosken.example",
                    now,
                )
                .await?;
            }
            // The care company has a need half typed.
            1 => {
                let draft = NeedForm {
                    headline: "Sjuksköterskor till nattpasset".into(),
                    positions: "2".into(),
                    municipality: "Malmö".into(),
                    ..NeedForm::default()
                };
                let data = serde_json::to_string(&draft).map_err(|_| failed("a draft"))?;
                store
                    .save_need_draft(employer_id, user_id, None, None, &data, now)
                    .await?;
            }
            _ => {}
        }
    }
    Ok(EMPLOYERS.len())
}

async fn invite(
    store: &Store,
    employer_id: i64,
    by: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<i64, SeedError> {
    let email = InviteForm {
        email: email.into(),
    }
    .parse()
    .map_err(|_| SeedError::Staff(format!("demo employers: {email}")))?;
    let token = crate::ssr::secret::SecretToken::generate();
    let link = NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at: crate::domain::employer::registration::invitation_expires(now),
    };
    Ok(store
        .invite_colleague(employer_id, by, &email, &link, now)
        .await?)
}
