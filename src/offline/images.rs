//! Images of saved articles, kept in Cache Storage so an offline article is
//! complete. The page writes the cache itself (it works before the service
//! worker controls the page); the worker serves the same cache offline.

use crate::routes;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The cache shared with the service worker's image route (tools/gen-sw.cjs).
pub const CACHE: &str = "folio-images";

async fn cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(CACHE)).await.ok()?;
    cache.dyn_into().ok()
}

/// Stores every image not yet cached. Failures (offline, a missing file) are
/// logged and skipped: the text is what matters most.
pub async fn keep(urls: &[String]) {
    let Some(cache) = cache().await else { return };
    for url in urls {
        let url = routes::asset(url);
        let cached = JsFuture::from(cache.match_with_str(&url))
            .await
            .ok()
            .is_some_and(|v| !v.is_undefined());
        if !cached {
            if let Err(e) = JsFuture::from(cache.add_with_str(&url)).await {
                log::warn!("could not keep image {url} offline: {e:?}");
                let quota = e
                    .dyn_ref::<web_sys::DomException>()
                    .is_some_and(|d| d.name() == "QuotaExceededError");
                if quota {
                    crate::offline::notices::storage_problem(
                        &crate::store::StoreError::QuotaExceeded,
                    );
                    return;
                }
            }
        }
    }
}

/// Removes images that no remaining saved article uses.
pub async fn forget(urls: &[String], still_used: &[String]) {
    let Some(cache) = cache().await else { return };
    for url in urls.iter().filter(|u| !still_used.contains(u)) {
        let _ = JsFuture::from(cache.delete_with_str(&routes::asset(url))).await;
    }
}
