//! Staff and who may see or change what. The rules are plain functions of facts the store
//! reads, so every rule is tested here directly and each server function only asks.
//!
//! - A counsellor works in their own calendar, may look at colleagues' calendars at their
//!   office and sees the seekers who meet or live near their office, plus those referred to
//!   them from another office. Follow-ups may be booked with anyone (that is a referral).
//! - An office manager sees and plans every counsellor of their office.
//! - An administrator manages accounts and may see every office.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Counsellor,
    OfficeManager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Counsellor, Role::OfficeManager, Role::Admin];

    /// The stable name used in storage and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Counsellor => "counsellor",
            Role::OfficeManager => "office_manager",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role (counsellor, office_manager or admin)")]
pub struct UnknownRole;

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(UnknownRole)
    }
}

/// A signed-in member of staff, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub role: Role,
    /// Every role but the administrator's belongs to an office.
    pub office_id: Option<i64>,
    /// A counsellor's own calendar.
    pub counsellor_id: Option<i64>,
}

/// The part of a log a member may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogScope {
    All,
    /// What concerns one office: its staff, and the job seekers it serves.
    Office(i64),
}

/// A counsellor's calendar as the rules see it: whose, and at which office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarOwner {
    pub counsellor_id: i64,
    pub office_id: i64,
}

/// What decides whether staff may see a job seeker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeekerReach {
    /// Offices of the counsellors the seeker has (or had) meetings with, the offices they
    /// visit (or visited) and the office whose desk registered them (until the person has a
    /// sign-in of their own).
    pub meeting_offices: Vec<i64>,
    /// The office nearest the seeker's home.
    pub home_office: Option<i64>,
    /// Counsellors the seeker was referred to.
    pub referred_to: Vec<i64>,
}

impl StaffMember {
    fn at_office(&self, office_id: i64) -> bool {
        self.office_id == Some(office_id)
    }

    /// Seeing a calendar: bookings (with the seekers' names) and open time.
    pub fn may_view_calendar(&self, owner: CalendarOwner) -> bool {
        match self.role {
            Role::Admin => true,
            Role::OfficeManager | Role::Counsellor => self.at_office(owner.office_id),
        }
    }

    /// Changing a calendar's open time, working hours and absences. A counsellor plans their
    /// own; an office manager plans everyone's at the office.
    pub fn may_plan_calendar(&self, owner: CalendarOwner) -> bool {
        match self.role {
            Role::Admin => true,
            Role::OfficeManager => self.at_office(owner.office_id),
            Role::Counsellor => self.counsellor_id == Some(owner.counsellor_id),
        }
    }

    /// Recording how a meeting went, and moving it: the counsellor who holds it, or the
    /// office's manager.
    pub fn may_handle_meeting(&self, owner: CalendarOwner) -> bool {
        self.may_plan_calendar(owner)
    }

    /// The office's load view and its reception list: anyone working there.
    pub fn may_view_office(&self, office_id: i64) -> bool {
        self.role == Role::Admin || self.at_office(office_id)
    }

    /// Marking that a visitor has arrived: anyone working at the office (reception is
    /// staffed by its counsellors and manager).
    pub fn may_mark_arrival(&self, office_id: i64) -> bool {
        self.may_view_office(office_id)
    }

    /// Setting the office's capacity, and reading its follow-up figures (which compare its
    /// counsellors): the office's manager, or an administrator.
    pub fn may_manage_office(&self, office_id: i64) -> bool {
        match self.role {
            Role::Admin => true,
            Role::OfficeManager => self.at_office(office_id),
            Role::Counsellor => false,
        }
    }

    /// Opening a job seeker's profile and case.
    pub fn may_see_seeker(&self, reach: &SeekerReach) -> bool {
        match self.role {
            Role::Admin => true,
            Role::OfficeManager => self.office_id.is_some_and(|office| {
                reach.meeting_offices.contains(&office) || reach.home_office == Some(office)
            }),
            Role::Counsellor => {
                let own_office = self.office_id.is_some_and(|office| {
                    reach.meeting_offices.contains(&office) || reach.home_office == Some(office)
                });
                let referred = self
                    .counsellor_id
                    .is_some_and(|me| reach.referred_to.contains(&me));
                own_office || referred
            }
        }
    }

