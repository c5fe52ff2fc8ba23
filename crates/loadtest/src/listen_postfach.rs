//! `listen`, part 3 (issue 13): the client's Vermittlungspostfach
//! (`GET /postfach/vermittlung`, 20 threads a page) and document list
//! (`GET /bescheide`, 20 documents a page) on a database with 10 000
//! clients, 100 mailbox threads and 20 published documents each, beside
//! the same pages on an almost empty one; and the server CPU of a mailbox
//! view beside a view of the profile start page (`GET /profil`).
//!
//! Only the measured client's rows are ever decrypted, so only theirs carry
//! real sealed subjects and titles (bound to the row id, as the server
//! seals them); everybody else's are bulk rows with a placeholder.

use crate::listen::{Sql, spread};
use anyhow::{Context, ensure};
use jobcenter::app::AppState;
use reqwest::header::COOKIE;
use std::time::Duration;

/// Server CPU of a mailbox view at most this multiple of a profile view.
pub const CPU_TARGET: f64 = 2.0;

/// The measured client's threads: this many in the Vermittlungspostfach
/// (enough for a full 4th page at 20 a page) …
const OWN_VERMITTLUNG: i64 = 90;
/// … and this many in the Leistungspostfach; 100 in all, as everybody's
/// in the large database. The same in both databases.
const OWN_LEISTUNG: i64 = 10;
/// The measured client's documents in the small database (the large one
/// gives them as many as everybody else: 20).
const OWN_DOCUMENTS_SMALL: i64 = 25;

/// Fills mailbox threads and documents: the measured client's (client
/// number 0) sealed row by row, and, with `threads_each` / `documents_each`
/// above 0, everybody else's in bulk. Everybody else's documents are
/// retrieved (the steady state: housekeeping's retrieval-period sweep
/// reads and opens every waiting document, so placeholder titles must not
/// wait); the measured client's are new and within the retrieval period.
#[allow(clippy::too_many_arguments)]
pub async fn fill(
    state: &AppState,
    sql: &Sql,
    clients: i64,
    threads_each: i64,
    documents_each: i64,
    office: &str,
    publisher: &str,
    now: i64,
) -> anyhow::Result<()> {
    let me = format!("{:08x}-0000-7000-8000-{:012x}", 1, 0);
    let others = clients - 1;
    let mut statements = Vec::new();
    if threads_each > 0 {
        statements.push(sql.insert(
            "mailbox_threads (id, client_id, office_id, mailbox, concern, subject_sealed, created_at, last_message_at,
                              client_unread, staff_unread, messages)",
            &format!(
                "{id}, {client}, '{office}', CASE i % 2 WHEN 0 THEN 'leistung' ELSE 'vermittlung' END,
                 CASE i % 2 WHEN 0 THEN 'antrag' ELSE 'bewerbung' END, 'platzhalter', {t} - 86400, {t},
                 CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 5 = 0 THEN 1 ELSE 0 END, 1 + i % 4",
                id = sql.id(5, "i"),
                client = sql.id(1, &format!("1 + i % {others}")),
                t = spread(now, 2_654_435_761),
            ),
            others * threads_each,
        ));
    }
    if documents_each > 0 {
        statements.push(sql.insert(
            "decisions (id, client_id, office_id, kind, title_sealed, document_date, level, object_key, envelope, bytes, sha256,
                        published_by, published_at, delivery, notified_at, retrieved_at, announced_on, objection_until)",
            &format!(
                "{id}, {client}, '{office}', CASE i % 3 WHEN 0 THEN 'bescheid' WHEN 1 THEN 'nachweis' ELSE 'schreiben' END,
                 'platzhalter', '2026-11-20', 'substantiell', 'bescheide/lt-' || {i}, 'umschlag', 123456, 'sha256', NULL, {t},
                 'online', {t}, {t} + 3600, '2026-11-21', CASE i % 3 WHEN 0 THEN '2026-12-21' ELSE NULL END",
                id = sql.id(6, "i"),
                client = sql.id(1, &format!("1 + i % {others}")),
                i = sql.text("i"),
                t = spread(now, 2_246_822_519),
            ),
            others * documents_each,
        ));
    }
    for statement in statements {
        let mut tx = state.db.begin().await?;
        sqlx::query(sqlx::AssertSqlSafe(statement.as_str()))
            .execute(&mut *tx)
            .await
            .with_context(|| statement.chars().take(120).collect::<String>())?;
        tx.commit().await?;
    }

    let own_documents = if documents_each > 0 { documents_each } else { OWN_DOCUMENTS_SMALL };
    let mut tx = state.db.begin().await?;
    for k in 0..OWN_VERMITTLUNG + OWN_LEISTUNG {
        let id = jobcenter::db::new_id();
        let (mailbox, concern) = if k < OWN_VERMITTLUNG { ("vermittlung", "bewerbung") } else { ("leistung", "antrag") };
        let at = now - 60 - k * 7_200;
        sqlx::query(
            "INSERT INTO mailbox_threads (id, client_id, office_id, mailbox, concern, subject_sealed, created_at, last_message_at,
                 client_unread, staff_unread, messages)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)",
        )
        .bind(&id)
        .bind(&me)
        .bind(office)
        .bind(mailbox)
        .bind(concern)
        .bind(state.secrets.seal(&id, format!("Bewerbung als Fachkraft Lagerlogistik, Nr. {k}").as_bytes()))
        .bind(at - 86_400)
        .bind(at)
        .bind(k % 3)
        .bind(1 + k % 4)
        .execute(&mut *tx)
        .await?;
    }
    for k in 0..own_documents {
        let id = jobcenter::db::new_id();
        let kind = ["bescheid", "nachweis", "schreiben"][(k % 3) as usize];
        // Within the retrieval period, so that housekeeping leaves them.
        let at = now - 120 - k * 600;
        sqlx::query(
            "INSERT INTO decisions (id, client_id, office_id, kind, title_sealed, document_date, level, object_key, envelope, bytes,
                 sha256, published_by, published_at, delivery, notified_at)
             VALUES ($1, $2, $3, $4, $5, '2026-11-20', 'substantiell', $6, 'umschlag', 123456, 'sha256', $7, $8, 'online', $8)",
        )
        .bind(&id)
        .bind(&me)
        .bind(office)
        .bind(kind)
        .bind(state.secrets.seal(&id, format!("Bewilligungsbescheid Bürgergeld, Änderung Nr. {k}").as_bytes()))
        .bind(format!("bescheide/{id}"))
        .bind(publisher)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The measured pages of this part: name, first page, whether the deep
