//! Every route in one table, with its access class: what is public, what
//! needs a session, a profile, a right, or a staff role is visible in one
//! place (STYLE.md, "The house"; crates.io `src/router.rs`). The router is
//! built from this table only — [`routes`] returns the same table for the
//! tests, which walk it with a stranger, clients and every staff role. The
//! class says what the handler's extractor enforces (`SignedIn`,
//! `ClientProfile`, `Handelnd<R>`, `Staff<R>`, `Akte<R>`, …); the walks
//! check that the two agree.

use super::{assets, ctx, formulare, metrics, not_found, render_errors, security_headers};
use crate::app::AppState;
use crate::backoffice::RoleName;
use crate::portal::handelnd::Recht;
use crate::{backoffice, dienststellen, inhalte, konto, lokal, portal};
use axum::Router;
use axum::middleware::from_fn_with_state;
use std::time::Duration;
use tower_http::csrf::CsrfLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Who may use a route: what its handler's extractor enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zugang {
    /// Anyone (`Ctx` only).
    Oeffentlich,
    /// A Secure-App device (signed requests) or the companion app's files.
    Geraet,
    /// Local mode only (the local mailbox).
    Lokal,
    /// A JSON step of a login in stages (the passkey ceremony after the
    /// password): the handler reads the session itself and answers a
    /// request without one with a JSON error, not a redirect.
    JsonSchritt,
    /// A session at any stage (the second-factor step, the gate, setting
    /// up a factor, logout): `AnySession` / `MaySetUpFactor`.
    Teilanmeldung,
    /// A complete login: `SignedIn`.
    Angemeldet,
    /// Acting for a profile of any relation: `AktivesProfil`.
    Profil,
    /// The client on their own profile: `ClientProfile`.
    EigenesProfil,
    /// Acting for a client with this right: `Handelnd<R>`.
    Recht(Recht),
    /// Staff with this role (`None`: any role): `Staff<R>`.
    Mitarbeiter(Option<RoleName>),
    /// A client record opened by staff with this role for a logged purpose:
    /// `Akte<R>`.
    Akte(Option<RoleName>),
}

impl Zugang {
    /// Whether a stranger is sent to the login.
    pub fn braucht_anmeldung(self) -> bool {
        !matches!(self, Zugang::Oeffentlich | Zugang::Geraet | Zugang::Lokal | Zugang::JsonSchritt)
    }

    /// Whether it acts for a client profile (portal).
    pub fn braucht_profil(self) -> bool {
        matches!(self, Zugang::Profil | Zugang::EigenesProfil | Zugang::Recht(_))
    }

    /// The staff role required, if it is a back-office route: `Some(None)`
    /// for any staff role.
    pub fn rolle(self) -> Option<Option<RoleName>> {
        match self {
            Zugang::Mitarbeiter(r) | Zugang::Akte(r) => Some(r),
            _ => None,
        }
    }
}

/// One registered route and method with its access class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub path: &'static str,
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    pub zugang: Zugang,
}

/// Registers routes and records them: each entry is a path, its access
/// class, and one or more `method: handler` pairs. Both the router and
/// [`routes`] come from the same entries, so a route cannot exist without
/// its class.
macro_rules! table {
    ($( $path:expr => $zugang:expr => { $($method:ident : $handler:expr),+ $(,)? } )*) => {
        /// Every route of the pages router with its access class.
        pub fn routes() -> Vec<Route> {
            vec![$( $( Route { path: $path, method: table!(@name $method), zugang: $zugang }, )+ )*]
        }

        fn register(r: Router<AppState>) -> Router<AppState> {
            r $( .route($path, table!(@router $($method : $handler),+)) )*
        }
    };
    (@router $m1:ident : $h1:expr $(, $m:ident : $h:expr)*) => { axum::routing::$m1($h1) $(.$m($h))* };
    (@name get) => { "GET" };
    (@name post) => { "POST" };
    (@name put) => { "PUT" };
    (@name delete) => { "DELETE" };
}

use Zugang::*;

