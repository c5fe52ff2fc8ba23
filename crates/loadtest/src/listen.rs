//! `listen`: the lists that grow without bound — the staff inbox
//! (`GET /backoffice/aufgaben?ansicht=team|offen|meine`) and the client's
//! Verlauf (`GET /profil/verlauf`), 50 rows a page, keyset-paged — on a
//! large database (10 000 clients, 1 000 000 work items in one office,
//! 1 000 000 client events, 100 000 of them the measured client's), beside
//! the same pages on an almost empty database measured in the same run.
//!
//! Both databases are filled directly (bulk `INSERT … SELECT` over a number
//! series, in one transaction per table) with the server stopped; then two
//! release servers run side by side, one per database, and every page is
//! requested alternately from both, one request at a time, so that the
//! reference sees the same machine at the same moment. Target: p99 on the
//! large database ≤ 1.5 × p99 on the small one.
//!
//! The client's mailbox and document list (100 threads and 20 documents
//! per client) and the server CPU of a mailbox view: `listen_postfach`.

use crate::accounts::{self, Fixture, PASSWORD};
use crate::listen_postfach;
use crate::server::{self, Server};
use anyhow::{Context, bail, ensure};
use jobcenter::backoffice::cli::{self, NewStaff};
use jobcenter::backoffice::store::NewOffice;
use jobcenter::konto::mfa::totp;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// p99 on the large database may be at most this multiple of the small one's.
const TARGET: f64 = 1.5;

/// Settings of the `listen` scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct ListenArgs {
    /// Measured requests per page and database (alternating between the two).
    #[arg(long, default_value_t = 300)]
    pub requests: usize,
    /// Unmeasured requests per page and database before the measured ones.
    #[arg(long, default_value_t = 20)]
    pub warmup: usize,
    /// The deep page: reached by following the `nach` link this many times.
    #[arg(long, default_value_t = 3)]
    pub depth: usize,
    /// Work items in the large database (all in one office).
    #[arg(long, default_value_t = 1_000_000)]
    pub work_items: i64,
    /// Client events in the large database.
    #[arg(long, default_value_t = 1_000_000)]
    pub events: i64,
    /// Of those, the measured client's own.
    #[arg(long, default_value_t = 100_000)]
    pub own_events: i64,
    /// Clients in the large database.
    #[arg(long, default_value_t = 10_000)]
    pub clients: i64,
    /// Sequential views of `/profil` and of `/postfach/vermittlung` each
    /// for the server CPU per view (large database).
    #[arg(long, default_value_t = 2_000)]
    pub cpu_requests: usize,
    /// Run on PostgreSQL instead of SQLite: the server's URL without a
    /// database (e.g. `postgres://root@127.0.0.1:5432`); two fresh databases
    /// are created there and dropped at the end.
    #[arg(long)]
    pub postgres: Option<String>,
    /// Keep the data directories (and PostgreSQL databases) for EXPLAIN.
    #[arg(long)]
    pub keep: bool,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
}

/// The size of one database.
#[derive(Debug, Clone, Copy)]
struct Scale {
    clients: i64,
    /// Staff of the office, the measured member first.
    staff: i64,
    work_items: i64,
    events: i64,
    own_events: i64,
    /// Mailbox threads and documents of every other client.
    threads_each: i64,
    documents_each: i64,
}

/// The reference: just enough rows that every measured page is full and
/// the deep page exists (4 000 work items: 600 open in the member's team,
/// 200 in the member's own hands; 400 own events).
/// The measured client's own threads and documents are in
/// `listen_postfach`.
const SMALL: Scale = Scale { clients: 10, staff: 2, work_items: 4_000, events: 500, own_events: 400, threads_each: 0, documents_each: 0 };

/// A filled database with the two people who read it.
struct Filled {
    fixture: Fixture,
    staff: Person,
    client: Person,
    /// The PostgreSQL database to drop at the end, with the admin URL.
    pg: Option<(String, String)>,
}

struct Person {
    email: String,
    secret: Vec<u8>,
}

