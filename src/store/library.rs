//! What the app asks of its library: save, read, list, remove.

use super::device;
use super::records::{self, derive, LibraryEntry, Position, SavedRecord, Shelf, TextRecord};
use super::schema::{ARTICLES, BY_SAVED_AT, LIBRARY, TEXTS};
use super::{Library, StoreError};
use folio_content::Article;
use indexed_db_futures::error::Error as IdbError;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsCast;

/// One saved article as read back.
#[derive(Clone, Debug)]
pub struct SavedArticle {
    pub article: Article,
    pub saved_at: f64,
    pub size: u32,
    pub etag: Option<String>,
    pub json: String,
}

/// What the library holds, newest saved first; entries whose saved copy
/// cannot be read are listed too, with their problem.
#[derive(Clone, Debug, Default)]
pub struct LibraryContents {
    pub entries: Vec<LibraryEntry>,
}

impl LibraryContents {
    /// How many saved copies cannot be read.
    pub fn damaged(&self) -> usize {
        self.entries.iter().filter(|e| e.problem.is_some()).count()
    }
}

/// An article to save: the text as fetched, its decoded form, and what its
/// page gives (search text, images).
pub struct ToSave {
    pub json: String,
    pub article: Article,
    pub etag: Option<String>,
    pub facts: records::PageFacts,
}

/// The library entry of `slug` in a transaction's `library` store (`None`
/// also for one that no longer reads).
async fn entry_in(
    library: &indexed_db_futures::object_store::ObjectStore<'_>,
    slug: &str,
) -> indexed_db_futures::Result<Option<LibraryEntry>> {
    Ok(library.get(slug).serde()?.await.ok().flatten())
}

/// How many articles the history keeps: reading more evicts the oldest.
/// Saved articles do not count and are never evicted.
pub const HISTORY_CAP: usize = 200;

/// What trimming the history removed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trimmed {
    pub slugs: Vec<String>,
    /// Images no article left in the library uses.
    pub images: Vec<String>,
}

impl Library {
    /// Saves articles in one transaction: all or none. An article already
    /// in the library keeps where the reader left off, and stays saved if
    /// it was; saving on purpose ([`Shelf::Saved`]) an article from the
    /// history moves it to the saved ones.
    pub async fn save_all(&self, items: &[ToSave], shelf: Shelf) -> Result<(), StoreError> {
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
                    // A damaged entry is replaced whole.
                    let before = entry_in(&library, &item.article.slug)
                        .await?
                        .filter(|e| e.problem.is_none());
                    let (shelf, saved_at, position) = match before {
                        // Saved now: its save date is now.
                        Some(e) if e.shelf == Shelf::History && shelf == Shelf::Saved => {
                            (shelf, now, e.position)
                        }
                        Some(e) => (e.shelf, e.saved_at, e.position),
                        None => (shelf, now, None),
                    };
                    let (mut entry, text) = derive(&item.article, &item.facts, saved_at, size);
                    entry.shelf = shelf;
                    entry.position = position;
                    articles
                        .put(SavedRecord {
                            slug: item.article.slug.clone(),
                            json: item.json.clone(),
                            saved_at,
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
                if device::nearly_full(items.iter().map(|i| i.json.len()).sum()).await =>
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
            let (mut entry, text) = derive(&item.article, &item.facts, kept.saved_at, size);
            let library = tx.object_store(LIBRARY)?;
            if let Some(before) = entry_in(&library, &item.article.slug).await? {
                entry.shelf = before.shelf;
                entry.position = before.position;
            }
            articles
                .put(SavedRecord {
                    slug: item.article.slug.clone(),
                    json: item.json.clone(),
                    saved_at: kept.saved_at,
                    size,
                    etag: item.etag.clone(),
                })
                .serde()?;
            library.put(entry).serde()?;
            tx.object_store(TEXTS)?.put(text).serde()?;
            drop((articles, library));
            tx.commit().await?;
            Ok(true)
        })
        .await
    }

    /// Saves one article.
    pub async fn save(&self, item: ToSave, shelf: Shelf) -> Result<(), StoreError> {
        self.save_all(std::slice::from_ref(&item), shelf).await
    }

    /// Changes one entry, read and written in one transaction; `false` if
    /// the article is not in the library.
    async fn update_entry(
        &self,
        slug: &str,
        change: impl Fn(&mut LibraryEntry),
    ) -> Result<bool, StoreError> {
        let change = &change;
        self.with_db(|db| async move {
            let tx = db
                .transaction(LIBRARY)
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            let library = tx.object_store(LIBRARY)?;
            let entry: Option<LibraryEntry> = library.get(slug).serde()?.await?;
            let Some(mut entry) = entry else {
                return Ok(false);
            };
            change(&mut entry);
            library.put(entry).serde()?;
            drop(library);
            tx.commit().await?;
            Ok(true)
        })
        .await
    }

