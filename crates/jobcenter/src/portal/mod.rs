//! Portal: the client's jobcenter business (PRF, OKO, POR). It asks Konto
//! one question through [`SignedIn`]: which account, at which level, acting
//! for which profile — and answers the last part itself with the
//! [`ClientProfile`] extractor, which re-checks the session's profile
//! against the account on every request. Ids never come from the URL or a
//! form, except when switching profiles, which checks ownership too.

pub mod antraege;
pub mod auswahl;
pub mod bearbeiten;
pub mod bescheide;
pub mod dokumente;
pub mod freischaltung;
pub mod handelnd;
pub mod online_kommunikation;
pub mod postfach;
pub mod profil;
pub mod store;
pub mod termine;
pub mod verlauf;

use crate::app::AppState;
use crate::web::ctx::Ctx;
use crate::web::session::Session;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;

pub use store::Profile;

/// Where "Profil auswählen" lives (PRF-1).
pub const SELECT_PATH: &str = "/profil-auswaehlen";
/// The profile start page (POR-1).
pub const START_PATH: &str = "/profil";

/// A signed-in request acting for the account's OWN client profile
/// (relation `self`), valid now: for what only the client may do — consents,
/// settings, profile data (REP-2: a representative may not). A session
/// without a profile, or with one that no longer belongs to the account
/// (removed, expired, taken over by another account), is sent to "Profil
/// auswählen"; a representative's profile gets 403; a stranger the login.
/// Acting for a client with a right goes through
/// [`handelnd::Handelnd`], which also admits representatives.
#[derive(Debug, Clone)]
pub struct ClientProfile {
    pub ctx: Ctx,
    pub session: Session,
    pub profile: Profile,
    mandat: handelnd::Mandat,
}

impl ClientProfile {
    /// The client's mandate on their own profile (every right).
    pub fn mandat(&self) -> handelnd::Mandat {
        self.mandat.clone()
    }
}

impl FromRequestParts<AppState> for ClientProfile {
    type Rejection = Response;

    /// [`handelnd::AktivesProfil`] (the session's profile, re-checked),
    /// restricted to the client's own one.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let p = handelnd::AktivesProfil::from_request_parts(parts, state).await?;
        if *p.mandat.beziehung() != handelnd::Beziehung::Selbst {
            return Err(handelnd::kein_recht(state, &p.ctx));
        }
        Ok(Self { ctx: p.ctx, session: p.session, profile: p.profile, mandat: p.mandat })
    }
}

/// Where a completed login goes when it has no target of its own: staff to
/// the back office, a client with a "Standardprofil" to its start page,
/// everyone else to "Profil auswählen".
pub async fn start_for(state: &AppState, account_id: &str) -> sqlx::Result<String> {
    let row: (i64, i64) = sqlx::query_as(
        "SELECT
           (SELECT COUNT(*) FROM staff WHERE account_id = $1 AND active = 1),
           (SELECT COUNT(*) FROM profiles WHERE account_id = $1 AND is_default = 1 AND valid_from <= $2
              AND (valid_until IS NULL OR valid_until > $2))",
    )
    .bind(account_id)
    .bind(state.now())
    .fetch_one(&state.db.pool)
    .await?;
    Ok(start_path(row.0 > 0, row.1 > 0).to_owned())
}

/// The rule of [`start_for`], for callers that read the two facts
/// themselves (the login's landing, in one statement with its own).
pub fn start_path(is_staff: bool, has_standardprofil: bool) -> &'static str {
    if is_staff {
        "/backoffice"
    } else if has_standardprofil {
        START_PATH
    } else {
        SELECT_PATH
    }
}

/// What the portal does when an account is deleted (ACC-12), in the
/// deletion's transaction: the client's own profiles lose their online
/// channel — nobody could open the mailbox any more — so letters go by post
/// again (OKO-3); the revocation is journaled as done by the system. The
/// profiles themselves go with the account (foreign keys, migration 0009).
pub async fn before_account_deletion(
    tx: &mut crate::db::Tx,
    account_id: &str,
    request: &crate::audit::Actor,
    now: i64,
) -> anyhow::Result<()> {
    let clients: Vec<String> = sqlx::query_scalar("SELECT client_id FROM profiles WHERE account_id = $1 AND relation = 'self'")
        .bind(account_id)
        .fetch_all(&mut **tx)
        .await?;
    for client_id in clients {
        if store::online_status_of(&mut **tx, &client_id).await?.active {
            store::append_consent_of(tx, &client_id, account_id, "revoked", online_kommunikation::TEXT_VERSION, now).await?;
            let bezug = crate::journal::Direkt { client_id, akteur: crate::journal::Akteur::System };
            let details = serde_json::json!({"reason": "account_deleted"});
            crate::journal::record(tx, &bezug, crate::journal::Ereignis::OnlineEinwilligungWiderrufen, details, request, now).await?;
        }
    }
    Ok(())
}
