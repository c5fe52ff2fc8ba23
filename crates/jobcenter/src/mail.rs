//! Composing mails: subject and body come from the recipient's language
//! (`mail-<kind>-subject`, `mail-<kind>-body`), the HTML part is built from
//! the same lines over one shared frame, so text and HTML never diverge.

use crate::i18n::Lang;
use crate::outbox::Mail;

/// Builds a mail of `kind` for `to` with the given arguments.
pub fn compose(lang: Lang, kind: &str, to: &str, args: &[(&str, &str)]) -> Mail {
    let subject = lang.t_args(&format!("mail-{kind}-subject"), args);
    let body = lang.t_args(&format!("mail-{kind}-body"), args);
    let footer = lang.t("mail-footer");
    let text = format!("{body}\n\n{footer}\n");
    let html = to_html(lang, &subject, &body, &footer);
    Mail { to: to.to_owned(), subject, text, html }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let inner = p
                .lines()
                .map(|line| {
                    let l = line.trim();
                    if l.starts_with("http://") || l.starts_with("https://") {
                        format!("<a href=\"{0}\">{0}</a>", escape(l))
                    } else {
                        escape(l)
                    }
                })
                .collect::<Vec<_>>()
                .join("<br>\n");
            format!("<p>{inner}</p>\n")
        })
        .collect()
}

fn to_html(lang: Lang, subject: &str, body: &str, footer: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n\
         <body style=\"font-family: 'Fira Sans', Arial, sans-serif; color: #171a2b; max-width: 40em\">\n{}\
         <hr>\n<div style=\"font-size: 0.9em; color: #454959\">{}</div>\n</body></html>\n",
        lang.code(),
        escape(subject),
        paragraphs(body),
        paragraphs(footer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_mail_has_the_seed_texts_and_the_link_in_both_parts() {
        let link = "http://localhost:8080/email-bestaetigen?id=abc&lang=de";
        let m = compose(Lang::De, "confirm", "kim@example.de", &[("email", "kim@example.de"), ("link", link)]);
        assert_eq!(m.subject, "Bestätigung Ihrer E-Mail-Adresse");
        assert!(m.text.contains("Wichtig: Bestätigen Sie Ihre E-Mail-Adresse innerhalb von 24 Stunden."));
        assert!(m.text.contains(link));
        assert!(m.text.contains("\n\n"), "paragraphs are kept: {}", m.text);
        assert!(m.html.contains("<a href=\"http://localhost:8080/email-bestaetigen?id=abc&amp;lang=de\">"));
        assert!(!m.text.contains("mail-confirm-") && !m.text.contains("mail-footer"), "no missing keys: {}", m.text);
    }
}
