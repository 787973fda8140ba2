//! Typed loaders: the pages the build wrote (fetched to be shown without
//! loading a document), listing pages, and articles for the offline library
//! (the saved copy first). Loaders fetch and store; they never touch the
//! screen: what the reader should be told comes back in their results.
//! Every loader takes an abort signal so a page can cancel it.

use crate::json;
use crate::net::{fetch_conditional, fetch_decoded, fetch_page, LoadError, PageRequest};
use crate::offline::{caches, connectivity};
use crate::store::records::PageFacts;
use crate::store::{self, StoreError};
use folio_content::paths::{self, Listing};
use folio_content::{Article, ListingPage};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, Document, Element};

/// A page as the build wrote it.
pub struct Page {
    /// The document's title ("Headline — Folio").
    pub title: String,
    pub description: String,
    /// The page's content: its `div.page` in `<main>`.
    pub content: Element,
}

/// Reads a page out of HTML the build wrote.
pub fn parse_page(html: &str) -> Result<Page, LoadError> {
    let doc: Document = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml))
        .map_err(|_| LoadError::Network("the page could not be read".into()))?;
    // What answers when nothing else can (the offline shell) has no page.
    let content = doc
        .query_selector("main > .page[data-page]")
        .ok()
        .flatten()
        .ok_or(LoadError::NotSavedOffline)?;
    let description = doc
        .query_selector("meta[name=description]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    Ok(Page {
        title: doc.title(),
        description,
        content,
    })
}

/// The page at `path` (a document path such as `/articles/x`).
pub async fn page(
    path: &str,
    how: PageRequest,
    signal: Option<AbortSignal>,
) -> Result<Page, LoadError> {
    let html = match fetch_page(path, how, signal.as_ref()).await {
        Err(LoadError::Network(_)) if !connectivity::is_online() => {
            return Err(LoadError::NotSavedOffline)
        }
        other => other?,
    };
    parse_page(&html)
}

/// What the library keeps from an article's page (on screen, or fetched).
pub fn page_facts(content: &Element) -> PageFacts {
    let text = content
        .query_selector(".article-body")
        .ok()
        .flatten()
        .and_then(|b| b.text_content())
        .unwrap_or_default();
    let mut images = Vec::new();
    if let Ok(list) =
        content.query_selector_all("article.article figure.hero img, .article-body img")
    {
        for i in 0..list.length() {
            if let Some(img) = list
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlImageElement>().ok())
            {
                // The resolved URL: the same in any deployment and base path.
                let src = img.src();
                if !src.is_empty() && !images.contains(&src) {
                    images.push(src);
                }
            }
        }
    }
    PageFacts { text, images }
}

/// How long a fetched listing page is reused, in milliseconds: long enough
/// for a reading session, short enough that a long-open tab picks up new
/// stories.
const FRESH_FOR_MS: f64 = 5.0 * 60.0 * 1000.0;

// A memo of the listing pages this page session fetched (saving a section
// twice). Private to the loaders; nothing else reads it.
thread_local! {
    static LISTINGS: RefCell<HashMap<String, (f64, Arc<ListingPage>)>> = RefCell::new(HashMap::new());
}

/// Page `page` (1-based) of a listing.
pub async fn listing(
    listing: &Listing,
    page: u32,
    signal: Option<AbortSignal>,
) -> Result<Arc<ListingPage>, LoadError> {
    let path = listing.page(page);
    let now = js_sys::Date::now();
    let hit = LISTINGS.with_borrow(|m| {
        m.get(&path)
            .filter(|(at, _)| now - at < FRESH_FOR_MS)
            .map(|(_, v)| v.clone())
    });
    if let Some(hit) = hit {
        return Ok(hit);
    }
    let value = Arc::new(fetch_decoded(&path, signal.as_ref(), json::listing).await?);
    LISTINGS.with_borrow_mut(|m| m.insert(path, (now, value.clone())));
    Ok(value)
}

/// An article in the offline library.
#[derive(Clone)]
pub struct LoadedArticle {
    pub article: Arc<Article>,
    /// When the library stored it.
    pub saved_at: Option<f64>,
    /// The saved copy's validator and text, for revalidation; `None` when
    /// the article was saved just now.
    pub saved: Option<(Option<String>, Arc<str>)>,
    /// Storage trouble the reader should hear about (the article still shows).
    pub problem: Option<StoreError>,
}

