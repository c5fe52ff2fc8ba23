//! "Ihre Dienststelle vor Ort" (POR-6, MOB-1 "Mein Jobcenter"): the office
//! directory operators load (`crates/dienststellen`, docs/DIENSTSTELLEN.md),
//! "Dienststelle finden" by postcode and the office page with "Jetzt
//! geöffnet" / "Öffnet wieder …".
//!
//! - [`store`]: the loaded directory (the checked file as JSON and the
//!   postcode index), replaced in one transaction; each node keeps the
//!   newest parsed ([`aktuell`]).
//! - [`seiten`]: the public pages.

pub mod seiten;
pub mod store;

use crate::app::AppState;
use dienststellen::Verzeichnis;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

/// A loaded directory: its version and where each office is.
pub struct Geladen {
    pub version: String,
    pub verzeichnis: Verzeichnis,
    /// Office id → (jobcenter index, office index).
    pub dienststellen: HashMap<String, (usize, usize)>,
}

impl Geladen {
    fn neu(version: String, verzeichnis: Verzeichnis) -> Self {
        let mut dienststellen = HashMap::new();
        for (i, jc) in verzeichnis.jobcenter.iter().enumerate() {
            for (j, d) in jc.dienststellen.iter().enumerate() {
                dienststellen.insert(d.id.clone(), (i, j));
            }
        }
        Self { version, verzeichnis, dienststellen }
    }

    /// The office `id` with its jobcenter.
    pub fn dienststelle(&self, id: &str) -> Option<(&dienststellen::Jobcenter, &dienststellen::Dienststelle)> {
        let &(i, j) = self.dienststellen.get(id)?;
        let jc = &self.verzeichnis.jobcenter[i];
        Some((jc, &jc.dienststellen[j]))
    }

    pub fn jobcenter(&self, id: &str) -> Option<&dienststellen::Jobcenter> {
        self.verzeichnis.jobcenter.iter().find(|j| j.id == id)
    }
}

/// The parsed directory of this node, by version (a cache: the database
/// says which version is current).
static CACHE: LazyLock<RwLock<Option<Arc<Geladen>>>> = LazyLock::new(Default::default);

/// The current directory; `None` before the first import.
pub async fn aktuell(state: &AppState) -> anyhow::Result<Option<Arc<Geladen>>> {
    let Some(version) = store::version(&state.db.pool).await? else { return Ok(None) };
    if let Some(g) = CACHE.read().map_err(|_| anyhow::anyhow!("directory cache poisoned"))?.as_ref()
        && g.version == version
    {
        return Ok(Some(g.clone()));
    }
    let json = store::json(&state.db.pool, &version).await?;
    let verzeichnis = dienststellen::lesen_json(&json).map_err(|f| anyhow::anyhow!("stored directory {version} unreadable: {f:?}"))?;
    let g = Arc::new(Geladen::neu(version, verzeichnis));
    *CACHE.write().map_err(|_| anyhow::anyhow!("directory cache poisoned"))? = Some(g.clone());
    Ok(Some(g))
}

/// `jobcenter admin import-dienststellen FILE`: checks the whole file
/// (every problem with its line; nothing stored if there is one), then
/// replaces the directory in one transaction.
pub async fn importieren(
    state: &AppState,
    name: &str,
    bytes: &[u8],
    fortschritt: impl FnMut(usize, usize),
) -> anyhow::Result<Result<store::Umfang, Vec<dienststellen::Fehler>>> {
    let v = match dienststellen::lesen(name, bytes) {
        Ok(v) => v,
        Err(fehler) => return Ok(Err(fehler)),
    };
    let (_, umfang) = store::ersetzen(&state.db, &v, state.now(), fortschritt).await?;
    Ok(Ok(umfang))
}
