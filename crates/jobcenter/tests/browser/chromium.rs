//! The one helper module of the browser tests: launches headless Debian
//! Chromium over CDP (chromiumoxide), drives a tab the way a person does
//! (fields by their visible label, buttons and links by their text), waits
//! for each navigation to finish instead of sleeping, runs axe-core on every
//! page it loads, and records what the browser reports (uncaught exceptions,
//! console errors, failed subresources).
//!
//! All DOM lookups and axe run in an *isolated world* (a separate
//! JavaScript context on the same DOM, as browser extensions use): it sees
//! the page exactly as rendered, leaves the page's own globals alone, and is
//! not bound by the page's Content-Security-Policy (`script-src 'self'`
//! forbids inline script). Input reaches the page as real CDP mouse and
//! keyboard events, so the page's own JavaScript (when on) sees the same
//! events as with a person at the keyboard.
//!
//! Every wait is for a condition (a new document loaded completely, a text
//! shown, axe finished), polled up to a deadline, never a fixed sleep; the
//! deadlines are generous ([`STEP_TIMEOUT`], [`CDP_TIMEOUT`]) so that a
//! machine busy with other work (load 8–12 on two cores) makes the tests
//! slower but does not fail them.

use chromiumoxide::Page;
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::dom::SetFileInputFilesParams;
use chromiumoxide::cdp::browser_protocol::emulation::{
    SetDeviceMetricsOverrideParams, SetFocusEmulationEnabledParams, SetScriptExecutionDisabledParams,
};
use chromiumoxide::cdp::browser_protocol::input::{DispatchKeyEventParams, DispatchKeyEventType, InsertTextParams};
use chromiumoxide::cdp::browser_protocol::log::{EventEntryAdded, LogEntryLevel, LogEntrySource};
use chromiumoxide::cdp::browser_protocol::page::{
    CreateIsolatedWorldParams, EventLoadEventFired, FrameId, GetFrameTreeParams, NavigateParams,
};
use chromiumoxide::cdp::js_protocol::runtime::{EvaluateParams, EventExceptionThrown, ExecutionContextId, RemoteObjectId};
use chromiumoxide::handler::viewport::Viewport;
use chromiumoxide::layout::Point;
use futures::StreamExt;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where Debian's `chromium` package puts the browser; `JOBCENTER_CHROMIUM`
/// may name another binary.
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// How long one navigation (the request and the new document's loading),
/// one axe run or one wait for a condition may take. Normally a step takes
/// well under a second; on a machine busy with other work (load 8–12 on two
/// cores) a login page with its Argon2 hash took over 20 s, so the deadline
/// is far above that: a loaded machine slows the tests, a page that never
/// comes still fails them.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(90);

/// How long Chromium may take to answer one CDP command. Above
/// [`STEP_TIMEOUT`], so that a step that takes too long fails with our
/// message (what was awaited, on which page) rather than chromiumoxide's
/// bare `Timeout`. chromiumoxide also holds `Page.navigate` open until
/// the new document has loaded, under this timeout.
const CDP_TIMEOUT: Duration = Duration::from_secs(120);

/// How long Chromium may take to start (and open its debugging port).
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(120);

/// How often a wait looks at its condition again.
const POLL: Duration = Duration::from_millis(100);

/// The name of our isolated world in each document.
const WORLD: &str = "jobcenter-browser-test";