/// The `listen` scenario.
pub fn listen(args: &ListenArgs) -> anyhow::Result<()> {
    ensure!(args.requests > 0 && args.own_events <= args.events && args.clients >= 2, "check --requests, --own-events, --clients");
    let machine = crate::report::Machine::detect();
    let engine = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("loadtest listen ({engine}) — {}", machine.describe());
    let server_bin = server::locate(args.server.clone())?;
    let large = Scale {
        clients: args.clients,
        staff: 20,
        work_items: args.work_items,
        events: args.events,
        own_events: args.own_events,
        threads_each: 100,
        documents_each: 20,
    };
    let master_key = accounts::random_master_key();
    let runtime = crate::client_runtime()?;
    runtime.block_on(async {
        println!("[1/4] small database: {SMALL:?} …");
        let t = Instant::now();
        let small = fill("klein", SMALL, &master_key, args.postgres.as_deref()).await?;
        println!("      {} in {:.1} s", small.fixture.dir.path().display(), t.elapsed().as_secs_f64());
        println!("[2/4] large database: {large:?} …");
        let t = Instant::now();
        let big = fill("gross", large, &master_key, args.postgres.as_deref()).await?;
        println!("      {} in {:.1} s", big.fixture.dir.path().display(), t.elapsed().as_secs_f64());

        println!("[3/4] starting both servers, signing in staff (TOTP) and client on each …");
        let env = [("JOBCENTER_MASTER_KEY".to_owned(), master_key.clone())];
        let srv_small = Server::start(&server_bin, &small.fixture, &env).await?;
        let srv_big = Server::start(&server_bin, &big.fixture, &env).await?;
        let outcome = measure(args, &srv_small, &srv_big, &small, &big).await;
        let peak = crate::procfs::status_kib(srv_big.pid, "VmHWM").unwrap_or(0);
        let log = srv_big.log_tail(5);
        srv_small.stop().await?;
        srv_big.stop().await?;
        let (rows, cpu) = outcome.with_context(|| format!("last lines of the large server's log: {log:?}"))?;
        report(args, engine, &machine, &rows, &cpu, peak);
        for filled in [small, big] {
            finish(filled, args.keep).await?;
        }
        anyhow::Ok(())
    })
}

/// One measured page: both latency series, the rows each page showed.
struct Row {
    name: String,
    rows: (usize, usize),
    small: Vec<Duration>,
    big: Vec<Duration>,
}

