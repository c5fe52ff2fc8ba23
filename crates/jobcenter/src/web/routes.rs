//! Every route in one table, so that what is public and what needs a
//! session is visible in one place. Handlers that need a session take the
//! [`SignedIn`](super::SignedIn) extractor; the test
//! `every_signed_in_route_sends_strangers_to_the_login` walks this list.

use super::{assets, ctx, metrics, not_found, render_errors, security_headers};
use crate::app::AppState;
use crate::{backoffice, inhalte, konto, lokal, portal};
use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use std::time::Duration;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Routes that need a live session (GET ones are walked by a test).
pub const SIGNED_IN_GET_ROUTES: &[&str] = &[
    "/konto",
    "/konto/passwort",
    "/konto/email",
    "/konto/sitzungen",
    "/konto/loeschen",
    "/konto/verlauf",
    "/konto/passwort/entfernen",
    // BEGIN portal routes
    "/profil-auswaehlen",
    "/profile",
    "/freischaltcode",
    "/freischaltcode/erfolgreich",
    "/profil",
    "/profil/bearbeiten",
    "/profil/online-kommunikation",
    "/profil/verlauf",
    // END portal routes
];

/// Portal routes that act for a profile (`ClientProfile`): a signed-in
/// session without one is sent to "Profil auswählen".
pub const PROFILE_GET_ROUTES: &[&str] =
    &["/freischaltcode/erfolgreich", "/profil", "/profil/bearbeiten", "/profil/online-kommunikation", "/profil/verlauf"];

/// Routes for a login that is not complete yet (second factor, gate,
/// factor set-up); a stranger is sent to the login page.
pub const PARTIAL_SESSION_GET_ROUTES: &[&str] = &[
    "/anmelden/zweiter-faktor",
    "/anmelden/wiederherstellungscode",
    "/sicherheitshinweis",
    "/passkey/angebot",
    "/konto/totp",
    "/konto/passkeys/neu",
    "/konto/secure-app",
    "/konto/secure-app/verknuepfen",
    "/anmelden/secure-app",
];

// BEGIN back office route lists
/// Back-office GET pages and the roles that may open them (`None`: any
/// staff role). `{id}` stands for a client id. Walked by a test with every
/// role, a client session and a stranger.
pub const BACKOFFICE_GET_ROUTES: &[(&str, Option<&str>)] = &[
    ("/backoffice", None),
    ("/backoffice/kunden", None),
    ("/backoffice/kunden/neu", Some("service")),
    ("/backoffice/kunden/{id}", None),
    ("/backoffice/kunden/{id}/zugriffe", Some("admin")),
    ("/backoffice/kunden/{id}/freischaltcode", Some("service")),
    ("/backoffice/kunden/{id}/zugangshilfe", Some("service")),
    ("/backoffice/druck", Some("service")),
    ("/backoffice/mitarbeitende", Some("admin")),
];

/// Back-office POST actions and their roles (see [`BACKOFFICE_GET_ROUTES`]).
pub const BACKOFFICE_POST_ROUTES: &[(&str, Option<&str>)] = &[
    ("/backoffice/kunden/neu", Some("service")),
    ("/backoffice/kunden/{id}/freischaltcode", Some("service")),
    ("/backoffice/kunden/{id}/freischaltcode/brief", Some("service")),
    ("/backoffice/kunden/{id}/zugangshilfe", Some("service")),
    ("/backoffice/druck/{id}/gedruckt", Some("service")),
    ("/backoffice/mitarbeitende", Some("admin")),
    ("/backoffice/mitarbeitende/{id}/aktiv", Some("admin")),
];
// END back office route lists

