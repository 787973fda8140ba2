//! Fetching content files, with errors a reader understands and cancellation
//! when the page that asked for them goes away.

use crate::i18n::{fill, t};
use folio_content::ContentError;
use folio_views::i18n::Msg;
use gloo_net::http::Request;
use std::cell::RefCell;
use std::fmt;
use web_sys::{AbortController, AbortSignal};

/// Why a content file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No response at all: offline, DNS, connection reset.
    Network(String),
    /// The file does not exist.
    NotFound,
    /// The server answered with an error status.
    Server(u16),
    /// The file arrived but is not valid content.
    Content(ContentError),
    /// The reader navigated away; nobody is waiting for the answer.
    Aborted,
    /// Offline, and no saved copy exists.
    NotSavedOffline,
    /// The offline library could not store what was fetched.
    Storage(String),
}

impl LoadError {
    /// A sentence for readers.
    pub fn reader_message(&self) -> String {
        match self {
            LoadError::Network(_) => t(Msg::ErrorNetwork).to_owned(),
            LoadError::NotFound => t(Msg::ErrorNotFound).to_owned(),
            LoadError::Server(status) => fill(Msg::ErrorServer, &[&status.to_string()]),
            LoadError::Content(e) => crate::i18n::content_message(e),
            LoadError::Aborted => t(Msg::ErrorAborted).to_owned(),
            LoadError::Storage(message) => message.clone(),
            LoadError::NotSavedOffline => t(Msg::ErrorNotSavedOffline).to_owned(),
        }
    }

    /// Whether trying again could help.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, LoadError::NotFound)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(d) => write!(f, "network error: {d}"),
            LoadError::NotFound => f.write_str("not found (404)"),
            LoadError::Server(s) => write!(f, "server error {s}"),
            LoadError::Content(e) => write!(f, "{e}"),
            LoadError::Aborted => f.write_str("aborted"),
            LoadError::NotSavedOffline => f.write_str("offline and not in the library"),
            LoadError::Storage(m) => write!(f, "storage: {m}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Fetches a site-relative file as text. Relative URLs resolve against the
/// document's `<base href>`, so a deployment under `/news/` needs no change.
pub async fn fetch_text(path: &str, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    fetch_conditional(path, None, signal)
        .await?
        .text
        .ok_or_else(|| LoadError::Network("304 without a conditional request".into()))
}

/// A response body with its validator; `text` is `None` when the server
/// answered 304 Not Modified.
pub struct Fetched {
    pub text: Option<String>,
    pub etag: Option<String>,
}

/// How a page is asked of the service worker (tools/gen-sw.cjs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageRequest {
    /// The worker's strategy for pages: a kept article at once, the front
    /// page and listings network first.
    Usual,
    /// Straight from the network, past the worker (a changed article).
    Fresh,
}

/// Fetches one of the site's pages as HTML.
pub async fn fetch_page(
    path: &str,
    how: PageRequest,
    signal: Option<&AbortSignal>,
) -> Result<String, LoadError> {
    let header = match how {
        PageRequest::Usual => "page",
        PageRequest::Fresh => "fresh",
    };
    fetch_with(path, &[("X-Folio", header)], signal)
        .await?
        .text
        .ok_or_else(|| LoadError::Network("304 without a conditional request".into()))
}

/// Fetches a file, conditionally when an `etag` from an earlier fetch is
/// given, so unchanged files cost a header exchange rather than a download.
pub async fn fetch_conditional(
    path: &str,
    etag: Option<&str>,
    signal: Option<&AbortSignal>,
) -> Result<Fetched, LoadError> {
    match etag {
        Some(tag) => fetch_with(path, &[("If-None-Match", tag)], signal).await,
        None => fetch_with(path, &[], signal).await,
    }
}

async fn fetch_with(
    path: &str,
    headers: &[(&str, &str)],
    signal: Option<&AbortSignal>,
) -> Result<Fetched, LoadError> {
    let mut request = Request::get(path).abort_signal(signal);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let response = request.send().await.map_err(|e| {
        if signal.is_some_and(|s| s.aborted()) {
            LoadError::Aborted
        } else {
            LoadError::Network(e.to_string())
        }
    })?;
    let etag = response.headers().get("etag");
    match response.status() {
        304 => Ok(Fetched { text: None, etag }),
        200..=299 => {
            let text = response
                .text()
                .await
                .map_err(|e| LoadError::Network(e.to_string()))?;
            Ok(Fetched {
                text: Some(text),
                etag,
            })
        }
        404 | 410 => Err(LoadError::NotFound),
        status => Err(LoadError::Server(status)),
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Fetches and decodes a content file.
pub async fn fetch_decoded<T>(
    path: &str,
    signal: Option<&AbortSignal>,
    decode: impl FnOnce(&str) -> Result<T, ContentError>,
) -> Result<T, LoadError> {
    let text = fetch_text(path, signal).await?;
    decode(&text).map_err(LoadError::Content)
}

/// One in-flight request per owner: starting a new one aborts the previous,
/// and dropping the owner aborts the last. A page keeps one so that switching
/// articles quickly does not leave stale downloads competing for bandwidth.
#[derive(Default)]
pub struct Inflight(RefCell<Option<AbortController>>);

impl Inflight {
    /// Aborts the previous request, if any, and returns a signal for the next.
    pub fn next(&self) -> Option<AbortSignal> {
        self.abort();
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        *self.0.borrow_mut() = Some(controller);
        Some(signal)
    }

    /// Aborts the current request, if any.
    pub fn abort(&self) {
        if let Some(c) = self.0.borrow_mut().take() {
            c.abort();
        }
    }
}

impl Drop for Inflight {
    fn drop(&mut self) {
        self.abort();
    }
}