/// Signs in on both servers, finds the deep pages by following `nach`
/// links, then requests every page alternately from both servers.
async fn measure(
    args: &ListenArgs,
    srv_small: &Server,
    srv_big: &Server,
    small: &Filled,
    big: &Filled,
) -> anyhow::Result<(Vec<Row>, listen_postfach::Cpu)> {
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(120)).build()?;
    let sides = [(srv_small, small), (srv_big, big)];
    let mut cookies = Vec::new();
    for (srv, filled) in sides {
        let staff = sign_in(&http, &srv.base, &filled.staff, "/backoffice").await.context("staff login")?;
        let client = sign_in(&http, &srv.base, &filled.client, "/profil").await.context("client login")?;
        cookies.push((staff, client));
    }
    let mut pages = Vec::new();
    for view in ["team", "offen", "meine"] {
        pages.push((format!("Aufgaben {view}"), format!("/backoffice/aufgaben?ansicht={view}"), true, true));
    }
    pages.push(("Verlauf".to_owned(), "/profil/verlauf".to_owned(), false, true));
    for (name, path, deep) in listen_postfach::pages() {
        pages.push((name.to_owned(), path.to_owned(), false, deep));
    }

    println!("[4/4] {} warm-up + {} measured requests per page and database, alternating …", args.warmup, args.requests);
    let mut rows = Vec::new();
    for (name, first, staff, has_deep) in pages {
        // The deep page of each database, by its own links.
        let mut deep = Vec::new();
        for (i, (srv, _)) in sides.iter().enumerate().filter(|_| has_deep) {
            let cookie = if staff { &cookies[i].0 } else { &cookies[i].1 };
            let mut path = first.clone();
            for step in 0..args.depth {
                let (_, next) = get(&http, &srv.base, &path, cookie).await?;
                path = next.with_context(|| format!("{name}: no next page after {} pages on {}", step + 1, srv.base))?;
            }
            deep.push(path);
        }
        let mut variants = vec![("page 1".to_owned(), [first.clone(), first.clone()])];
        if has_deep {
            variants.push((format!("page {}", args.depth + 1), [deep[0].clone(), deep[1].clone()]));
        }
        for (label, paths) in variants {
            let mut series: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
            let mut shown = [0, 0];
            for n in 0..args.warmup + args.requests {
                // Alternate which database goes first.
                for k in [n % 2, 1 - n % 2] {
                    let cookie = if staff { &cookies[k].0 } else { &cookies[k].1 };
                    let t = Instant::now();
                    let (body, _) = get(&http, &sides[k].0.base, &paths[k], cookie).await?;
                    let took = t.elapsed();
                    shown[k] = body.matches("<tr").count().saturating_sub(1);
                    if n >= args.warmup {
                        series[k].push(took);
                    }
                }
            }
            let [s, b] = series;
            rows.push(Row { name: format!("{name}, {label}"), rows: (shown[0], shown[1]), small: s, big: b });
            println!("      {name}, {label}: done");
        }
    }
    println!(
        "      server CPU: {} + {} views each of /profil and /postfach/vermittlung on the large server …",
        args.warmup, args.cpu_requests
    );
    let cpu = listen_postfach::cpu(&http, &srv_big.base, srv_big.pid, &cookies[1].1, args.cpu_requests, args.warmup).await?;
    Ok((rows, cpu))
}

/// `GET path` with the session cookie: the body and the next page's path.
async fn get(http: &reqwest::Client, base: &str, path: &str, cookie: &str) -> anyhow::Result<(String, Option<String>)> {
    let r = http.get(format!("{base}{path}")).header(COOKIE, cookie).send().await.with_context(|| format!("GET {path}"))?;
    ensure!(r.status() == 200, "GET {path}: status {} (to {:?})", r.status(), r.headers().get(LOCATION));
    let body = r.text().await?;
    // The "next page" link is the last `nach=` of the page.
    let next = body.rfind("nach=").map(|at| {
        let cursor: String = body[at + 5..].chars().take_while(|c| c.is_ascii_hexdigit() || *c == '.' || *c == '-').collect();
        let base_path = path.split("nach=").next().unwrap_or(path).trim_end_matches(['&', '?']);
        let sep = if base_path.contains('?') { '&' } else { '?' };
        format!("{base_path}{sep}nach={cursor}")
    });
    Ok((body, next))
}

/// Password, then the current TOTP code; returns the session cookie.
async fn sign_in(http: &reqwest::Client, base: &str, who: &Person, landing: &str) -> anyhow::Result<String> {
    let r = http.post(format!("{base}/anmelden")).form(&[("kennung", who.email.as_str()), ("passwort", PASSWORD)]).send().await?;
    let to = location(&r);
    ensure!(r.status() == 303 && to.starts_with("/anmelden/zweiter-faktor"), "POST /anmelden: {} to '{to}'", r.status());
    let cookie = session(&r).context("POST /anmelden: no session cookie")?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() as i64;
    let code = totp::code_at(&who.secret, now.div_euclid(totp::STEP) * totp::STEP);
    let r = http.post(format!("{base}/anmelden/zweiter-faktor")).header(COOKIE, &cookie).form(&[("code", code.as_str())]).send().await?;
    let to = location(&r);
    ensure!(r.status() == 303 && to == landing, "POST /anmelden/zweiter-faktor: {} to '{to}', expected '{landing}'", r.status());
    session(&r).context("POST /anmelden/zweiter-faktor: no session cookie")
}

fn location(r: &reqwest::Response) -> String {
    r.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

fn session(r: &reqwest::Response) -> Option<String> {
    let pairs = r.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).filter_map(|v| v.split(';').next());
    crate::http1::find_cookie(pairs, crate::driver::SESSION_COOKIE).map(str::to_owned)
}

