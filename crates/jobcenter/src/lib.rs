//! Jobcenter Digital: Konto (identity), Portal (client business) and back
//! office in one program. See `docs/ARCHITECTURE.md` for the map.

pub mod app;
pub mod arbeit;
pub mod audit;
pub mod backoffice;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod db;
pub mod dienststellen;
pub mod hashing;
pub mod housekeeping;
pub mod i18n;
pub mod inhalte;
pub mod journal;
pub mod konto;
pub mod lokal;
pub mod mail;
pub mod outbox;
pub mod portal;
pub mod ratelimit;
pub mod runtime;
pub mod satz;
pub mod server;
pub mod sms;
pub mod web;
