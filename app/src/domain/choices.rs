//! The fixed lists a job seeker picks from: languages, levels, driving licences, regions,
//! extent and situation; and the kinds of employment an employer offers. Each value has a
//! stable code (stored, and sent by forms); its words live in the locale files.

use serde::{Deserialize, Serialize};

/// Declares a list: the enum, its codes in order, `parse` and `as_str`.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the form offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value for a code, or `None` for anything else.
            pub fn parse(code: &str) -> Option<Self> {
                match code.trim() { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

choice! {
    /// Languages a person can be met in or needs an interpreter for (ISO 639-1; `se` is
    /// Northern Sami). Counsellors' languages come from the same list.
    LanguageCode {
        Sv = "sv", En = "en", Ar = "ar", So = "so", Ti = "ti", Fa = "fa", Ku = "ku",
        Pl = "pl", Bs = "bs", Es = "es", Fr = "fr", De = "de", Fi = "fi", Da = "da",
        Se = "se", Ru = "ru", Uk = "uk", Tr = "tr",
    }
}

choice! {
    /// The highest level of an education entry.
    EducationLevel {
        Compulsory = "grundskola",
        UpperSecondary = "gymnasium",
        Vocational = "yrkeshogskola",
        UniversityShort = "hogskola-kort",
        UniversityLong = "hogskola-lang",
        Doctorate = "forskarutbildning",
        Other = "annan",
    }
}

choice! {
    /// How well someone speaks a language.
    LanguageLevel {
        Native = "modersmal",
        Fluent = "flytande",
        Good = "goda",
        Basic = "grundlaggande",
    }
}

choice! {
    /// Swedish driving licence categories.
    DrivingLicence {
        Am = "AM", A1 = "A1", A2 = "A2", A = "A", B = "B", Be = "BE", C1 = "C1", C1e = "C1E",
        C = "C", Ce = "CE", D1 = "D1", D1e = "D1E", D = "D", De = "DE",
    }
}

choice! {
    /// Where someone wants to work: the 21 counties, or anywhere.
    Region {
        Anywhere = "hela-sverige",
        Stockholm = "stockholm", Uppsala = "uppsala", Sodermanland = "sodermanland",
        Ostergotland = "ostergotland", Jonkoping = "jonkoping", Kronoberg = "kronoberg",
        Kalmar = "kalmar", Gotland = "gotland", Blekinge = "blekinge", Skane = "skane",
        Halland = "halland", VastraGotaland = "vastra-gotaland", Varmland = "varmland",
        Orebro = "orebro", Vastmanland = "vastmanland", Dalarna = "dalarna",
        Gavleborg = "gavleborg", Vasternorrland = "vasternorrland", Jamtland = "jamtland",
        Vasterbotten = "vasterbotten", Norrbotten = "norrbotten",
    }
}

choice! {
    /// Full or part time.
    Extent { Full = "full", Part = "part", Either = "either" }
}

choice! {
    /// The kind of employment a recruitment need offers.
    EmploymentType { Permanent = "tillsvidare", FixedTerm = "visstid", Seasonal = "sasong" }
}

choice! {
    /// Why someone is looking for work now.
    Situation {
        GivenNotice = "uppsagd",
        Unemployed = "arbetslos",
        NewInSweden = "ny-i-sverige",
        AfterStudies = "efter-studier",
        Returning = "atergang",
        Employed = "har-arbete",
        Other = "annat",
    }
}

choice! {
    /// Why a job seeker cancels a meeting.
    CancelReason {
        Illness = "sjuk",
        GotWork = "fatt-arbete",
        TimeDoesNotSuit = "passar-inte",
        NoLongerNeeded = "behovs-inte",
        Other = "annat",
    }
}

choice! {
    /// Why staff cancel a meeting (the seeker is told which).
    StaffCancelReason {
        SeekerIll = "sokande-sjuk",
        OfficeClosed = "kontoret-stangt",
        CounsellorAbsent = "handlaggare-franvarande",
        Other = "annat",
    }
}

choice! {
    /// Why an employer cancels a meeting with an employer counsellor.
    EmployerCancelReason {
        TimeDoesNotSuit = "passar-inte",
        Filled = "tillsatt",
        NoLongerNeeded = "behovs-inte",
        Other = "annat",
    }
}

choice! {
    /// Why staff look a person up (see `person_search`): the person is at the desk, on
    /// the phone, or something else said in the note.
    SearchReason {
        Visit = "besok",
        Call = "samtal",
        Other = "annat",
    }
}

choice! {
    /// A contact with a person that was not a booked meeting, written into their case: a
    /// phone call, or a visit at the office without a booking.
    ContactKind {
        Call = "samtal",
        WalkIn = "besok",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_value() {
        for l in LanguageCode::ALL {
            assert_eq!(LanguageCode::parse(l.as_str()), Some(*l));
        }
        for r in Region::ALL {
            assert_eq!(Region::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Region::ALL.len(), 22);
        assert_eq!(DrivingLicence::parse(" B "), Some(DrivingLicence::B));
        assert_eq!(Extent::parse("sometimes"), None);
        for r in StaffCancelReason::ALL {
            assert_eq!(StaffCancelReason::parse(r.as_str()), Some(*r));
        }
    }
}

choice! {
    /// After a meeting: "Fick du den hjälp du behövde?"
    Helped {
        Yes = "ja",
        Partly = "delvis",
        No = "nej",
    }
}
