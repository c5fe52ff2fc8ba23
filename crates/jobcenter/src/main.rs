//! `jobcenter`: the one binary. `jobcenter serve` runs the portal;
//! `jobcenter admin …` manages offices and staff; `jobcenter demo` runs it
//! with demo data.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use jobcenter::app::{AppState, Overrides};
use jobcenter::config::Config;

/// mimalloc instead of glibc's allocator: a request allocates and frees
/// many small buffers, and under a login storm glibc's `malloc`/`free`
/// took about a tenth of the server's CPU besides the password hash
/// (`perf`, docs/BENCHMARKS.md, session 4).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Back-office administration: offices and staff accounts (ADM-1).
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Prepares demo data (an office, a staff login, a client record with a
    /// fresh Freischaltcode), prints them, then runs the web server.
    Demo,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Creates an office (Dienststelle) and prints its id.
    CreateOffice {
        #[arg(long)]
        name: String,
        #[arg(long)]
        street: String,
        #[arg(long)]
        postcode: String,
        #[arg(long)]
        city: String,
        #[arg(long)]
        phone: String,
    },
    /// Creates a staff account (confirmed Konto account plus staff row), or
    /// makes an existing account staff. The password comes from
    /// JOBCENTER_STAFF_PASSWORD or is asked for (never an argument).
    CreateStaff {
        #[arg(long)]
        email: String,
        /// Name shown to colleagues and clients ("Ihr Kontakt").
        #[arg(long)]
        name: String,
        /// Office id or exact office name.
        #[arg(long)]
        office: String,
        /// Comma-separated: service,leistung,vermittlung,admin.
        #[arg(long)]
        roles: String,
        #[arg(long, default_value = "")]
        phone: String,
    },
    /// Key rotation of stored documents: after a new JOBCENTER_MASTER_KEY
    /// (with a new JOBCENTER_MASTER_KEY_ID) was configured and the old key
    /// kept in JOBCENTER_OLD_MASTER_KEYS, re-wraps every document's key with
    /// the new master key. The old key can be removed afterwards.
    Umschluesseln,
    /// Form definitions of the eServices (APP-2, docs/FORMULARE.md).
    #[command(subcommand)]
    Formular(FormularCommand),
    /// Loads the office directory ("Dienststelle finden", docs/DIENSTSTELLEN.md)
    /// from a JSON or CSV file: checks the whole file first (every problem
    /// with its line, nothing stored if there is one), then replaces the
    /// directory in one transaction.
    ImportDienststellen { datei: std::path::PathBuf },
}

#[derive(Subcommand)]
enum FormularCommand {
    /// Checks each file and stores it as a draft ("entwurf"); every problem
    /// is printed with its place, and nothing is stored if one file fails.
    Laden { dateien: Vec<std::path::PathBuf> },
    /// Makes a version live; the version live before is archived.
    Aktivieren { formular: String, version: u32 },
    /// Archives a version: no new applications, its drafts cannot be sent.
    Archivieren { formular: String, version: u32 },
    /// Loads the definitions shipped with this build and makes each live
    /// where no newer version is.
    Mitgelieferte,
    /// Lists every stored version with its state.
    Liste,
}

fn main() {
    if let Err(e) = start() {
        eprintln!("Fehler: {e:#}");
        std::process::exit(1);
    }
}

/// Reads the configuration, sets up logging and the threads
/// ([`jobcenter::runtime`]), then runs the command.
fn start() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::load()?;
    init_logging(&config.log_format, &config.log);
    if config.batch_scheduling
        && let Err(e) = jobcenter::runtime::batch_scheduling()
    {
        tracing::warn!(error = %e, "SCHED_BATCH not available; running with the default policy");
    }
    let runtime = jobcenter::runtime::build(&config)?;
    runtime.block_on(run(cli, config))
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    let state = AppState::build(config, Overrides::default()).await?;
    match cli.command {
        Command::Serve => serve(state).await,
        Command::Migrate => {
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Worker => {
            jobcenter::server::spawn_worker(&state)?;
            tokio::signal::ctrl_c().await?;
            Ok(())
        }
        Command::Admin(cmd) => admin(&state, cmd).await,
        Command::Demo => demo(state).await,
        Command::AuditVerify => {
            let n = jobcenter::audit::verify_chain(&state.db.pool).await?;
            println!("Audit-Kette unversehrt: {n} Ereignisse");
            Ok(())
        }
    }
}

