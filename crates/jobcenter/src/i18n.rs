//! Languages and translated text (Fluent). German first, English and
//! Ukrainian as full translations; German is the fallback for a missing key
//! (a test keeps the key sets equal, so that never happens in practice).

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::De, Lang::En, Lang::Uk];

    /// The BCP 47 code (`de`, `en`, `uk`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Uk => "Українська",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            "uk" => Some(Lang::Uk),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut langs: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok())).unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        langs.sort_by(|a, b| b.0.total_cmp(&a.0));
        langs.into_iter().find_map(|(_, tag)| Lang::parse(tag.split('-').next().unwrap_or(tag)))
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("valid language code")
    }

    /// The text for `key`; the key itself if it is missing everywhere.
    pub fn t(self, key: &str) -> String {
        LOCALES.try_lookup(&self.id(), key).unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> =
            args.iter().map(|(k, v)| (Cow::Owned((*k).to_owned()), FluentValue::from(*v))).collect();
        LOCALES.try_lookup_with_args(&self.id(), key, &map).unwrap_or_else(|| key.to_owned())
    }
}

#[cfg(test)]
mod tests {
    //! The locale files are read again at test time (not through the
    //! embedded bundles), so that a missing file or key shows up as a
    //! readable difference instead of a silent fallback to German.

    use super::Lang;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

    /// Messages whose English or Ukrainian text is rightly the same as the
    /// German one: (language code, message id).
    const SAME_AS_GERMAN: &[(&str, &str)] = &[("en", "sessions-browser"), ("en", "factor-name-passkey")];

    /// The id of a line that starts a message (`some-id = …`).
    fn message_id(line: &str) -> Option<&str> {
        let (id, _) = line.split_once(" =")?;
        let mut chars = id.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')).then_some(id)
    }