/// The WCAG 2.1 A/AA rule set (DESIGN.md section 4).
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Flags from DESIGN.md section 4. chromiumoxide adds `--headless` (its
/// default mode; with it `--hide-scrollbars --mute-audio`), `--no-sandbox`
/// (with `--disable-setuid-sandbox`), `--user-data-dir` (a fresh temporary
/// directory), `--remote-debugging-port=0` and `--disable-extensions`; its
/// own long list of default flags is switched off.
const FLAGS: [&str; 6] =
    ["disable-gpu", "disable-background-networking", "disable-component-update", "disable-sync", "no-first-run", "disable-quic"];

/// A German browser: `Accept-Language: de-DE,de`, which the app follows
/// when there is no `?lang=` and no language cookie. (Without it Chromium
/// sends the machine's locale, usually `en-US`.)
const ACCEPT_LANGUAGE: (&str, &str) = ("accept-lang", "de-DE,de");

fn chromium_path() -> PathBuf {
    let path = PathBuf::from(std::env::var("JOBCENTER_CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.into()));
    assert!(
        path.is_file(),
        "Chromium is missing: {} does not exist. The browser tests need headless Chromium \
         (Debian: `apt-get install chromium`; the CI script installs it on fresh machines). \
         They fail rather than skip, because a skipped browser test would be a lie.",
        path.display()
    );
    path
}

/// axe-core from the npm lockfile (`node_modules/axe-core/axe.min.js`).
fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing ({}: {e}). Run `npm ci` in the workspace root; \
             the browser tests fail rather than skip without it.",
            path.display()
        )
    })
}

/// One headless Chromium with a fresh profile.
pub struct Chromium {
    browser: Browser,
    handler: tokio::task::JoinHandle<()>,
    _profile: tempfile::TempDir,
}

impl Chromium {
    /// Starts Chromium with the flags of DESIGN.md and a fresh profile. The
    /// process is killed when this value is dropped (e.g. by a failing
    /// test); [`Chromium::close`] ends it orderly.
    pub async fn launch() -> Self {
        let executable = chromium_path();
        let profile = tempfile::tempdir().expect("temporary Chromium profile");
        let config = BrowserConfig::builder()
            .chrome_executable(&executable)
            .disable_default_args()
            .no_sandbox()
            .user_data_dir(profile.path())
            .args(FLAGS)
            .arg(ACCEPT_LANGUAGE)
            .window_size(1280, 1024)
            .viewport(Viewport { width: 1280, height: 1024, ..Viewport::default() })
            .launch_timeout(LAUNCH_TIMEOUT)
            .request_timeout(CDP_TIMEOUT)
            .build()
            .expect("Chromium configuration");
        let (browser, mut handler) =
            Browser::launch(config).await.unwrap_or_else(|e| panic!("Chromium ({}) did not start: {e}", executable.display()));
        let handler = tokio::spawn(async move {
            while let Some(event) = handler.next().await {
                if let Err(e) = event {
                    eprintln!("[chromium] CDP handler: {e}");
                }
            }
        });
        Self { browser, handler, _profile: profile }
    }

    /// A new tab. With `javascript: false` the page's own scripts are off
    /// (`Emulation.setScriptExecutionDisabled`) for everything it loads.
    pub async fn tab(&self, javascript: bool) -> Tab {
        let page = self.browser.new_page("about:blank").await.expect("new tab");
        page.execute(SetFocusEmulationEnabledParams::new(true)).await.expect("focus emulation");
        if !javascript {
            page.execute(SetScriptExecutionDisabledParams::new(true)).await.expect("disable scripts");
        }
        let tree = page.execute(GetFrameTreeParams::default()).await.expect("frame tree");
        let frame = tree.result.frame_tree.frame.id.clone();
        let console = Arc::new(Mutex::new(Vec::new()));
        page.enable_log().await.expect("Log.enable");
        let mut log = page.event_listener::<EventEntryAdded>().await.expect("log entries");
        let mut thrown = page.event_listener::<EventExceptionThrown>().await.expect("exceptions");
        let sink = console.clone();
        tokio::spawn(async move {
            while let Some(e) = log.next().await {
                let e = &e.entry;
                let entry = ConsoleEntry {
                    error: e.level == LogEntryLevel::Error,
                    network: e.source == LogEntrySource::Network,
                    text: format!("{:?} {:?}: {}", e.source, e.level, e.text),
                    url: e.url.clone().unwrap_or_default(),
                };
                if !entry.error {
                    eprintln!("[chromium] {} ({})", entry.text, entry.url);
                }
                sink.lock().unwrap().push(entry);
            }
        });
        let sink = console.clone();
        tokio::spawn(async move {
            while let Some(e) = thrown.next().await {
                let d = &e.exception_details;
                let text = d.exception.as_ref().and_then(|x| x.description.clone()).unwrap_or_else(|| d.text.clone());
                let url = format!("{}:{}", d.url.as_deref().unwrap_or_default(), d.line_number + 1);
                sink.lock().unwrap().push(ConsoleEntry { error: true, network: false, text: format!("uncaught: {text}"), url });
            }
        });
        Tab { page, frame, javascript, axe_source: axe_source(), axe_reports: Mutex::default(), documents: Mutex::default(), console }
    }

