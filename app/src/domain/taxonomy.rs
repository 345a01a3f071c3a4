use serde::{Deserialize, Serialize};

/// The stable code of an occupational field ("yrkesområde"), e.g. `data-it`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldCode(String);

impl FieldCode {
    /// A code is a lowercase ASCII slug: letters, digits and single inner hyphens.
    pub fn parse(s: &str) -> Result<Self, InvalidCode> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(InvalidCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid code")]
pub struct InvalidCode;

/// One of the 21 occupational fields, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupationalField {
    pub code: FieldCode,
    pub name_sv: String,
    pub name_en: String,
}

impl OccupationalField {
    pub fn name(&self, swedish: bool) -> &str {
        if swedish {
            &self.name_sv
        } else {
            &self.name_en
        }
    }
}

/// An occupation of the taxonomy, as offered in pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupation {
    pub code: String,
    pub field: FieldCode,
    pub name_sv: String,
    pub name_en: String,
    /// The occupational field's name, shown next to the occupation in pickers.
    pub field_sv: String,
    pub field_en: String,
}

impl Occupation {
    pub fn name(&self, swedish: bool) -> &str {
        if swedish {
            &self.name_sv
        } else {
            &self.name_en
        }
    }

    pub fn field_name(&self, swedish: bool) -> &str {
        if swedish {
            &self.field_sv
        } else {
            &self.field_en
        }
    }
}

/// Folds text for search-as-you-type: lower case, and the Swedish letters written the way
/// someone on a keyboard without them would (å, ä → a; ö → o; é → e), so "underskoterska"
/// finds "Undersköterska". Whitespace runs become one space.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(match c {
                'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
                'ö' | 'ø' | 'ó' | 'ô' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ü' | 'ú' => 'u',
                other => other,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_swedish_letters_and_spacing() {
        assert_eq!(fold_for_search("  Undersköterska "), "underskoterska");
        assert_eq!(
            fold_for_search("UNDERSKÖTERSKA"),
            fold_for_search("underskoterska")
        );
        assert_eq!(fold_for_search("Väg-  och Åkeri"), "vag- och akeri");
    }

    #[test]
    fn accepts_slugs_and_rejects_the_rest() {
        assert!(FieldCode::parse("data-it").is_ok());
        assert!(FieldCode::parse("admin-ekonomi-juridik").is_ok());
        for bad in [
            "", "Data-IT", "data_it", "-it", "it-", "a--b", "hälsa", "a b",
        ] {
            assert_eq!(FieldCode::parse(bad), Err(InvalidCode), "{bad:?}");
        }
    }
}
