//! Integration tests over HTTP against the real app (one binary). Every
//! test runs on SQLite and, with `JOBCENTER_TEST_DATABASE=postgres`, on
//! PostgreSQL.

#[path = "../support/mod.rs"]
mod support;

mod smoke;
