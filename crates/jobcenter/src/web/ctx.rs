//! The request context: language, client address, the session (if any).
//! Resolved once per request by [`resolve`] and read by the extractors
//! [`Ctx`] (everyone) and [`SignedIn`] (a live session is required).

use super::session::{self, Level, Session, Stage};
use crate::app::AppState;
use crate::audit::Actor;
use crate::i18n::Lang;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

const LANG_COOKIE: &str = "jc_sprache";

/// What every handler knows about the request.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub actor: Actor,
    pub session: Option<Session>,
    /// Path and query of the request, for the language links and "back".
    pub path: String,
    /// The `X-Request-Id` (shown on error pages).
    pub request_id: String,
}

/// The value of cookie `name` in the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find_map(|(k, v)| (k == name).then_some(v))
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    url::form_urlencoded::parse(query?.as_bytes()).find_map(|(k, v)| (k == "lang").then(|| Lang::parse(&v)).flatten())
}

/// Middleware: builds the [`Ctx`] and stores it in the request extensions.
/// A `?lang=` parameter also sets the language cookie; an expired session
/// cookie is cleared.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let from_query = query_lang(req.uri().query());
    let lang = from_query
        .or_else(|| cookie(headers, LANG_COOKIE).and_then(Lang::parse))
        .or_else(|| headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept_language))
        .unwrap_or_default();
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let ip = client_address(peer, headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()), state.config.trusted_proxies);
    let user_agent = headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").chars().take(400).collect();
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let token = cookie(headers, session::cookie_name(&state)).map(str::to_owned);
    let (session, clear_cookie) = match token {
        None => (None, false),
        Some(t) => match session::load(&state, &t).await {
            Ok(Some(s)) => (Some(s), false),
            Ok(None) => (None, true),
            Err(e) => {
                tracing::error!(error = %e, "loading session failed");
                return super::error::AppError::Internal(e.into()).into_response();
            }
        },
    };
    let path = req.uri().path_and_query().map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
    req.extensions_mut().insert(Ctx { lang, actor: Actor { ip, user_agent }, session, path, request_id });
    let mut res = next.run(req).await;
    if let Some(l) = from_query {
        let c = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax", l.code());
        if let Ok(v) = HeaderValue::from_str(&c) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    if clear_cookie
        && !res.headers().contains_key(SET_COOKIE)
        && let Ok(v) = HeaderValue::from_str(&session::cookie_header(&state, None))
    {
        res.headers_mut().append(SET_COOKIE, v);
    }
    res
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = super::error::AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Ctx>().cloned().ok_or_else(|| super::error::AppError::Internal(anyhow::anyhow!("request context missing")))
    }
}

fn to_login(parts: &Parts, ctx: &Ctx) -> Response {
    let back = if parts.method == axum::http::Method::GET { ctx.path.as_str() } else { "/konto" };
    Redirect::to(&format!("/anmelden?weiter={}", encode(back))).into_response()
}

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A level a handler can require (MFA-50).
pub trait RequiredLevel: Send + Sync + 'static {
    const LEVEL: Level;
}

/// Password plus second factor, or passkey.
#[derive(Debug, Clone)]
pub struct Substantiell;
impl RequiredLevel for Substantiell {
    const LEVEL: Level = Level::Substantiell;
}

/// eID login (MFA-40).
#[derive(Debug, Clone)]
pub struct Hoch;
impl RequiredLevel for Hoch {
    const LEVEL: Level = Level::Hoch;
}

/// A fully signed-in request at level `L` or higher. A login still missing
/// its second factor goes to that step, an account without any factor to
/// the "Sicherheitshinweis" (MFA-1), a lower level to the step-up page, and
/// a stranger to the login page, which brings them back afterwards.
#[derive(Debug, Clone)]
pub struct SignedInAt<L: RequiredLevel> {
    pub ctx: Ctx,
    pub session: Session,
    level: std::marker::PhantomData<L>,
}

/// The portal's normal requirement: level "substantiell".
pub type SignedIn = SignedInAt<Substantiell>;