    /// Closes the browser and waits for its process to end.
    pub async fn close(mut self) {
        let _ = self.browser.close().await;
        let _ = self.browser.wait().await;
        let _ = (&mut self.handler).await;
    }
}

/// Something the browser logged.
#[derive(Debug, Clone)]
struct ConsoleEntry {
    error: bool,
    network: bool,
    text: String,
    url: String,
}

/// What axe found on one page.
#[derive(Debug)]
pub struct AxeReport {
    pub url: String,
    pub title: String,
    pub violations: Vec<AxeViolation>,
}

#[derive(Debug, Deserialize)]
pub struct AxeViolation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<AxeNode>,
}

#[derive(Debug, Deserialize)]
pub struct AxeNode {
    pub target: Value,
    pub html: String,
    pub summary: Option<String>,
}

impl std::fmt::Display for AxeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} ({}): {} violation(s)", self.url, self.title, self.violations.len())?;
        for v in &self.violations {
            writeln!(f, "  - rule {} [impact: {}]: {} <{}>", v.id, v.impact.as_deref().unwrap_or("?"), v.help, v.help_url)?;
            for n in &v.nodes {
                writeln!(f, "      target {}  {}", n.target, n.html)?;
                for line in n.summary.iter().flat_map(|s| s.lines()) {
                    writeln!(f, "        {line}")?;
                }
            }
        }
        Ok(())
    }
}

/// One tab, driven by visible texts.
pub struct Tab {
    pub page: Page,
    frame: FrameId,
    javascript: bool,
    axe_source: String,
    axe_reports: Mutex<Vec<AxeReport>>,
    /// Every document loaded (their own 4xx status is no console error).
    documents: Mutex<Vec<String>>,
    console: Arc<Mutex<Vec<ConsoleEntry>>>,
}

/// The helper functions every lookup in the isolated world may use; `ARG`
/// is the JSON argument of the call.
const HELPERS: &str = r#"
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const visible = (e) => e.getClientRects().length > 0;
const here = () => location.pathname + location.search;
function field(name) {
  const byLabel = [...new Set([...document.querySelectorAll('label')]
    .filter((l) => norm(l.textContent) === name).map((l) => l.control).filter(Boolean))];
  if (byLabel.length > 1) throw new Error(`the label "${name}" names ${byLabel.length} fields on ${here()}`);
  if (byLabel.length === 1) return byLabel[0];
  const byId = document.getElementById(name);
  if (byId && byId.matches('input, select, textarea')) return byId;
  const labels = [...document.querySelectorAll('label')].map((l) => JSON.stringify(norm(l.textContent))).join(', ');
  throw new Error(`no field labelled "${name}" (and no field with that id) on ${here()}; labels: ${labels}`);
}
function clickable(kind, text) {
  const selector = kind === 'button' ? 'button, input[type=submit], input[type=button]' : 'a[href]';
  const all = [...document.querySelectorAll(selector)].filter(visible);
  const found = all.filter((e) => norm(e.innerText || e.value) === text);
  if (found.length === 0)
    throw new Error(`no visible ${kind} "${text}" on ${here()}; ${kind}s: ${all.map((e) => JSON.stringify(norm(e.innerText || e.value))).join(', ')}`);
  if (kind === 'link' && new Set(found.map((e) => e.href)).size > 1)
    throw new Error(`the link text "${text}" leads to different places on ${here()}: ${found.map((e) => e.href).join(', ')}`);
  if (kind === 'button' && found.length > 1) throw new Error(`${found.length} buttons "${text}" on ${here()}`);
  return found[0];
}
function centre(el, accept) {
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  if (!hit || !(hit === el || el.contains(hit) || (accept && accept(hit))))
    throw new Error(`${el.outerHTML.slice(0, 120)} is covered by ${hit ? hit.outerHTML.slice(0, 120) : 'nothing'}`);
  return { x, y };
}
"#;

