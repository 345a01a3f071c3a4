//! The counsellor form: who they are, where they work, what they know and how they meet.
//! Used to create a counsellor (with a staff account) and to change one.

use super::Version;
use crate::domain::{
    choices::LanguageCode,
    field_error::{optional_text, required_text, Errors, FieldError, FieldErrors},
    registration::person_name as name,
    Channel, Email, FieldCode, PhoneNumber,
};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE: usize = 100;

/// The form as typed. Lists come from checkboxes; `serves_employers` is `"ja"` when ticked;
/// `version` is the hidden version of the record being changed (empty for a new one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CounsellorForm {
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub title_en: String,
    pub phone: String,
    pub email: String,
    pub office: String,
    pub fields: Vec<String>,
    pub languages: Vec<String>,
    pub channels: Vec<String>,
    pub serves_employers: String,
    pub version: String,
}

/// A counsellor as saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounsellorDraft {
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub title_en: String,
    pub phone: PhoneNumber,
    pub email: Email,
    pub office_id: i64,
    pub fields: Vec<FieldCode>,
    pub languages: Vec<LanguageCode>,
    pub channels: Vec<Channel>,
    pub serves_employers: bool,
    /// The version the form was drawn from; `None` for a new counsellor.
    pub version: Option<Version>,
}

/// What the form may choose from: the offices (those the person may place a counsellor in)
/// and the taxonomy's occupational fields.
pub struct Choices<'a> {
    pub offices: &'a [i64],
    pub fields: &'a [FieldCode],
}

impl CounsellorForm {
    /// Checks every field and names each wrong one. A counsellor knows at least one
    /// occupational field, speaks at least one language and meets in at least one way.
    pub fn parse(&self, choices: &Choices<'_>) -> Result<CounsellorDraft, FieldErrors> {
        let mut errors = Errors::default();
        let first_name = errors.check("first_name", name(&self.first_name));
        let last_name = errors.check("last_name", name(&self.last_name));
        let title = errors.check("title", required_text(&self.title, MAX_TITLE));
        let title_en = errors.check("title_en", optional_text(&self.title_en, MAX_TITLE));
        let phone = errors.check(
            "phone",
            PhoneNumber::parse(&self.phone).map_err(FieldError::Contact),
        );
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        let office = errors.check(
            "office",
            if self.office.trim().is_empty() {
                Err(FieldError::Required)
            } else {
                self.office
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|id| choices.offices.contains(id))
                    .ok_or(FieldError::Choice)
            },
        );
        let fields = errors.check(
            "fields",
            list(&self.fields, |code| {
                FieldCode::parse(code.trim())
                    .ok()
                    .filter(|c| choices.fields.contains(c))
            }),
        );
        let languages = errors.check("languages", list(&self.languages, LanguageCode::parse));
        let channels = errors.check(
            "channels",
            list(&self.channels, |c| c.trim().parse::<Channel>().ok()),
        );
        let serves_employers = matches!(self.serves_employers.trim(), "ja" | "on" | "true");
        let version = if self.version.trim().is_empty() {
            None
        } else {
            errors.check(
                "_",
                Version::parse(&self.version).ok_or(FieldError::Malformed),
            )
        };
        errors.finish()?;
        Ok(CounsellorDraft {
            first_name: first_name.unwrap_or_default(),
            last_name: last_name.unwrap_or_default(),
            title: title.unwrap_or_default(),
            title_en: title_en.unwrap_or_default(),
            phone: phone.ok_or_else(FieldErrors::new)?,
            email: email.ok_or_else(FieldErrors::new)?,
            office_id: office.unwrap_or_default(),
            fields: fields.unwrap_or_default(),
            languages: languages.unwrap_or_default(),
            channels: channels.unwrap_or_default(),
            serves_employers,
            version,
        })
    }
}

