//! Words for the domain's codes: field errors and the values of the fixed lists. The error
//! sentences are used by the browser as well (the step forms check as you type); the list
//! names only on the server.

use crate::{
    domain::{
        capacity::CapacityError,
        choices::{
            DrivingLicence, EducationLevel, EmploymentType, Extent, LanguageCode, LanguageLevel,
            Region, Situation,
        },
        contact::ContactError,
        employer::org_number::OrgNumberError,
        field_error::FieldError,
        figures::PeriodError,
        open_time::OpenTimeError,
        personnummer::PersonalNumberError,
        Rule,
    },
    error::AppError,
    i18n::*,
};
use leptos_i18n::I18nContext;

pub type I18n = I18nContext<Locale>;

/// What is wrong with a field, as a sentence that says how to put it right.
pub fn error_text(i18n: I18n, error: FieldError) -> &'static str {
    use ContactError as C;
    use FieldError as F;
    use OrgNumberError as O;
    use PersonalNumberError as P;
    match error {
        F::Malformed => t_string!(i18n, err_malformed),
        F::Required | F::PersonalNumber(P::Empty) | F::Contact(C::Empty) => {
            t_string!(i18n, err_required)
        }
        F::TooLong | F::Contact(C::TooLong) => t_string!(i18n, err_too_long),
        F::Name => t_string!(i18n, err_name),
        F::PersonalNumber(P::Format) => t_string!(i18n, err_pnr_format),
        F::PersonalNumber(P::Date) => t_string!(i18n, err_pnr_date),
        F::PersonalNumber(P::CheckDigit | P::Serial) => t_string!(i18n, err_pnr_check),
        F::TooYoung => t_string!(i18n, err_too_young),
        F::Contact(C::InvalidEmail) => t_string!(i18n, err_email),
        F::Contact(C::InvalidPhone) => t_string!(i18n, err_phone),
        F::Contact(C::NotMobile) => t_string!(i18n, err_not_mobile),
        F::Contact(C::InvalidPostcode) => t_string!(i18n, err_postcode),
        F::Choice => t_string!(i18n, err_choice),
        F::InterpreterLanguage => t_string!(i18n, err_interpreter_language),
        F::Month => t_string!(i18n, err_month),
        F::MonthInFuture => t_string!(i18n, err_month_future),
        F::MonthOrder => t_string!(i18n, err_month_order),
        F::Year => t_string!(i18n, err_year),
        F::Date => t_string!(i18n, err_date),
        F::DateInPast => t_string!(i18n, err_date_past),
        F::Duplicate => t_string!(i18n, err_duplicate),
        F::TooMany => t_string!(i18n, err_too_many),
        F::UnknownOccupation => t_string!(i18n, err_unknown_occupation),
        F::PasswordTooShort => t_string!(i18n, err_password_short),
        F::PasswordTooLong => t_string!(i18n, err_password_long),
        F::PasswordGuessable => t_string!(i18n, err_password_guessable),
        F::EmailInUse => t_string!(i18n, err_email_in_use),
        F::DateOutsidePeriod => t_string!(i18n, err_date_outside_period),
        F::Days => t_string!(i18n, err_days_worked),
        F::Hours => t_string!(i18n, err_hours_worked),
        F::NoActivities => t_string!(i18n, err_no_activities),
        F::OrgNumber(O::Empty) => t_string!(i18n, err_required),
        F::OrgNumber(O::Format) => t_string!(i18n, err_org_format),
        F::OrgNumber(O::CheckDigit) => t_string!(i18n, err_org_check),
        F::OrgNumber(O::NotAnOrganisation) => t_string!(i18n, err_org_not_organisation),
        F::OrgNumber(O::PrefixOnPersonalNumber) => t_string!(i18n, err_org_prefix),
        F::Positions => t_string!(i18n, err_positions),
        F::ApplyAfterStart => t_string!(i18n, err_apply_after_start),
        F::DateTooFar => t_string!(i18n, err_date_too_far),
        F::DraftCode => t_string!(i18n, err_draft_code),
        F::WrongPassword => t_string!(i18n, err_wrong_password),
        // The staff calendar says these in its own words; no seeker form has such a field.
        F::OpenTime(_) | F::OutsideRange => t_string!(i18n, err_malformed),
        // Staff forms say these in their own words (`staff_error_text` and the office
        // form), kept out of this function so they never travel in the job seekers' bundle.
        F::Capacity(_) | F::Period(_) => t_string!(i18n, err_malformed),
        // The office form says these in its own words (`pages::staff::admin::office`), kept
        // out of this function so they never travel in the job seekers' bundle.
        F::OpeningSpan
        | F::ClosesFirst
        | F::SpansOverlap
        | F::PostcodeArea
        | F::PostcodeAreaTaken => t_string!(i18n, err_malformed),
    }
}

