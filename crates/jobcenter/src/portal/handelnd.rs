//! Acting for a client (DESIGN.md section 6, REP-2, REP-3): one extractor
//! family answers "who acts, for which client, with which right".
//!
//! - The client on their own profile (relation `self`) holds every right.
//! - A representative (relation `representative`) holds the rights of a
//!   power of attorney valid now (`powers_of_attorney`), nothing else.
//! - Legal representation (`legal`, REP-3) will plug in here the same way.
//!
//! Handlers name the right in their signature — `Handelnd<Hochladen>` — so
//! a handler without the check does not compile. Store functions take the
//! [`Mandat`] the extractor built (its fields are private: only this module
//! makes one), never a bare client id. The same operation is then callable
//! from an HTML handler and, later, a JSON handler of the Jobcenter-App.

use super::store::{self, Profile};
use crate::app::AppState;
use crate::journal::Akteur;
use crate::web::ctx::{Ctx, SignedIn};
use crate::web::session::{self, Session};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::marker::PhantomData;

/// What a representative may do for a client, exactly as REP-2 lists it.
/// The client on their own profile holds all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recht {
    /// "Postfachnachrichten an das Jobcenter schreiben".
    NachrichtenSchreiben,
    /// "Aktuelle Anträge einsehen".
    AntraegeEinsehen,
    /// "Bescheide und Schreiben einsehen".
    BescheideEinsehen,
    /// "Dokumente hochladen".
    DokumenteHochladen,
    /// "Benachrichtigungen erhalten".
    BenachrichtigungenErhalten,
    /// "Neuen Bürgergeldantrag stellen".
    BuergergeldBeantragen,
    /// "Veränderungsmitteilung senden".
    VeraenderungMitteilen,
    /// "Weiterbewilligungsantrag stellen".
    WeiterbewilligungBeantragen,
}

impl Recht {
    /// Every right, in the order of REP-2.
    pub const ALLE: [Recht; 8] = [
        Recht::NachrichtenSchreiben,
        Recht::AntraegeEinsehen,
        Recht::BescheideEinsehen,
        Recht::DokumenteHochladen,
        Recht::BenachrichtigungenErhalten,
        Recht::BuergergeldBeantragen,
        Recht::VeraenderungMitteilen,
        Recht::WeiterbewilligungBeantragen,
    ];

    /// The name stored in `powers_of_attorney.rights`.
    pub fn as_str(self) -> &'static str {
        match self {
            Recht::NachrichtenSchreiben => "nachrichten",
            Recht::AntraegeEinsehen => "antraege",
            Recht::BescheideEinsehen => "bescheide",
            Recht::DokumenteHochladen => "hochladen",
            Recht::BenachrichtigungenErhalten => "benachrichtigungen",
            Recht::BuergergeldBeantragen => "buergergeld",
            Recht::VeraenderungMitteilen => "veraenderung",
            Recht::WeiterbewilligungBeantragen => "weiterbewilligung",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Parses a stored list; unknown names are dropped (never widen).
    pub fn parse_list(s: &str) -> Vec<Self> {
        s.split(',').filter_map(Self::parse).collect()
    }

    /// The translation key of the right's name (REP-4 lists them).
    pub fn label_key(self) -> String {
        format!("recht-{}", self.as_str())
    }
}

/// A right at the type level, for the extractor's signature.
pub trait RechtMarker: Send + Sync + 'static {
    const RECHT: Recht;
}

macro_rules! rechte {
    ($($name:ident => $recht:ident),* $(,)?) => {$(
        #[doc = concat!("The right [`Recht::", stringify!($recht), "`] in a handler's signature.")]
        #[derive(Debug, Clone)]
        pub struct $name;
        impl RechtMarker for $name {
            const RECHT: Recht = Recht::$recht;
        }
    )*};
}

rechte! {
    Schreiben => NachrichtenSchreiben,
    AntraegeSehen => AntraegeEinsehen,
    BescheideSehen => BescheideEinsehen,
    Hochladen => DokumenteHochladen,
    Benachrichtigt => BenachrichtigungenErhalten,
    Beantragen => BuergergeldBeantragen,
    Mitteilen => VeraenderungMitteilen,
    Weiterbewilligen => WeiterbewilligungBeantragen,
}

/// How the acting account relates to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beziehung {
    /// The client on their own profile.
    Selbst,
    /// A representative under the power of attorney with this id.
    Vertretung { vollmacht_id: String },
}

/// The proof that an account may act for a client with certain rights:
/// what store functions take instead of a client id. Only this module
/// constructs one.
#[derive(Debug, Clone)]
pub struct Mandat {
    account_id: String,
    client_id: String,
    office_id: String,
    beziehung: Beziehung,
    rechte: Vec<Recht>,
}

