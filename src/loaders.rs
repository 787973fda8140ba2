//! Typed loaders for the site index, listing pages and articles, with a small
//! in-memory cache so moving between pages does not refetch what was just
//! shown. Every loader takes an abort signal so a page can cancel it.

use crate::net::{fetch_decoded, LoadError};
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
    SITE.set(Some(Cached { at: js_sys::Date::now(), value: site.clone() }));
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
        c.insert(path, Cached { at: js_sys::Date::now(), value: value.clone() })
    });
    Ok(value)
}

/// One article, from the network.
pub async fn article(slug: &str, signal: Option<AbortSignal>) -> Result<Arc<Article>, LoadError> {
    if !folio_content::validate::is_slug(slug) {
        return Err(LoadError::NotFound);
    }
    Ok(Arc::new(
        fetch_decoded(&paths::article(slug), signal.as_ref(), decode_article).await?,
    ))
}
