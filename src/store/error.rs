//! What can go wrong with the offline library, in words for readers and
//! for logs.

use indexed_db_futures::error::{DomException, Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use std::fmt;

/// Why the library could not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// IndexedDB is missing or refused (private mode, disabled storage).
    Unavailable(String),
    /// Another tab holds an older version of the database open.
    Blocked,
    /// A newer version of Folio upgraded the database in another tab.
    Outdated,
    /// The device or browser quota is full.
    QuotaExceeded,
    /// A saved copy that can no longer be read (what went wrong). The
    /// library lists it as damaged; opening it online replaces it.
    Damaged(String),
    /// A saved copy written in a content format newer than this build reads
    /// (saved by a newer Folio in another tab).
    NeedsNewerApp,
    /// Anything else the browser reported.
    Failed(String),
}

impl StoreError {
    /// A sentence for readers.
    pub fn reader_message(&self) -> String {
        match self {
            StoreError::Unavailable(_) => "Offline reading is unavailable in this browser window (private browsing or blocked storage). Folio works normally while you are online.".into(),
            StoreError::Blocked => "Your offline library is waiting for another Folio tab that runs an older version. Close other Folio tabs to continue.".into(),
            StoreError::Outdated => "A newer version of Folio is open in another tab. Reload this tab to keep saving articles.".into(),
            StoreError::QuotaExceeded => "Your device has no room left for saved articles. Remove some from your offline library to save more.".into(),
            StoreError::Damaged(_) => "The saved copy of this article is damaged and cannot be read. Open it again while online to replace it, or remove it from your library.".into(),
            StoreError::NeedsNewerApp => "This saved article was written by a newer version of Folio. Reload to update the app.".into(),
            StoreError::Failed(_) => "Your offline library had a problem. Articles still open online.".into(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(d) => write!(f, "IndexedDB unavailable: {d}"),
            StoreError::Blocked => f.write_str("database upgrade blocked by another tab"),
            StoreError::Outdated => f.write_str("database upgraded by a newer version"),
            StoreError::QuotaExceeded => f.write_str("storage quota exceeded"),
            StoreError::Damaged(d) => write!(f, "damaged saved copy: {d}"),
            StoreError::NeedsNewerApp => f.write_str("saved copy in a newer content format"),
            StoreError::Failed(d) => write!(f, "IndexedDB error: {d}"),
        }
    }
}

fn dom_name(e: &IdbError) -> Option<String> {
    match e {
        IdbError::DomException(d) => Some(d.as_sys().name()),
        _ => None,
    }
}

/// Whether the error means the connection went away (closed by the browser,
/// by a version change, or by storage being cleared) and a reopen may help.
pub(super) fn connection_lost(e: &IdbError) -> bool {
    matches!(
        e,
        IdbError::DomException(DomException::InvalidStateError(_))
    )
}

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        match dom_name(&e).as_deref() {
            Some("QuotaExceededError") => StoreError::QuotaExceeded,
            Some("VersionError") => StoreError::Outdated,
            _ => StoreError::Failed(e.to_string()),
        }
    }
}

impl From<OpenDbError> for StoreError {
    fn from(e: OpenDbError) -> Self {
        match e {
            OpenDbError::Base(inner) => match dom_name(&inner).as_deref() {
                Some("VersionError") => StoreError::Outdated,
                Some("QuotaExceededError") => StoreError::QuotaExceeded,
                _ => StoreError::Unavailable(inner.to_string()),
            },
            other => StoreError::Unavailable(other.to_string()),
        }
    }
}
