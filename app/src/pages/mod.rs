//! One module per route.

pub mod accessibility;
pub mod book;
pub mod employer;
pub mod home;
pub mod my_pages;
pub mod not_found;
pub mod rating;
pub mod registration;
pub mod seeker_password;
pub mod sign_in;
pub mod staff;