    /// How much of the access log this member may read: an administrator all of it, an
    /// office manager what concerns their office; nobody else any of it.
    pub fn access_log_scope(&self) -> Option<LogScope> {
        match (self.role, self.office_id) {
            (Role::Admin, _) => Some(LogScope::All),
            (Role::OfficeManager, Some(office)) => Some(LogScope::Office(office)),
            _ => None,
        }
    }

    /// Creating and changing staff accounts.
    pub fn may_manage_staff(&self) -> bool {
        self.role == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: i64 = 1;
    const OTHER: i64 = 2;

    fn counsellor(id: i64, office: i64) -> StaffMember {
        StaffMember {
            id: 100 + id,
            role: Role::Counsellor,
            office_id: Some(office),
            counsellor_id: Some(id),
        }
    }

    fn manager(office: i64) -> StaffMember {
        StaffMember {
            id: 200,
            role: Role::OfficeManager,
            office_id: Some(office),
            counsellor_id: None,
        }
    }

    fn admin() -> StaffMember {
        StaffMember {
            id: 300,
            role: Role::Admin,
            office_id: None,
            counsellor_id: None,
        }
    }

    #[test]
    fn the_office_is_seen_by_its_staff_and_managed_by_its_manager() {
        let c = counsellor(1, HOME);
        assert!(c.may_view_office(HOME) && c.may_mark_arrival(HOME));
        assert!(!c.may_view_office(OTHER) && !c.may_mark_arrival(OTHER));
        assert!(!c.may_manage_office(HOME));
        assert!(manager(HOME).may_manage_office(HOME));
        assert!(!manager(HOME).may_manage_office(OTHER));
        assert!(!manager(HOME).may_view_office(OTHER));
        assert!(admin().may_manage_office(OTHER) && admin().may_view_office(OTHER));
    }

    fn calendar(counsellor_id: i64, office_id: i64) -> CalendarOwner {
        CalendarOwner {
            counsellor_id,
            office_id,
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        assert_eq!("Admin".parse::<Role>(), Err(UnknownRole));
    }

    #[test]
    fn a_counsellor_plans_only_their_own_calendar_but_sees_the_office() {
        let me = counsellor(7, HOME);
        assert!(me.may_plan_calendar(calendar(7, HOME)));
        assert!(me.may_view_calendar(calendar(8, HOME)));
        assert!(!me.may_plan_calendar(calendar(8, HOME)));
        assert!(!me.may_handle_meeting(calendar(8, HOME)));
        assert!(!me.may_view_calendar(calendar(9, OTHER)));
        assert!(!me.may_manage_staff());
    }

    #[test]
    fn a_manager_plans_every_calendar_of_their_office_only() {
        let m = manager(HOME);
        assert!(m.may_plan_calendar(calendar(7, HOME)));
        assert!(m.may_handle_meeting(calendar(8, HOME)));
        assert!(!m.may_view_calendar(calendar(9, OTHER)));
        assert!(!m.may_plan_calendar(calendar(9, OTHER)));
        assert!(!m.may_manage_staff());
    }

    #[test]
    fn an_administrator_reaches_everything() {
        let a = admin();
        assert!(a.may_view_calendar(calendar(9, OTHER)));
        assert!(a.may_plan_calendar(calendar(9, OTHER)));
        assert!(a.may_see_seeker(&SeekerReach::default()));
        assert!(a.may_manage_staff());
    }

    #[test]
    fn seekers_are_seen_at_their_office_or_by_whom_they_were_referred_to() {
        let booked_here = SeekerReach {
            meeting_offices: vec![HOME],
            ..Default::default()
        };
        let living_here = SeekerReach {
            home_office: Some(HOME),
            ..Default::default()
        };
        let elsewhere = SeekerReach {
            meeting_offices: vec![OTHER],
            home_office: Some(OTHER),
            referred_to: vec![],
        };
        let referred_to_seven = SeekerReach {
            referred_to: vec![7],
            ..elsewhere.clone()
        };
        let me = counsellor(7, HOME);
        let colleague = counsellor(8, HOME);
        for reach in [&booked_here, &living_here] {
            assert!(me.may_see_seeker(reach));
            assert!(manager(HOME).may_see_seeker(reach));
            assert!(!manager(OTHER).may_see_seeker(reach));
        }
        assert!(!me.may_see_seeker(&elsewhere));
        assert!(!manager(HOME).may_see_seeker(&elsewhere));
        assert!(me.may_see_seeker(&referred_to_seven));
        assert!(!colleague.may_see_seeker(&referred_to_seven));
        assert!(!manager(HOME).may_see_seeker(&referred_to_seven));
    }
}
