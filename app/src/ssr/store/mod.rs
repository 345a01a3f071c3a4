//! The store: one API over two databases. The backend is chosen at run time from the
//! database URL. Queries whose SQL is the same on both are written once and compiled once per
//! driver through `on_pool!`; where the dialects differ, the match arms say so explicitly.
//! Migrations are per backend (`migrations/sqlite`, `migrations/postgres`), and integrity
//! rules such as "no double booking" live in those schemas, not only here.

mod accessibility;
mod accounts;
mod activity_reports;
mod assisted;
mod audit;
mod availability;
mod bookings;
mod calendar;
mod capacity;
mod case_file;
mod closures;
mod counsellors;
mod employer_case;
mod employer_meetings;
mod employer_needs;
mod employers;
mod error;
mod ids;
mod lookups;
mod meeting_types;
mod office_admin;
mod office_employers;
mod office_flow;
mod offices;
mod outbox;
mod people;
mod person_search;
mod personal_data;
mod profiles;
mod ratings;
mod report_follow_up;
mod retry;
mod rules;
mod seekers;
mod sessions;
mod sign_in_failures;
mod staff;
mod staff_changes;
mod start_lock;
mod taxonomy;
mod work_hours;

pub use accessibility::AccessibilityReportRow;
pub use accounts::{AccountRow, PasswordLinkRow, StaffLinkMessage};
pub use activity_reports::{NewReport, ReportDraftRow, ReportEvent, SentReportRow};
pub use assisted::{Confirmed, HeldDraft, HeldDraftText, SeekerLinkMessage, SeekerLinkRow};
pub(crate) use audit::audit_in;
pub use audit::{AccessLogRow, AuditEntry, AuditRow};
pub use availability::AvailabilityRow;
pub use bookings::{BookingRow, BusyRow, ByStaff, NewBooking, NewTime, Party};
pub use calendar::{CalendarMeeting, CalendarOwnerRow};
pub use capacity::VisitLimit;
pub use case_file::{CaseNoteRow, ProfileRow, SeekerBackground};
pub use counsellors::{CounsellorRow, NewCounsellor};
pub use employer_needs::{NeedDraftRow, NeedRow};
pub use employers::{
    AcceptedPerson, EmployerCredentials, EmployerRow, EmployerTaken, EmployerUserRow,
    InvitationMessage, InvitationRow, NewEmployer,
};
pub use error::StoreError;
pub use office_admin::OfficeRecord;
pub use office_employers::{
    EmployerMeetingCountRow, NeedMatchRow, OfficeEmployerRow, OfficeNeedRow,
};
pub use office_flow::{ArrivalBy, FactRow, VisitRow};
pub use offices::NewOffice;
pub use outbox::{OutboxRow, Recipient};
pub use people::{CounsellorAdminRow, NewLink};
pub use person_search::FoundPerson;
pub use personal_data::{Section, SECTIONS};
pub use profiles::SeekerProfile;
pub use ratings::{
    Answering, HeldMeetingRow, RatingAsk, RatingFactRow, RatingMessageRow, RatingQuestionRow,
};
pub use report_follow_up::OfficeReportRow;
pub use rules::schema_rule_names;
pub use seekers::{NewSeeker, SeekerCredentials, SeekerName, SignIn, Taken};
pub use sessions::SessionBackend;
pub use staff::{AccessEntry, NewStaff, StaffRow};
pub use staff_changes::{CaseOf, CorrectionRow};
pub use start_lock::StartLock;
pub use taxonomy::{MeetingTypeRow, NewOccupation, OccupationRow};
pub use work_hours::AbsenceRow;

use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    PgPool, Postgres, Sqlite, SqlitePool, Transaction,
};
use std::{str::FromStr, time::Duration};

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

impl BackendKind {
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The application's handle to its database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
}

/// Runs the same body against whichever pool the store has. The body is type-checked once
/// per driver, so a query that one of them cannot run fails to compile.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::ssr::store::Pool::Sqlite($pool) => $body,
            $crate::ssr::store::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// Opening a transaction that will write. SQLite must take its write lock up front
/// (`BEGIN IMMEDIATE`): a deferred transaction that later upgrades fails at once with
/// "database is locked" under concurrent writers instead of waiting its turn.
pub(crate) trait WritePool {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> Result<Transaction<'static, Self::Db>, sqlx::Error>;
}

impl WritePool for SqlitePool {
    type Db = Sqlite;
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl WritePool for PgPool {
    type Db = Postgres;
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        self.begin().await
    }
}

impl Store {
    /// Connects, creating a SQLite file (and its folder) when needed, and brings the schema
    /// up to date.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let kind = BackendKind::of_url(url).ok_or(StoreError::UnsupportedUrl)?;
        let pool = match kind {
            BackendKind::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                if let Some(dir) = options.get_filename().parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir).map_err(StoreError::CreateDir)?;
                    }
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                sqlx::migrate!("../migrations/sqlite").run(&pool).await?;
                Pool::Sqlite(pool)
            }
            BackendKind::Postgres => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                sqlx::migrate!("../migrations/postgres").run(&pool).await?;
                Pool::Postgres(pool)
            }
        };
        Ok(Self { pool })
    }

    pub fn backend(&self) -> BackendKind {
        match self.pool {
            Pool::Sqlite(_) => BackendKind::Sqlite,
            Pool::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        on_pool!(self, p => sqlx::query("SELECT 1").execute(p).await.is_ok())
    }

    pub async fn close(&self) {
        on_pool!(self, p => p.close().await)
    }
}
