//! Ids of the records most often passed side by side (a booking, its seeker, the staff member
//! acting on it), so that a call cannot swap them without the compiler noticing.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(
    /// A job seeker (`seekers.id`).
    SeekerId
);
id!(
    /// A staff account (`staff.id`): a counsellor, receptionist, manager or administrator.
    StaffId
);
id!(
    /// A counsellor (`counsellors.id`), the person whose calendar a booking is in.
    CounsellorId
);
id!(
    /// A booking (`bookings.id`).
    BookingId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_number_on_the_wire_and_in_text() {
        assert_eq!(serde_json::to_string(&BookingId(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<SeekerId>("7").unwrap(), SeekerId(7));
        assert_eq!(StaffId(3).to_string(), "3");
    }
}