async fn serve(state: AppState) -> anyhow::Result<()> {
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

/// `jobcenter demo`: demo data printed to the console, then the server.
async fn demo(state: AppState) -> anyhow::Result<()> {
    let d = jobcenter::backoffice::cli::demo(&state).await?;
    let base = state.config.base_url();
    println!("\nDemo-Daten für Jobcenter Digital ({base}):");
    println!("  Backoffice:      {base}/backoffice");
    println!("  Anmeldung:       {} / {}", d.staff_email, d.staff_password);
    println!("                   (beim ersten Anmelden TOTP oder Passkey einrichten)");
    println!("  Kundendatensatz: {} ({})", d.client_name, d.kundennummer);
    println!("  Freischaltcode:  {} (gültig bis {})", d.code, d.valid_until);
    println!("  Eingabe:         {base}/freischaltcode?code={}\n", d.code.replace('-', ""));
    serve(state).await
}

/// `jobcenter admin …`.
async fn admin(state: &AppState, cmd: AdminCommand) -> anyhow::Result<()> {
    use jobcenter::backoffice::cli;
    match cmd {
        AdminCommand::CreateOffice { name, street, postcode, city, phone } => {
            let office =
                jobcenter::backoffice::store::NewOffice { name: &name, street: &street, postcode: &postcode, city: &city, phone: &phone };
            let id = cli::create_office(state, &office).await?;
            println!("Dienststelle angelegt: {id}");
        }
        AdminCommand::CreateStaff { email, name, office, roles, phone } => {
            let new = cli::NewStaff { email: &email, display_name: &name, office: &office, roles: &roles, phone: &phone };
            cli::check_staff(state, &new).await?;
            let exists = jobcenter::konto::store::find_by_login(&state.db.pool, &email).await?.is_some();
            let password = if exists { None } else { Some(staff_password()?) };
            let (id, created) = cli::create_staff(state, &new, password.as_deref()).await?;
            if created {
                println!("Mitarbeiterkonto angelegt: {id} ({email}). Beim ersten Anmelden wird ein zweiter Faktor eingerichtet.");
            } else {
                println!("Vorhandenes Konto {id} ({email}) ist jetzt Mitarbeiterkonto mit den Rollen {roles}.");
            }
        }
        AdminCommand::Umschluesseln => {
            let n = jobcenter::portal::dokumente::store::umschluesseln(&state.db, &state.ablage).await?;
            println!("{n} Dokumentenschlüssel mit dem Schlüssel {} neu verpackt.", state.config.master_key_id);
        }
        AdminCommand::Formular(c) => formular(state, c).await?,
        AdminCommand::ImportDienststellen { datei } => dienststellen_importieren(state, &datei).await?,
    }
    Ok(())
}

/// `jobcenter admin import-dienststellen FILE`, with a progress bar on a
/// terminal.
async fn dienststellen_importieren(state: &AppState, datei: &std::path::Path) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};
    let bytes = std::fs::read(datei).with_context(|| format!("{} lesen", datei.display()))?;
    let name = datei.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tty = std::io::stderr().is_terminal();
    let balken = |fertig: usize, gesamt: usize| {
        if tty && gesamt > 0 {
            let breite = 40 * fertig / gesamt;
            eprint!("\r[{}{}] {fertig}/{gesamt} Postleitzahlen", "#".repeat(breite), " ".repeat(40 - breite));
            if fertig == gesamt {
                eprintln!();
            }
            std::io::stderr().flush().ok();
        }
    };
    match jobcenter::dienststellen::importieren(state, &name, &bytes, balken).await? {
        Ok(u) => {
            println!(
                "Verzeichnis ersetzt: {} Jobcenter, {} Dienststellen, {} Postleitzahlen.",
                u.jobcenter, u.dienststellen, u.postleitzahlen
            );
            Ok(())
        }
        Err(fehler) => {
            for f in &fehler {
                eprintln!("{}: {f}", datei.display());
            }
            anyhow::bail!("{} Fehler in {}; nichts geändert.", fehler.len(), datei.display())
        }
    }
}

