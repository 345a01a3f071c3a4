#![recursion_limit = "256"]

//! Tidbok's shared crate: domain types, server functions and the UI, compiled for the
//! server (`ssr`) and for the browser (`hydrate`).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod views;

// Generated from locales/*.json by build.rs: `pub mod i18n` with `t!`, `use_i18n`, `Locale`.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use app::{shell, App};
