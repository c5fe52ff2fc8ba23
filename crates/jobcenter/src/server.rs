//! Starting the HTTP server (and, unless disabled, the worker) on a bound
//! listener; used by `jobcenter serve` and by the tests (port 0).

use crate::app::AppState;
use std::net::SocketAddr;
use tokio::net::TcpListener;

/// Starts the background worker tasks of this node: outbox and housekeeping.
pub fn spawn_worker(state: &AppState) -> anyhow::Result<()> {
    let worker = state.worker()?;
    tokio::spawn(worker.run(state.outbox_wake.clone()));
    tokio::spawn(state.sms_worker()?.run(state.sms_wake.clone()));
    tokio::spawn(crate::housekeeping::run(state.clone()));
    Ok(())
}

/// Serves the application on `listener` until `shutdown` resolves.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    if state.config.run_worker {
        spawn_worker(&state)?;
    }
    let app = crate::web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await?;
    Ok(())
}
