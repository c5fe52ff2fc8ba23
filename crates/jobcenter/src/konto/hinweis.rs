//! A plain message page: heading, paragraphs and an optional link, used for
//! confirmations ("Wir haben Ihnen eine E-Mail gesendet") and link problems.

use crate::web::{AppResult, Page, render};
use askama::Template;
use axum::response::Response;

/// A message page.
#[derive(Template)]
#[template(path = "konto/templates/hinweis.html")]
pub struct Hinweis {
    pub page: Page,
    /// `success`, `info`, `warning` or `danger` (the alert's look).
    pub tone: &'static str,
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// Optional primary link: (href, label).
    pub link: Option<(String, String)>,
}

impl Hinweis {
    pub fn respond(self) -> AppResult<Response> {
        render(&self)
    }
}
