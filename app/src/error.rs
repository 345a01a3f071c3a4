//! The one error type server functions return. It crosses the wire, so it carries only what a
//! user may see: which fields are wrong and why (as message keys), or a kind of failure.
//! Internal causes are logged on the server and never sent.

use crate::domain::{
    field_error::{FieldError, FieldErrors},
    Rule,
};
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Field name → what is wrong with it.
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// A rule of the service refused the change (a taken slot, a registered email).
    #[error("refused by the rule {0:?}")]
    Conflict(Rule),
    /// Too many failed sign-ins for the account or from the address: try again after this
    /// many minutes.
    #[error("too many attempts")]
    TooManyAttempts(u32),
    /// Something failed on the server; it has been logged.
    #[error("internal error")]
    Internal,
    /// The request never got a proper answer (network, or a malformed call).
    #[error("request failed")]
    Request,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A malformed argument is bad input to a public endpoint, not our failure.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::Validation(FieldErrors::from([("_".to_owned(), FieldError::Malformed)]))
            }
            _ => AppError::Request,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs the cause and returns the opaque error users see.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ssr::store::StoreError> for AppError {
    fn from(err: crate::ssr::store::StoreError) -> Self {
        use crate::ssr::store::StoreError;
        match err {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(rule) => AppError::Conflict(rule),
            other => AppError::internal(other),
        }
    }
}