impl Tab {
    /// The context id of our isolated world in the current document
    /// (created on first use in each document).
    async fn world(&self) -> Result<ExecutionContextId, String> {
        let params = CreateIsolatedWorldParams::builder().frame_id(self.frame.clone()).world_name(WORLD).build()?;
        let r = self.page.execute(params).await.map_err(|e| e.to_string())?;
        Ok(r.result.execution_context_id)
    }

    /// Evaluates `expression` in the isolated world (awaiting a promise);
    /// an exception is an error with the message from the page.
    async fn try_eval(&self, expression: &str) -> Result<Value, String> {
        let context = self.world().await?;
        let params =
            EvaluateParams::builder().expression(expression).context_id(context).return_by_value(true).await_promise(true).build()?;
        let r = self.page.execute(params).await.map_err(|e| e.to_string())?;
        if let Some(ex) = &r.result.exception_details {
            let text = ex.exception.as_ref().and_then(|e| e.description.clone()).unwrap_or_else(|| ex.text.clone());
            return Err(text.lines().next().unwrap_or_default().to_owned());
        }
        Ok(r.result.result.value.clone().unwrap_or(Value::Null))
    }

    /// Evaluates the function body `body` (which may use the helpers and
    /// `ARG`) and returns its value; panics with the page's message on an
    /// exception.
    pub async fn eval<T: DeserializeOwned>(&self, body: &str, arg: Value) -> T {
        let expression = format!("(() => {{ const ARG = {arg}; {HELPERS}\n{body}\n}})()");
        let value = self.try_eval(&expression).await.unwrap_or_else(|e| panic!("in the page: {e}"));
        serde_json::from_value(value).expect("a value of the expected type")
    }

