//! Typed loaders for everything a page shows: the site index, listing pages,
//! articles (the saved copy first), their extras and the rail. Loaders fetch
//! and store; they never touch the screen: what the reader should be told
//! comes back in their results. Every loader takes an abort signal so a page
//! can cancel it.

use crate::net::{fetch_conditional, fetch_decoded, LoadError};
use crate::offline::{caches, connectivity};
use crate::store::{self, StoreError};
use folio_content::paths::{self, Listing};
use folio_content::{
    decode_article, decode_extras, decode_listing, decode_site, Article, ArticleExtras,
    ListingPage, Site,
};
use folio_views::rail::RailStories;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use web_sys::AbortSignal;

/// How long a fetched site index or listing page is reused, in
/// milliseconds: long enough for a reading session, short enough that a
/// long-open tab picks up new stories.
const FRESH_FOR_MS: f64 = 5.0 * 60.0 * 1000.0;

struct Cached<T> {
    at: f64,
    value: Arc<T>,
}

/// A memo of what this page session fetched, so moving between pages does
/// not fetch the same small files again. Private to the loaders; nothing
/// else reads it.
#[derive(Default)]
struct Memo {
    site: Option<Cached<Site>>,
    listings: HashMap<String, Cached<ListingPage>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

fn fresh<T>(entry: &Cached<T>) -> Option<Arc<T>> {
    (js_sys::Date::now() - entry.at < FRESH_FOR_MS).then(|| entry.value.clone())
}

fn cached<T>(value: &Arc<T>) -> Cached<T> {
    Cached {
        at: js_sys::Date::now(),
        value: value.clone(),
    }
}

/// The site index.
pub async fn site(signal: Option<AbortSignal>) -> Result<Arc<Site>, LoadError> {
    if let Some(site) = MEMO.with_borrow(|m| m.site.as_ref().and_then(fresh)) {
        return Ok(site);
    }
    let site = Arc::new(fetch_decoded(paths::SITE, signal.as_ref(), decode_site).await?);
    MEMO.with_borrow_mut(|m| m.site = Some(cached(&site)));
    Ok(site)
}

/// Page `page` (1-based) of a listing.
pub async fn listing(
    listing: &Listing,
    page: u32,
    signal: Option<AbortSignal>,
) -> Result<Arc<ListingPage>, LoadError> {
    let path = listing.page(page);
    if let Some(hit) = MEMO.with_borrow(|m| m.listings.get(&path).and_then(fresh)) {
        return Ok(hit);
    }
    let value = Arc::new(fetch_decoded(&path, signal.as_ref(), decode_listing).await?);
    MEMO.with_borrow_mut(|m| m.listings.insert(path, cached(&value)));
    Ok(value)
}

/// An article and where it came from.
#[derive(Clone)]
pub struct LoadedArticle {
    pub article: Arc<Article>,
    /// When the library's copy was stored: `Some` when that copy is what is
    /// shown, or once the fetched article has been saved.
    pub saved_at: Option<f64>,
    /// The saved copy's validator and text, for revalidation; `None` when
    /// the article came from the network just now.
    pub saved: Option<(Option<String>, Arc<str>)>,
    /// Storage trouble the reader should hear about (the article still shows).
    pub problem: Option<StoreError>,
}

/// One article: the saved copy when the library has one (instant, and works
/// offline; the page revalidates it), otherwise the network, saving what it
/// fetched with its images and page.
pub async fn article(slug: &str, signal: Option<AbortSignal>) -> Result<LoadedArticle, LoadError> {
    if !folio_content::validate::is_slug(slug) {
        return Err(LoadError::NotFound);
    }
    let mut problem = None;
    let library = match store::shared().await {
        Ok(library) => Some(library),
        Err(e) => {
            problem = Some(e);
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
                    problem,
                })
            }
            Ok(None) => {}
            // A damaged copy: fetch it again, which replaces it.
            Err(e) => log::warn!("saved copy of {slug} unreadable, fetching again: {e}"),
        }
    }
    let fetched = match fetch_conditional(&paths::article(slug), None, signal.as_ref()).await {
        Err(LoadError::Network(_)) if !connectivity::is_online() => {
            return Err(LoadError::NotSavedOffline)
        }
        other => other?,
    };
    let text = fetched
        .text
        .ok_or_else(|| LoadError::Network("empty response".into()))?;
    let article = decode_article(&text).map_err(LoadError::Content)?;
    let mut saved_at = None;
    if let Some(library) = library {
        let images = store::records::images_of(&article);
        let to_save = store::ToSave {
            json: text,
            article: article.clone(),
            etag: fetched.etag,
        };
        match library.save(to_save).await {
            Ok(()) => {
                saved_at = Some(js_sys::Date::now());
                // Images and the page are fetched after the page renders,
                // off the critical path.
                let page = caches::article_page(slug);
                leptos::task::spawn_local(async move {
                    let kept = async {
                        caches::keep(caches::IMAGES, &images, false).await?;
                        caches::keep(caches::PAGES, &[page], false).await
                    };
                    if let Err(e) = kept.await {
                        log::warn!("saved article incomplete offline: {e}");
                    }
                });
            }
            Err(e) => problem = Some(e),
        }
    }
    Ok(LoadedArticle {
        article: Arc::new(article),
        saved_at,
        saved: None,
        problem,
    })
}

/// An article's extras (related stories, image sizes). Missing or damaged
/// extras only thin the rail, so failures give `None`.
pub async fn extras(slug: &str, signal: Option<AbortSignal>) -> Option<ArticleExtras> {
    match fetch_decoded(&paths::extras(slug), signal.as_ref(), decode_extras).await {
        Ok(extras) => Some(extras),
        Err(e) => {
            log::warn!("no related stories for {slug}: {e}");
            None
        }
    }
}

/// The rail of an article: its related stories from the extras, and the
/// newest stories and briefs. A listing that fails only thins the rail.
pub async fn rail(
    slug: &str,
    extras: Option<&ArticleExtras>,
    signal: Option<AbortSignal>,
) -> RailStories {
    let (latest, briefs) = futures::join!(
        listing(&Listing::Latest, 1, signal.clone()),
        listing(&Listing::Briefs, 1, signal),
    );
    let items = |page: &Result<Arc<ListingPage>, LoadError>| {
        page.as_ref().map(|p| p.items.clone()).unwrap_or_default()
    };
    RailStories::pick(
        slug,
        extras.map_or(&[][..], |e| e.related.as_slice()),
        &items(&latest),
        &items(&briefs),
    )
}

/// Downloads and saves every article of every page of a listing in one
/// batch, reporting `(done, total)` as it goes. Returns the saved slugs.
pub async fn save_listing(
    listing: &Listing,
    progress: impl Fn(usize, usize),
) -> Result<Vec<String>, LoadError> {
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
    library
        .save_all(&batch)
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    let slugs: Vec<String> = batch.iter().map(|b| b.article.slug.clone()).collect();
    let pages: Vec<String> = slugs.iter().map(|s| caches::article_page(s)).collect();
    let kept = async {
        caches::keep(caches::IMAGES, &images_needed, false).await?;
        caches::keep(caches::PAGES, &pages, false).await
    };
    kept.await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    Ok(slugs)
}
