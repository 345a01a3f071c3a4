//! The capacity form: one field per weekday and the target share, as typed and as checked.

use super::DEFAULT_TARGET_PERCENT;
use crate::domain::field_error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// The most visitors per hour the form accepts; more than any reception here can take.
pub const MAX_PER_HOUR: u32 = 200;

/// The capacity form as typed: one field per weekday (empty is "not limited") and the
/// target share.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CapacityForm {
    pub mon: String,
    pub tue: String,
    pub wed: String,
    pub thu: String,
    pub fri: String,
    pub sat: String,
    pub sun: String,
    pub target: String,
}

/// Why a field of the capacity form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CapacityError {
    /// Not a whole number from 0 to [`MAX_PER_HOUR`].
    PerHour,
    /// Not a whole number of percent from 10 to 100.
    Target,
}

/// The capacity form, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapacitySetting {
    pub per_hour: [Option<u32>; 7],
    pub target_percent: u32,
}

/// The form's weekday fields with their ISO names, Monday first.
pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl CapacityForm {
    pub fn field(&self, key: &str) -> &str {
        match key {
            "mon" => &self.mon,
            "tue" => &self.tue,
            "wed" => &self.wed,
            "thu" => &self.thu,
            "fri" => &self.fri,
            "sat" => &self.sat,
            "sun" => &self.sun,
            _ => &self.target,
        }
    }

    /// The form filled in from a setting, as it is shown.
    pub fn from_setting(s: &CapacitySetting) -> Self {
        let v = |i: usize| s.per_hour[i].map(|n| n.to_string()).unwrap_or_default();
        CapacityForm {
            mon: v(0),
            tue: v(1),
            wed: v(2),
            thu: v(3),
            fri: v(4),
            sat: v(5),
            sun: v(6),
            target: s.target_percent.to_string(),
        }
    }

    /// The setting, or each refused field by its key.
    pub fn parse(&self) -> Result<CapacitySetting, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut per_hour = [None; 7];
        for (i, key) in WEEKDAY_KEYS.iter().enumerate() {
            let raw = self.field(key).trim();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<u32>() {
                Ok(n) if n <= MAX_PER_HOUR => per_hour[i] = Some(n),
                _ => {
                    errors.insert(
                        (*key).to_owned(),
                        FieldError::Capacity(CapacityError::PerHour),
                    );
                }
            }
        }
        let target = self.target.trim().trim_end_matches('%').trim();
        let target_percent = match target.parse::<u32>() {
            Ok(n) if (10..=100).contains(&n) => n,
            _ if target.is_empty() => DEFAULT_TARGET_PERCENT,
            _ => {
                errors.insert(
                    "target".to_owned(),
                    FieldError::Capacity(CapacityError::Target),
                );
                DEFAULT_TARGET_PERCENT
            }
        };
        if errors.is_empty() {
            Ok(CapacitySetting {
                per_hour,
                target_percent,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_parses_empty_as_unlimited_and_refuses_nonsense_by_field() {
        let form = CapacityForm {
            mon: " 4 ".into(),
            tue: "".into(),
            wed: "abc".into(),
            thu: "201".into(),
            target: "5".into(),
            ..Default::default()
        };
        let errors = form.parse().unwrap_err();
        let refused = |key: &str, e| (key.to_owned(), FieldError::Capacity(e));
        assert_eq!(
            errors,
            FieldErrors::from([
                refused("wed", CapacityError::PerHour),
                refused("thu", CapacityError::PerHour),
                refused("target", CapacityError::Target)
            ])
        );
        let ok = CapacityForm {
            mon: "4".into(),
            fri: "0".into(),
            target: "80 %".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(ok.per_hour[0], Some(4));
        assert_eq!(ok.per_hour[1], None);
        assert_eq!(ok.per_hour[4], Some(0));
        assert_eq!(ok.target_percent, 80);
        assert_eq!(CapacityForm::from_setting(&ok).parse(), Ok(ok));
    }
}