impl<S: Send + Sync, L: RequiredLevel> FromRequestParts<S> for SignedInAt<L> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let Some(session) = ctx.session.clone() else { return Err(to_login(parts, &ctx)) };
        let back = encode(if parts.method == axum::http::Method::GET { ctx.path.as_str() } else { "/konto" });
        match session.stage {
            Stage::SecondFactor => Err(Redirect::to(&format!("/anmelden/zweiter-faktor?weiter={back}")).into_response()),
            Stage::Setup => Err(Redirect::to("/sicherheitshinweis").into_response()),
            Stage::Complete if session.level < L::LEVEL => {
                Err(Redirect::to(&format!("/anmelden/hoeherstufen?weiter={back}")).into_response())
            }
            Stage::Complete => Ok(Self { ctx, session, level: std::marker::PhantomData }),
        }
    }
}

/// A session at any stage: for the second-factor step itself and logout.
#[derive(Debug, Clone)]
pub struct AnySession {
    pub ctx: Ctx,
    pub session: Session,
}

impl<S: Send + Sync> FromRequestParts<S> for AnySession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match ctx.session.clone() {
            Some(session) => Ok(Self { ctx, session }),
            None => Err(to_login(parts, &ctx)),
        }
    }
}

/// A session allowed to add a second factor: fully signed in, or at the
/// gate of an account that has none yet. Never a login that still owes its
/// second factor: knowing the password must not be enough to add one.
#[derive(Debug, Clone)]
pub struct MaySetUpFactor {
    pub ctx: Ctx,
    pub session: Session,
}

impl<S: Send + Sync> FromRequestParts<S> for MaySetUpFactor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let any = AnySession::from_request_parts(parts, state).await?;
        let allowed = match any.session.stage {
            Stage::Setup => true,
            Stage::Complete => any.session.level >= Level::Substantiell,
            Stage::SecondFactor => false,
        };
        if allowed {
            Ok(Self { ctx: any.ctx, session: any.session })
        } else {
            Err(Redirect::to("/anmelden/zweiter-faktor").into_response())
        }
    }
}

/// The client's address: the TCP peer, or — behind `trusted_proxies`
/// reverse proxies — the entry of `X-Forwarded-For` that the outermost
/// trusted proxy saw (counted from the right, so a client cannot forge it).
pub fn client_address(peer: Option<std::net::IpAddr>, forwarded_for: Option<&str>, trusted_proxies: usize) -> String {
    let peer = peer.map_or_else(|| "unbekannt".to_owned(), |p| p.to_string());
    if trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.unwrap_or("").split(',').map(str::trim).filter(|h| !h.is_empty()).collect();
    match hops.len().checked_sub(trusted_proxies) {
        Some(i) => hops[i].parse::<std::net::IpAddr>().map_or(peer, |ip| ip.to_string()),
        None => hops.first().and_then(|h| h.parse::<std::net::IpAddr>().ok()).map_or(peer, |ip| ip.to_string()),
    }
}

/// Accepts only local paths as a redirect target (no open redirect).
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let n = next?.trim();
    (n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") && !n.contains(['\r', '\n'])).then(|| n.to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn the_client_address_comes_from_the_trusted_proxies_only() {
        use super::client_address;
        let peer = Some("10.0.0.1".parse().unwrap());
        assert_eq!(client_address(peer, Some("203.0.113.9"), 0), "10.0.0.1", "no proxy trusted: the peer");
        assert_eq!(client_address(peer, Some("203.0.113.9"), 1), "203.0.113.9");
        assert_eq!(client_address(peer, Some("6.6.6.6, 203.0.113.9"), 1), "203.0.113.9", "a forged first entry is ignored");
        assert_eq!(client_address(peer, Some("203.0.113.9, 10.0.0.2"), 2), "203.0.113.9");
        assert_eq!(client_address(peer, None, 1), "10.0.0.1");
        assert_eq!(client_address(peer, Some("kein-ip"), 1), "10.0.0.1");
    }

    #[test]
    fn only_local_redirect_targets_are_kept() {
        assert_eq!(safe_next(Some("/konto")), Some("/konto".into()));
        assert_eq!(safe_next(Some("//evil.example")), None);
        assert_eq!(safe_next(Some("https://evil.example")), None);
        assert_eq!(safe_next(Some("/\\evil.example")), None);
        assert_eq!(safe_next(None), None);
    }
}