    /// Moves an article in the library to `shelf` (saving one on purpose
    /// dates it now); `false` if it is not in the library.
    pub async fn set_shelf(&self, slug: &str, shelf: Shelf) -> Result<bool, StoreError> {
        let now = js_sys::Date::now();
        self.update_entry(slug, |entry| {
            if entry.shelf != shelf && shelf == Shelf::Saved {
                entry.saved_at = now;
            }
            entry.shelf = shelf;
        })
        .await
    }

    /// Records where the reader left off in an article of the library.
    pub async fn set_position(&self, slug: &str, position: Position) -> Result<bool, StoreError> {
        self.update_entry(slug, |entry| entry.position = Some(position))
            .await
    }

    /// Evicts the oldest articles of the history (by the `saved_at` index)
    /// until at most `cap` are left, with their texts; saved articles are
    /// never touched. Returns what went, and the images no article left in
    /// the library uses, for the caches.
    pub async fn trim_history(&self, cap: usize) -> Result<Trimmed, StoreError> {
        self.with_db(|db| async move {
            let tx = db
                .transaction([ARTICLES, LIBRARY, TEXTS])
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            let library = tx.object_store(LIBRARY)?;
            // Oldest first.
            let entries: Vec<LibraryEntry> = library
                .index(BY_SAVED_AT)?
                .get_all::<LibraryEntry>()
                .serde()?
                .await?
                .flatten()
                .collect();
            let history = entries.iter().filter(|e| e.shelf == Shelf::History).count();
            let mut trimmed = Trimmed::default();
            let (gone, kept): (Vec<_>, Vec<_>) = {
                let mut excess = history.saturating_sub(cap);
                entries.into_iter().partition(|e| {
                    let evict = excess > 0 && e.shelf == Shelf::History;
                    excess -= usize::from(evict);
                    evict
                })
            };
            if gone.is_empty() {
                return Ok(trimmed);
            }
            let still_used: std::collections::HashSet<&String> =
                kept.iter().flat_map(|e| &e.images).collect();
            for entry in &gone {
                for store in [ARTICLES, LIBRARY, TEXTS] {
                    tx.object_store(store)?
                        .delete(entry.slug.as_str())
                        .build()?;
                }
                trimmed.slugs.push(entry.slug.clone());
                trimmed.images.extend(
                    entry
                        .images
                        .iter()
                        .filter(|i| !still_used.contains(i))
                        .cloned(),
                );
            }
            trimmed.images.sort();
            trimmed.images.dedup();
            drop(library);
            tx.commit().await?;
            Ok(trimmed)
        })
        .await
    }

    /// The saved copy of `slug`, if any, as it was validated when saved
    /// (today's rules are not applied again). A copy that cannot be read is
    /// an error ([`StoreError::Damaged`], and the library lists it as such;
    /// or [`StoreError::NeedsNewerApp`]), so the caller can fall back to the
    /// network.
    pub async fn get(&self, slug: &str) -> Result<Option<SavedArticle>, StoreError> {
        let record = self
            .with_db(|db| async move {
                let tx = db.transaction(ARTICLES).build()?;
                tx.object_store(ARTICLES)?.get(slug).serde()?.await
            })
            .await;
        let record: SavedRecord = match record {
            Ok(Some(record)) => record,
            Ok(None) => return Ok(None),
            // The record itself is not of the shape this build writes.
            Err(StoreError::Failed(e)) => return Err(self.damaged(slug, e).await),
            Err(e) => return Err(e),
        };
        match records::read_saved(&record.json) {
            Ok(article) => Ok(Some(SavedArticle {
                article,
                saved_at: record.saved_at,
                size: record.size,
                etag: record.etag,
                json: record.json,
            })),
            Err(StoreError::Damaged(e)) => Err(self.damaged(slug, e).await),
            Err(e) => Err(e),
        }
    }

    /// Marks `slug`'s library entry damaged (so the library shows it), and
    /// returns the error to report.
    async fn damaged(&self, slug: &str, problem: String) -> StoreError {
        log::warn!("saved copy of `{slug}` is damaged: {problem}");
        let marked = self
            .with_db(|db| {
                let problem = problem.clone();
                async move {
                    let tx = db
                        .transaction(LIBRARY)
                        .with_mode(TransactionMode::Readwrite)
                        .build()?;
                    let library = tx.object_store(LIBRARY)?;
                    let entry: Option<LibraryEntry> =
                        library.get(slug).serde()?.await.ok().flatten();
                    let entry = match entry {
                        Some(entry) => LibraryEntry {
                            problem: Some(problem),
                            ..entry
                        },
                        None => LibraryEntry::damaged(slug, 0.0, 0, problem),
                    };
                    library.put(entry).serde()?;
                    drop(library);
                    tx.commit().await
                }
            })
            .await;
        if let Err(e) = marked {
            log::warn!("could not mark `{slug}` damaged: {e}");
        }
        StoreError::Damaged(problem)
    }