    /// Every message of a locale directory (all its `.ftl` files): id → the
    /// raw source of its value, one line per source line (indentation removed).
    fn messages(lang: Lang) -> BTreeMap<String, String> {
        let dir = Path::new(LOCALES_DIR).join(lang.code());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            let mut current: Option<String> = None;
            let mut blank_lines = 0;
            for line in text.lines() {
                if let Some(id) = message_id(line) {
                    let value = line.split_once(" =").map_or("", |(_, v)| v.trim());
                    let previous = out.insert(id.to_owned(), value.to_owned());
                    assert!(previous.is_none(), "{id} is defined twice in {}", lang.code());
                    current = Some(id.to_owned());
                    blank_lines = 0;
                } else if line.trim().is_empty() {
                    // Part of the value only if an indented line follows.
                    blank_lines += 1;
                } else if line.starts_with(' ')
                    && let Some(id) = &current
                {
                    let value = out.get_mut(id).expect("current message");
                    value.push_str(&"\n".repeat(blank_lines + 1));
                    value.push_str(line.trim());
                    blank_lines = 0;
                } else {
                    current = None;
                }
            }
        }
        out
    }

    /// The variables (`{ $name }`) used in a message source.
    fn variables(source: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for placeable in source.split('{').skip(1) {
            let inner = placeable.split('}').next().unwrap_or("");
            for part in inner.split('$').skip(1) {
                let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
        out
    }

    /// The HTML tags of a message source, in order.
    fn tags(source: &str) -> Vec<String> {
        source.split('<').skip(1).map(|rest| format!("<{}>", rest.split('>').next().unwrap_or(""))).collect()
    }

    /// The text of `key` in `lang`, with a dummy value for every variable.
    fn text(lang: Lang, key: &str, vars: &BTreeSet<String>) -> String {
        let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), "WERT")).collect();
        lang.t_args(key, &args)
    }

    #[test]
    fn every_language_has_the_same_message_ids_as_german() {
        let de: BTreeSet<String> = messages(Lang::De).into_keys().collect();
        assert!(de.len() > 100, "the German locale looks incomplete: {} messages", de.len());
        let mut problems = Vec::new();
        for lang in [Lang::En, Lang::Uk] {
            let other: BTreeSet<String> = messages(lang).into_keys().collect();
            let missing: Vec<_> = de.difference(&other).collect();
            let extra: Vec<_> = other.difference(&de).collect();
            if !missing.is_empty() {
                problems.push(format!("{}: missing {missing:?}", lang.code()));
            }
            if !extra.is_empty() {
                problems.push(format!("{}: not in German {extra:?}", lang.code()));
            }
        }
        assert!(problems.is_empty(), "message ids differ from German:\n{}", problems.join("\n"));
    }

    #[test]
    fn english_and_ukrainian_are_really_loaded() {
        let keys = [
            "layout-skip",
            "login-title",
            "register-submit",
            "mail-confirm-subject",
            "mail-footer",
            "page-hilfe-title",
            "page-datenschutz-body",
        ];
        for key in keys {
            let (de, en, uk) = (Lang::De.t(key), Lang::En.t(key), Lang::Uk.t(key));
            assert_ne!(en, de, "{key}: English is the German text");
            assert_ne!(uk, de, "{key}: Ukrainian is the German text");
            assert_ne!(uk, en, "{key}: Ukrainian is the English text");
        }
        assert_eq!(Lang::En.t("login-title"), "Log in");
        assert_eq!(Lang::Uk.t("login-title"), "Вхід");
    }

    #[test]
    fn every_message_resolves_in_every_language_without_falling_back_to_german() {
        let mut problems = Vec::new();
        for (key, source) in messages(Lang::De) {
            let vars = variables(&source);
            let german = text(Lang::De, &key, &vars);
            for lang in Lang::ALL {
                let t = text(lang, &key, &vars);
                if t == key || t.trim().is_empty() {
                    problems.push(format!("{}: {key} does not resolve", lang.code()));
                } else if t.contains("{$") || t.contains("{ $") {
                    problems.push(format!("{}: {key} has an unresolved variable: {t}", lang.code()));
                } else if lang != Lang::De && t == german && !SAME_AS_GERMAN.contains(&(lang.code(), key.as_str())) {
                    problems.push(format!("{}: {key} is the German text (missing, broken or untranslated)", lang.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn translations_use_the_same_variables_as_german() {
        let de = messages(Lang::De);
        let mut problems = Vec::new();
        for lang in [Lang::En, Lang::Uk] {
            let other = messages(lang);
            for (key, source) in &de {
                let Some(translated) = other.get(key) else { continue };
                let (want, got) = (variables(source), variables(translated));
                if want != got {
                    problems.push(format!("{}: {key} uses {got:?}, German uses {want:?}", lang.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn translations_keep_the_markup_and_the_line_structure() {
        let de = messages(Lang::De);
        let mut problems = Vec::new();
        for lang in [Lang::En, Lang::Uk] {
            let other = messages(lang);
            for (key, source) in &de {
                let Some(translated) = other.get(key) else { continue };
                if key.ends_with("-html") && tags(source) != tags(translated) {
                    problems.push(format!("{}: {key} has tags {:?}, German has {:?}", lang.code(), tags(translated), tags(source)));
                }
                // Mail bodies: blank lines separate paragraphs; page bodies:
                // one paragraph per line. Both must survive translation.
                let shape = |s: &str| s.split('\n').map(str::is_empty).collect::<Vec<_>>();
                if shape(source) != shape(translated) {
                    problems.push(format!("{}: {key} has a different line structure than German", lang.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_test_parser_reads_multi_line_messages() {
        let de = messages(Lang::De);
        let body = &de["mail-confirm-body"];
        assert!(body.starts_with("\nGuten Tag,\n\nSie haben"), "{body:?}");
        assert!(body.ends_with("Mit freundlichen Grüßen\n\nIhr Jobcenter"), "{body:?}");
        assert_eq!(variables(body), BTreeSet::from(["email".to_owned(), "link".to_owned()]));
        assert_eq!(variables(&de["mail-exists-body"]), BTreeSet::from(["login".to_owned(), "reset".to_owned()]));
        assert_eq!(tags(&de["register-consent-terms-html"]), [r#"<a class="kern-link" href="/seite/nutzungsbedingungen">"#, "</a>"]);
    }

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        let cases = [
            ("uk-UA,uk;q=0.9,en;q=0.8", Some(Lang::Uk)),
            ("en-US,en;q=0.9", Some(Lang::En)),
            ("de-DE,de;q=0.9,en;q=0.8", Some(Lang::De)),
            ("ru-RU,ru;q=0.9,uk;q=0.8,en;q=0.7", Some(Lang::Uk)),
            ("fr-FR,fr;q=0.9,en;q=0.5,uk;q=0.7", Some(Lang::Uk)),
            ("en;q=0.5, uk", Some(Lang::Uk)),
            ("EN-gb", Some(Lang::En)),
            ("fr-FR,fr;q=0.9", None),
            ("*", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(Lang::from_accept_language(header), want, "Accept-Language: {header}");
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse(" UK "), Some(Lang::Uk));
        assert_eq!(Lang::parse("ru"), None);
    }
}
