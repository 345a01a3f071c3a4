use server::{
    config::{Config, VARIABLES},
    startup, telemetry,
};
use std::process::ExitCode;

const USAGE: &str = "\
Tidbok – booking first meetings with the public employment service

Usage:
  tidbok              start the web server
  tidbok demo-data    load the demo offices, counsellors, open times and staff accounts into an
                      empty database
  tidbok precompress  compress the built site's scripts, wasm and styles once (brotli, gzip),
                      for the server to send as they are
{STAFF}
  tidbok --help       show this text

Configuration is read from the environment:";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str);
    if matches!(command, Some("--help" | "-h" | "help")) {
        println!("{}", USAGE.replace("{STAFF}", server::staff_cli::USAGE));
        for (name, default, meaning) in VARIABLES {
            println!("  {name:<22} {meaning}\n  {:<22} default: {default}", "");
        }
        return ExitCode::SUCCESS;
    }
    // Needs no database: only the site folder.
    if command == Some("precompress") {
        let root = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
        return match server::precompress::site(std::path::Path::new(&root)) {
            Ok(done) => {
                for c in &done {
                    println!(
                        "{:<40} {:>9} B  gzip {:>8} B  brotli {:>8} B",
                        c.path.display(),
                        c.raw,
                        c.gzip,
                        c.brotli
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("tidbok: could not precompress {root}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("tidbok: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config.log_filter);
    let result = match command {
        None | Some("serve") => serve(config).await,
        Some("demo-data") => demo_data(config).await,
        Some("staff") => staff(config, &args[1..]).await,
        Some(other) => {
            eprintln!("tidbok: unknown command `{other}` (try tidbok --help)");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tidbok: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let mut app = startup::build(&config).await?;
    app.start_notifications(&config).await?;
    let addr = app.local_addr();
    tracing::info!(
        database = app.state().store.backend().name(),
        "Tidbok is running"
    );
    println!("Tidbok is running at http://{addr}/");
    app.run_until_stopped().await?;
    Ok(())
}

async fn demo_data(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let store = app::ssr::store::Store::connect(&config.database_url).await?;
    app::ssr::seed::sync_reference_data(&store).await?;
    match startup::load_demo_data(&store).await? {
        app::ssr::seed::DemoOutcome::AlreadyPresent => {
            println!("The database already has offices; no demo data was added.")
        }
        app::ssr::seed::DemoOutcome::Loaded {
            offices,
            counsellors,
            availability_spans,
            staff_accounts,
            demo_meetings,
        } => println!(
            "Loaded {offices} offices, {counsellors} counsellors, {availability_spans} open time spans, \
             {staff_accounts} staff accounts (password: {}) and {demo_meetings} meetings with demo \
             job seekers in {}'s next week (password: {}).",
            app::ssr::seed::DEMO_STAFF_PASSWORD,
            app::ssr::seed::BUSY_COUNSELLOR,
            app::ssr::seed::DEMO_SEEKER_PASSWORD,
        ),
    }
    store.close().await;
    Ok(())
}

async fn staff(config: Config, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let store = app::ssr::store::Store::connect(&config.database_url).await?;
    let result = server::staff_cli::run(&store, args, server::staff_cli::read_password).await;
    store.close().await;
    println!("{}", result?);
    Ok(())
}
