//! Staff accounts: the form that changes a member's role and office, and the rule that the
//! service always keeps an administrator who can sign in.

use super::Version;
use crate::domain::{
    field_error::{choice, Errors, FieldError, FieldErrors},
    registration::person_name,
    staff::Role,
    Email, Rule,
};
use serde::{Deserialize, Serialize};

/// The role and office form as typed; `version` is the hidden version of the account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    pub role: String,
    pub office: String,
    pub version: String,
}

/// A role and office to give an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountChange {
    pub role: Role,
    /// Every role but the administrator's belongs to an office; an administrator's office
    /// is forgotten.
    pub office_id: Option<i64>,
    pub version: Version,
}

impl AccountForm {
    /// `offices` are those that may be chosen; `has_calendar` says whether the account is
    /// tied to a counsellor's calendar, which the counsellor role needs.
    pub fn parse(&self, offices: &[i64], has_calendar: bool) -> Result<AccountChange, FieldErrors> {
        let mut errors = Errors::default();
        let role = errors.check(
            "role",
            choice(&self.role, |r| r.trim().parse::<Role>().ok()).and_then(|r| match r {
                Role::Counsellor if !has_calendar => Err(FieldError::Choice),
                r => Ok(r),
            }),
        );
        let office = match role {
            Some(Role::Admin) => None,
            _ => errors.check(
                "office",
                choice(&self.office, |o| {
                    o.trim()
                        .parse::<i64>()
                        .ok()
                        .filter(|id| offices.contains(id))
                }),
            ),
        };
        let version = errors.check(
            "_",
            Version::parse(&self.version).ok_or(FieldError::Malformed),
        );
        errors.finish()?;
        match (role, version) {
            (Some(role), Some(version)) => Ok(AccountChange {
                role,
                office_id: office,
                version,
            }),
            _ => Err(FieldErrors::from([("_".to_owned(), FieldError::Malformed)])),
        }
    }
}

/// The form for an account without a calendar: an office manager or an administrator.
/// (A counsellor is created with their calendar, on the counsellor form.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewAccountForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role: String,
    pub office: String,
}

/// An account without a calendar, to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccountDraft {
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub role: Role,
    pub office_id: Option<i64>,
}

impl NewAccountForm {
    pub fn parse(&self, offices: &[i64]) -> Result<NewAccountDraft, FieldErrors> {
        let mut errors = Errors::default();
        let first_name = errors.check("first_name", person_name(&self.first_name));
        let last_name = errors.check("last_name", person_name(&self.last_name));
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        let role = errors.check(
            "role",
            choice(&self.role, |r| {
                r.trim()
                    .parse::<Role>()
                    .ok()
                    .filter(|r| *r != Role::Counsellor)
            }),
        );
        let office = match role {
            Some(Role::Admin) => None,
            _ => errors.check(
                "office",
                choice(&self.office, |o| {
                    o.trim()
                        .parse::<i64>()
                        .ok()
                        .filter(|id| offices.contains(id))
                }),
            ),
        };
        errors.finish()?;
        match (first_name, last_name, email, role) {
            (Some(first_name), Some(last_name), Some(email), Some(role)) => Ok(NewAccountDraft {
                first_name,
                last_name,
                email,
                role,
                office_id: office,
            }),
            _ => Err(FieldErrors::from([("_".to_owned(), FieldError::Malformed)])),
        }
    }
}

/// An account as the last-administrator rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountState {
    pub role: Role,
    pub active: bool,
}

impl AccountState {
    fn is_admin(self) -> bool {
        self.active && self.role == Role::Admin
    }
}

