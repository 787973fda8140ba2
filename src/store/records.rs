//! What the library keeps in IndexedDB, one struct per object store.

use folio_content::{search::SearchDoc, Article, Kind};
use serde::{Deserialize, Serialize};

/// `articles` store: the article exactly as fetched and validated, so a
/// saved copy is byte-for-byte what the server sent. It is read back with
/// its format version checked but without today's validation rules (see
/// `folio_content::decode::validated_article_with`): what passed when it was
/// saved stays readable. The record's own layout is versioned by the
/// database schema ([`super::schema::VERSION`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SavedRecord {
    pub slug: String,
    pub json: String,
    /// Milliseconds since the epoch.
    pub saved_at: f64,
    /// Bytes of `json`.
    pub size: u32,
    /// The server's validator, for cheap conditional revalidation (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

/// The article in a saved record, read as it was validated when saved: its
/// format version is checked, today's rules are not applied again.
pub fn read_saved(json: &str) -> Result<Article, super::StoreError> {
    crate::json::validated_article(json).map_err(|e| match e {
        folio_content::ContentError::UnsupportedVersion { .. } => super::StoreError::NeedsNewerApp,
        e => super::StoreError::Damaged(e.to_string()),
    })
}

/// `library` store (schema v2): what the library page lists, small enough
/// to read a thousand of at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    pub slug: String,
    pub headline: String,
    pub dek: String,
    pub section: String,
    /// `None` for a damaged entry.
    pub kind: Option<Kind>,
    pub published: String,
    pub saved_at: f64,
    pub size: u32,
    #[serde(default)]
    pub images: Vec<String>,
    /// Why the saved copy cannot be read, for one that cannot (schema v3):
    /// the library lists it as damaged, so the reader can see and remove it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Saved on purpose, or kept because it was read (entries written
    /// before there was a choice read as history).
    #[serde(default)]
    pub shelf: Shelf,
    /// Where the reader left off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

/// Why an article is in the library.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shelf {
    /// Opened, and kept for reading again: the newest
    /// [`HISTORY_CAP`](super::library::HISTORY_CAP) stay.
    #[default]
    History,
    /// Saved on purpose (an article's Save, or a whole section): Folio
    /// never evicts it.
    Saved,
}

/// Where the reader left off in an article, anchored to its text rather
/// than to pixels (so it survives another text size, column width or
/// device): the `block`-th element of the article body, and how far into
/// it (`within`, 0 to 1). `progress` (0 to 1) is how much of the article
/// has been read, for the library and cards; `at` when (ms since the
/// epoch).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub block: u32,
    pub within: f32,
    pub progress: f32,
    pub at: f64,
}

impl Position {
    /// Read to the end (or near enough that nothing is left to resume).
    pub fn finished(&self) -> bool {
        self.progress >= 0.97
    }

    /// How much was read, in whole percent.
    pub fn percent(&self) -> u32 {
        (self.progress.clamp(0.0, 1.0) * 100.0).round() as u32
    }
}

impl LibraryEntry {
    /// The entry of a saved copy that cannot be read: its slug stands in
    /// for its headline.
    pub fn damaged(slug: &str, saved_at: f64, size: u32, problem: String) -> Self {
        Self {
            slug: slug.to_owned(),
            headline: slug.replace('-', " "),
            dek: String::new(),
            section: String::new(),
            kind: None,
            published: String::new(),
            saved_at,
            size,
            images: Vec::new(),
            problem: Some(problem),
            shelf: Shelf::History,
            position: None,
        }
    }
}

/// `texts` store (schema v2): plain text for offline search.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TextRecord {
    pub slug: String,
    pub title: String,
    pub dek: String,
    pub body: String,
}

impl TextRecord {
    /// As the search index wants it.
    pub fn into_doc(self) -> SearchDoc {
        SearchDoc {
            slug: self.slug,
            title: self.title,
            dek: self.dek,
            body: self.body,
        }
    }
}

/// What the library keeps from an article's page besides its file: the
/// plain text that offline search indexes and the images the article needs
/// offline (read from the page the build wrote, so the app needs no
/// markdown parser of its own).
#[derive(Clone, Debug, Default)]
pub struct PageFacts {
    pub text: String,
    /// Absolute URLs.
    pub images: Vec<String>,
}

/// The derived records of one saved article.
pub fn derive(
    article: &Article,
    facts: &PageFacts,
    saved_at: f64,
    size: u32,
) -> (LibraryEntry, TextRecord) {
    (
        LibraryEntry {
            slug: article.slug.clone(),
            headline: article.headline.clone(),
            dek: article.dek.clone(),
            section: article.section.clone(),
            kind: Some(article.kind),
            published: article.published.as_str().to_owned(),
            saved_at,
            size,
            images: facts.images.clone(),
            problem: None,
            shelf: Shelf::History,
            position: None,
        },
        TextRecord {
            slug: article.slug.clone(),
            title: article.headline.clone(),
            dek: article.dek.clone(),
            body: facts.text.clone(),
        },
    )
}