impl Mandat {
    /// The client acted for.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The client's office (the team that processes their items).
    pub fn office_id(&self) -> &str {
        &self.office_id
    }

    /// The acting account.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    pub fn beziehung(&self) -> &Beziehung {
        &self.beziehung
    }

    /// Whether this mandate holds `recht`.
    pub fn darf(&self, recht: Recht) -> bool {
        self.rechte.contains(&recht)
    }

    /// Who acts, for the journal (REP-3: a representative is recorded as such).
    pub fn akteur(&self) -> Akteur {
        match &self.beziehung {
            Beziehung::Selbst => Akteur::Klient { account_id: self.account_id.clone() },
            Beziehung::Vertretung { vollmacht_id } => {
                Akteur::Vertretung { account_id: self.account_id.clone(), vollmacht_id: vollmacht_id.clone() }
            }
        }
    }
}

/// The profile a session acts for, valid now, of any relation, with the
/// mandate it holds. A session without a profile, or with one that no
/// longer belongs to the account, is sent to "Profil auswählen".
#[derive(Debug, Clone)]
pub struct AktivesProfil {
    pub ctx: Ctx,
    pub session: Session,
    pub profile: Profile,
    pub mandat: Mandat,
}

impl FromRequestParts<AppState> for AktivesProfil {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let signed = SignedIn::from_request_parts(parts, state).await?;
        let internal = |e: sqlx::Error| crate::web::AppError::from(e).into_response();
        let Some(profile_id) = signed.session.profile_id.clone() else {
            return Err(Redirect::to(super::SELECT_PATH).into_response());
        };
        let now = state.now();
        let found = store::own_profile(&state.db.pool, &signed.session.account_id, &profile_id, now).await.map_err(internal)?;
        let Some(profile) = found else {
            session::set_profile(&state.db.writer, &signed.session.id_hash, None).await.map_err(internal)?;
            return Err(Redirect::to(super::SELECT_PATH).into_response());
        };
        let (beziehung, rechte) = match profile.relation.as_str() {
            "self" => (Beziehung::Selbst, Recht::ALLE.to_vec()),
            "representative" => match store::power_of_attorney(&state.db.pool, &profile.id, now).await.map_err(internal)? {
                Some((id, rights)) => (Beziehung::Vertretung { vollmacht_id: id }, Recht::parse_list(&rights)),
                // No valid power of attorney: the profile opens nothing.
                None => {
                    session::set_profile(&state.db.writer, &signed.session.id_hash, None).await.map_err(internal)?;
                    return Err(Redirect::to(super::SELECT_PATH).into_response());
                }
            },
            // Legal representation is planned (REP-3); until it is built,
            // such a profile holds no right.
            _ => (Beziehung::Vertretung { vollmacht_id: String::new() }, Vec::new()),
        };
        let mandat = Mandat {
            account_id: signed.session.account_id.clone(),
            client_id: profile.client_id.clone(),
            office_id: profile.office_id.clone(),
            beziehung,
            rechte,
        };
        Ok(Self { ctx: signed.ctx, session: signed.session, profile, mandat })
    }
}

/// A request acting for a client with right `R` (see the module doc). A
/// profile without the right gets 403 with a page that says so.
#[derive(Debug, Clone)]
pub struct Handelnd<R: RechtMarker> {
    pub ctx: Ctx,
    pub session: Session,
    pub profile: Profile,
    pub mandat: Mandat,
    recht: PhantomData<R>,
}

impl<R: RechtMarker> FromRequestParts<AppState> for Handelnd<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let p = AktivesProfil::from_request_parts(parts, state).await?;
        if !p.mandat.darf(R::RECHT) {
            return Err(kein_recht(state, &p.ctx));
        }
        Ok(Self { ctx: p.ctx, session: p.session, profile: p.profile, mandat: p.mandat, recht: PhantomData })
    }
}

#[derive(askama::Template)]
#[template(path = "portal/templates/kein_recht.html")]
struct NoRightPage {
    page: crate::web::Page,
}

/// 403 with a page saying that this profile does not hold the right.
pub fn kein_recht(state: &AppState, ctx: &Ctx) -> Response {
    let page = NoRightPage { page: crate::web::Page::new(ctx, state, "portal-no-right-title") };
    match crate::web::render_status(axum::http::StatusCode::FORBIDDEN, &page) {
        Ok(res) => res,
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::Recht;

    #[test]
    fn rights_round_trip_and_unknown_names_grant_nothing() {
        for r in Recht::ALLE {
            assert_eq!(Recht::parse(r.as_str()), Some(r));
        }
        assert_eq!(Recht::parse_list("hochladen,einstellungen,nachrichten"), vec![Recht::DokumenteHochladen, Recht::NachrichtenSchreiben]);
        assert!(Recht::parse_list("").is_empty());
    }
}
