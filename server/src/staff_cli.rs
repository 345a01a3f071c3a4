//! `tidbok staff …`: the administrator's commands for staff accounts.

use app::{
    domain::{
        registration::{Password, MAX_PASSWORD, MIN_PASSWORD},
        staff::Role,
        Email,
    },
    ssr::{
        services::staff::{self, StaffAccount},
        store::Store,
    },
};
use std::io::BufRead;

pub const USAGE: &str = "\
  tidbok staff add --email EMAIL --first-name NAME --last-name NAME --role ROLE [--office CODE]
                      create a staff account; ROLE is counsellor, office_manager or admin.
                      A counsellor's email must be that of a counsellor in the database (their
                      calendar); counsellors and office managers need their office's code.
  tidbok staff password --email EMAIL
                      set a new password for an account
  tidbok staff list   list the staff accounts
  The password is read from TIDBOK_STAFF_PASSWORD when set, otherwise from the first line of
  standard input (at least 10 characters).
  These commands are for bootstrapping: the first administrator of an empty production
  database. Everything after that is done in the browser, at /personal/admin/handlaggare
  (counsellors) and /personal/admin/konton (accounts and roles), where each change is
  checked, kept in the audit trail and a new account sets its own password by email.";

/// What went wrong, in one line for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}\n(try tidbok --help)")]
    Usage(String),
    #[error("{0}")]
    Refused(String),
}

/// The value after `--name`, once.
fn option<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, CliError> {
    let mut found = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == name {
            let value = args
                .get(i + 1)
                .filter(|v| !v.starts_with("--"))
                .ok_or_else(|| CliError::Usage(format!("{name} needs a value")))?;
            if found.replace(value.as_str()).is_some() {
                return Err(CliError::Usage(format!("{name} is given twice")));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    Ok(found)
}

fn required<'a>(args: &'a [String], name: &str) -> Result<&'a str, CliError> {
    option(args, name)?.ok_or_else(|| CliError::Usage(format!("{name} is required")))
}

/// Refuses options the command does not know, so a typo is not silently ignored.
fn only(args: &[String], known: &[&str]) -> Result<(), CliError> {
    let mut i = 0;
    while i < args.len() {
        if !known.contains(&args[i].as_str()) {
            return Err(CliError::Usage(format!("unknown option `{}`", args[i])));
        }
        i += 2;
    }
    Ok(())
}

fn email(args: &[String]) -> Result<Email, CliError> {
    let raw = required(args, "--email")?;
    Email::parse(raw).map_err(|_| CliError::Usage(format!("`{raw}` is not an email address")))
}

/// The password as typed: TIDBOK_STAFF_PASSWORD, or the first line of standard input.
pub fn read_password() -> Result<String, CliError> {
    Ok(match std::env::var("TIDBOK_STAFF_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| CliError::Refused(format!("could not read the password: {e}")))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    })
}

fn password(read: impl FnOnce() -> Result<String, CliError>) -> Result<Password, CliError> {
    let password = Password::parse(&read()?).map_err(|_| {
        CliError::Refused(format!(
            "the password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters \
             (TIDBOK_STAFF_PASSWORD or standard input)"
        ))
    })?;
    app::ssr::services::passwords::refuse_guessable(&password, &[]).map_err(|_| {
        CliError::Refused(
            "the password is too easy to guess (common, repeated or a sequence): choose \
             another, for example three or four words that do not belong together"
                .into(),
        )
    })?;
    Ok(password)
}

/// Runs `tidbok staff <args>` against the store; `read_password` is asked when a command
/// needs one ([`read_password`] in the binary).
pub async fn run(
    store: &Store,
    args: &[String],
    read_password: impl FnOnce() -> Result<String, CliError>,
) -> Result<String, CliError> {
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| CliError::Usage("staff needs a command: add, password or list".into()))?;
    match command.as_str() {
        "add" => {
            only(
                rest,
                &[
                    "--email",
                    "--first-name",
                    "--last-name",
                    "--role",
                    "--office",
                ],
            )?;
            let role: Role = required(rest, "--role")?
                .parse()
                .map_err(|e| CliError::Usage(format!("--role: {e}")))?;
            let account = StaffAccount {
                email: email(rest)?,
                first_name: required(rest, "--first-name")?.trim().to_owned(),
                last_name: required(rest, "--last-name")?.trim().to_owned(),
                role,
                office_code: option(rest, "--office")?.map(str::to_owned),
            };
            let email = account.email.to_string();
            let id = staff::create(store, account, password(read_password)?, chrono::Utc::now())
                .await
                .map_err(|e| CliError::Refused(e.to_string()))?;
            Ok(format!("Created {role} account {id} for {email}."))
        }
        "password" => {
            only(rest, &["--email"])?;
            let email = email(rest)?;
            staff::set_password(store, &email, password(read_password)?)
                .await
                .map_err(|e| CliError::Refused(e.to_string()))?;
            Ok(format!("New password set for {email}."))
        }
        "list" => {
            only(rest, &[])?;
            let rows = store
                .list_staff()
                .await
                .map_err(|e| CliError::Refused(e.to_string()))?;
            let mut out = String::new();
            for r in rows {
                out.push_str(&format!(
                    "{:<5} {:<15} {:<40} {} {} ({})\n",
                    r.member.id,
                    r.member.role.as_str(),
                    r.email,
                    r.first_name,
                    r.last_name,
                    r.office_name.as_deref().unwrap_or("no office"),
                ));
            }
            Ok(out.trim_end().to_owned())
        }
        other => Err(CliError::Usage(format!("unknown staff command `{other}`"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn options_are_read_once_and_typos_refused() {
        let a = args("--email a@b.se --role admin");
        assert_eq!(option(&a, "--email").unwrap(), Some("a@b.se"));
        assert_eq!(option(&a, "--office").unwrap(), None);
        assert!(only(&a, &["--email", "--role"]).is_ok());
        assert!(only(&a, &["--email"]).is_err());
        assert!(option(&args("--email"), "--email").is_err());
        assert!(option(&args("--email --role admin"), "--email").is_err());
        assert!(option(&args("--email a --email b"), "--email").is_err());
    }
}
