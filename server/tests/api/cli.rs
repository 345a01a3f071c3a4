//! The binary itself: bad configuration stops it with one clear line.

use std::process::Command;

fn run(vars: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidbok"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

#[test]
fn a_bad_value_stops_start_up_with_one_line_naming_the_variable() {
    for (var, value) in [
        ("DATABASE_URL", "mysql://localhost/x"),
        ("TIDBOK_ADDR", "not-an-address"),
        ("TIDBOK_ENV", "staging"),
    ] {
        let out = run(&[(var, value)], &[]);
        assert_eq!(out.status.code(), Some(2), "{var}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(var), "{stderr}");
    }
}

#[test]
fn help_lists_the_commands_and_every_variable() {
    let out = run(&[], &["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "demo-data",
        "DATABASE_URL",
        "TIDBOK_ADDR",
        "TIDBOK_LOG",
        "TIDBOK_SESSION_SECRET",
        "bootstrapping: the first administrator",
        "/personal/admin/konton",
    ] {
        assert!(text.contains(needle), "{needle} missing from --help");
    }
}

#[test]
fn an_unknown_command_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let out = run(&[("DATABASE_URL", &url)], &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("frobnicate"));
}

#[test]
fn demo_data_command_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/demo.db", dir.path().display());
    let first = run(&[("DATABASE_URL", &url)], &["demo-data"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("Loaded "));
    let second = run(&[("DATABASE_URL", &url)], &["demo-data"]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("already has offices"));
}