pub fn language_name(i18n: I18n, code: LanguageCode) -> &'static str {
    use LanguageCode as L;
    match code {
        L::Sv => t_string!(i18n, lang_sv),
        L::En => t_string!(i18n, lang_en),
        L::Ar => t_string!(i18n, lang_ar),
        L::So => t_string!(i18n, lang_so),
        L::Ti => t_string!(i18n, lang_ti),
        L::Fa => t_string!(i18n, lang_fa),
        L::Ku => t_string!(i18n, lang_ku),
        L::Pl => t_string!(i18n, lang_pl),
        L::Bs => t_string!(i18n, lang_bs),
        L::Es => t_string!(i18n, lang_es),
        L::Fr => t_string!(i18n, lang_fr),
        L::De => t_string!(i18n, lang_de),
        L::Fi => t_string!(i18n, lang_fi),
        L::Da => t_string!(i18n, lang_da),
        L::Se => t_string!(i18n, lang_se),
        L::Ru => t_string!(i18n, lang_ru),
        L::Uk => t_string!(i18n, lang_uk),
        L::Tr => t_string!(i18n, lang_tr),
    }
}

/// What is wrong with a field of the office's capacity or the figures' period, in words.
pub fn capacity_or_period_text(i18n: I18n, error: FieldError) -> Option<&'static str> {
    Some(match error {
        FieldError::Capacity(CapacityError::PerHour) => t_string!(i18n, office_err_per_hour),
        FieldError::Capacity(CapacityError::Target) => t_string!(i18n, office_err_target),
        FieldError::Period(PeriodError::Date) => t_string!(i18n, fig_err_date),
        FieldError::Period(PeriodError::Order) => t_string!(i18n, fig_err_order),
        FieldError::Period(PeriodError::TooLong) => t_string!(i18n, fig_err_long),
        _ => return None,
    })
}

/// Why a rule refused a change staff asked for, in words.
pub fn rule_text(i18n: I18n, rule: Rule) -> &'static str {
    match rule {
        Rule::BookingOverlap | Rule::Taken | Rule::OfficeCapacity => {
            t_string!(i18n, case_err_taken)
        }
        Rule::AvailabilityOverlap => t_string!(i18n, cal_err_overlap),
        Rule::AvailabilityHasBooking => t_string!(i18n, cal_err_booking),
        Rule::OpenTimePast => t_string!(i18n, cal_err_past),
        Rule::NotOpen => t_string!(i18n, case_err_not_open),
        Rule::ChannelNotOffered => t_string!(i18n, case_err_channel),
        Rule::OutcomeNotNow => t_string!(i18n, case_err_outcome),
        Rule::MoveNotNow => t_string!(i18n, case_err_move),
        Rule::SeekerOverlap => t_string!(i18n, case_err_seeker_busy),
        Rule::CancelNotNow => t_string!(i18n, case_err_cancel),
        Rule::CorrectionClosed => t_string!(i18n, case_err_correction),
        Rule::RatingClosed => t_string!(i18n, rating_err_closed),
        Rule::UndoClosed => t_string!(i18n, office_err_undo),
        // Refusals of the seekers' own pages and the administrator's command, which say
        // them in their own way; should one reach a staff form, it is said plainly.
        Rule::OneFirstMeeting
        | Rule::SeekerEmailTaken
        | Rule::SeekerPersonalNumberTaken
        | Rule::StaffEmailTaken
        | Rule::OfficeCodeTaken
        | Rule::NotAVisit
        | Rule::NotArrived
        | Rule::CheckInClosed
        | Rule::AlreadyBooked
        | Rule::FirstMeetingHeld
        | Rule::LastAdmin
        | Rule::EditedMeanwhile
        | Rule::OpeningOverlap
        | Rule::PostcodeAreaTaken
        | Rule::ReportAlreadySent
        | Rule::EmployerOrgNumberTaken
        | Rule::EmployerEmailTaken => t_string!(i18n, cal_err_other),
    }
}

/// What is wrong with a span of open time, in words.
pub fn open_time_text(i18n: I18n, error: OpenTimeError) -> &'static str {
    match error {
        OpenTimeError::Date => t_string!(i18n, cal_err_date),
        OpenTimeError::Clock => t_string!(i18n, cal_err_clock),
        OpenTimeError::Grid => t_string!(i18n, cal_err_grid),
        OpenTimeError::OutsideDay => t_string!(i18n, cal_err_outside),
        OpenTimeError::Order => t_string!(i18n, cal_err_order),
    }
}

/// Why the calendar could not make a change, in words: the form, a rule, or the request.
pub fn refusal_text(i18n: I18n, error: &AppError) -> &'static str {
    match error {
        AppError::Validation(fields) => match fields.values().next() {
            Some(FieldError::OpenTime(e)) => open_time_text(i18n, *e),
            _ => t_string!(i18n, cal_err_other),
        },
        AppError::Conflict(rule) => rule_text(i18n, *rule),
        AppError::Forbidden => t_string!(i18n, cal_err_forbidden),
        AppError::NotFound => t_string!(i18n, cal_err_gone),
        AppError::Unauthorized => t_string!(i18n, cal_err_signed_out),
        AppError::Request => t_string!(i18n, cal_err_network),
        AppError::Internal | AppError::TooManyAttempts(_) => t_string!(i18n, cal_err_other),
    }
}

