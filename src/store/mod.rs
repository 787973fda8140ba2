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
//! request); one transaction per batch; a record that no longer decodes is
//! skipped and reported, never fatal.

pub mod records;
pub mod schema;

use folio_content::Article;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{DomException, Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use records::{derive, LibraryEntry, SavedRecord, TextRecord};
use schema::{ARTICLES, LIBRARY, TEXTS};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::IntoFuture;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
fn connection_lost(e: &IdbError) -> bool {
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

/// One saved article as read back.
#[derive(Clone, Debug)]
pub struct SavedArticle {
    pub article: Article,
    pub saved_at: f64,
    pub size: u32,
    pub etag: Option<String>,
    pub json: String,
}

/// What the library holds, with what could not be read.
#[derive(Clone, Debug, Default)]
pub struct LibraryContents {
    pub entries: Vec<LibraryEntry>,
    /// Records skipped because they no longer decode.
    pub unreadable: usize,
}

/// An article to save: the text as fetched, its decoded form, and what its
/// page gives (search text, images).
pub struct ToSave {
    pub json: String,
    pub article: Article,
    pub etag: Option<String>,
    pub facts: records::PageFacts,
}

/// How long an open may wait for another tab to let go before the app
/// carries on without its library.
const BLOCKED_AFTER_MS: i32 = 4000;

/// A handle on the library database, reopened once if its connection is lost.
pub struct Library {
    name: String,
    version: u32,
    db: RefCell<Option<Rc<Database>>>,
}

impl Library {
    /// Opens (creating or upgrading) the database `name` at `version`.
    /// Tests use other names and versions; the app uses [`shared`].
    pub async fn open_named(name: &str, version: u32) -> Result<Self, StoreError> {
        let lib = Self {
            name: name.to_owned(),
            version,
            db: RefCell::new(None),
        };
        lib.connect().await?;
        Ok(lib)
    }

    async fn connect(&self) -> Result<Rc<Database>, StoreError> {
        if web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .is_none()
        {
            return Err(StoreError::Unavailable("indexedDB is not available".into()));
        }
        let blocked = Rc::new(Cell::new(false));
        let flag = blocked.clone();
        let target = self.version;
        let open = Database::open(self.name.as_str())
            .with_version(self.version)
            .with_on_blocked(move |_| {
                flag.set(true);
                Ok(())
            })
            .with_on_upgrade_needed_fut(move |event, db| async move {
                let old = event.old_version() as u32;
                schema::upgrade(old, target, db).await
            })
            .into_future();
        // Boxed so that, given up on, it can be handed to a task.
        let mut open = Box::pin(open).fuse();
        let mut timer = Box::pin(crate::net::sleep(BLOCKED_AFTER_MS)).fuse();
        let db = futures::select! {
            db = open => db?,
            _ = timer => {
                if blocked.get() {
                    // The browser goes on with the open: when the other tab
                    // lets go, it succeeds. That connection is not the
                    // app's any more: close it at once, or it would block
                    // the next upgrade.
                    // (wasm_bindgen_futures, not Leptos' executor: the store
                    // runs without one in tests and workers.)
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(late) = open.await {
                            late.as_sys().close();
                        }
                    });
                    return Err(StoreError::Blocked);
                }
                open.await?
            }
        };
        // Let a newer version in another tab upgrade: close this connection
        // when asked; the next operation reopens or reports `Outdated`.
        let sys = db.as_sys().clone();
        let on_change = Closure::<dyn FnMut()>::new(move || sys.close());
        db.as_sys()
            .set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let db = Rc::new(db);
        *self.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    async fn db(&self) -> Result<Rc<Database>, StoreError> {
        let current = self.db.borrow().clone();
        match current {
            Some(db) => Ok(db),
            None => self.connect().await,
        }
    }

    /// Runs `op`, and if the connection was lost, reopens and runs it once more.
    async fn with_db<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Rc<Database>) -> Fut,
        Fut: std::future::Future<Output = Result<T, IdbError>>,
    {
        let db = self.db().await?;
        match op(db).await {
            Err(e) if connection_lost(&e) => {
                log::warn!("IndexedDB connection lost ({e}); reopening once");
                *self.db.borrow_mut() = None;
                let db = self.connect().await?;
                op(db).await.map_err(StoreError::from)
            }
            other => other.map_err(StoreError::from),
        }
    }

    /// Saves articles in one transaction: all or none.
    pub async fn save_all(&self, items: &[ToSave]) -> Result<(), StoreError> {
        let now = js_sys::Date::now();
        let result = self
            .with_db(|db| async move {
                let tx = db
                    .transaction([ARTICLES, LIBRARY, TEXTS])
                    .with_mode(TransactionMode::Readwrite)
                    .build()?;
                let articles = tx.object_store(ARTICLES)?;
                let library = tx.object_store(LIBRARY)?;
                let texts = tx.object_store(TEXTS)?;
                for item in items {
                    let size = item.json.len() as u32;
                    let (entry, text) = derive(&item.article, &item.facts, now, size);
                    articles
                        .put(SavedRecord {
                            slug: item.article.slug.clone(),
                            json: item.json.clone(),
                            saved_at: now,
                            size,
                            etag: item.etag.clone(),
                        })
                        .serde()?;
                    library.put(entry).serde()?;
                    texts.put(text).serde()?;
                }
                drop((articles, library, texts));
                // The reason for an abort (a full quota) is on the transaction,
                // not on the commit's result.
                let sys: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
                tx.commit().await.map_err(|e| match sys.error() {
                    Some(cause) if cause.name() == "QuotaExceededError" => IdbError::from(cause),
                    _ => e,
                })
            })
            .await;
        if let Err(e) = &result {
            log::warn!("saving {} article(s) failed: {e}", items.len());
        }
        match result {
            // Chrome reports a full quota as an aborted transaction; ask the
            // storage manager whether space is what ran out.
            Err(StoreError::Failed(detail))
                if crate::offline::storage::nearly_full(
                    items.iter().map(|i| i.json.len()).sum(),
                )
                .await =>
            {
                log::warn!("save failed near quota: {detail}");
                Err(StoreError::QuotaExceeded)
            }
            other => other,
        }
    }

    /// Replaces a kept article with a newer version, in one transaction, only
    /// if it is still in the library (a refresh that waited on the network
    /// must not bring back what the reader removed meanwhile), keeping when
    /// it was saved (the library's order and "Saved on"). Returns whether
    /// it was replaced.
    pub async fn replace_if_kept(&self, item: ToSave) -> Result<bool, StoreError> {
        let item = &item;
        self.with_db(|db| async move {
            let tx = db
                .transaction([ARTICLES, LIBRARY, TEXTS])
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            let articles = tx.object_store(ARTICLES)?;
            let kept: Option<SavedRecord> =
                articles.get(item.article.slug.as_str()).serde()?.await?;
            let Some(kept) = kept else {
                // Dropped uncommitted: nothing is written.
                return Ok(false);
            };
            let size = item.json.len() as u32;
            let (entry, text) = derive(&item.article, &item.facts, kept.saved_at, size);
            articles
                .put(SavedRecord {
                    slug: item.article.slug.clone(),
                    json: item.json.clone(),
                    saved_at: kept.saved_at,
                    size,
                    etag: item.etag.clone(),
                })
                .serde()?;
            tx.object_store(LIBRARY)?.put(entry).serde()?;
            tx.object_store(TEXTS)?.put(text).serde()?;
            drop(articles);
            tx.commit().await?;
            Ok(true)
        })
        .await
    }

    /// Saves one article.
    pub async fn save(&self, item: ToSave) -> Result<(), StoreError> {
        self.save_all(std::slice::from_ref(&item)).await
    }

    /// The saved copy of `slug`, if any. A copy that no longer decodes is
    /// reported as an error so the caller can fall back to the network.
    pub async fn get(&self, slug: &str) -> Result<Option<SavedArticle>, StoreError> {
        let record: Option<SavedRecord> = self
            .with_db(|db| async move {
                let tx = db.transaction(ARTICLES).build()?;
                tx.object_store(ARTICLES)?.get(slug).serde()?.await
            })
            .await?;
        let Some(record) = record else {
            return Ok(None);
        };
        match crate::json::article(&record.json) {
            Ok(article) => Ok(Some(SavedArticle {
                article,
                saved_at: record.saved_at,
                size: record.size,
                etag: record.etag,
                json: record.json,
            })),
            Err(e) => Err(StoreError::Failed(format!(
                "saved copy of `{slug}` is damaged: {e}"
            ))),
        }
    }

    /// Every library entry, newest saved first; unreadable ones are counted.
    pub async fn list(&self) -> Result<LibraryContents, StoreError> {
        let all = self
            .with_db(|db| async move {
                let tx = db.transaction(LIBRARY).build()?;
                let rows = tx
                    .object_store(LIBRARY)?
                    .get_all::<LibraryEntry>()
                    .serde()?
                    .await?;
                Ok(rows.collect::<Vec<_>>())
            })
            .await?;
        let mut listing = LibraryContents::default();
        for row in all {
            match row {
                Ok(entry) => listing.entries.push(entry),
                Err(e) => {
                    log::warn!("library: skipping unreadable entry: {e}");
                    listing.unreadable += 1;
                }
            }
        }
        listing
            .entries
            .sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        Ok(listing)
    }

    /// The slugs of every saved article.
    pub async fn slugs(&self) -> Result<Vec<String>, StoreError> {
        self.with_db(|db| async move {
            let tx = db.transaction(LIBRARY).build()?;
            let keys = tx
                .object_store(LIBRARY)?
                .get_all_keys::<String>()
                .primitive()?
                .await?;
            Ok(keys.flatten().collect())
        })
        .await
    }

    /// Every saved article's searchable text.
    pub async fn texts(&self) -> Result<Vec<TextRecord>, StoreError> {
        self.with_db(|db| async move {
            let tx = db.transaction(TEXTS).build()?;
            let rows = tx
                .object_store(TEXTS)?
                .get_all::<TextRecord>()
                .serde()?
                .await?;
            Ok(rows.flatten().collect())
        })
        .await
    }

    /// Removes the given articles in one transaction.
    pub async fn remove(&self, slugs: &[String]) -> Result<(), StoreError> {
        self.with_db(|db| async move {
            let tx = db
                .transaction([ARTICLES, LIBRARY, TEXTS])
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            for store in [ARTICLES, LIBRARY, TEXTS] {
                let store = tx.object_store(store)?;
                for slug in slugs {
                    store.delete(slug.as_str()).build()?;
                }
            }
            tx.commit().await
        })
        .await
    }

    /// Removes everything.
    pub async fn clear(&self) -> Result<(), StoreError> {
        self.with_db(|db| async move {
            let tx = db
                .transaction([ARTICLES, LIBRARY, TEXTS])
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            for store in [ARTICLES, LIBRARY, TEXTS] {
                tx.object_store(store)?.clear()?;
            }
            tx.commit().await
        })
        .await
    }

    /// Closes the connection (tests, and before deleting the database).
    pub fn close(&self) {
        if let Some(db) = self.db.borrow_mut().take() {
            db.as_sys().close();
        }
    }
}

type SharedOpen = Shared<LocalBoxFuture<'static, Result<Rc<Library>, StoreError>>>;

thread_local! {
    static SHARED: RefCell<Option<SharedOpen>> = const { RefCell::new(None) };
}

/// The app's library, opened once and shared. An open that failed is tried
/// again on the next call (storage may have been freed or unblocked).
pub async fn shared() -> Result<Rc<Library>, StoreError> {
    let fut = SHARED.with_borrow_mut(|slot| {
        slot.get_or_insert_with(|| {
            async {
                Library::open_named(schema::DB_NAME, schema::VERSION)
                    .await
                    .map(Rc::new)
            }
            .boxed_local()
            .shared()
        })
        .clone()
    });
    let result = fut.await;
    if result.is_err() {
        SHARED.with_borrow_mut(|slot| *slot = None);
    }
    result
}
