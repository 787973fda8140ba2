//! The database schema and its migrations. Every version's changes live in
//! one function, applied in order inside the `upgradeneeded` transaction, so
//! a database of any earlier version reaches the current one atomically: if a
//! step fails, the browser rolls the whole upgrade back and the old data
//! stays as it was.

use super::records::{derive, SavedRecord};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;

/// The database's name.
pub const DB_NAME: &str = "folio";
/// The schema version this build writes.
pub const VERSION: u32 = 2;

/// v1: whole articles as fetched, keyed by slug.
pub const ARTICLES: &str = "articles";
/// v2: small entries for listing the library, with a `saved_at` index.
pub const LIBRARY: &str = "library";
/// v2: plain text for offline search.
pub const TEXTS: &str = "texts";
/// The `library` index on save time, for "oldest first" clean-ups.
pub const BY_SAVED_AT: &str = "saved_at";

/// Brings a database at `old` up to `new`, one version at a time.
pub(crate) async fn upgrade(old: u32, new: u32, db: Database) -> indexed_db_futures::Result<()> {
    if old < 1 && new >= 1 {
        v1(&db)?;
    }
    if old < 2 && new >= 2 {
        v2(&db, old >= 1).await?;
    }
    Ok(())
}

/// Version 1, the first release: one store of whole articles.
pub(crate) fn v1(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(ARTICLES)
        .with_key_path(KeyPath::One("slug"))
        .build()?;
    Ok(())
}

/// Version 2: listing a large library meant reading every article whole, so
/// v2 adds a small `library` entry and a plain-text `texts` record per
/// article, and backfills both from the v1 articles in the same upgrade
/// transaction. Records that no longer decode are left in `articles`
/// untouched (the library reports them) rather than failing the upgrade.
async fn v2(db: &Database, had_v1: bool) -> indexed_db_futures::Result<()> {
    let library = db
        .create_object_store(LIBRARY)
        .with_key_path(KeyPath::One("slug"))
        .build()?;
    library
        .create_index(BY_SAVED_AT, KeyPath::One("saved_at"))
        .build()?;
    let texts = db
        .create_object_store(TEXTS)
        .with_key_path(KeyPath::One("slug"))
        .build()?;
    if !had_v1 {
        return Ok(());
    }
    // The stores created above belong to the versionchange transaction; the
    // v1 store is reached through the same transaction.
    let articles = library.transaction().object_store(ARTICLES)?;
    let saved = articles.get_all::<SavedRecord>().serde()?.await?;
    for record in saved.flatten() {
        // Validated when release 1 saved it: not held to today's rules.
        let Ok(article) = super::records::read_saved(&record.json) else {
            log::warn!(
                "schema v2: article `{}` does not decode; left for the library to report",
                record.slug
            );
            continue;
        };
        // A v1 record has no page to read: search finds it by its title
        // and standfirst, and the hero is the image it keeps, until it is
        // saved again from its page.
        let facts = super::records::PageFacts {
            text: String::new(),
            images: article.hero.iter().map(|h| h.src.clone()).collect(),
        };
        let (entry, text) = derive(&article, &facts, record.saved_at, record.size);
        library.put(entry).serde()?;
        texts.put(text).serde()?;
    }
    Ok(())
}