    /// Waits until the function body `body` (as for [`Tab::eval`]) returns
    /// something other than `null`, `undefined` or `false`, asking every
    /// [`POLL`] up to [`STEP_TIMEOUT`], and returns that value. An exception
    /// (a document being replaced, say) counts as "not yet"; at the deadline
    /// the test fails with `what`, the page's address and the last answer.
    pub async fn wait_until<T: DeserializeOwned>(&self, what: &str, body: &str, arg: Value) -> T {
        let expression = format!("(() => {{ const ARG = {arg}; {HELPERS}\n{body}\n}})()");
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            let last = self.try_eval(&expression).await;
            if let Ok(v) = &last
                && !matches!(v, Value::Null | Value::Bool(false))
            {
                return serde_json::from_value(v.clone()).expect("a value of the expected type");
            }
            if Instant::now() >= deadline {
                panic!("{what}: not so within {STEP_TIMEOUT:?} on {} (last answer: {last:?})", self.url().await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the page shows `text` and has loaded completely (its
    /// own script may change it or move on to another page meanwhile).
    pub async fn wait_for_text(&self, text: &str) {
        let _: bool = self
            .wait_until(
                &format!("waiting for {text:?}"),
                "return document.readyState === 'complete' && !!document.body && document.body.innerText.includes(ARG);",
                json!(text),
            )
            .await;
    }

    /// The remote object of what the function body `body` returns (a DOM
    /// node, say), for CDP commands that take an object id.
    async fn object(&self, body: &str, arg: Value) -> RemoteObjectId {
        let expression = format!("(() => {{ const ARG = {arg}; {HELPERS}\n{body}\n}})()");
        let context = self.world().await.unwrap_or_else(|e| panic!("no isolated world: {e}"));
        let params = EvaluateParams::builder().expression(expression).context_id(context).build().expect("evaluate");
        let r = self.page.execute(params).await.expect("Runtime.evaluate");
        if let Some(ex) = &r.result.exception_details {
            let text = ex.exception.as_ref().and_then(|e| e.description.clone()).unwrap_or_else(|| ex.text.clone());
            panic!("in the page: {}", text.lines().next().unwrap_or_default());
        }
        r.result.result.object_id.clone().expect("an object, not a value")
    }

    /// The identity of the current document (its time origin) and whether
    /// it has loaded completely.
    async fn document_state(&self) -> Option<(f64, bool)> {
        let v = self.try_eval("[performance.timeOrigin, document.readyState === 'complete']").await.ok()?;
        Some((v[0].as_f64()?, v[1].as_bool()?))
    }

    /// Runs `action`, which starts a navigation, and waits until a new
    /// document has loaded completely (a POST answered by a redirect or by
    /// the same address counts): the condition is checked at each `load`
    /// event and, in case an event slipped past or the document was not yet
    /// ready to be asked, every [`POLL`] — the action and the wait together
    /// up to [`STEP_TIMEOUT`]. Then checks that all its style sheets loaded,
    /// so that axe sees the page as styled.
    async fn navigating<F: std::future::Future<Output = ()>>(&self, what: &str, action: F) {
        let before = self.document_state().await.map(|s| s.0);
        let mut loads = self.page.event_listener::<EventLoadEventFired>().await.expect("load events");
        let started = Instant::now();
        let arrived = tokio::time::timeout(STEP_TIMEOUT, async {
            action.await;
            loop {
                if let Some((origin, true)) = self.document_state().await
                    && Some(origin) != before
                {
                    return;
                }
                // Whichever comes first: the next load event or the poll.
                if let Ok(None) = tokio::time::timeout(POLL, loads.next()).await {
                    tokio::time::sleep(POLL).await;
                }
            }
        })
        .await;
        if arrived.is_err() {
            panic!("{what}: no new page loaded within {STEP_TIMEOUT:?} (still at {})", self.url().await);
        }
        let took = started.elapsed();
        if took > Duration::from_secs(10) {
            eprintln!("[chromium] {what} took {took:.1?} (a busy machine?)");
        }
        let url = self.url().await;
        let unstyled: Vec<String> = self
            .eval(
                "return [...document.querySelectorAll('link[rel=stylesheet]')]
                   .filter((l) => !l.sheet || l.sheet.cssRules.length === 0).map((l) => l.href);",
                Value::Null,
            )
            .await;
        assert!(unstyled.is_empty(), "{url}: style sheets did not load: {unstyled:?}");
        self.documents.lock().unwrap().push(url);
    }

    /// Declares that a request to the absolute address `url` is expected
    /// to be refused with an error status (a JSON endpoint answering 401,
    /// say): the browser's console line about that response is no error.
    pub fn expect_refused(&self, url: &str) {
        self.documents.lock().unwrap().push(url.to_owned());
    }

    /// Opens an absolute address (typed in or from a mail) and runs axe.
    pub async fn open(&self, url: &str) {
        self.navigate(url).await;
        self.axe().await;
    }

    async fn navigate(&self, url: &str) {
        self.navigating(&format!("opening {url}"), async {
            let r = self.page.execute(NavigateParams::new(url)).await.expect("Page.navigate");
            if let Some(e) = &r.result.error_text {
                panic!("opening {url} failed: {e}");
            }
        })
        .await;
    }

    /// Clicks the visible button with this text (a form submit), waits for
    /// the next page and runs axe on it.
    pub async fn click_button(&self, text: &str) {
        self.click_navigating("button", text).await;
    }

    /// Clicks the visible link with this text (several links with it must
    /// lead to the same place), waits for the next page and runs axe on it.
    pub async fn click_link(&self, text: &str) {
        self.click_navigating("link", text).await;
    }

    async fn click_navigating(&self, kind: &str, text: &str) {
        let point = self.point(&format!("return centre(clickable('{kind}', ARG));"), json!(text)).await;
        self.navigating(&format!("clicking the {kind} {text:?}"), async {
            self.page.click(point).await.expect("mouse click");
        })
        .await;
        self.axe().await;
    }

    async fn point(&self, body: &str, arg: Value) -> Point {
        let p: Value = self.eval(body, arg).await;
        Point { x: p["x"].as_f64().expect("x"), y: p["y"].as_f64().expect("y") }
    }

    /// The current value of the field with this label (or id).
    pub async fn value(&self, label: &str) -> String {
        self.eval("return field(ARG).value;", json!(label)).await
    }

    /// Fills the field with this label (or id) with `text` as one text
    /// input (`Input.insertText`), replacing what it held.
    pub async fn fill(&self, label: &str, text: &str) {
        let focused: bool = self
            .eval(
                "const f = field(ARG); f.scrollIntoView({ block: 'center', behavior: 'instant' });
                 f.focus(); f.select(); return document.activeElement === f;",
                json!(label),
            )
            .await;
        assert!(focused, "the field {label:?} does not take the focus");
        if text.is_empty() {
            self.eval::<Value>("field(ARG).value = ''; return null;", json!(label)).await;
        } else {
            self.page.execute(InsertTextParams::new(text)).await.expect("Input.insertText");
        }
        assert_eq!(self.value(label).await, text, "the field {label:?} after filling it");
    }

    /// Types `text` key by key at the end of the field with this label (or
    /// id).
    pub async fn type_keys(&self, label: &str, text: &str) {
        let focused: bool = self
            .eval(
                "const f = field(ARG); f.focus(); f.setSelectionRange(f.value.length, f.value.length);
                 return document.activeElement === f;",
                json!(label),
            )
            .await;
        assert!(focused, "the field {label:?} does not take the focus");
        for c in text.chars() {
            let s = c.to_string();
            let down = DispatchKeyEventParams::builder()
                .r#type(DispatchKeyEventType::KeyDown)
                .key(s.clone())
                .text(s.clone())
                .unmodified_text(s.clone())
                .build()
                .expect("key down");
            let up = DispatchKeyEventParams::builder().r#type(DispatchKeyEventType::KeyUp).key(s).build().expect("key up");
            self.page.execute(down).await.expect("key down");
            self.page.execute(up).await.expect("key up");
        }
    }

    /// Ticks the checkbox with this label (or id) with a mouse click on it.
    pub async fn tick(&self, label: &str) {
        let point = self
            .point(
                "const f = field(ARG);
                 if (f.type !== 'checkbox') throw new Error(`${ARG} is no checkbox`);
                 if (f.checked) throw new Error(`${ARG} is ticked already`);
                 return centre(f, (hit) => [...f.labels].includes(hit));",
                json!(label),
            )
            .await;
        self.page.click(point).await.expect("mouse click");
        let checked: bool = self.eval("return field(ARG).checked;", json!(label)).await;
        assert!(checked, "the checkbox {label:?} is not ticked after a click on it");
    }

    /// Chooses the radio button with this label (or id) with a mouse click
    /// on it.
    pub async fn choose(&self, label: &str) {
        let point = self
            .point(
                "const f = field(ARG);
                 if (f.type !== 'radio') throw new Error(`${ARG} is no radio button`);
                 return centre(f, (hit) => [...f.labels].includes(hit));",
                json!(label),
            )
            .await;
        self.page.click(point).await.expect("mouse click");
        let checked: bool = self.eval("return field(ARG).checked;", json!(label)).await;
        assert!(checked, "the radio button {label:?} is not chosen after a click on it");
    }

    /// Sets a date or time input (`yyyy-mm-dd`, `hh:mm`) as its picker
    /// would (the `input` and `change` events follow).
    pub async fn set_value(&self, label: &str, value: &str) {
        let ok: bool = self
            .eval(
                "const [label, value] = ARG; const f = field(label); f.value = value;
                 f.dispatchEvent(new Event('input', { bubbles: true })); f.dispatchEvent(new Event('change', { bubbles: true }));
                 return f.value === value;",
                json!([label, value]),
            )
            .await;
        assert!(ok, "{value} in {label:?}");
    }

    /// Chooses the option with the visible text `option` in the select box
    /// with this label (or id), as the keyboard would (the `change` event
    /// follows).
    pub async fn select(&self, label: &str, option: &str) {
        let chosen: bool = self
            .eval(
                "const [label, option] = ARG; const f = field(label);
                 const o = [...f.options].find((o) => norm(o.text) === option);
                 if (!o) throw new Error(`no option ${JSON.stringify(option)} in ${label}: ${[...f.options].map((o) => norm(o.text)).join(', ')}`);
                 f.focus(); f.value = o.value;
                 f.dispatchEvent(new Event('input', { bubbles: true })); f.dispatchEvent(new Event('change', { bubbles: true }));
                 return f.selectedOptions[0] === o;",
                json!([label, option]),
            )
            .await;
        assert!(chosen, "the option {option:?} of {label:?} is chosen");
    }

    /// Puts `files` into the file input with this label (or id), as the
    /// file chooser would (`DOM.setFileInputFiles`; the `input` and
    /// `change` events follow).
    pub async fn set_files(&self, label: &str, files: &[&Path]) {
        let input = self
            .object("const f = field(ARG); if (f.type !== 'file') throw new Error(`${ARG} is no file input`); return f;", json!(label))
            .await;
        let paths = files.iter().map(|p| p.to_str().expect("a UTF-8 path").to_owned());
        let params = SetFileInputFilesParams::builder().files(paths).object_id(input).build().expect("file input parameters");
        self.page.execute(params).await.expect("DOM.setFileInputFiles");
        let names: Vec<String> = self.eval("return [...field(ARG).files].map((f) => f.name);", json!(label)).await;
        let want: Vec<String> = files.iter().map(|p| p.file_name().expect("a file name").to_string_lossy().into_owned()).collect();
        assert_eq!(names, want, "the files chosen in {label:?}");
    }

    /// Makes the tab a phone screen `width` × `height` CSS pixels wide
    /// (`Emulation.setDeviceMetricsOverride`, mobile: the page's viewport
    /// meta tag counts); the current page lays itself out anew.
    pub async fn emulate_phone(&self, width: i64, height: i64) {
        let params = SetDeviceMetricsOverrideParams::builder()
            .width(width)
            .height(height)
            .device_scale_factor(2.0)
            .mobile(true)
            .build()
            .expect("device metrics");
        self.page.execute(params).await.expect("Emulation.setDeviceMetricsOverride");
    }

    /// The visible text of the page.
    pub async fn text(&self) -> String {
        self.eval("return document.body.innerText;", Value::Null).await
    }

    /// The visible text of the first element matching `selector`.
    pub async fn text_of(&self, selector: &str) -> String {
        self.eval(
            "const e = document.querySelector(ARG);
             if (!e) throw new Error(`nothing matches ${ARG} on ${here()}`);
             return e.innerText;",
            json!(selector),
        )
        .await
    }

    /// The current address (empty while there is no document to ask).
    pub async fn url(&self) -> String {
        self.try_eval("location.href").await.ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// The path and query of the current address.
    pub async fn path(&self) -> String {
        self.eval("return here();", Value::Null).await
    }

    /// The `lang` attribute of `<html>`.
    pub async fn html_lang(&self) -> String {
        self.eval("return document.documentElement.lang;", Value::Null).await
    }

    /// Asserts that the page shows `expected` in its visible text.
    pub async fn expect_text(&self, expected: &str) {
        let text = self.text().await;
        assert!(text.contains(expected), "expected {expected:?} on {}; the page shows:\n{text}", self.url().await);
    }

    /// Asserts that the `<h1>` reads `expected`.
    pub async fn expect_heading(&self, expected: &str) {
        let h1 = self.text_of("h1").await;
        assert_eq!(h1.trim(), expected, "the heading of {}", self.url().await);
    }

    /// Runs axe-core (WCAG 2.1 A/AA) on the current page and records what it
    /// found; [`Tab::assert_clean`] fails the test if it found anything.
    /// Violations are also printed at once.
    pub async fn axe(&self) {
        let report = self.axe_report().await;
        if !report.violations.is_empty() {
            eprintln!("[axe] {report}");
        }
        self.axe_reports.lock().unwrap().push(report);
    }

    async fn axe_report(&self) -> AxeReport {
        // axe-core needs timers (setTimeout, MessageChannel), and Chromium
        // does not fire those while the page's scripts are off, not even in
        // an isolated world (axe.run never settles). So with JavaScript off,
        // script execution is allowed for the axe run only and switched off
        // again right after. None of the page's own code can run in that
        // window: `app.js` was blocked while the page loaded and is not run
        // later, and the CSP forbids inline scripts and handlers. The
        // journey without JavaScript checks on later pages that the page's
        // script still has not run (the password checklist stays as the
        // server rendered it, the error summary does not take the focus).
        if !self.javascript {
            self.page.execute(SetScriptExecutionDisabledParams::new(false)).await.expect("allow scripts for axe");
        }
        let report = self.run_axe().await;
        if !self.javascript {
            self.page.execute(SetScriptExecutionDisabledParams::new(true)).await.expect("disable scripts after axe");
        }
        report.unwrap_or_else(|e| panic!("{e}"))
    }

    async fn run_axe(&self) -> Result<AxeReport, String> {
        if self.try_eval("typeof axe === 'object'").await? != Value::Bool(true) {
            self.try_eval(&self.axe_source).await.map_err(|e| format!("axe-core does not load: {e}"))?;
        }
        let run = format!(
            "axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, resultTypes: ['violations'] }})
               .then((r) => ({{ url: location.href, title: document.title, violations: r.violations.map((v) => ({{
                 id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                 nodes: v.nodes.map((n) => ({{ target: n.target, html: n.html, summary: n.failureSummary }})) }})) }}))",
            tags = json!(AXE_TAGS)
        );
        let Ok(result) = tokio::time::timeout(STEP_TIMEOUT, self.try_eval(&run)).await else {
            return Err(format!("axe did not finish on {} within {STEP_TIMEOUT:?}", self.url().await));
        };
        let result = result.map_err(|e| format!("axe failed: {e}"))?;
        Ok(AxeReport {
            url: result["url"].as_str().unwrap_or_default().to_owned(),
            title: result["title"].as_str().unwrap_or_default().to_owned(),
            violations: serde_json::from_value(result["violations"].clone()).map_err(|e| e.to_string())?,
        })
    }

    /// Proves that the axe check can fail: on a page without `lang` and
    /// with an image without alternative text, axe (run exactly as on our
    /// pages) must report both. Not counted among the pages checked.
    pub async fn assert_axe_finds_faults(&self) {
        self.navigate("data:text/html;charset=utf-8,<!DOCTYPE html><title>Fehler</title><main><img src='data:,'></main>").await;
        let found: Vec<String> = self.axe_report().await.violations.into_iter().map(|v| v.id).collect();
        for rule in ["html-has-lang", "image-alt"] {
            assert!(found.iter().any(|id| id == rule), "axe must report {rule} on a faulty page; it reported {found:?}");
        }
    }

    /// Fails unless axe ran on at least `min_pages` pages and found nothing
    /// on any of them (listing every violation: page, rule, impact,
    /// targets), and unless the browser logged no error: no uncaught
    /// exception, no console error, no failed subresource. The documents'
    /// own status codes (422 for a form with errors) and the favicon the
    /// app does not have are no errors.
    pub fn assert_clean(&self, min_pages: usize) {
        let reports = self.axe_reports.lock().unwrap();
        let bad: Vec<String> = reports.iter().filter(|r| !r.violations.is_empty()).map(ToString::to_string).collect();
        let pages: Vec<&str> = reports.iter().map(|r| r.url.as_str()).collect();
        assert!(bad.is_empty(), "axe-core found WCAG 2.1 A/AA violations on {} of {} pages:\n{}", bad.len(), reports.len(), bad.join("\n"));
        assert!(reports.len() >= min_pages, "axe ran on only {} pages, expected {min_pages}: {pages:#?}", reports.len());
        eprintln!("[axe] {} pages checked, no violations: {pages:#?}", reports.len());

        let documents = self.documents.lock().unwrap();
        let errors: Vec<String> = self
            .console
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.error)
            .filter(|e| !(e.network && (documents.contains(&e.url) || e.url.ends_with("/favicon.ico"))))
            .map(|e| format!("{} ({})", e.text, e.url))
            .collect();
        assert!(errors.is_empty(), "the browser reported errors:\n{}", errors.join("\n"));
    }
}
