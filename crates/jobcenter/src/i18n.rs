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
    const SAME_AS_GERMAN: &[(&str, &str)] = &[
        ("en", "sessions-browser"),
        ("en", "factor-name-passkey"),
        ("en", "arbeit-ansicht-team"),
        ("en", "arbeit-col-state"),
        ("en", "bescheide-col-status"),
        ("en", "antraege-status"),
        ("en", "antraege-buergergeld"),
        ("uk", "antraege-buergergeld"),
        ("en", "quittung-name"),
        ("en", "termin-art-video"),
        ("en", "bo-formulare-team"),
        ("en", "bo-formulare-version"),
    ];

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

    /// Every text key that the code or a template uses exists in German,
    /// English and Ukrainian (the keys are read from the sources at test
    /// time, so a new page or mail is covered without listing it here).
    ///
    /// What counts as a key:
    /// - a string literal passed to `t`, `t_args`, `t1` or as the title of
    ///   `Page::new`, or bound to a name containing `key` (`title_key: "…"`);
    /// - any literal of key shape whose first part is a namespace of the
    ///   locale files (`bo-…`, `portal-…`), wherever it stands — keys reach
    ///   `t` through match arms, tuples and helper functions — except a
    ///   match pattern (`"passkey-geloescht" =>`, a notice in a URL);
    /// - part of a key passed to a function in [`KEY_PARTS`] (mail kinds);
    /// - every key a `format!` can build, by [`DYNAMIC_KEYS`]: a
    ///   construction that is not listed there fails the test.
    mod used_keys {
        use super::messages;
        use crate::i18n::Lang;
        use regex::Regex;
        use std::collections::{BTreeMap, BTreeSet};
        use std::path::Path;

        const SRC_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

        /// The shape of a message id.
        const KEY_SHAPE: &str = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$";

        /// The keys of a mail of a kind (`crate::mail::compose`).
        const MAIL: &[&str] = &["mail-{}-subject", "mail-{}-body"];

        /// Functions that take part of a key: name, argument (from 0) and the
        /// keys made of it. A literal argument is checked; a name bound by
        /// `let` to a choice among literals has those checked; a parameter passed on by one of
        /// these functions is checked at that function's callers; anything
        /// else must be in [`FOLLOWED_BY_HAND`].
        const KEY_PARTS: &[(&str, usize, &[&str])] = &[
            ("compose", 1, MAIL),
            ("queue_mail", 3, MAIL),
            ("kunde_benachrichtigen", 4, MAIL),
            ("mitteilen", 3, MAIL),
            ("factor_mail", 3, MAIL),
            ("lang_factor_name", 1, &["factor-name-{}"]),
            ("content", 2, &["page-{}-title", "page-{}-body"]),
            ("log_access", 3, &["bo-what-{}"]),
            ("log_access", 4, &["bo-purpose-{}"]),
        ];

        /// Arguments of [`KEY_PARTS`] functions the scan cannot follow, with
        /// every value they can have: (function, argument as written, values).
        #[expect(clippy::type_complexity, reason = "a table, read once")]
        const FOLLOWED_BY_HAND: &[(&str, &str, fn() -> Vec<&'static str>)] = &[
            // kunden::purpose lets only PURPOSES through.
            ("log_access", "purpose", || crate::backoffice::kunden::PURPOSES.to_vec()),
            // inhalte::seite serves only the slugs of PAGES.
            ("content", "slug", || crate::inhalte::PAGES.to_vec()),
            // Akte logs one of its WAS values (or "akte") for a purpose that
            // kunden::purpose let through.
            ("log_access", "was", || crate::backoffice::akte::WAS.iter().map(|(_, w)| *w).chain(["akte"]).collect()),
            ("log_access", "zweck", || crate::backoffice::kunden::PURPOSES.to_vec()),
        ];

        /// How the keys of a `format!` construction are checked.
        enum Dynamic {
            /// These are all the keys it can build.
            Keys(fn() -> Vec<String>),
            /// It is the body of a [`KEY_PARTS`] function; its callers'
            /// arguments are checked.
            KeyPart(&'static str),
            /// An unknown key falls back to a general text on purpose (why).
            FallsBack(&'static str),
        }

        /// Every `format!` that builds a key: (file under `src`, format
        /// string, how its keys are checked).
        const DYNAMIC_KEYS: &[(&str, &str, Dynamic)] = &[
            ("mail.rs", "mail-{kind}-subject", Dynamic::KeyPart("compose")),
            ("mail.rs", "mail-{kind}-body", Dynamic::KeyPart("compose")),
            ("konto/mfa/totp.rs", "factor-name-{kind}", Dynamic::KeyPart("lang_factor_name")),
            ("inhalte/mod.rs", "page-{slug}-title", Dynamic::KeyPart("content")),
            ("inhalte/mod.rs", "page-{slug}-body", Dynamic::KeyPart("content")),
            ("inhalte/mod.rs", "page-hilfe-{t}-title", Dynamic::Keys(|| help_pages("title"))),
            // The slug of a help page, for `content`.
            ("inhalte/mod.rs", "hilfe-{thema}", Dynamic::Keys(|| [help_pages("title"), help_pages("body")].concat())),
            ("backoffice/kunden.rs", "bo-purpose-{k}", Dynamic::Keys(purposes)),
            ("backoffice/kunden.rs", "bo-purpose-{purpose}", Dynamic::Keys(purposes)),
            // Purposes and actions of the access log: what `log_access` wrote.
            ("backoffice/kunden.rs", "bo-purpose-{}", Dynamic::KeyPart("log_access")),
            ("backoffice/kunden.rs", "bo-what-{}", Dynamic::KeyPart("log_access")),
            (
                "konto/einstellungen/verlauf.rs",
                "history-login-{}",
                Dynamic::FallsBack("a login by a method without its own text is shown as history-login"),
            ),
            (
                "konto/einstellungen/verlauf.rs",
                "history-{}",
                Dynamic::FallsBack("old audit rows may name kinds no longer written; an unknown kind is shown as it is"),
            ),
            (
                "portal/postfach/mod.rs",
                "postfach-{}",
                Dynamic::Keys(|| crate::portal::postfach::Postfach::ALLE.iter().map(|p| p.label_key()).collect()),
            ),
            (
                "portal/postfach/mod.rs",
                "postfach-anliegen-{}",
                Dynamic::Keys(|| crate::portal::postfach::Anliegen::ALLE.iter().map(|a| a.label_key()).collect()),
            ),
            (
                "portal/postfach/schreiben.rs",
                "postfach-error-{}",
                Dynamic::Keys(|| {
                    crate::portal::postfach::schreiben::Problem::ALLE.iter().map(|p| format!("postfach-error-{}", p.code())).collect()
                }),
            ),
            (
                "portal/bescheide/mod.rs",
                "bescheide-art-{}",
                Dynamic::Keys(|| crate::portal::bescheide::Art::ALLE.iter().map(|a| a.label_key()).collect()),
            ),
            (
                "portal/bescheide/mod.rs",
                "bescheide-stufe-{}",
                Dynamic::Keys(|| crate::portal::bescheide::Stufe::ALLE.iter().map(|a| a.label_key()).collect()),
            ),
            (
                "backoffice/bescheide.rs",
                "bo-bescheide-post-{}",
                Dynamic::Keys(|| vec!["bo-bescheide-post-ohne-einwilligung".into(), "bo-bescheide-post-nicht-abgerufen".into()]),
            ),
            ("portal/antraege/felder.rs", "antrag-{w}", Dynamic::Keys(|| vec!["antrag-ja".into(), "antrag-nein".into()])),
            ("dienststellen/seiten.rs", "dst-tag-{}", Dynamic::Keys(|| (0..7).map(|i| format!("dst-tag-{i}")).collect())),
            ("dienststellen/seiten.rs", "dst-tag-{i}", Dynamic::Keys(|| (0..7).map(|i| format!("dst-tag-{i}")).collect())),
            (
                "portal/antraege/mod.rs",
                "antrag-status-{}",
                Dynamic::Keys(|| crate::portal::antraege::Status::ALLE.iter().map(|s| s.label_key()).collect()),
            ),
            (
                "portal/antraege/mod.rs",
                "antrag-weiter-{}",
                Dynamic::Keys(|| crate::portal::antraege::Status::ALLE.iter().map(|s| s.weiter_key()).collect()),
            ),
            ("arbeit/mod.rs", "arbeit-zustand-{}", Dynamic::Keys(|| crate::arbeit::Zustand::ALLE.iter().map(|z| z.label_key()).collect())),
            ("arbeit/mod.rs", "arbeit-team-{}", Dynamic::Keys(|| crate::arbeit::Team::ALLE.iter().map(|t| t.label_key()).collect())),
            ("arbeit/mod.rs", "arbeit-aktion-{}", Dynamic::Keys(|| crate::arbeit::Aktion::ALLE.iter().map(|a| a.label_key()).collect())),
            (
                "backoffice/aufgaben.rs",
                "arbeit-art-{}",
                Dynamic::Keys(|| crate::arbeit::store::Art::ALLE.iter().map(|a| format!("arbeit-art-{}", a.as_str())).collect()),
            ),
            (
                "backoffice/aufgaben.rs",
                "arbeit-ansicht-{}",
                Dynamic::Keys(|| crate::arbeit::store::Ansicht::ALLE.iter().map(|a| format!("arbeit-ansicht-{}", a.as_str())).collect()),
            ),
            (
                "portal/dokumente/senden.rs",
                "upload-error-{}",
                Dynamic::Keys(|| dokumente::pruefung::Ablehnung::ALLE.iter().map(|a| format!("upload-error-{}", a.code())).collect()),
            ),
            (
                "portal/dokumente/mod.rs",
                "upload-topic-{}",
                Dynamic::Keys(|| crate::portal::dokumente::Thema::ALLE.iter().map(|t| t.label_key()).collect()),
            ),
            (
                "portal/dokumente/mod.rs",
                "{}-hint",
                Dynamic::Keys(|| crate::portal::dokumente::Thema::ALLE.iter().map(|t| t.hint_key()).collect()),
            ),
            (
                "portal/handelnd.rs",
                "recht-{}",
                Dynamic::Keys(|| crate::portal::handelnd::Recht::ALLE.iter().map(|r| r.label_key()).collect()),
            ),
            (
                "journal.rs",
                "portal-event-{}",
                Dynamic::FallsBack("portal::verlauf::label shows portal-event-other for a kind without text (older rows)"),
            ),
        ];

        fn help_pages(part: &str) -> Vec<String> {
            crate::inhalte::HELP_TOPICS.iter().map(|t| format!("page-hilfe-{t}-{part}")).collect()
        }

        fn purposes() -> Vec<String> {
            crate::backoffice::kunden::PURPOSES.iter().map(|p| format!("bo-purpose-{p}")).collect()
        }

        /// A file under `src` as the scan sees it: Rust code without its test
        /// module, or a template with only its `{{ }}` and `{% %}` blocks
        /// (all else blanked, so that offsets and lines stay).
        struct Source {
            path: String,
            code: String,
            /// String literals: (start of the token, end of the token, value).
            literals: Vec<(usize, usize, String)>,
            /// `code` with literals and comments blanked, for finding brackets.
            masked: String,
        }

        impl Source {
            fn line(&self, at: usize) -> String {
                format!("{}:{}", self.path, self.code[..at].matches('\n').count() + 1)
            }
        }

        fn blank(s: &str) -> String {
            s.chars().map(|c| if c == '\n' { "\n".to_owned() } else { " ".repeat(c.len_utf8()) }).collect()
        }

        fn sources() -> Vec<Source> {
            let test_module = Regex::new(r"(?m)^#\[cfg\(test\)\]\s*mod \w+\s*\{").expect("regex");
            let template_block = Regex::new(r"(?s)\{\{.*?\}\}|\{%.*?%\}").expect("regex");
            // Comments, raw strings, strings and char literals (so that `'"'`
            // starts no string); lifetimes match nothing.
            let token =
                Regex::new(r##"(?s)//[^\n]*|/\*.*?\*/|r#"(.*?)"#|r"(.*?)"|"((?:[^"\\]|\\.)*)"|'(?:[^'\\\n]|\\.)'"##).expect("regex");
            let mut files = Vec::new();
            let mut dirs = vec![Path::new(SRC_DIR).to_path_buf()];
            while let Some(dir) = dirs.pop() {
                for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
                    let path = entry.expect("directory entry").path();
                    if path.is_dir() {
                        dirs.push(path);
                    } else if path.extension().is_some_and(|ext| ext == "rs" || ext == "html") {
                        files.push(path);
                    }
                }
            }
            files.sort();
            files
                .into_iter()
                .map(|file| {
                    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
                    let code = if file.extension().is_some_and(|ext| ext == "html") {
                        let mut kept = String::new();
                        let mut end = 0;
                        for m in template_block.find_iter(&text) {
                            kept.push_str(&blank(&text[end..m.start()]));
                            kept.push_str(m.as_str());
                            end = m.end();
                        }
                        kept + &blank(&text[end..])
                    } else {
                        let end = test_module.find(&text).map_or(text.len(), |m| m.start());
                        text[..end].to_owned()
                    };
                    let mut literals = Vec::new();
                    let mut masked = String::new();
                    let mut end = 0;
                    for caps in token.captures_iter(&code) {
                        let whole = caps.get(0).expect("match");
                        masked.push_str(&code[end..whole.start()]);
                        masked.push_str(&blank(whole.as_str()));
                        end = whole.end();
                        if let Some(value) = caps.get(1).or(caps.get(2)).or(caps.get(3)) {
                            literals.push((whole.start(), whole.end(), value.as_str().to_owned()));
                        }
                    }
                    masked.push_str(&code[end..]);
                    let path = file.strip_prefix(SRC_DIR).expect("under src").to_string_lossy().trim_start_matches('/').to_owned();
                    Source { path, code, literals, masked }
                })
                .collect()
        }

        /// The arguments of the call whose `(` is at `open`: byte ranges.
        fn arguments(masked: &str, open: usize) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let (mut depth, mut start) = (0, open + 1);
            for (i, c) in masked[open..].char_indices().map(|(i, c)| (i + open, c)) {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            out.push((start, i));
                            break;
                        }
                    }
                    ',' if depth == 1 => {
                        out.push((start, i));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            out
        }

        /// The keys used, each with where (file:line).
        struct Used {
            keys: BTreeMap<String, BTreeSet<String>>,
            problems: Vec<String>,
        }

        impl Used {
            fn add(&mut self, key: String, at: String) {
                self.keys.entry(key).or_default().insert(at);
            }
        }

        /// The keys a [`KEY_PARTS`] argument stands for; the literals it used
        /// are added to `consumed` (they are no keys themselves).
        fn key_part_calls(
            sources: &[Source],
            used: &mut Used,
            consumed: &mut BTreeSet<(usize, usize)>,
            formats: &mut BTreeSet<(usize, usize)>,
        ) {
            let enclosing_fn = Regex::new(r"\bfn\s+(\w+)\s*(?:<[^(]*>)?\(([^)]*)\)").expect("regex");
            let identifier = Regex::new(r"^[a-z_][a-z0-9_]*$").expect("regex");
            for &(name, index, templates) in KEY_PARTS {
                let call = Regex::new(&format!(r"\b{name}\s*\(")).expect("regex");
                let mut calls = 0;
                for (file, source) in sources.iter().enumerate() {
                    for m in call.find_iter(&source.masked) {
                        let before = source.masked[..m.start()].trim_end();
                        if before.ends_with("fn") || before.ends_with('.') {
                            continue;
                        }
                        calls += 1;
                        let at = source.line(m.start());
                        let args = arguments(&source.masked, m.end() - 1);
                        let Some(&(start, end)) = args.get(index) else {
                            used.problems.push(format!("{at}: {name} has no argument {index}; fix KEY_PARTS"));
                            continue;
                        };
                        let raw = source.code[start..end].trim();
                        let arg = raw.trim_start_matches('&').trim();
                        let inside = |from: usize, to: usize| -> Vec<&(usize, usize, String)> {
                            source.literals.iter().filter(|l| l.0 >= from && l.1 <= to).collect()
                        };
                        let mut values: Vec<String> = Vec::new();
                        if arg.starts_with("format!") {
                            // Checked through DYNAMIC_KEYS.
                            formats.extend(inside(start, end).first().map(|l| (file, l.0)));
                            continue;
                        } else if arg.starts_with('"') || arg.starts_with("r\"") || arg.starts_with("r#") {
                            for l in inside(start, end) {
                                consumed.insert((file, l.0));
                                values.push(l.2.clone());
                            }
                        } else if let Some(&(_, _, all)) = FOLLOWED_BY_HAND.iter().find(|(f, a, _)| *f == name && *a == arg) {
                            values.extend(all().into_iter().map(str::to_owned));
                        } else if identifier.is_match(arg) {
                            let forwarded = enclosing_fn
                                .captures_iter(&source.masked[..m.start()])
                                .last()
                                .is_some_and(|c| KEY_PARTS.iter().any(|(n, _, _)| *n == &c[1]) && c[2].contains(&format!("{arg}:")));
                            if forwarded {
                                continue; // Checked at the callers of the enclosing function.
                            }
                            let binding = Regex::new(&format!(r"\blet\s+{arg}\s*=")).expect("regex");
                            if let Some(b) = binding.find_iter(&source.masked[..m.start()]).last() {
                                let stop = source.masked[b.end()..].find(';').map_or(m.start(), |i| b.end() + i);
                                // Only a choice among literals (`if … { "a" } else { "b" }`)
                                // shows all values; a call or a constant may add others.
                                let choice = !source.masked[b.end()..stop]
                                    .contains(|c: char| c == '(' || c == '.' || c == ':' || c.is_ascii_uppercase());
                                for l in inside(b.end(), stop).into_iter().filter(|_| choice) {
                                    consumed.insert((file, l.0));
                                    values.push(l.2.clone());
                                }
                            }
                        }
                        if values.is_empty() {
                            used.problems.push(format!(
                                "{at}: cannot tell which keys `{raw}` makes for {name}; pass a literal or add it to FOLLOWED_BY_HAND"
                            ));
                        }
                        for value in values {
                            for template in templates {
                                used.add(template.replace("{}", &value), at.clone());
                            }
                        }
                    }
                }
                if calls == 0 {
                    used.problems.push(format!("no call of {name} found: renamed? fix KEY_PARTS"));
                }
            }
        }

        /// Checks every `format!` that builds something of key shape against
        /// [`DYNAMIC_KEYS`].
        fn dynamic_keys(sources: &[Source], scan: &Scan, key_parts: &BTreeSet<(usize, usize)>, used: &mut Used) {
            let placeholder = Regex::new(r"\{[^{}]*\}").expect("regex");
            let mut found = BTreeSet::new();
            for (file, source) in sources.iter().enumerate() {
                for (start, _, value) in &source.literals {
                    let Some(before) = source.masked[..*start].trim_end().strip_suffix("format!(") else { continue };
                    let before = &before[before.len().saturating_sub(200)..];
                    let built = placeholder.replace_all(value, "x");
                    let is_key =
                        scan.in_call(before) || scan.bound_to_key(before) || scan.namespaced(value) || key_parts.contains(&(file, *start));
                    if !placeholder.is_match(value) || !scan.shape.is_match(&built) || !is_key {
                        continue;
                    }
                    let at = source.line(*start);
                    let Some((_, _, how)) = DYNAMIC_KEYS.iter().find(|(file, format, _)| *file == source.path && format == value) else {
                        used.problems.push(format!(
                            "{at}: format!(\"{value}\") builds a key nobody checks; add it to DYNAMIC_KEYS with all its values or its fallback"
                        ));
                        continue;
                    };
                    found.insert((source.path.as_str(), value.as_str()));
                    match how {
                        Dynamic::Keys(keys) => keys().into_iter().for_each(|k| used.add(k, at.clone())),
                        Dynamic::KeyPart(name) => assert!(KEY_PARTS.iter().any(|(n, _, _)| n == name), "{name} is not in KEY_PARTS"),
                        Dynamic::FallsBack(why) => eprintln!("{at}: format!(\"{value}\") is not checked: {why}"),
                    }
                }
            }
            for (file, format, _) in DYNAMIC_KEYS {
                if !found.contains(&(*file, *format)) {
                    used.problems.push(format!("DYNAMIC_KEYS lists format!(\"{format}\") in {file}, which is not there any more"));
                }
            }
        }

        /// What the scan knows of keys: their shape, the namespaces of the
        /// locale files, and the positions where a literal is a key.
        struct Scan {
            shape: Regex,
            namespaces: BTreeSet<String>,
            /// Before an argument of `t`, `t_args`, `t1` or the title of `Page::new`.
            call: Regex,
            /// Before a value bound to a name with `key` in it: a field, a
            /// `let`, a `const`, the body of a `fn …_key`.
            binding: Regex,
        }

        impl Scan {
            fn new(namespaces: BTreeSet<String>) -> Self {
                let regex = |r: &str| Regex::new(r).expect("regex");
                Scan {
                    shape: regex(KEY_SHAPE),
                    namespaces,
                    call: regex(r"(?:\b(?:t|t_args|t1)\(|Page::new\([^;()]*,)\s*&?$"),
                    binding: regex(concat!(
                        r"(?i:\w*key\w*)\s*(?::\s*&(?:'static\s+)?str\s*)?[:=]\s*(?:Some\(\s*)?&?$",
                        r"|\bfn\s+\w*key\w*\s*\([^)]*\)[^{;]*\{\s*$",
                    )),
                }
            }

            fn in_call(&self, before: &str) -> bool {
                self.call.is_match(before)
            }

            fn bound_to_key(&self, before: &str) -> bool {
                self.binding.is_match(before)
            }

            /// Starts with a namespace of the locale files (`bo-`, `portal-`).
            fn namespaced(&self, text: &str) -> bool {
                text.split_once('-').is_some_and(|(first, _)| self.namespaces.contains(first))
            }
        }

        /// Literal keys: any literal in a call of `t` and the like; one of key
        /// shape bound to a key name or in a namespace of the locale files.
        fn literal_keys(sources: &[Source], scan: &Scan, consumed: &BTreeSet<(usize, usize)>, used: &mut Used) {
            for (file, source) in sources.iter().enumerate() {
                for (start, end, value) in &source.literals {
                    if consumed.contains(&(file, *start)) {
                        continue;
                    }
                    let after = source.masked[*end..].trim_start().trim_start_matches(')').trim_start();
                    if after.starts_with("=>") || (after.starts_with('|') && !after.starts_with("||")) {
                        continue; // A match pattern: a value from a URL or a form.
                    }
                    let before = &source.masked[start.saturating_sub(200)..*start];
                    let shaped = scan.shape.is_match(value);
                    if scan.in_call(before) || (shaped && (scan.bound_to_key(before) || scan.namespaced(value))) {
                        used.add(value.clone(), source.line(*start));
                    }
                }
            }
        }

        fn used_keys(namespaces: BTreeSet<String>) -> Used {
            let sources = sources();
            assert!(sources.len() > 100, "the scan found only {} source files in {SRC_DIR}", sources.len());
            let mut used = Used { keys: BTreeMap::new(), problems: Vec::new() };
            let scan = Scan::new(namespaces);
            let (mut consumed, mut formats) = (BTreeSet::new(), BTreeSet::new());
            key_part_calls(&sources, &mut used, &mut consumed, &mut formats);
            dynamic_keys(&sources, &scan, &formats, &mut used);
            literal_keys(&sources, &scan, &consumed, &mut used);
            used
        }

        #[test]
        fn every_key_the_code_and_the_templates_use_exists_in_every_language() {
            let all: Vec<(Lang, BTreeSet<String>)> = Lang::ALL.iter().map(|&l| (l, messages(l).into_keys().collect())).collect();
            let namespaces: BTreeSet<String> =
                all.iter().flat_map(|(_, ids)| ids.iter().map(|id| id.split('-').next().unwrap_or("").to_owned())).collect();
            let used = used_keys(namespaces);
            assert!(used.keys.len() > 500, "the scan found only {} keys: is it broken?", used.keys.len());
            let mut problems = used.problems;
            for (key, places) in &used.keys {
                let missing: Vec<&str> = all.iter().filter(|(_, ids)| !ids.contains(key)).map(|(l, _)| l.code()).collect();
                if !missing.is_empty() {
                    let places: Vec<&str> = places.iter().map(String::as_str).collect();
                    problems.push(format!("{key} (used at {}) is missing in {}", places.join(", "), missing.join(", ")));
                }
            }
            assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
        }
    }
}
