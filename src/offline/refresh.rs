//! Keeping saved articles fresh: stale-while-revalidate for the article
//! being read, and a refresh of the whole library when the network returns.

use crate::context::{Level, Notices};
use crate::loaders;
use crate::net::{fetch_conditional, LoadError, PageRequest};
use crate::offline::caches;
use crate::store::{self, ToSave};
use folio_content::paths;
use folio_views::i18n::Msg;
use std::sync::atomic::{AtomicBool, Ordering};

/// How many revalidation requests run at once: enough to be quick, few
/// enough not to crowd out what the reader is loading.
const PARALLEL: usize = 4;

/// Asks the server whether a saved article changed; if it did, saves the new
/// version with its new page (kept for offline reading) and images, and
/// returns `true`.
pub async fn revalidate(
    slug: &str,
    etag: Option<&str>,
    saved_json: &str,
    notices: Notices,
) -> Result<bool, LoadError> {
    let fetched = fetch_conditional(&paths::article(slug), etag, None).await?;
    let Some(text) = fetched.text else {
        return Ok(false);
    };
    if text == saved_json {
        return Ok(false);
    }
    let article = crate::json::article(&text).map_err(LoadError::Content)?;
    let link = crate::routes::links().article(slug);
    let html = crate::net::fetch_page(&link, PageRequest::Fresh, None).await?;
    let facts = loaders::page_facts(&loaders::parse_page(&html)?.content);
    let images = facts.images.clone();
    let library = store::shared()
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    let replaced = library
        .replace_if_kept(ToSave {
            json: text,
            article,
            etag: fetched.etag,
            facts,
        })
        .await;
    match replaced {
        // Removed while this waited on the network: it stays removed.
        Ok(false) => return Ok(false),
        Ok(true) => {}
        Err(e) => {
            notices.storage_problem(&e);
            return Err(LoadError::Storage(e.reader_message()));
        }
    }
    let kept = async {
        caches::keep(caches::IMAGES, &images, false).await?;
        caches::put_page(&link, &html).await
    };
    if let Err(e) = kept.await {
        notices.storage_problem(&e);
    }
    Ok(true)
}

/// Where the time of the last whole-library refresh is kept.
const REFRESHED_AT_KEY: &str = "folio.library-refreshed-at";
/// How often opening the app revalidates the whole library: a large library
/// is one request per article, too much for every page load. Articles being
/// read are revalidated anyway, and a returning connection always refreshes.
const REFRESH_EVERY_MS: f64 = 6.0 * 60.0 * 60.0 * 1000.0;

/// Refreshes the library on start-up unless that was done recently.
pub async fn refresh_library_if_due(notices: Notices) {
    let last = crate::prefs::local()
        .and_then(|s| s.get_item(REFRESHED_AT_KEY).ok().flatten())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0) as f64;
    if js_sys::Date::now() - last >= REFRESH_EVERY_MS {
        refresh_library(notices).await;
    }
}

/// Whether a whole-library refresh is running: every `online` event asks
/// for one, and two at once would fetch everything twice.
static REFRESHING: AtomicBool = AtomicBool::new(false);

/// Clears [`REFRESHING`] however the refresh ends.
struct Running;

impl Drop for Running {
    fn drop(&mut self) {
        REFRESHING.store(false, Ordering::Relaxed);
    }
}

/// Revalidates every saved article and tells the reader how many changed.
/// A refresh asked for while one runs is the same refresh.
pub async fn refresh_library(notices: Notices) {
    if REFRESHING.swap(true, Ordering::Relaxed) {
        return;
    }
    let _running = Running;
    let Ok(library) = store::shared().await else {
        return;
    };
    let Ok(slugs) = library.slugs().await else {
        return;
    };
    let mut updated = 0;
    for chunk in slugs.chunks(PARALLEL) {
        let checks = chunk.iter().map(|slug| {
            let library = library.clone();
            async move {
                let saved = library.get(slug).await.ok().flatten()?;
                revalidate(slug, saved.etag.as_deref(), &saved.json, notices)
                    .await
                    .ok()
            }
        });
        for changed in futures::future::join_all(checks).await {
            if changed == Some(true) {
                updated += 1;
            }
        }
        if !crate::offline::connectivity::is_online() {
            return;
        }
    }
    if let Some(storage) = crate::prefs::local() {
        let now = js_sys::Date::now() as u64;
        let _ = storage.set_item(REFRESHED_AT_KEY, &now.to_string());
    }
    if updated > 0 {
        let texts = crate::i18n::texts();
        let text = if updated == 1 {
            texts.get(Msg::UpdatedOne).to_owned()
        } else {
            texts.fill(Msg::UpdatedOther, &[&texts.number(updated as u64)])
        };
        notices.push(Level::Info, text, None);
    }
}