/// Creates and fills one database through the library (migrations, office,
/// staff with TOTP, the client's account with TOTP and its own profile),
/// then bulk rows in SQL; closes it again.
async fn fill(name: &str, scale: Scale, master_key: &str, postgres: Option<&str>) -> anyhow::Result<Filled> {
    let dir = tempfile::Builder::new().prefix(&format!("jobcenter-listen-{name}-")).tempdir()?;
    let (database_url, pg) = match postgres {
        None => (format!("sqlite://{}", dir.path().join("jc.db").display()), None),
        Some(server) => {
            let server = server.trim_end_matches('/');
            let db = format!("jc_listen_{name}_{}", std::process::id());
            let admin = format!("{server}/postgres");
            run_admin(&admin, &format!("CREATE DATABASE {db}")).await?;
            (format!("{server}/{db}"), Some((admin, db)))
        }
    };
    let state = accounts::open_state(dir.path(), &database_url, Some(master_key.to_owned())).await?;
    let o = NewOffice { name: "Jobcenter Lastteststadt", street: "Am Markt 1", postcode: "90402", city: "Nürnberg", phone: "0911 1234-0" };
    let office = cli::create_office(&state, &o).await?;
    let mut staff_ids = Vec::new();
    for i in 0..scale.staff {
        let email = format!("sb{i:02}@listen.example");
        let roles = if i % 2 == 0 { "leistung" } else { "vermittlung" };
        let s = NewStaff { email: &email, display_name: &format!("Sachb. {i:02}"), office: &office, roles, phone: "0911 1234-56" };
        staff_ids.push(cli::create_staff(&state, &s, Some(PASSWORD)).await?.0);
    }
    let client_email = "kundin@listen.example".to_owned();
    let client_account = jobcenter::db::new_id();
    let phc = state.hasher.hash(PASSWORD).await?;
    let now = state.now();
    let sql = Sql { pg: pg.is_some() };
    let mut tx = state.db.begin().await?;
    let email = domain::Email::parse(&client_email).map_err(|e| anyhow::anyhow!("{e}"))?;
    ensure!(jobcenter::konto::store::insert_account(&mut tx, &client_account, &email, &phc, "de", now).await?, "client exists");
    jobcenter::konto::store::confirm_email(&mut tx, &client_account, now).await?;
    let mut secrets = Vec::new();
    for id in [&staff_ids[0], &client_account] {
        let secret = jobcenter::crypto::random_bytes::<20>().to_vec();
        sqlx::query(
            "INSERT INTO totp_factors (account_id, secret_sealed, account_label, created_at, last_step, failed_count, locked_until)
             VALUES ($1, $2, $3, $4, 0, 0, 0)",
        )
        .bind(id)
        .bind(state.secrets.seal(&format!("totp:{id}"), &secret))
        .bind(&state.config.totp_issuer)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE accounts SET passkey_offer_dismissed = 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
        secrets.push(secret);
    }
    tx.commit().await?;

    let staff_case = (0..staff_ids.len()).map(|i| format!("WHEN {i} THEN '{}'", staff_ids[i])).collect::<Vec<_>>().join(" ");
    let statements = [
        sql.insert(
            "clients (id, kundennummer, given_name, family_name, name_search, birth_date, street, postcode, city, bg_number,
                      office_id, pap_staff_id, created_by, created_at, updated_at)",
            &format!(
                "{id}, {knr}, 'Vorname' || {i}, 'Nachname' || {i}, 'vorname' || {i} || ' nachname' || {i}, '1985-03-12',
                 'Beispielweg 7', '90402', 'Nürnberg', '12345BG' || {bg}, '{office}', NULL, '{creator}', {now}, {now}",
                id = sql.id(1, "i"),
                knr = sql.dec("i / 1000000", 3) + " || 'A' || " + &sql.dec("i % 1000000", 6),
                i = sql.text("i"),
                bg = sql.dec("i", 7),
                creator = staff_ids[0],
            ),
            scale.clients,
        ),
        format!(
            "INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at)
                 VALUES ('{}', '{client_account}', {}, 'self', 1, {}, NULL, {now})",
            jobcenter::db::new_id(),
            sql.id(1, "0"),
            now - 3600
        ),
        sql.insert(
            "work_items (id, client_id, office_id, kind, subject_id, team, state, assignee, version, created_at, updated_at)",
            &format!(
                "{id}, {client}, '{office}', 'upload', {subject}, CASE i % 2 WHEN 0 THEN 'leistung' ELSE 'vermittlung' END,
                 CASE WHEN (i / 2) % 10 < 2 THEN 'eingegangen' WHEN (i / 2) % 10 = 2 THEN 'in_bearbeitung' ELSE 'erledigt' END,
                 CASE WHEN (i / 2) % 10 < 2 THEN NULL ELSE CASE (i / 20) % {staff} {staff_case} END END,
                 CASE WHEN (i / 2) % 10 < 2 THEN 1 WHEN (i / 2) % 10 = 2 THEN 2 ELSE 3 END, {t} - 86400, {t}",
                id = sql.id(2, "i"),
                client = sql.id(1, &format!("(i * 7919) % {}", scale.clients)),
                subject = sql.id(3, "i"),
                staff = scale.staff,
                t = spread(now, 2_654_435_761),
            ),
            scale.work_items,
        ),
        sql.insert(
            "client_events (id, client_id, kind, actor_account_id, actor_kind, at, details)",
            &format!(
                "{id}, CASE WHEN i < {own} THEN {me} ELSE {other} END,
                 CASE i % 3 WHEN 0 THEN 'files_sent' WHEN 1 THEN 'item_in_progress' ELSE 'item_done' END, NULL, 'client',
                 {t}, '{{}}'",
                id = sql.id(4, "i"),
                own = scale.own_events,
                me = sql.id(1, "0"),
                other = sql.id(1, &format!("1 + i % {}", scale.clients - 1)),
                t = spread(now, 2_246_822_519),
            ),
            scale.events,
        ),
    ];
    for statement in statements {
        let mut tx = state.db.begin().await?;
        sqlx::query(sqlx::AssertSqlSafe(statement.as_str()))
            .execute(&mut *tx)
            .await
            .with_context(|| statement.chars().take(120).collect::<String>())?;
        tx.commit().await?;
    }
    let docs = scale.documents_each;
    listen_postfach::fill(&state, &sql, scale.clients, scale.threads_each, docs, &office, &staff_ids[0], now).await?;
    if pg.is_some() {
        // Autovacuum would do it within a minute of such a load.
        let mut tx = state.db.begin().await?;
        sqlx::query("ANALYZE").execute(&mut *tx).await?;
        tx.commit().await?;
    }
    accounts::close_state(state).await;
    let mut secrets = secrets.into_iter();
    let (Some(staff_secret), Some(client_secret)) = (secrets.next(), secrets.next()) else { bail!("two TOTP secrets") };
    let staff = Person { email: "sb00@listen.example".into(), secret: staff_secret };
    let client = Person { email: client_email, secret: client_secret };
    let fixture = Fixture { dir, database_url, emails: Vec::new(), setup_time: Duration::ZERO, totp_secrets: Vec::new() };
    Ok(Filled { fixture, staff, client, pg })
}