/// Refuses a change that would leave no active administrator: `other_admins` counts the
/// active administrators besides the account being changed. (The database refuses it too.)
pub fn keeps_an_admin(
    before: AccountState,
    after: AccountState,
    other_admins: usize,
) -> Result<(), Rule> {
    if before.is_admin() && !after.is_admin() && other_admins == 0 {
        Err(Rule::LastAdmin)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form(role: &str, office: &str) -> AccountForm {
        AccountForm {
            role: role.into(),
            office: office.into(),
            version: "4".into(),
        }
    }

    #[test]
    fn an_office_manager_belongs_to_an_office_an_administrator_to_none() {
        let c = form("office_manager", "2").parse(&[1, 2], false).unwrap();
        assert_eq!((c.role, c.office_id), (Role::OfficeManager, Some(2)));
        assert_eq!(c.version.get(), 4);
        let a = form("admin", "2").parse(&[1, 2], false).unwrap();
        assert_eq!((a.role, a.office_id), (Role::Admin, None));
        let e = form("office_manager", "")
            .parse(&[1, 2], false)
            .unwrap_err();
        assert_eq!(e.get("office"), Some(&FieldError::Required));
        let e = form("office_manager", "9")
            .parse(&[1, 2], false)
            .unwrap_err();
        assert_eq!(e.get("office"), Some(&FieldError::Choice));
    }

    #[test]
    fn only_an_account_with_a_calendar_can_be_a_counsellor() {
        let e = form("counsellor", "1").parse(&[1], false).unwrap_err();
        assert_eq!(e.get("role"), Some(&FieldError::Choice));
        assert!(form("counsellor", "1").parse(&[1], true).is_ok());
        let e = form("kung", "1").parse(&[1], true).unwrap_err();
        assert_eq!(e.get("role"), Some(&FieldError::Choice));
        let e = AccountForm {
            version: String::new(),
            ..form("admin", "")
        }
        .parse(&[1], true)
        .unwrap_err();
        assert_eq!(e.get("_"), Some(&FieldError::Malformed));
    }

    #[test]
    fn a_new_account_is_a_manager_of_an_office_or_an_administrator() {
        let form = |role: &str, office: &str| NewAccountForm {
            first_name: "Lena".into(),
            last_name: "Holm".into(),
            email: " lena.holm@tidbok.example ".into(),
            role: role.into(),
            office: office.into(),
        };
        let m = form("office_manager", "4").parse(&[4]).unwrap();
        assert_eq!(
            (m.role, m.office_id, m.email.as_str()),
            (Role::OfficeManager, Some(4), "lena.holm@tidbok.example")
        );
        assert_eq!(form("admin", "").parse(&[4]).unwrap().office_id, None);
        // A counsellor needs a calendar: that is the counsellor form's.
        let e = form("counsellor", "4").parse(&[4]).unwrap_err();
        assert_eq!(e.get("role"), Some(&FieldError::Choice));
        let e = NewAccountForm {
            first_name: String::new(),
            email: "x".into(),
            ..form("office_manager", "")
        }
        .parse(&[4])
        .unwrap_err();
        assert_eq!(e.get("first_name"), Some(&FieldError::Required));
        assert!(matches!(e.get("email"), Some(FieldError::Contact(_))));
        assert_eq!(e.get("office"), Some(&FieldError::Required));
    }

    fn state(role: Role, active: bool) -> AccountState {
        AccountState { role, active }
    }

    #[test]
    fn the_last_administrator_stays() {
        let admin = state(Role::Admin, true);
        assert_eq!(
            keeps_an_admin(admin, state(Role::OfficeManager, true), 0),
            Err(Rule::LastAdmin)
        );
        assert_eq!(
            keeps_an_admin(admin, state(Role::Admin, false), 0),
            Err(Rule::LastAdmin)
        );
        assert_eq!(keeps_an_admin(admin, state(Role::Admin, false), 1), Ok(()));
        assert_eq!(keeps_an_admin(admin, admin, 0), Ok(()));
        // An inactive administrator is no administrator: changing them takes none away.
        assert_eq!(
            keeps_an_admin(state(Role::Admin, false), state(Role::Counsellor, false), 0),
            Ok(())
        );
    }

    proptest! {
        /// Whatever happens to one account, a refusal means exactly that it was the only
        /// active administrator and would stop being one.
        #[test]
        fn refused_exactly_when_no_administrator_would_remain(
            before_role in 0usize..3, before_active in any::<bool>(),
            after_role in 0usize..3, after_active in any::<bool>(),
            others in 0usize..3,
        ) {
            let before = state(Role::ALL[before_role], before_active);
            let after = state(Role::ALL[after_role], after_active);
            let remaining = others + usize::from(after.is_admin());
            let had = others + usize::from(before.is_admin());
            let refused = keeps_an_admin(before, after, others).is_err();
            prop_assert_eq!(refused, had > 0 && remaining == 0);
        }
    }
}
