//! Integration tests over HTTP against the real app (one binary). Every
//! test runs on SQLite and, with `JOBCENTER_TEST_DATABASE=postgres`, on
//! PostgreSQL.

#[path = "../support/mod.rs"]
mod support;

mod anmeldung;
mod antraege;
mod backoffice;
mod bescheide;
mod betrieb;
mod dienststellen;
mod dokumente;
mod einladungen;
mod einstellungen;
mod formulare;
mod fristen;
mod outbox;
mod passkeys;
mod portal;
mod postfach;
mod postfach_anhaenge;
mod registrierung;
mod routen;
mod schema;
mod secure_app;
mod sicherheit;
mod sitzungen;
mod smoke;
mod sprachen;
mod termine;
mod wiederherstellung;
mod zwei_knoten;
mod zweiter_faktor;