table! {
    // Public: start, registration, confirmation, login, recovery, help.
    "/" => Oeffentlich => { get: inhalte::start }
    "/anmelden" => Oeffentlich => { get: konto::anmeldung::form, post: konto::anmeldung::submit }
    "/registrierung" => Oeffentlich => { get: konto::registrierung::form, post: konto::registrierung::submit }
    "/registrierung/erfolgreich" => Oeffentlich => { get: konto::registrierung::success }
    "/registrierung/feedback" => Oeffentlich => { post: konto::registrierung::feedback }
    "/email-bestaetigen" => Oeffentlich => { get: konto::bestaetigung::confirm }
    "/email-bestaetigen/neu" => Oeffentlich => { get: konto::bestaetigung::resend_form, post: konto::bestaetigung::resend }
    "/passwort-vergessen" => Oeffentlich => { get: konto::passwort_vergessen::form, post: konto::passwort_vergessen::submit }
    "/passwort-zuruecksetzen" => Oeffentlich => { get: konto::passwort_vergessen::reset_form, post: konto::passwort_vergessen::reset }
    "/zugangsdaten-vergessen" => Oeffentlich => { get: konto::zugangsdaten_vergessen::form, post: konto::zugangsdaten_vergessen::submit }
    "/email-aendern" => Oeffentlich => { get: konto::einstellungen::email::confirm }
    "/konto/geloescht" => Oeffentlich => { get: konto::einstellungen::loeschen::done }
    "/hilfe" => Oeffentlich => { get: inhalte::hilfe }
    "/hilfe/{thema}" => Oeffentlich => { get: inhalte::hilfe_thema }
    "/seite/{slug}" => Oeffentlich => { get: inhalte::seite }
    // "Ihre Dienststelle vor Ort" (POR-6): the directory, public.
    "/dienststellen" => Oeffentlich => { get: dienststellen::seiten::finden }
    "/dienststellen/{id}" => Oeffentlich => { get: dienststellen::seiten::dienststelle }
    // The one-click link in a reminder mail (a sealed token, no login).
    "/termine/erinnerung-abbestellen" => Oeffentlich => {
        get: portal::termine::erinnerung::abbestellen_seite, post: portal::termine::erinnerung::abbestellen
    }
    "/anmelden/passkey/optionen" => Oeffentlich => { post: konto::mfa::passkey::anmelden::login_options }
    "/anmelden/passkey" => Oeffentlich => { post: konto::mfa::passkey::anmelden::login }

    // A login in stages (MFA-1 … MFA-24): the step after the password, the
    // gate, setting up a factor, logout.
    "/abmelden" => Teilanmeldung => { post: konto::anmeldung::logout }
    "/sitzung/verlaengern" => Teilanmeldung => { post: konto::anmeldung::extend }
    "/anmelden/zweiter-faktor" => Teilanmeldung => { get: konto::mfa::zweiter_faktor::form, post: konto::mfa::zweiter_faktor::submit }
    "/anmelden/wiederherstellungscode" => Teilanmeldung => {
        get: konto::mfa::wiederherstellungscodes::enter_form, post: konto::mfa::wiederherstellungscodes::enter
    }
    "/anmelden/hoeherstufen" => Teilanmeldung => { get: konto::mfa::sicherheitshinweis::step_up }
    "/sicherheitshinweis" => Teilanmeldung => { get: konto::mfa::sicherheitshinweis::notice }
    "/passkey/angebot" => Teilanmeldung => { get: konto::mfa::sicherheitshinweis::offer }
    "/passkey/angebot/ueberspringen" => Teilanmeldung => { post: konto::mfa::sicherheitshinweis::skip }
    "/konto/totp" => Teilanmeldung => { get: konto::mfa::totp::form, post: konto::mfa::totp::submit }
    "/konto/passkeys/neu" => Teilanmeldung => { get: konto::mfa::passkey::einrichten::form, post: konto::mfa::passkey::einrichten::start }
    "/konto/passkeys/neu/abschliessen" => Teilanmeldung => { post: konto::mfa::passkey::einrichten::finish }
    "/anmelden/zweiter-faktor/passkey/optionen" => JsonSchritt => { post: konto::mfa::passkey::anmelden::second_factor_options }
    "/anmelden/zweiter-faktor/passkey" => JsonSchritt => { post: konto::mfa::passkey::anmelden::second_factor }
    "/konto/secure-app" => Teilanmeldung => { get: konto::mfa::secure_app::einrichten::step_one }
    "/konto/secure-app/start" => Teilanmeldung => { post: konto::mfa::secure_app::einrichten::start }
    "/konto/secure-app/verknuepfen" => Teilanmeldung => { get: konto::mfa::secure_app::einrichten::step_two }
    "/konto/secure-app/verknuepfen/status" => Teilanmeldung => { get: konto::mfa::secure_app::einrichten::status }
    "/konto/secure-app/bestaetigen" => Teilanmeldung => { post: konto::mfa::secure_app::einrichten::confirm }
    "/konto/secure-app/ablehnen" => Teilanmeldung => { post: konto::mfa::secure_app::einrichten::reject }
    "/anmelden/secure-app" => Teilanmeldung => {
        get: konto::mfa::secure_app::anmelden::form, post: konto::mfa::secure_app::anmelden::continue_login
    }
    "/anmelden/secure-app/status" => Teilanmeldung => { get: konto::mfa::secure_app::anmelden::status }
    "/anmelden/secure-app/neu" => Teilanmeldung => { post: konto::mfa::secure_app::anmelden::again }

    // Signed in: Kontoeinstellungen (ACC, MFA).
    "/konto" => Angemeldet => { get: konto::einstellungen::overview }
    "/konto/benutzername" => Angemeldet => { post: konto::einstellungen::set_username }
    "/konto/sprache" => Angemeldet => { post: konto::einstellungen::set_language }
    "/konto/passwort" => Angemeldet => { get: konto::einstellungen::passwort::form, post: konto::einstellungen::passwort::submit }
    "/konto/email" => Angemeldet => { get: konto::einstellungen::email::form, post: konto::einstellungen::email::submit }
    "/konto/sitzungen" => Angemeldet => { get: konto::einstellungen::sitzungen::list }
    "/konto/sitzungen/beenden" => Angemeldet => { post: konto::einstellungen::sitzungen::end_one }
    "/konto/sitzungen/alle-beenden" => Angemeldet => { post: konto::einstellungen::sitzungen::end_all }
    "/konto/loeschen" => Angemeldet => { get: konto::einstellungen::loeschen::form, post: konto::einstellungen::loeschen::submit }
    "/konto/verlauf" => Angemeldet => { get: konto::einstellungen::verlauf::list }
    "/konto/totp/entfernen" => Angemeldet => { post: konto::mfa::totp::remove }
    "/konto/wiederherstellungscodes" => Angemeldet => { post: konto::mfa::wiederherstellungscodes::regenerate }
    "/konto/passkeys/{id}/umbenennen" => Angemeldet => {
        get: konto::mfa::passkey::verwalten::rename_form, post: konto::mfa::passkey::verwalten::rename
    }
    "/konto/passkeys/{id}/loeschen" => Angemeldet => {
        get: konto::mfa::passkey::verwalten::delete_form, post: konto::mfa::passkey::verwalten::delete
    }
    "/konto/passwort/entfernen" => Angemeldet => {
        get: konto::mfa::passkey::verwalten::remove_password_form, post: konto::mfa::passkey::verwalten::remove_password
    }
    "/konto/secure-app/geraete/{id}/umbenennen" => Angemeldet => { post: konto::mfa::secure_app::verwalten::rename }
    "/konto/secure-app/geraete/{id}/entfernen" => Angemeldet => { post: konto::mfa::secure_app::verwalten::remove }

    // Portal: profiles and activation (PRF-1 … PRF-7), Online-Kommunikation
    // (OKO), the start page (POR-1), "Datei hochladen" (POR-4).
    "/profil-auswaehlen" => Angemeldet => { get: portal::auswahl::select }
    "/profil-auswaehlen/ohne-profil" => Angemeldet => { post: portal::auswahl::without_profile }
    "/profile" => Angemeldet => { get: portal::auswahl::manage }
    "/profile/wechseln" => Angemeldet => { post: portal::auswahl::switch }
    "/profile/standard" => Angemeldet => { post: portal::auswahl::set_default }
    "/freischaltcode" => Angemeldet => { get: portal::freischaltung::form, post: portal::freischaltung::submit }
    "/freischaltcode/erfolgreich" => EigenesProfil => { get: portal::freischaltung::success }
    "/profil" => Profil => { get: portal::profil::start }
    "/profil/bearbeiten" => EigenesProfil => { get: portal::bearbeiten::form, post: portal::bearbeiten::submit }
    "/profil/online-kommunikation" => EigenesProfil => {
        get: portal::online_kommunikation::form, post: portal::online_kommunikation::submit
    }
    "/profil/verlauf" => EigenesProfil => { get: portal::verlauf::list }
    "/dokumente/hochladen" => Recht(Recht::DokumenteHochladen) => {
        get: portal::dokumente::hochladen::form, post: portal::dokumente::hochladen::submit
    }
    "/dokumente/gesendet/{id}" => Recht(Recht::DokumenteHochladen) => { get: portal::dokumente::hochladen::receipt }
    "/bescheide" => Recht(Recht::BescheideEinsehen) => { get: portal::bescheide::seiten::liste }
    "/bescheide/{id}" => Recht(Recht::BescheideEinsehen) => { get: portal::bescheide::seiten::dokument }
    "/bescheide/{id}/datei" => Recht(Recht::BescheideEinsehen) => { get: portal::bescheide::seiten::datei }
    "/antraege" => Recht(Recht::AntraegeEinsehen) => { get: portal::antraege::seiten::liste }
    "/antraege/eservices" => Recht(Recht::AntraegeEinsehen) => { get: portal::antraege::seiten::eservices }
    "/antraege/neu/{formular}" => Recht(Recht::AntraegeEinsehen) => {
        get: portal::antraege::ausfuellen::start, post: portal::antraege::ausfuellen::starten
    }
    "/antraege/{id}" => Recht(Recht::AntraegeEinsehen) => { get: portal::antraege::seiten::antrag }
    "/antraege/{id}/schritt/{schritt}" => Recht(Recht::AntraegeEinsehen) => {
        get: portal::antraege::ausfuellen::schritt, post: portal::antraege::ausfuellen::schritt_senden
    }
    "/antraege/{id}/nachweise" => Recht(Recht::AntraegeEinsehen) => {
        get: portal::antraege::nachweise::form, post: portal::antraege::nachweise::senden
    }
    "/antraege/{id}/zusammenfassung" => Recht(Recht::AntraegeEinsehen) => { get: portal::antraege::senden::zusammenfassung }
    "/antraege/{id}/absenden" => Recht(Recht::AntraegeEinsehen) => { post: portal::antraege::senden::absenden }
    "/antraege/{id}/eingangsbestaetigung" => Recht(Recht::AntraegeEinsehen) => { get: portal::antraege::quittung::herunterladen }
    "/antraege/{id}/verwerfen" => Recht(Recht::AntraegeEinsehen) => { post: portal::antraege::ausfuellen::verwerfen }
    "/antraege/{id}/nachreichen" => Recht(Recht::DokumenteHochladen) => { post: portal::antraege::anfragen::nachreichen }
    // "Termine" (POR-5): the client's own appointments (no representative).
    "/termine" => EigenesProfil => { get: portal::termine::seiten::liste }
    "/termine/vereinbaren" => EigenesProfil => { get: portal::termine::seiten::vereinbaren }
    "/termine/buchen" => EigenesProfil => { post: portal::termine::seiten::buchen }
    "/termine/{id}/absagen" => EigenesProfil => { post: portal::termine::seiten::absagen }
    "/termine/{id}/kalender.ics" => EigenesProfil => { get: portal::termine::seiten::kalender }
    "/termine/{id}/bestaetigen" => EigenesProfil => { post: portal::termine::einladung::bestaetigen }
    "/termine/{id}/verschieben" => EigenesProfil => {
        get: portal::termine::einladung::verschieben_form, post: portal::termine::einladung::verschieben
    }
    "/postfach/{postfach}" => Recht(Recht::NachrichtenSchreiben) => { get: portal::postfach::seiten::liste }
    "/postfach/{postfach}/neu" => Recht(Recht::NachrichtenSchreiben) => {
        get: portal::postfach::neu::form, post: portal::postfach::neu::senden
    }
    "/postfach/anhaenge/{id}" => Recht(Recht::NachrichtenSchreiben) => { get: portal::postfach::seiten::anhang }
    "/postfach/nachrichten/{id}" => Recht(Recht::NachrichtenSchreiben) => {
        get: portal::postfach::seiten::faden, post: portal::postfach::seiten::antworten
    }

    // Back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3).
    "/backoffice" => Mitarbeiter(None) => { get: backoffice::start::start }
    "/backoffice/aufgaben" => Mitarbeiter(None) => { get: backoffice::aufgaben::inbox }
    "/backoffice/aufgaben/{id}" => Mitarbeiter(None) => { post: backoffice::aufgaben::act }
    "/backoffice/kunden" => Mitarbeiter(None) => { get: backoffice::kunden::search }
    "/backoffice/kunden/neu" => Mitarbeiter(Some(RoleName::Service)) => {
        get: backoffice::kunden::new_form, post: backoffice::kunden::create
    }
    "/backoffice/kunden/{id}" => Akte(None) => { get: backoffice::kunden::show }
    "/backoffice/kunden/{id}/zugriffe" => Akte(Some(RoleName::Admin)) => { get: backoffice::kunden::access_log }
    "/backoffice/kunden/{id}/freischaltcode" => Akte(Some(RoleName::Service)) => {
        get: backoffice::freischaltcode::form, post: backoffice::freischaltcode::issue
    }
    "/backoffice/kunden/{id}/freischaltcode/brief" => Akte(Some(RoleName::Service)) => { post: backoffice::freischaltcode::letter }
    "/backoffice/kunden/{id}/zugangshilfe" => Akte(Some(RoleName::Service)) => {
        get: backoffice::zugangshilfe::form, post: backoffice::zugangshilfe::submit
    }
    "/backoffice/kunden/{id}/sendungen/{sendung}" => Akte(None) => { get: backoffice::sendungen::show }
    "/backoffice/kunden/{id}/sendungen/{sendung}/dateien/{datei}" => Akte(None) => { get: backoffice::sendungen::download }
    "/backoffice/kunden/{id}/bescheide" => Akte(None) => { get: backoffice::bescheide::list, post: backoffice::bescheide::publish }
    "/backoffice/kunden/{id}/bescheide/{dokument}/pdf" => Akte(None) => { get: backoffice::bescheide::pdf }
    "/backoffice/kunden/{id}/bescheide/{dokument}/freigabe" => Akte(None) => { post: backoffice::bescheide::release }
    "/backoffice/kunden/{id}/nachrichten/{faden}" => Akte(None) => {
        get: backoffice::nachrichten::show, post: backoffice::nachrichten::reply
    }
    "/backoffice/kunden/{id}/nachrichten/{faden}/anhaenge/{anhang}" => Akte(None) => { get: backoffice::nachrichten::anhang }
    "/backoffice/kunden/{id}/antraege/{antrag}" => Akte(None) => { get: backoffice::antraege::show, post: backoffice::antraege::act }
    "/backoffice/kunden/{id}/termine" => Akte(None) => { get: backoffice::einladungen::liste, post: backoffice::einladungen::einladen }
    "/backoffice/kunden/{id}/termine/{termin}" => Akte(None) => { post: backoffice::einladungen::handeln }
    "/backoffice/druck" => Mitarbeiter(Some(RoleName::Service)) => { get: backoffice::druck::list }
    "/backoffice/druck/{id}/gedruckt" => Mitarbeiter(Some(RoleName::Service)) => { post: backoffice::druck::mark_printed }
    "/backoffice/termine" => Mitarbeiter(None) => { get: backoffice::termine::liste, post: backoffice::termine::anlegen }
    "/backoffice/mitarbeitende" => Mitarbeiter(Some(RoleName::Admin)) => {
        get: backoffice::mitarbeitende::list, post: backoffice::mitarbeitende::create
    }
    "/backoffice/mitarbeitende/{id}/aktiv" => Mitarbeiter(Some(RoleName::Admin)) => { post: backoffice::mitarbeitende::toggle }
    // Form definitions (APP-2): no client data, so no record and no purpose.
    "/backoffice/formulare" => Mitarbeiter(Some(RoleName::Admin)) => { get: backoffice::formulare::liste }
    "/backoffice/formulare/{formular}/{version}" => Mitarbeiter(Some(RoleName::Admin)) => { get: backoffice::formulare::vorschau }

    // The Secure-App's device API and companion app (MFA-30 … MFA-34): the
    // device signs its requests (docs/SECURE-APP-PROTOCOL.md).
    "/api/v1/secure-app/link" => Geraet => { post: konto::mfa::secure_app::api::link }
    "/api/v1/secure-app/device" => Geraet => { get: konto::mfa::secure_app::api::device, delete: konto::mfa::secure_app::api::unlink }
    "/api/v1/secure-app/requests" => Geraet => { get: konto::mfa::secure_app::api::requests }
    "/api/v1/secure-app/requests/{id}" => Geraet => { post: konto::mfa::secure_app::api::answer }
    "/api/v1/secure-app/push" => Geraet => {
        get: konto::mfa::secure_app::push::push_key, put: konto::mfa::secure_app::push::subscribe
    }
    "/secure-app" => Geraet => { get: konto::mfa::secure_app::companion::root }
    "/secure-app/" => Geraet => { get: konto::mfa::secure_app::companion::index }
    "/secure-app/{file}" => Geraet => { get: konto::mfa::secure_app::companion::asset }

    // Local mode only: the mails that would have been sent.
    "/lokal/postausgang" => Lokal => { get: lokal::list }
    "/lokal/postausgang/{id}" => Lokal => { get: lokal::show }
}