/// `jobcenter admin formular …`.
async fn formular(state: &AppState, cmd: FormularCommand) -> anyhow::Result<()> {
    use jobcenter::portal::antraege::definitionen as d;
    let now = state.now();
    let aktivieren = matches!(cmd, FormularCommand::Aktivieren { .. });
    match cmd {
        FormularCommand::Laden { dateien } => {
            let mut tx = state.db.begin().await?;
            for f in &dateien {
                let json = std::fs::read_to_string(f).with_context(|| format!("{} lesen", f.display()))?;
                match d::speichern(&mut tx, &json, now).await? {
                    Ok((_, key, version, true)) => println!("{}: \"{key}\" Version {version} als Entwurf gespeichert.", f.display()),
                    Ok((_, key, version, false)) => println!("{}: \"{key}\" Version {version} ist schon gespeichert.", f.display()),
                    Err(a) => anyhow::bail!("{} abgelehnt, nichts gespeichert:\n{a}", f.display()),
                }
            }
            tx.commit().await?;
        }
        FormularCommand::Aktivieren { formular, version } | FormularCommand::Archivieren { formular, version } => {
            let mut tx = state.db.begin().await?;
            let r = if aktivieren {
                d::aktivieren(&mut tx, &formular, version, now).await?
            } else {
                d::archivieren(&mut tx, &formular, version, now).await?
            };
            if let Err(a) = r {
                anyhow::bail!("\"{formular}\" Version {version}: {a}");
            }
            tx.commit().await?;
            println!("\"{formular}\" Version {version} ist {}.", if aktivieren { "live" } else { "archiviert" });
        }
        FormularCommand::Mitgelieferte => {
            let n = d::mitgelieferte(&state.db, now).await?;
            println!("{n} mitgelieferte Definitionen neu gespeichert; {} insgesamt.", d::MITGELIEFERT.len());
        }
        FormularCommand::Liste => {
            for def in d::alle(&state.db.pool).await? {
                println!(
                    "{:<34} v{:<3} {:<10} {}",
                    def.key(),
                    def.formular.dok.version,
                    def.stand.as_str(),
                    def.titel(jobcenter::i18n::Lang::De)
                );
            }
        }
    }
    Ok(())
}

/// The new staff password: from `JOBCENTER_STAFF_PASSWORD`, else asked for
/// on the terminal without echo (never a command-line argument, which
/// would end up in the shell history and the process list).
fn staff_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    if let Ok(p) = std::env::var("JOBCENTER_STAFF_PASSWORD") {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    if tty {
        eprint!("Passwort für das neue Mitarbeiterkonto: ");
        std::io::stderr().flush()?;
        let _ = std::process::Command::new("stty").arg("-echo").stdin(std::process::Stdio::inherit()).status();
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if tty {
        let _ = std::process::Command::new("stty").arg("echo").stdin(std::process::Stdio::inherit()).status();
        eprintln!();
    }
    read?;
    let p = line.trim_end_matches(['\r', '\n']).to_owned();
    if p.is_empty() {
        anyhow::bail!("kein Passwort eingegeben (oder JOBCENTER_STAFF_PASSWORD setzen)");
    }
    Ok(p)
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
