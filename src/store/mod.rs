//! The offline library: every article a reader opens, kept in IndexedDB
//! behind one small typed API.
//!
//! `indexed_db_futures` was chosen over `idb`: both wrap the same browser
//! API with similar wasm cost, but `indexed_db_futures` gives typed serde
//! reads and writes, transactions that roll back unless committed (so `?` is
//! safe), and async upgrade handlers for real migrations. Its maintenance is
//! slower than `idb`'s; the API here is small enough to swap if needed.
//!
//! Rules kept throughout: fetch first, then write (a transaction commits
//! itself as soon as the code awaits anything that is not an IndexedDB
//! request); one transaction per batch; what is stored was validated when
//! it was saved, and is read back without applying today's rules again; a
//! record that no longer decodes is listed as damaged (and can be removed),
//! never fatal and never invisible.
//!
//! - [`error`]: what can go wrong, in readers' words.
//! - [`connection`]: the shared connection, opened, upgraded and reopened.
//! - [`library`]: save, read, list, remove.
//! - [`records`] and [`schema`]: what is stored and its migrations.
//! - [`device`]: the browser's storage estimate and persistence.

pub mod connection;
pub mod device;
pub mod error;
pub mod library;
pub mod records;
pub mod schema;

pub use connection::{shared, Library};
pub use error::StoreError;
pub use library::{LibraryContents, SavedArticle, ToSave, Trimmed, HISTORY_CAP};
pub use records::{Position, Shelf};