/// GET pages of `pred`'s classes without path parameters (for walks).
pub fn get_pages(pred: impl Fn(Zugang) -> bool) -> Vec<&'static str> {
    routes().into_iter().filter(|r| r.method == "GET" && !r.path.contains('{') && pred(r.zugang)).map(|r| r.path).collect()
}

/// Pages that need a complete login (a stranger goes to the login).
pub fn signed_in_get_routes() -> Vec<&'static str> {
    get_pages(|z| matches!(z, Angemeldet) || z.braucht_profil())
}

/// Portal pages that act for a profile: a session without one is sent to
/// "Profil auswählen".
pub fn profile_get_routes() -> Vec<&'static str> {
    get_pages(Zugang::braucht_profil)
}

/// Pages of a login that is not complete yet.
pub fn partial_session_get_routes() -> Vec<&'static str> {
    get_pages(|z| z == Teilanmeldung)
}

/// Back-office routes of `method` with the role they need (`None`: any
/// staff role), by name as stored in `staff.roles`.
pub fn backoffice_routes(method: &str) -> Vec<(&'static str, Option<&'static str>)> {
    routes()
        .into_iter()
        .filter(|r| r.method == method)
        .filter_map(|r| r.zugang.rolle().map(|role| (r.path, role.map(RoleName::as_str))))
        .collect()
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let pages = register(Router::new())
        // The extractors' own 2 MB default would cut a sending short;
        // `body_limit` applies the limits (256 KiB, or the sending's).
        .layer(axum::extract::DefaultBodyLimit::disable())
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), formulare::idempotent))
        .layer(CsrfLayer::new())
        .layer(axum::middleware::from_fn(vorpruefen))
        .layer(from_fn_with_state(state.clone(), render_errors))
        .layer(from_fn_with_state(state.clone(), ctx::resolve));

    let plumbing = Router::new()
        .route("/healthz", axum::routing::get(metrics::healthz))
        .route("/readyz", axum::routing::get(metrics::readyz))
        .route("/metrics", axum::routing::get(metrics::metrics))
        .route("/assets/{*path}", axum::routing::get(assets::serve));

    pages
        .merge(plumbing)
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(from_fn_with_state(state.clone(), body_limit))
        .layer(axum::middleware::from_fn(time_limit))
        .layer(
            // Only the path: query strings carry single-use tokens.
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Most bytes of an ordinary form.
const FORM_LIMIT: usize = 256 * 1024;

/// Whether a request is a form with files (`multipart/form-data`): "Datei
/// hochladen", mailbox messages with attachments, publishing a document.
/// Only handlers that read files through `portal::dokumente::empfang`
/// accept it (with the upload limits); an ordinary form's extractor
/// refuses the content type before reading the body.
fn mit_dateien(req: &axum::extract::Request) -> bool {
    req.headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Middleware: limits every request body to 256 KiB, except forms with
/// files, which may carry the configured sending size plus the multipart
/// overhead. A `Content-Length` over the limit is refused at once; a body
/// that lies about its length ends with an error where the limit is
/// crossed (the handler then refuses the sending and stores nothing).
async fn body_limit(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let upload = mit_dateien(&req);
    let limit =
        if upload { usize::try_from(state.config.upload.max_total).unwrap_or(usize::MAX).saturating_add(1024 * 1024) } else { FORM_LIMIT };
    let declared =
        req.headers().get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    // A form with files answers an oversize sending with its own message
    // (it reads up to the limit and refuses); every other form at once.
    if !upload && declared.is_some_and(|n| n > limit) {
        // Answered inside, where the page can be in the user's language.
        let (mut parts, _) = req.into_parts();
        parts.extensions.insert(ZuGross);
        return next.run(axum::extract::Request::from_parts(parts, axum::body::Body::empty())).await;
    }
    let (parts, body) = req.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(axum::extract::Request::from_parts(parts, body)).await
}

/// Marks a request whose declared length is over the limit; its body was
/// not read.
#[derive(Clone, Copy)]
struct ZuGross;

/// Middleware (inside the language and error pages): a request marked
/// [`ZuGross`] gets the page "Ihre Eingabe ist zu groß" (413); a NUL
/// character in the address is "Seite nicht gefunden" (404) and in a form
/// "Ungültige Eingabe" (400): no text with it reaches a handler (PostgreSQL
/// refuses NUL in text, and no field of ours has a use for it).
async fn vorpruefen(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use super::error::ErrorPage;
    use axum::http::StatusCode;
    if req.extensions().get::<ZuGross>().is_some() {
        return ErrorPage::ZuGross.response(StatusCode::PAYLOAD_TOO_LARGE);
    }
    if req.uri().to_string().to_ascii_lowercase().contains("%00") {
        return ErrorPage::NotFound.response(StatusCode::NOT_FOUND);
    }
    let formular = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !formular {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // `body_limit` (outside) has limited the body to 256 KiB.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ErrorPage::ZuGross.response(StatusCode::PAYLOAD_TOO_LARGE);
    };
    if bytes.contains(&0) || bytes.windows(3).any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0') {
        return ErrorPage::Ungueltig.response(StatusCode::BAD_REQUEST);
    }
    next.run(axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes))).await
}

