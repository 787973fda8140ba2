//! Typed loaders for the site index, listing pages and articles, with a small
//! in-memory cache so moving between pages does not refetch what was just
//! shown. Every loader takes an abort signal so a page can cancel it.

use crate::net::{fetch_conditional, fetch_decoded, LoadError};
use crate::offline::{images, notices, saved, status};
use crate::store;
use folio_content::paths::{self, Listing};
use folio_content::{decode_article, decode_listing, decode_site, Article, ListingPage, Site};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use web_sys::AbortSignal;

/// How long a cached site index or listing page is trusted, in milliseconds.
/// Long enough for a reading session, short enough that a long-open tab
/// picks up new stories.
const FRESH_FOR_MS: f64 = 5.0 * 60.0 * 1000.0;

struct Cached<T> {
    at: f64,
    value: Arc<T>,
}

thread_local! {
    static SITE: RefCell<Option<Cached<Site>>> = const { RefCell::new(None) };
    static LISTINGS: RefCell<HashMap<String, Cached<ListingPage>>> = RefCell::new(HashMap::new());
}

fn fresh<T>(entry: &Cached<T>) -> Option<Arc<T>> {
    (js_sys::Date::now() - entry.at < FRESH_FOR_MS).then(|| entry.value.clone())
}

/// The site index.
pub async fn site(signal: Option<AbortSignal>) -> Result<Arc<Site>, LoadError> {
    if let Some(site) = SITE.with_borrow(|c| c.as_ref().and_then(fresh)) {
        return Ok(site);
    }
    let site = Arc::new(fetch_decoded(paths::SITE, signal.as_ref(), decode_site).await?);
    SITE.set(Some(Cached {
        at: js_sys::Date::now(),
        value: site.clone(),
    }));
    Ok(site)
}

/// Page `page` (1-based) of a listing.
pub async fn listing(
    listing: &Listing,
    page: u32,
    signal: Option<AbortSignal>,
) -> Result<Arc<ListingPage>, LoadError> {
    let path = listing.page(page);
    if let Some(hit) = LISTINGS.with_borrow(|c| c.get(&path).and_then(fresh)) {
        return Ok(hit);
    }
    let value = Arc::new(fetch_decoded(&path, signal.as_ref(), decode_listing).await?);
    LISTINGS.with_borrow_mut(|c| {
        c.insert(
            path,
            Cached {
                at: js_sys::Date::now(),
                value: value.clone(),
            },
        )
    });
    Ok(value)
}

/// An article and where it came from.
#[derive(Clone)]
pub struct LoadedArticle {
    pub article: Arc<Article>,
    /// When the reader's saved copy was stored, if that is what is shown.
    pub saved_at: Option<f64>,
    /// The saved copy's validator and text, for revalidation.
    pub saved: Option<(Option<String>, Arc<str>)>,
}

/// One article: the saved copy when the library has one (instant, and works
/// offline; the page revalidates it in the background), otherwise the
/// network, saving what it fetched.
pub async fn article(slug: &str, signal: Option<AbortSignal>) -> Result<LoadedArticle, LoadError> {
    if !folio_content::validate::is_slug(slug) {
        return Err(LoadError::NotFound);
    }
    let library = match store::shared().await {
        Ok(library) => Some(library),
        Err(e) => {
            notices::storage_problem(&e);
            None
        }
    };
    if let Some(library) = &library {
        match library.get(slug).await {
            Ok(Some(saved)) => {
                return Ok(LoadedArticle {
                    article: Arc::new(saved.article),
                    saved_at: Some(saved.saved_at),
                    saved: Some((saved.etag, saved.json.into())),
                })
            }
            Ok(None) => {}
            // A damaged copy: say so, then try the network.
            Err(e) => notices::push(
                notices::Level::Warning,
                format!("The saved copy of this article was damaged and is being replaced. ({e})"),
                None,
            ),
        }
    }
    let fetched = match fetch_conditional(&paths::article(slug), None, signal.as_ref()).await {
        Err(LoadError::Network(_)) if !status::is_online() => {
            return Err(LoadError::NotSavedOffline)
        }
        other => other?,
    };
    let text = fetched
        .text
        .ok_or_else(|| LoadError::Network("empty response".into()))?;
    let article = decode_article(&text).map_err(LoadError::Content)?;
    if let Some(library) = library {
        let images = store::records::images_of(&article);
        let to_save = store::ToSave {
            json: text,
            article: article.clone(),
            etag: fetched.etag,
        };
        match library.save(to_save).await {
            Ok(()) => {
                saved::mark([slug]);
                // Images are fetched after the page renders, off the critical path.
                leptos::task::spawn_local(async move { images::keep(&images).await });
            }
            Err(e) => notices::storage_problem(&e),
        }
    }
    Ok(LoadedArticle {
        article: Arc::new(article),
        saved_at: None,
        saved: None,
    })
}

/// One article from the network, without saving it.
pub async fn article_unsaved(
    slug: &str,
    signal: Option<AbortSignal>,
) -> Result<Arc<Article>, LoadError> {
    if !folio_content::validate::is_slug(slug) {
        return Err(LoadError::NotFound);
    }
    Ok(Arc::new(
        fetch_decoded(&paths::article(slug), signal.as_ref(), decode_article).await?,
    ))
}

/// Downloads and saves every article of every page of a listing in one
/// batch, reporting `(done, total)` as it goes. Returns how many were saved.
pub async fn save_listing(
    listing: &Listing,
    progress: impl Fn(usize, usize),
) -> Result<usize, LoadError> {
    let first = self::listing(listing, 1, None).await?;
    let mut summaries = first.items.clone();
    for page in 2..=first.pages {
        summaries.extend(
            self::listing(listing, page, None)
                .await?
                .items
                .iter()
                .cloned(),
        );
    }
    let total = summaries.len();
    progress(0, total);
    let mut batch = Vec::with_capacity(total);
    let mut images_needed = Vec::new();
    for (i, summary) in summaries.iter().enumerate() {
        let fetched = fetch_conditional(&paths::article(&summary.slug), None, None).await?;
        if let Some(text) = fetched.text {
            let article = decode_article(&text).map_err(LoadError::Content)?;
            images_needed.extend(store::records::images_of(&article));
            batch.push(store::ToSave {
                json: text,
                article,
                etag: fetched.etag,
            });
        }
        progress(i + 1, total);
    }
    // Fetch everything first, then write in one transaction.
    let library = store::shared()
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    library.save_all(&batch).await.map_err(|e| {
        notices::storage_problem(&e);
        LoadError::Storage(e.reader_message())
    })?;
    saved::mark(batch.iter().map(|b| b.article.slug.as_str()));
    images::keep(&images_needed).await;
    Ok(batch.len())
}