    /// Every library entry, newest saved first. Nothing saved is left out:
    /// an entry that no longer decodes, and an article with no entry (one
    /// the v1→v2 migration could not read), are listed as damaged.
    pub async fn list(&self) -> Result<LibraryContents, StoreError> {
        let (keys, rows, orphans) = self
            .with_db(|db| async move {
                let tx = db.transaction([ARTICLES, LIBRARY]).build()?;
                let library = tx.object_store(LIBRARY)?;
                // Both in key order, so they pair up.
                let keys: Vec<String> = library
                    .get_all_keys::<String>()
                    .primitive()?
                    .await?
                    .flatten()
                    .collect();
                let rows: Vec<_> = library.get_all::<LibraryEntry>().serde()?.await?.collect();
                let articles = tx.object_store(ARTICLES)?;
                let saved = articles
                    .get_all_keys::<String>()
                    .primitive()?
                    .await?
                    .flatten();
                let mut orphans = Vec::new();
                for slug in saved.filter(|s| keys.binary_search(s).is_err()) {
                    let record: Result<Option<SavedRecord>, _> =
                        articles.get(slug.as_str()).serde()?.await;
                    orphans.push((slug, record.ok().flatten()));
                }
                Ok((keys, rows, orphans))
            })
            .await?;
        let mut listing = LibraryContents::default();
        for (slug, row) in keys.iter().zip(rows) {
            listing.entries.push(row.unwrap_or_else(|e| {
                LibraryEntry::damaged(
                    slug,
                    0.0,
                    0,
                    format!("its library entry is unreadable: {e}"),
                )
            }));
        }
        for (slug, record) in orphans {
            let (saved_at, size) = record.as_ref().map_or((0.0, 0), |r| (r.saved_at, r.size));
            let problem = match record.map(|r| records::read_saved(&r.json)) {
                Some(Err(e)) => e.to_string(),
                Some(Ok(_)) => "it was saved without a library entry".to_owned(),
                None => "its saved record is unreadable".to_owned(),
            };
            listing
                .entries
                .push(LibraryEntry::damaged(&slug, saved_at, size, problem));
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

    /// The library entry of `slug`, if it is in the library.
    pub async fn entry(&self, slug: &str) -> Result<Option<LibraryEntry>, StoreError> {
        self.with_db(|db| async move {
            let tx = db.transaction(LIBRARY).build()?;
            tx.object_store(LIBRARY)?.get(slug).serde()?.await
        })
        .await
    }

    /// Every entry that reads, in slug order (for marking cards; [`list`]
    /// is the library page's, damaged ones included).
    ///
    /// [`list`]: Self::list
    pub async fn entries(&self) -> Result<Vec<LibraryEntry>, StoreError> {
        self.read_all(LIBRARY).await
    }

    /// Every record of `store` that reads as `T` (one that does not is
    /// left out).
    async fn read_all<T: serde::de::DeserializeOwned>(
        &self,
        store: &'static str,
    ) -> Result<Vec<T>, StoreError> {
        self.with_db(|db| async move {
            let tx = db.transaction(store).build()?;
            let rows = tx.object_store(store)?.get_all::<T>().serde()?.await?;
            Ok(rows.flatten().collect())
        })
        .await
    }

    /// Every saved article's searchable text.
    pub async fn texts(&self) -> Result<Vec<TextRecord>, StoreError> {
        self.read_all(TEXTS).await
    }

    /// Removes the given articles in one transaction, and returns the
    /// images no article left in the library uses (read in the same
    /// transaction, so an article another tab saved meanwhile keeps its
    /// images).
    pub async fn remove(&self, slugs: &[String]) -> Result<Vec<String>, StoreError> {
        self.with_db(|db| async move {
            let tx = db
                .transaction([ARTICLES, LIBRARY, TEXTS])
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            let library = tx.object_store(LIBRARY)?;
            let mut images = Vec::new();
            for slug in slugs {
                let entry: Result<Option<LibraryEntry>, _> =
                    library.get(slug.as_str()).serde()?.await;
                images.extend(entry.ok().flatten().into_iter().flat_map(|e| e.images));
            }
            for store in [ARTICLES, LIBRARY, TEXTS] {
                let store = tx.object_store(store)?;
                for slug in slugs {
                    store.delete(slug.as_str()).build()?;
                }
            }
            // Requests in a transaction run in order: this sees the deletes.
            let left = library.get_all::<LibraryEntry>().serde()?.await?;
            let still_used: std::collections::HashSet<String> =
                left.flatten().flat_map(|e| e.images).collect();
            images.retain(|i| !still_used.contains(i));
            images.sort();
            images.dedup();
            drop(library);
            tx.commit().await?;
            Ok(images)
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
}
