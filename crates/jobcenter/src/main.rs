//! `jobcenter`: the one binary. `jobcenter serve` runs the portal.

use clap::{Parser, Subcommand};
use jobcenter::app::{AppState, Overrides};
use jobcenter::config::Config;

#[derive(Parser)]
#[command(name = "jobcenter", about = "Jobcenter Digital – Konto, Portal und Backoffice", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web server (and the background worker unless JOBCENTER_RUN_WORKER=false).
    Serve,
    /// Applies database migrations and exits.
    Migrate,
    /// Runs only the background worker (outbox, housekeeping).
    Worker,
    /// Checks the hash chain of the audit trail.
    AuditVerify,
}

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("Fehler: {e:#}");
        std::process::exit(1);
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::load()?;
    init_logging(&config.log_format, &config.log);
    let state = AppState::build(config, Overrides::default()).await?;
    match cli.command {
        Command::Serve => {
            let listener = tokio::net::TcpListener::bind(state.config.listen)
                .await
                .map_err(|e| anyhow::anyhow!("JOBCENTER_LISTEN: {} kann nicht geöffnet werden: {e}", state.config.listen))?;
            tracing::info!(
                listen = %state.config.listen,
                public_url = %state.config.public_url,
                local_mail = state.config.local_mail(),
                "Jobcenter Digital läuft"
            );
            let shutdown = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            jobcenter::server::serve(state, listener, shutdown).await
        }
        Command::Migrate => {
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Worker => {
            jobcenter::server::spawn_worker(&state)?;
            tokio::signal::ctrl_c().await?;
            Ok(())
        }
        Command::AuditVerify => {
            let n = jobcenter::audit::verify_chain(&state.db.pool).await?;
            println!("Audit-Kette unversehrt: {n} Ereignisse");
            Ok(())
        }
    }
}

fn init_logging(format: &str, directives: &str) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}