pub fn education_level_name(i18n: I18n, level: EducationLevel) -> &'static str {
    use EducationLevel as E;
    match level {
        E::Compulsory => t_string!(i18n, edu_grundskola),
        E::UpperSecondary => t_string!(i18n, edu_gymnasium),
        E::Vocational => t_string!(i18n, edu_yrkeshogskola),
        E::UniversityShort => t_string!(i18n, edu_hogskola_kort),
        E::UniversityLong => t_string!(i18n, edu_hogskola_lang),
        E::Doctorate => t_string!(i18n, edu_forskarutbildning),
        E::Other => t_string!(i18n, edu_annan),
    }
}

pub fn language_level_name(i18n: I18n, level: LanguageLevel) -> &'static str {
    use LanguageLevel as L;
    match level {
        L::Native => t_string!(i18n, level_modersmal),
        L::Fluent => t_string!(i18n, level_flytande),
        L::Good => t_string!(i18n, level_goda),
        L::Basic => t_string!(i18n, level_grundlaggande),
    }
}

pub fn licence_name(i18n: I18n, licence: DrivingLicence) -> &'static str {
    use DrivingLicence as D;
    match licence {
        D::Am => t_string!(i18n, licence_am),
        D::A1 => t_string!(i18n, licence_a1),
        D::A2 => t_string!(i18n, licence_a2),
        D::A => t_string!(i18n, licence_a),
        D::B => t_string!(i18n, licence_b),
        D::Be => t_string!(i18n, licence_be),
        D::C1 => t_string!(i18n, licence_c1),
        D::C1e => t_string!(i18n, licence_c1e),
        D::C => t_string!(i18n, licence_c),
        D::Ce => t_string!(i18n, licence_ce),
        D::D1 => t_string!(i18n, licence_d1),
        D::D1e => t_string!(i18n, licence_d1e),
        D::D => t_string!(i18n, licence_d),
        D::De => t_string!(i18n, licence_de),
    }
}

pub fn region_name(i18n: I18n, region: Region) -> &'static str {
    use Region as R;
    match region {
        R::Anywhere => t_string!(i18n, region_hela_sverige),
        R::Stockholm => t_string!(i18n, region_stockholm),
        R::Uppsala => t_string!(i18n, region_uppsala),
        R::Sodermanland => t_string!(i18n, region_sodermanland),
        R::Ostergotland => t_string!(i18n, region_ostergotland),
        R::Jonkoping => t_string!(i18n, region_jonkoping),
        R::Kronoberg => t_string!(i18n, region_kronoberg),
        R::Kalmar => t_string!(i18n, region_kalmar),
        R::Gotland => t_string!(i18n, region_gotland),
        R::Blekinge => t_string!(i18n, region_blekinge),
        R::Skane => t_string!(i18n, region_skane),
        R::Halland => t_string!(i18n, region_halland),
        R::VastraGotaland => t_string!(i18n, region_vastra_gotaland),
        R::Varmland => t_string!(i18n, region_varmland),
        R::Orebro => t_string!(i18n, region_orebro),
        R::Vastmanland => t_string!(i18n, region_vastmanland),
        R::Dalarna => t_string!(i18n, region_dalarna),
        R::Gavleborg => t_string!(i18n, region_gavleborg),
        R::Vasternorrland => t_string!(i18n, region_vasternorrland),
        R::Jamtland => t_string!(i18n, region_jamtland),
        R::Vasterbotten => t_string!(i18n, region_vasterbotten),
        R::Norrbotten => t_string!(i18n, region_norrbotten),
    }
}

pub fn extent_name(i18n: I18n, extent: Extent) -> &'static str {
    match extent {
        Extent::Full => t_string!(i18n, extent_full),
        Extent::Part => t_string!(i18n, extent_part),
        Extent::Either => t_string!(i18n, extent_either),
    }
}

pub fn employment_name(i18n: I18n, employment: EmploymentType) -> &'static str {
    match employment {
        EmploymentType::Permanent => t_string!(i18n, employment_permanent),
        EmploymentType::FixedTerm => t_string!(i18n, employment_fixed_term),
        EmploymentType::Seasonal => t_string!(i18n, employment_seasonal),
    }
}

pub fn situation_name(i18n: I18n, situation: Situation) -> &'static str {
    use Situation as S;
    match situation {
        S::GivenNotice => t_string!(i18n, situation_uppsagd),
        S::Unemployed => t_string!(i18n, situation_arbetslos),
        S::NewInSweden => t_string!(i18n, situation_ny_i_sverige),
        S::AfterStudies => t_string!(i18n, situation_efter_studier),
        S::Returning => t_string!(i18n, situation_atergang),
        S::Employed => t_string!(i18n, situation_har_arbete),
        S::Other => t_string!(i18n, situation_annat),
    }
}
