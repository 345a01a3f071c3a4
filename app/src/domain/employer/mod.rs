//! The employer service (Af Arbetsgivare): organisations, the people who act for them, their
//! recruitment needs. This module holds the rules, free of I/O.

pub mod need;
pub mod org_number;
pub mod registration;
