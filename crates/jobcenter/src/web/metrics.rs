//! `/healthz`, `/readyz` and `/metrics` (Prometheus text format).

use crate::app::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

/// Counters of this node.
#[derive(Debug, Default)]
pub struct Metrics {
    pub requests_2xx: AtomicU64,
    pub requests_3xx: AtomicU64,
    pub requests_4xx: AtomicU64,
    pub requests_5xx: AtomicU64,
    pub logins_ok: AtomicU64,
    pub logins_failed: AtomicU64,
    pub logins_rate_limited: AtomicU64,
    pub registrations: AtomicU64,
}

impl Metrics {
    /// Counts a finished response by status class.
    pub fn count_status(&self, status: StatusCode) {
        let c = match status.as_u16() {
            200..=299 => &self.requests_2xx,
            300..=399 => &self.requests_3xx,
            400..=499 => &self.requests_4xx,
            _ => &self.requests_5xx,
        };
        c.fetch_add(1, Ordering::Relaxed);
    }
}

/// Liveness: the process answers.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(&state.db.pool).await {
        Ok(_) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Prometheus metrics of this node plus the outbox backlog (shared).
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let m = &state.metrics;
    let w = &state.worker_stats;
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL")
        .fetch_one(&state.db.pool)
        .await
        .unwrap_or(-1);
    let dead: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL").fetch_one(&state.db.pool).await.unwrap_or(-1);
    let mut out = String::new();
    let counter = |out: &mut String, name: &str, help: &str, labels: &[(&str, u64)]| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
        for (l, v) in labels {
            let _ = writeln!(out, "{name}{l} {v}");
        }
    };
    let g = |a: &AtomicU64| a.load(Ordering::Relaxed);
    counter(
        &mut out,
        "jobcenter_http_responses_total",
        "HTTP responses by status class.",
        &[
            ("{class=\"2xx\"}", g(&m.requests_2xx)),
            ("{class=\"3xx\"}", g(&m.requests_3xx)),
            ("{class=\"4xx\"}", g(&m.requests_4xx)),
            ("{class=\"5xx\"}", g(&m.requests_5xx)),
        ],
    );
    counter(
        &mut out,
        "jobcenter_logins_total",
        "Password logins by outcome.",
        &[
            ("{outcome=\"ok\"}", g(&m.logins_ok)),
            ("{outcome=\"failed\"}", g(&m.logins_failed)),
            ("{outcome=\"rate_limited\"}", g(&m.logins_rate_limited)),
        ],
    );
    counter(&mut out, "jobcenter_registrations_total", "Registration forms accepted.", &[("", g(&m.registrations))]);
    counter(
        &mut out,
        "jobcenter_mails_total",
        "Mail send attempts of this node's worker by outcome.",
        &[("{outcome=\"sent\"}", g(&w.sent)), ("{outcome=\"failed\"}", g(&w.failed)), ("{outcome=\"dead\"}", g(&w.dead))],
    );
    let _ = writeln!(
        out,
        "# HELP jobcenter_outbox_pending Mails waiting to be sent.\n# TYPE jobcenter_outbox_pending gauge\njobcenter_outbox_pending {pending}"
    );
    let _ = writeln!(
        out,
        "# HELP jobcenter_outbox_dead Mails given up after all retries.\n# TYPE jobcenter_outbox_dead gauge\njobcenter_outbox_dead {dead}"
    );
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], out)
}