/// The few SQL spellings that differ between SQLite and PostgreSQL.
pub(crate) struct Sql {
    pg: bool,
}

impl Sql {
    /// `INSERT INTO target SELECT values FROM <0 .. n-1 as i>`.
    pub(crate) fn insert(&self, target: &str, values: &str, n: i64) -> String {
        if self.pg {
            format!("INSERT INTO {target} SELECT {values} FROM generate_series(0::bigint, {n} - 1) AS n(i)")
        } else {
            format!(
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {n}) INSERT INTO {target} SELECT {values} FROM n"
            )
        }
    }

    /// A UUID-shaped id, ascending with `expr`, of the id family `family`.
    pub(crate) fn id(&self, family: u32, expr: &str) -> String {
        let hex = if self.pg { format!("lpad(to_hex({expr}), 12, '0')") } else { format!("printf('%012x', {expr})") };
        format!("('{family:08x}-0000-7000-8000-' || {hex})")
    }

    /// `expr` in decimal with leading zeros to `width` digits.
    fn dec(&self, expr: &str, width: usize) -> String {
        if self.pg { format!("lpad(({expr})::text, {width}, '0')") } else { format!("printf('%0{width}d', {expr})") }
    }

    /// `expr` as text (for concatenation).
    pub(crate) fn text(&self, expr: &str) -> String {
        if self.pg { format!("({expr})::text") } else { format!("({expr})") }
    }
}

