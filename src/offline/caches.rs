//! What a saved article needs besides its text, kept in Cache Storage so it
//! is complete offline: its images, and its page as the build wrote it (so
//! it opens offline as fast as online). The app writes these caches itself
//! (it works before the service worker controls the page); the worker
//! serves them (tools/gen-sw.cjs).

use crate::routes;
use crate::store::StoreError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Images of saved articles; the worker's image route reads it.
pub const IMAGES: &str = "folio-images";
/// Pages of saved articles; the worker's page route reads and fills it.
pub const PAGES: &str = "folio-pages";

async fn open(name: &str) -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(name)).await.ok()?;
    cache.dyn_into().ok()
}

/// Stores every URL not yet cached (`refresh` replaces those that are).
/// Failures (offline, a missing file) are logged and skipped: the text is
/// what matters most; a full quota stops and is reported.
pub async fn keep(name: &str, urls: &[String], refresh: bool) -> Result<(), StoreError> {
    let Some(cache) = open(name).await else {
        return Ok(());
    };
    for url in urls {
        let url = routes::links().asset(url);
        let cached = !refresh
            && JsFuture::from(cache.match_with_str(&url))
                .await
                .ok()
                .is_some_and(|v| !v.is_undefined());
        if cached {
            continue;
        }
        if let Err(e) = JsFuture::from(cache.add_with_str(&url)).await {
            log::warn!("could not keep {url} offline: {e:?}");
            let quota = e
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|d| d.name() == "QuotaExceededError");
            if quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
    }
    Ok(())
}

/// Keeps `html` as the page at `path` (a page fetched past the worker).
pub async fn put_page(path: &str, html: &str) -> Result<(), StoreError> {
    let Some(cache) = open(PAGES).await else {
        return Ok(());
    };
    let init = web_sys::ResponseInit::new();
    let headers = web_sys::Headers::new().map_err(|_| StoreError::Failed("headers".into()))?;
    let _ = headers.set("Content-Type", "text/html; charset=utf-8");
    init.set_headers(&headers);
    let response = web_sys::Response::new_with_opt_str_and_init(Some(html), &init)
        .map_err(|_| StoreError::Failed("response".into()))?;
    match JsFuture::from(cache.put_with_str(path, &response)).await {
        Ok(_) => Ok(()),
        Err(e)
            if e.dyn_ref::<web_sys::DomException>()
                .is_some_and(|d| d.name() == "QuotaExceededError") =>
        {
            Err(StoreError::QuotaExceeded)
        }
        Err(e) => {
            log::warn!("could not keep {path} offline: {e:?}");
            Ok(())
        }
    }
}

/// Removes these URLs.
pub async fn forget(name: &str, urls: &[String]) {
    let Some(cache) = open(name).await else {
        return;
    };
    for url in urls {
        let _ = JsFuture::from(cache.delete_with_str(&routes::links().asset(url))).await;
    }
}

/// Removes the whole cache (the library was emptied).
pub async fn clear(name: &str) {
    if let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) {
        let _ = JsFuture::from(caches.delete(name)).await;
    }
}

/// The page of an article, as a site-relative path for [`keep`].
pub fn article_page(slug: &str) -> String {
    folio_content::paths::article_page(slug)
}
