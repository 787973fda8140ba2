//! What can go wrong with the offline library, in words for readers and
//! for logs.

use crate::i18n::t;
use folio_views::i18n::Msg;
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
            StoreError::Unavailable(_) => t(Msg::StoreUnavailable),
            StoreError::Blocked => t(Msg::StoreBlocked),
            StoreError::Outdated => t(Msg::StoreOutdated),
            StoreError::QuotaExceeded => t(Msg::StoreFull),
            StoreError::Damaged(_) => t(Msg::StoreDamaged),
            StoreError::NeedsNewerApp => t(Msg::StoreNeedsNewerApp),
            StoreError::Failed(_) => t(Msg::StoreFailed),
        }
        .to_owned()
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