/// A time in the last two years, scattered over row number `i` by a
/// multiplicative hash (the same expression twice gives the same time).
pub(crate) fn spread(now: i64, factor: i64) -> String {
    format!("({now} - 60 - (i * {factor}) % {})", 2 * 365 * 86_400)
}

/// One statement on PostgreSQL's admin database.
async fn run_admin(admin_url: &str, statement: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(admin_url).await.with_context(|| format!("connecting to {admin_url}"))?;
    sqlx::query(sqlx::AssertSqlSafe(statement.to_owned())).execute(&mut conn).await.with_context(|| statement.to_owned())?;
    conn.close().await?;
    Ok(())
}

/// Deletes the directory and drops the PostgreSQL database, unless kept.
async fn finish(filled: Filled, keep: bool) -> anyhow::Result<()> {
    if keep {
        println!("kept: {} ({})", filled.fixture.dir.keep().display(), filled.fixture.database_url);
    } else if let Some((admin, db)) = &filled.pg {
        run_admin(admin, &format!("DROP DATABASE {db}")).await?;
    }
    Ok(())
}

fn percentile(series: &[Duration], p: f64) -> Duration {
    let mut sorted = series.to_vec();
    sorted.sort_unstable();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.saturating_sub(1)).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn report(args: &ListenArgs, engine: &str, machine: &crate::report::Machine, rows: &[Row], cpu: &listen_postfach::Cpu, peak_kib: u64) {
    println!();
    println!(
        "== Result: listen, {engine}, {} requests per page and database (one at a time, alternating), {} work items / {} events ({} own) vs {} / {} ({} own) ==",
        args.requests, args.work_items, args.events, args.own_events, SMALL.work_items, SMALL.events, SMALL.own_events
    );
    println!("Machine: {}.", machine.describe());
    println!(
        "{:<26} {:>9}   {:>10} {:>10}   {:>10} {:>10}   {:>7}   target",
        "page", "rows", "p50 large", "p99 large", "p50 small", "p99 small", "p99 ×"
    );
    let mut missed = Vec::new();
    for r in rows {
        let (p99_big, p99_small) = (percentile(&r.big, 99.0), percentile(&r.small, 99.0));
        let ratio = p99_big.as_secs_f64() / p99_small.as_secs_f64();
        println!(
            "{:<26} {:>4}/{:<4}   {:>10} {:>10}   {:>10} {:>10}   {:>6.2}×   ≤ {TARGET}×",
            r.name,
            r.rows.1,
            r.rows.0,
            ms(percentile(&r.big, 50.0)),
            ms(p99_big),
            ms(percentile(&r.small, 50.0)),
            ms(p99_small),
            ratio
        );
        if ratio > TARGET || r.rows.0 != r.rows.1 {
            missed.push(format!(
                "TARGET MISSED: {}: p99 {} vs {} on the small database ({ratio:.2}×, rows {}/{})",
                r.name,
                ms(p99_big),
                ms(p99_small),
                r.rows.1,
                r.rows.0
            ));
        }
    }
    listen_postfach::report(cpu, &mut missed);
    println!("Large server's peak RSS: {:.1} MiB.", peak_kib as f64 / 1024.0);
    for m in &missed {
        println!("{m}");
    }
    if missed.is_empty() {
        println!("All targets met.");
    }
}