/// The whole application.
pub fn router(state: AppState) -> Router {
    use konto::{anmeldung, bestaetigung, einstellungen, mfa, passwort_vergessen, registrierung, zugangsdaten_vergessen};

    let pages = Router::new()
        // Public: start, registration, confirmation, login, recovery.
        .route("/", get(inhalte::start))
        .route("/anmelden", get(anmeldung::form).post(anmeldung::submit))
        .route("/registrierung", get(registrierung::form).post(registrierung::submit))
        .route("/registrierung/erfolgreich", get(registrierung::success))
        .route("/registrierung/feedback", post(registrierung::feedback))
        .route("/email-bestaetigen", get(bestaetigung::confirm))
        .route("/email-bestaetigen/neu", get(bestaetigung::resend_form).post(bestaetigung::resend))
        .route("/passwort-vergessen", get(passwort_vergessen::form).post(passwort_vergessen::submit))
        .route("/passwort-zuruecksetzen", get(passwort_vergessen::reset_form).post(passwort_vergessen::reset))
        .route("/zugangsdaten-vergessen", get(zugangsdaten_vergessen::form).post(zugangsdaten_vergessen::submit))
        .route("/email-aendern", get(einstellungen::email::confirm))
        .route("/konto/geloescht", get(einstellungen::loeschen::done))
        // Public: help and legal pages.
        .route("/hilfe", get(inhalte::hilfe))
        .route("/hilfe/{thema}", get(inhalte::hilfe_thema))
        .route("/seite/{slug}", get(inhalte::seite))
        // Signed in: Kontoeinstellungen.
        .route("/abmelden", post(anmeldung::logout))
        .route("/sitzung/verlaengern", post(anmeldung::extend))
        .route("/konto", get(einstellungen::overview))
        .route("/konto/benutzername", post(einstellungen::set_username))
        .route("/konto/sprache", post(einstellungen::set_language))
        .route("/konto/passwort", get(einstellungen::passwort::form).post(einstellungen::passwort::submit))
        .route("/konto/email", get(einstellungen::email::form).post(einstellungen::email::submit))
        .route("/konto/sitzungen", get(einstellungen::sitzungen::list))
        .route("/konto/sitzungen/beenden", post(einstellungen::sitzungen::end_one))
        .route("/konto/sitzungen/alle-beenden", post(einstellungen::sitzungen::end_all))
        .route("/konto/loeschen", get(einstellungen::loeschen::form).post(einstellungen::loeschen::submit))
        .route("/konto/verlauf", get(einstellungen::verlauf::list))
        // The second factor (MFA-1 … MFA-24): the step after the password,
        // the gate, TOTP, recovery codes, the passkey offer.
        .route("/anmelden/zweiter-faktor", get(mfa::zweiter_faktor::form).post(mfa::zweiter_faktor::submit))
        .route("/anmelden/wiederherstellungscode", get(mfa::wiederherstellungscodes::enter_form).post(mfa::wiederherstellungscodes::enter))
        .route("/anmelden/hoeherstufen", get(mfa::sicherheitshinweis::step_up))
        .route("/sicherheitshinweis", get(mfa::sicherheitshinweis::notice))
        .route("/passkey/angebot", get(mfa::sicherheitshinweis::offer))
        .route("/passkey/angebot/ueberspringen", post(mfa::sicherheitshinweis::skip))
        .route("/konto/totp", get(mfa::totp::form).post(mfa::totp::submit))
        .route("/konto/totp/entfernen", post(mfa::totp::remove))
        .route("/konto/wiederherstellungscodes", post(mfa::wiederherstellungscodes::regenerate))
        // Passkeys (MFA-20 … MFA-24): BEGIN passkey routes
        .route("/konto/passkeys/neu", get(mfa::passkey::einrichten::form).post(mfa::passkey::einrichten::start))
        .route("/konto/passkeys/neu/abschliessen", post(mfa::passkey::einrichten::finish))
        .route("/konto/passkeys/{id}/umbenennen", get(mfa::passkey::verwalten::rename_form).post(mfa::passkey::verwalten::rename))
        .route("/konto/passkeys/{id}/loeschen", get(mfa::passkey::verwalten::delete_form).post(mfa::passkey::verwalten::delete))
        .route(
            "/konto/passwort/entfernen",
            get(mfa::passkey::verwalten::remove_password_form).post(mfa::passkey::verwalten::remove_password),
        )
        .route("/anmelden/passkey/optionen", post(mfa::passkey::anmelden::login_options))
        .route("/anmelden/passkey", post(mfa::passkey::anmelden::login))
        .route("/anmelden/zweiter-faktor/passkey/optionen", post(mfa::passkey::anmelden::second_factor_options))
        .route("/anmelden/zweiter-faktor/passkey", post(mfa::passkey::anmelden::second_factor))
        // END passkey routes
        // BEGIN back office routes (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3): every
        // handler takes a `Staff<Role>` extractor; see BACKOFFICE_GET_ROUTES.
        .route("/backoffice", get(backoffice::start::start))
        .route("/backoffice/kunden", get(backoffice::kunden::search))
        .route("/backoffice/kunden/neu", get(backoffice::kunden::new_form).post(backoffice::kunden::create))
        .route("/backoffice/kunden/{id}", get(backoffice::kunden::show))
        .route("/backoffice/kunden/{id}/zugriffe", get(backoffice::kunden::access_log))
        .route("/backoffice/kunden/{id}/freischaltcode", get(backoffice::freischaltcode::form).post(backoffice::freischaltcode::issue))
        .route("/backoffice/kunden/{id}/freischaltcode/brief", post(backoffice::freischaltcode::letter))
        .route("/backoffice/kunden/{id}/zugangshilfe", get(backoffice::zugangshilfe::form).post(backoffice::zugangshilfe::submit))
        .route("/backoffice/druck", get(backoffice::druck::list))
        .route("/backoffice/druck/{id}/gedruckt", post(backoffice::druck::mark_printed))
        .route("/backoffice/mitarbeitende", get(backoffice::mitarbeitende::list).post(backoffice::mitarbeitende::create))
        .route("/backoffice/mitarbeitende/{id}/aktiv", post(backoffice::mitarbeitende::toggle))
        // END back office routes
        // BEGIN portal routes: profiles and activation (PRF-1 … PRF-7),
        // Online-Kommunikation (OKO-1 … OKO-3), the start page (POR-1).
        .route("/profil-auswaehlen", get(portal::auswahl::select))
        .route("/profil-auswaehlen/ohne-profil", post(portal::auswahl::without_profile))
        .route("/profile", get(portal::auswahl::manage))
        .route("/profile/wechseln", post(portal::auswahl::switch))
        .route("/profile/standard", post(portal::auswahl::set_default))
        .route("/freischaltcode", get(portal::freischaltung::form).post(portal::freischaltung::submit))
        .route("/freischaltcode/erfolgreich", get(portal::freischaltung::success))
        .route("/profil", get(portal::profil::start))
        .route("/profil/bearbeiten", get(portal::bearbeiten::form).post(portal::bearbeiten::submit))
        .route("/profil/online-kommunikation", get(portal::online_kommunikation::form).post(portal::online_kommunikation::submit))
        .route("/profil/verlauf", get(portal::verlauf::list))
        // END portal routes
        // BEGIN Secure-App routes (MFA-30 … MFA-34): set-up, login approval,
        // devices in the settings, the device API and the companion app.
        .route("/konto/secure-app", get(mfa::secure_app::einrichten::step_one))
        .route("/konto/secure-app/start", post(mfa::secure_app::einrichten::start))
        .route("/konto/secure-app/verknuepfen", get(mfa::secure_app::einrichten::step_two))
        .route("/konto/secure-app/verknuepfen/status", get(mfa::secure_app::einrichten::status))
        .route("/konto/secure-app/bestaetigen", post(mfa::secure_app::einrichten::confirm))
        .route("/konto/secure-app/ablehnen", post(mfa::secure_app::einrichten::reject))
        .route("/konto/secure-app/geraete/{id}/umbenennen", post(mfa::secure_app::verwalten::rename))
        .route("/konto/secure-app/geraete/{id}/entfernen", post(mfa::secure_app::verwalten::remove))
        .route("/anmelden/secure-app", get(mfa::secure_app::anmelden::form).post(mfa::secure_app::anmelden::continue_login))
        .route("/anmelden/secure-app/status", get(mfa::secure_app::anmelden::status))
        .route("/anmelden/secure-app/neu", post(mfa::secure_app::anmelden::again))
        .route("/api/v1/secure-app/link", post(mfa::secure_app::api::link))
        .route("/api/v1/secure-app/device", get(mfa::secure_app::api::device).delete(mfa::secure_app::api::unlink))
        .route("/api/v1/secure-app/requests", get(mfa::secure_app::api::requests))
        .route("/api/v1/secure-app/requests/{id}", post(mfa::secure_app::api::answer))
        .route("/api/v1/secure-app/push", get(mfa::secure_app::push::push_key).put(mfa::secure_app::push::subscribe))
        .route("/secure-app", get(mfa::secure_app::companion::root))
        .route("/secure-app/", get(mfa::secure_app::companion::index))
        .route("/secure-app/{file}", get(mfa::secure_app::companion::asset))
        // END Secure-App routes
        // Local mode only: the mails that would have been sent.
        .route("/lokal/postausgang", get(lokal::list))
        .route("/lokal/postausgang/{id}", get(lokal::show))
        .fallback(not_found)
        .layer(CsrfLayer::new())
        .layer(from_fn_with_state(state.clone(), render_errors))
        .layer(from_fn_with_state(state.clone(), ctx::resolve));

    let plumbing = Router::new()
        .route("/healthz", get(metrics::healthz))
        .route("/readyz", get(metrics::readyz))
        .route("/metrics", get(metrics::metrics))
        .route("/assets/{*path}", get(assets::serve));

    pages
        .merge(plumbing)
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(RequestBodyLimitLayer::new(256 * 1024))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
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