/// Middleware: a request gets 30 seconds, a form with files 15 minutes
/// (50 MB over a slow mobile connection).
async fn time_limit(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if mit_dateien(&req) { Duration::from_secs(15 * 60) } else { Duration::from_secs(30) };
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => axum::http::StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The router is built from the table only: the one `.route(` outside
    /// the table macro registers the plumbing (health, metrics, assets),
    /// which has no session and no page. A route added by hand elsewhere
    /// in this file — without an access class — fails here.
    #[test]
    fn every_route_is_registered_through_the_table() {
        let source = include_str!("routes.rs");
        let by_hand: Vec<&str> = source
            .lines()
            .filter(|l| l.trim_start().starts_with(".route(") && !l.contains("table!(@router"))
            .map(|l| l.trim().trim_end_matches(';'))
            .collect();
        assert_eq!(
            by_hand,
            [
                ".route(\"/healthz\", axum::routing::get(metrics::healthz))",
                ".route(\"/readyz\", axum::routing::get(metrics::readyz))",
                ".route(\"/metrics\", axum::routing::get(metrics::metrics))",
                ".route(\"/assets/{*path}\", axum::routing::get(assets::serve))",
            ]
        );
        let others = ["src/web/mod.rs", "src/server.rs", "src/main.rs"];
        for f in others {
            let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + f).unwrap_or_default();
            assert!(!text.contains(".route("), "{f} registers a route outside the table");
        }
    }

    #[test]
    fn the_table_has_no_duplicate_and_classes_are_consistent() {
        let all = routes();
        assert!(all.len() > 90, "{}", all.len());
        let mut seen = std::collections::HashSet::new();
        for r in &all {
            assert!(seen.insert((r.path, r.method)), "{} {} twice", r.method, r.path);
            if r.path.starts_with("/backoffice") {
                assert!(r.zugang.rolle().is_some(), "{} is a back-office path without a staff class", r.path);
            }
            if r.path.starts_with("/backoffice/kunden/{id}") {
                assert!(matches!(r.zugang, Zugang::Akte(_)), "{} opens a record without Akte", r.path);
            }
        }
    }
}
