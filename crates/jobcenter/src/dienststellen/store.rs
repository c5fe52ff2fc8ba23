//! The SQL of the office directory. An import writes a new version (the
//! whole checked file as JSON, the postcode index) and removes the older
//! ones in the same transaction, so a reader sees either the old or the
//! new directory, never a mix.

use crate::db::{Db, new_id};
use dienststellen::Verzeichnis;
use sqlx::AnyPool;

/// Rows per INSERT of the postcode index (3 parameters each).
const STAPEL: usize = 300;

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Umfang {
    pub jobcenter: usize,
    pub dienststellen: usize,
    pub postleitzahlen: usize,
}

/// Replaces the directory; `fortschritt(done, total)` is called after each
/// batch of postcodes.
pub async fn ersetzen(db: &Db, v: &Verzeichnis, now: i64, mut fortschritt: impl FnMut(usize, usize)) -> anyhow::Result<(String, Umfang)> {
    let zeilen: Vec<(&str, &str, &str)> = v
        .jobcenter
        .iter()
        .flat_map(|jc| jc.zustaendigkeit.iter().map(move |z| (z.plz.as_str(), jc.id.as_str(), z.gebiet.as_deref().unwrap_or(""))))
        .collect();
    let umfang = Umfang {
        jobcenter: v.jobcenter.len(),
        dienststellen: v.jobcenter.iter().map(|j| j.dienststellen.len()).sum(),
        postleitzahlen: zeilen.len(),
    };
    let id = new_id();
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM directory_versions").execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO directory_versions (id, directory_json, jobcenters, offices, postcodes, loaded_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(v.als_json())
    .bind(i64::try_from(umfang.jobcenter)?)
    .bind(i64::try_from(umfang.dienststellen)?)
    .bind(i64::try_from(umfang.postleitzahlen)?)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    for (n, stapel) in zeilen.chunks(STAPEL).enumerate() {
        let werte: Vec<String> = (0..stapel.len()).map(|i| format!("($1, ${}, ${}, ${})", 3 * i + 2, 3 * i + 3, 3 * i + 4)).collect();
        let sql = format!("INSERT INTO directory_postcodes (version_id, postcode, jobcenter_id, area) VALUES {}", werte.join(", "));
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&id);
        for (plz, jc, gebiet) in stapel {
            q = q.bind(*plz).bind(*jc).bind(*gebiet);
        }
        q.execute(&mut *tx).await?;
        fortschritt((n * STAPEL + stapel.len()).min(zeilen.len()), zeilen.len());
    }
    tx.commit().await?;
    Ok((id, umfang))
}

/// The current version's id.
pub async fn version(pool: &AnyPool) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT id FROM directory_versions ORDER BY loaded_at DESC, id DESC LIMIT 1").fetch_optional(pool).await
}

/// The stored directory of `version`.
pub async fn json(pool: &AnyPool, version: &str) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT directory_json FROM directory_versions WHERE id = $1").bind(version).fetch_one(pool).await
}

/// The jobcenters responsible for `plz` with the area each covers ('' when
/// it is the only one).
pub async fn zustaendig(pool: &AnyPool, version: &str, plz: &str) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT jobcenter_id, area FROM directory_postcodes WHERE version_id = $1 AND postcode = $2 ORDER BY area, jobcenter_id")
        .bind(version)
        .bind(plz)
        .fetch_all(pool)
        .await
}
