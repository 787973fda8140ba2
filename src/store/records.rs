//! What the library keeps in IndexedDB, one struct per object store.

use folio_content::{search::SearchDoc, Article, Kind};
use serde::{Deserialize, Serialize};

/// `articles` store: the article exactly as fetched, so a saved copy is
/// byte-for-byte what the server sent and a damaged record is detected by
/// decoding it again.
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

/// `library` store (schema v2): what the library page lists, small enough
/// to read a thousand of at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    pub slug: String,
    pub headline: String,
    pub dek: String,
    pub section: String,
    pub kind: Kind,
    pub published: String,
    pub saved_at: f64,
    pub size: u32,
    #[serde(default)]
    pub images: Vec<String>,
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
            kind: article.kind,
            published: article.published.as_str().to_owned(),
            saved_at,
            size,
            images: facts.images.clone(),
        },
        TextRecord {
            slug: article.slug.clone(),
            title: article.headline.clone(),
            dek: article.dek.clone(),
            body: facts.text.clone(),
        },
    )
}