/// A list of ticked values: at least one, each known, each once (in the order given).
fn list<T: PartialEq>(
    values: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, FieldError> {
    let mut out: Vec<T> = Vec::new();
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        let parsed = parse(value).ok_or(FieldError::Choice)?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    if out.is_empty() {
        Err(FieldError::Required)
    } else {
        Ok(out)
    }
}

impl CounsellorDraft {
    /// The form again, as a page shows a saved counsellor for changing.
    pub fn to_form(&self) -> CounsellorForm {
        CounsellorForm {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            phone: self.phone.as_e164().to_owned(),
            email: self.email.as_str().to_owned(),
            office: self.office_id.to_string(),
            fields: self.fields.iter().map(|f| f.as_str().to_owned()).collect(),
            languages: self
                .languages
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect(),
            channels: self
                .channels
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            serves_employers: if self.serves_employers { "ja" } else { "" }.to_owned(),
            version: self
                .version
                .map(|v| v.get().to_string())
                .unwrap_or_default(),
        }
    }

    /// The counsellor in one line, for the audit trail's "from → to". Lists are sorted, so
    /// the same counsellor reads the same however the boxes were ticked.
    pub fn summary(&self) -> String {
        let join = |mut items: Vec<&str>| {
            items.sort_unstable();
            items.join(",")
        };
        format!(
            "{} {}; {}; {}; {}; kontor {}; områden {}; språk {}; kanaler {}; arbetsgivare {}",
            self.first_name,
            self.last_name,
            self.title,
            self.phone.as_e164(),
            self.email.as_str(),
            self.office_id,
            join(self.fields.iter().map(FieldCode::as_str).collect()),
            join(self.languages.iter().map(|l| l.as_str()).collect()),
            join(self.channels.iter().map(|c| c.as_str()).collect()),
            if self.serves_employers { "ja" } else { "nej" },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::ContactError;
    use proptest::prelude::*;

    fn fields() -> Vec<FieldCode> {
        ["data-it", "bygg-anlaggning"]
            .iter()
            .map(|c| FieldCode::parse(c).unwrap())
            .collect()
    }

    fn form() -> CounsellorForm {
        CounsellorForm {
            first_name: " Nora ".into(),
            last_name: "Berg".into(),
            title: "Arbetsförmedlare".into(),
            title_en: String::new(),
            phone: "010-201 01 99".into(),
            email: "nora.berg@tidbok.example".into(),
            office: "2".into(),
            fields: vec!["data-it".into(), "data-it".into(), "bygg-anlaggning".into()],
            languages: vec!["sv".into(), "fa".into()],
            channels: vec!["office".into(), "video".into()],
            serves_employers: "ja".into(),
            version: String::new(),
        }
    }

    fn parse(f: &CounsellorForm) -> Result<CounsellorDraft, FieldErrors> {
        let fields = fields();
        f.parse(&Choices {
            offices: &[1, 2],
            fields: &fields,
        })
    }

    #[test]
    fn a_complete_form_is_a_counsellor() {
        let c = parse(&form()).unwrap();
        assert_eq!(c.first_name, "Nora");
        assert_eq!(c.office_id, 2);
        assert_eq!(c.fields.len(), 2, "a field ticked twice counts once");
        assert_eq!(c.languages, vec![LanguageCode::Sv, LanguageCode::Fa]);
        assert_eq!(c.channels, vec![Channel::Office, Channel::Video]);
        assert!(c.serves_employers);
        assert_eq!(c.version, None);
        assert_eq!(c.phone.as_e164(), "+46102010199");
    }

    #[test]
    fn every_wrong_field_is_named() {
        let bad = CounsellorForm {
            first_name: "N0ra".into(),
            last_name: String::new(),
            title: "x".repeat(MAX_TITLE + 1),
            phone: "12".into(),
            email: "nora@".into(),
            office: "7".into(),
            fields: vec!["fiske".into()],
            languages: vec![],
            channels: vec!["brevduva".into()],
            version: "0".into(),
            ..form()
        };
        let errors = parse(&bad).unwrap_err();
        assert_eq!(errors.get("first_name"), Some(&FieldError::Name));
        assert_eq!(errors.get("last_name"), Some(&FieldError::Required));
        assert_eq!(errors.get("title"), Some(&FieldError::TooLong));
        assert!(matches!(errors.get("phone"), Some(FieldError::Contact(_))));
        assert!(matches!(
            errors.get("email"),
            Some(FieldError::Contact(ContactError::InvalidEmail))
        ));
        assert_eq!(errors.get("office"), Some(&FieldError::Choice));
        assert_eq!(errors.get("fields"), Some(&FieldError::Choice));
        assert_eq!(errors.get("languages"), Some(&FieldError::Required));
        assert_eq!(errors.get("channels"), Some(&FieldError::Choice));
        assert_eq!(errors.get("_"), Some(&FieldError::Malformed));
    }

    #[test]
    fn an_office_must_be_chosen_among_those_offered() {
        let errors = parse(&CounsellorForm {
            office: " ".into(),
            ..form()
        })
        .unwrap_err();
        assert_eq!(errors.get("office"), Some(&FieldError::Required));
    }

    proptest! {
        /// What a saved counsellor shows in the form parses back to the same counsellor.
        #[test]
        fn a_saved_counsellor_reads_back_the_same(
            langs in proptest::sample::subsequence(vec!["sv", "en", "ar", "so", "fi"], 1..5),
            chans in proptest::sample::subsequence(vec!["office", "phone", "video"], 1..3),
            employers in any::<bool>(),
            version in 1i64..1000,
        ) {
            let first = parse(&CounsellorForm {
                languages: langs.iter().map(|s| s.to_string()).collect(),
                channels: chans.iter().map(|s| s.to_string()).collect(),
                serves_employers: if employers { "ja".into() } else { String::new() },
                version: version.to_string(),
                ..form()
            }).unwrap();
            prop_assert_eq!(parse(&first.to_form()).unwrap(), first);
        }
    }
}
