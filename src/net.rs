//! Fetching content files, with errors a reader understands and cancellation
//! when the page that asked for them goes away.

use folio_content::ContentError;
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
}

impl LoadError {
    /// A sentence for readers.
    pub fn reader_message(&self) -> String {
        match self {
            LoadError::Network(_) => {
                "We couldn't reach Folio. Check your connection and try again.".to_owned()
            }
            LoadError::NotFound => "We couldn't find this page.".to_owned(),
            LoadError::Server(status) => {
                format!("The server had a problem (error {status}). Please try again in a moment.")
            }
            LoadError::Content(e) => e.reader_message(),
            LoadError::Aborted => "Loading was cancelled.".to_owned(),
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
        }
    }
}

impl std::error::Error for LoadError {}

/// Fetches a site-relative file as text. Relative URLs resolve against the
/// document's `<base href>`, so a deployment under `/news/` needs no change.
pub async fn fetch_text(path: &str, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    let response = Request::get(path)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|e| {
            if signal.is_some_and(|s| s.aborted()) {
                LoadError::Aborted
            } else {
                LoadError::Network(e.to_string())
            }
        })?;
    match response.status() {
        200..=299 => response.text().await.map_err(|e| LoadError::Network(e.to_string())),
        404 | 410 => Err(LoadError::NotFound),
        status => Err(LoadError::Server(status)),
    }
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