/// Keeps the article whose page is on screen in the offline library: the
/// saved copy when there is one (the page revalidates it), otherwise its
/// file, fetched and saved with what the page gives (`facts`), its images
/// and its page.
pub async fn keep_article(
    slug: &str,
    facts: PageFacts,
    signal: Option<AbortSignal>,
) -> Result<LoadedArticle, LoadError> {
    if !folio_content::validate::is_slug(slug) {
        return Err(LoadError::NotFound);
    }
    let library = store::shared().await;
    if let Ok(library) = &library {
        match library.get(slug).await {
            Ok(Some(saved)) => {
                return Ok(LoadedArticle {
                    article: Arc::new(saved.article),
                    saved_at: Some(saved.saved_at),
                    saved: Some((saved.etag, saved.json.into())),
                    problem: None,
                })
            }
            Ok(None) => {}
            // Saved by a newer Folio: this one must not overwrite it.
            Err(e @ StoreError::NeedsNewerApp) => {
                return Err(LoadError::Storage(e.reader_message()))
            }
            // A damaged copy: fetching the article again replaces it.
            Err(e) => log::warn!("saved copy of {slug} unreadable, saving it again: {e}"),
        }
    }
    let fetched = fetch_conditional(&paths::article(slug), None, signal.as_ref()).await?;
    let text = fetched
        .text
        .ok_or_else(|| LoadError::Network("empty response".into()))?;
    let article = json::article(&text).map_err(LoadError::Content)?;
    let library = match library {
        Ok(library) => library,
        Err(e) => {
            return Ok(LoadedArticle {
                article: Arc::new(article),
                saved_at: None,
                saved: None,
                problem: Some(e),
            })
        }
    };
    let images = facts.images.clone();
    let to_save = store::ToSave {
        json: text,
        article: article.clone(),
        etag: fetched.etag,
        facts,
    };
    if let Err(e) = library.save(to_save).await {
        return Ok(LoadedArticle {
            article: Arc::new(article),
            saved_at: None,
            saved: None,
            problem: Some(e),
        });
    }
    let kept = async {
        caches::keep(caches::IMAGES, &images, false).await?;
        caches::keep(caches::PAGES, &[caches::article_page(slug)], false).await
    };
    let problem = kept.await.err();
    Ok(LoadedArticle {
        article: Arc::new(article),
        saved_at: Some(js_sys::Date::now()),
        saved: None,
        problem,
    })
}

/// How many articles of a listing download at once when it is saved.
const SAVE_PARALLEL: usize = 4;

/// What saving a listing did.
#[derive(Debug, Default)]
pub struct SaveReport {
    /// How many articles the listing has.
    pub total: usize,
    /// The slugs saved, in the order they completed.
    pub saved: Vec<String>,
    /// Articles that could not be saved: headline and why.
    pub failed: Vec<(String, String)>,
    /// Whether the reader stopped it.
    pub stopped: bool,
}

/// Downloads and saves every article of every page of a listing, a few at
/// a time, each in its own transaction as soon as its file and page are
/// in (so a save stopped or killed midway keeps every article it
/// completed, and never half of one). An article that cannot be fetched or
/// read is skipped and reported; a full library stops the save. Aborting
/// `signal` stops it. Reports `(done, total)` as it goes.
pub async fn save_listing(
    listing: &Listing,
    signal: Option<AbortSignal>,
    progress: impl Fn(usize, usize),
) -> Result<SaveReport, LoadError> {
    use futures::StreamExt;
    let library = store::shared()
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    let first = self::listing(listing, 1, signal.clone()).await?;
    let mut summaries = first.items.clone();
    for page in 2..=first.pages {
        summaries.extend(
            self::listing(listing, page, signal.clone())
                .await?
                .items
                .iter()
                .cloned(),
        );
    }
    let mut report = SaveReport {
        total: summaries.len(),
        ..SaveReport::default()
    };
    progress(0, report.total);
    let links = crate::routes::links();
    let downloads = summaries.iter().map(|summary| {
        let signal = signal.clone();
        async move {
            let slug = &summary.slug;
            let (file_path, page_path) = (paths::article(slug), links.article(slug));
            let (file, page) = futures::join!(
                fetch_conditional(&file_path, None, signal.as_ref()),
                self::page(&page_path, PageRequest::Usual, signal.clone()),
            );
            let fetched = (|| {
                let file = file?;
                let text = file
                    .text
                    .ok_or_else(|| LoadError::Network("empty response".into()))?;
                let article = json::article(&text).map_err(LoadError::Content)?;
                Ok(store::ToSave {
                    json: text,
                    article,
                    etag: file.etag,
                    facts: page_facts(&page?.content),
                })
            })();
            (summary.headline.clone(), fetched)
        }
    });
    let mut downloads = futures::stream::iter(downloads).buffer_unordered(SAVE_PARALLEL);
    let mut done = 0;
    while let Some((headline, fetched)) = downloads.next().await {
        done += 1;
        match fetched {
            Ok(item) => {
                let slug = item.article.slug.clone();
                let images = item.facts.images.clone();
                library
                    .save(item)
                    .await
                    .map_err(|e| LoadError::Storage(e.reader_message()))?;
                let kept = async {
                    caches::keep(caches::IMAGES, &images, false).await?;
                    caches::keep(caches::PAGES, &[caches::article_page(&slug)], false).await
                };
                kept.await
                    .map_err(|e| LoadError::Storage(e.reader_message()))?;
                report.saved.push(slug);
            }
            Err(LoadError::Aborted) => {
                report.stopped = true;
                break;
            }
            Err(e) => report.failed.push((headline, e.reader_message())),
        }
        progress(done, report.total);
    }
    if signal.as_ref().is_some_and(AbortSignal::aborted) {
        report.stopped = true;
    }
    Ok(report)
}