/// page (by `nach` links) exists. The client has only 20 documents.
pub fn pages() -> [(&'static str, &'static str, bool); 2] {
    [("Postfach", "/postfach/vermittlung", true), ("Bescheide", "/bescheide", false)]
}

/// Server CPU per view of the profile start page and of the mailbox.
pub struct Cpu {
    pub requests: usize,
    pub profile_ms: f64,
    pub mailbox_ms: f64,
}

impl Cpu {
    pub fn ratio(&self) -> f64 {
        self.mailbox_ms / self.profile_ms
    }
}

/// `requests` sequential views of each page on one server (after a
/// warm-up), in five alternating blocks so that both see the same drift;
/// the server's CPU ticks (user + system) around each block.
pub async fn cpu(http: &reqwest::Client, base: &str, pid: u32, cookie: &str, requests: usize, warmup: usize) -> anyhow::Result<Cpu> {
    const ROUNDS: usize = 5;
    let pages = ["/profil", "/postfach/vermittlung"];
    for path in pages {
        for _ in 0..warmup {
            view(http, base, path, cookie).await?;
        }
    }
    let per_round = requests.div_ceil(ROUNDS);
    let mut ticks = [0u64; 2];
    let pid = pid.to_string();
    for _ in 0..ROUNDS {
        for (k, path) in pages.iter().enumerate() {
            let before = crate::procfs::process_cpu_ticks(&pid)?;
            for _ in 0..per_round {
                view(http, base, path, cookie).await?;
            }
            ticks[k] += crate::procfs::process_cpu_ticks(&pid)?.saturating_sub(before);
        }
    }
    let n = per_round * ROUNDS;
    let per_view = |t: u64| t as f64 / crate::procfs::TICKS_PER_SEC * 1000.0 / n as f64;
    Ok(Cpu { requests: n, profile_ms: per_view(ticks[0]), mailbox_ms: per_view(ticks[1]) })
}

async fn view(http: &reqwest::Client, base: &str, path: &str, cookie: &str) -> anyhow::Result<()> {
    let r = http.get(format!("{base}{path}")).header(COOKIE, cookie).timeout(Duration::from_secs(60)).send().await?;
    ensure!(r.status() == 200, "GET {path}: status {}", r.status());
    r.bytes().await?;
    Ok(())
}

/// The result line and, if missed, the verdict line.
pub fn report(cpu: &Cpu, missed: &mut Vec<String>) {
    println!(
        "Server CPU per view (large database, {} sequential views each): GET /postfach/vermittlung {:.2} ms, GET /profil {:.2} ms: {:.2}× (target ≤ {CPU_TARGET}×).",
        cpu.requests,
        cpu.mailbox_ms,
        cpu.profile_ms,
        cpu.ratio()
    );
    if cpu.ratio() > CPU_TARGET {
        missed.push(format!(
            "TARGET MISSED: a mailbox view costs {:.2}× a profile view in server CPU ({:.2} ms vs {:.2} ms)",
            cpu.ratio(),
            cpu.mailbox_ms,
            cpu.profile_ms
        ));
    }
}
