//! Typed loaders: the pages the build wrote (fetched to be shown without
//! loading a document), listing pages, and articles for the offline library
//! (the saved copy first). Loaders fetch and store; they never touch the
//! screen: what the reader should be told comes back in their results.
//! Every loader takes an abort signal so a page can cancel it.

use crate::json;
use crate::net::{fetch_conditional, fetch_decoded, fetch_page, LoadError, PageRequest};
use crate::offline::{caches, connectivity};
use crate::store::records::PageFacts;
use crate::store::{self, Position, Shelf, StoreError};
use folio_content::paths::{self, Listing};
use folio_content::{site_search, Article, ListingPage};
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
    /// When the library stored it, and why.
    pub saved_at: Option<f64>,
    pub shelf: Shelf,
    /// Where the reader left off last time.
    pub position: Option<Position>,
    /// The saved copy's validator and text, for revalidation; `None` when
    /// the article was saved just now.
    pub saved: Option<(Option<String>, Arc<str>)>,
    /// Articles of the history evicted to make room (oldest first).
    pub evicted: Vec<String>,
    /// Storage trouble the reader should hear about (the article still shows).
    pub problem: Option<StoreError>,
}

impl LoadedArticle {
    fn unsaved(article: Article, problem: StoreError) -> Self {
        Self {
            article: Arc::new(article),
            saved_at: None,
            shelf: Shelf::History,
            position: None,
            saved: None,
            evicted: Vec::new(),
            problem: Some(problem),
        }
    }
}

/// Keeps the article whose page is on screen in the offline library: the
/// saved copy when there is one (the page revalidates it), otherwise its
/// file, fetched and kept in the history with what the page gives
/// (`facts`), its images and its page; the history's oldest articles make
/// room for it.
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
                let entry = library.entry(slug).await.ok().flatten();
                return Ok(LoadedArticle {
                    article: Arc::new(saved.article),
                    saved_at: Some(saved.saved_at),
                    shelf: entry.as_ref().map_or(Shelf::History, |e| e.shelf),
                    position: entry.and_then(|e| e.position),
                    saved: Some((saved.etag, saved.json.into())),
                    evicted: Vec::new(),
                    problem: None,
                });
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
    let item = download_file(slug, facts, signal).await?;
    let article = item.article.clone();
    let library = match library {
        Ok(library) => library,
        Err(e) => return Ok(LoadedArticle::unsaved(article, e)),
    };
    if let Err(e) = store_article(&library, item, Shelf::History).await {
        return Ok(LoadedArticle::unsaved(article, e));
    }
    let evicted = trim_history(&library).await;
    Ok(LoadedArticle {
        article: Arc::new(article),
        saved_at: Some(js_sys::Date::now()),
        shelf: Shelf::History,
        position: None,
        saved: None,
        evicted,
        problem: None,
    })
}

/// An article's file, fetched and read, with what its page gives.
async fn download_file(
    slug: &str,
    facts: PageFacts,
    signal: Option<AbortSignal>,
) -> Result<store::ToSave, LoadError> {
    let fetched = fetch_conditional(&paths::article(slug), None, signal.as_ref()).await?;
    let text = fetched
        .text
        .ok_or_else(|| LoadError::Network("empty response".into()))?;
    let article = json::article(&text).map_err(LoadError::Content)?;
    Ok(store::ToSave {
        json: text,
        article,
        etag: fetched.etag,
        facts,
    })
}

/// An article's file and page, fetched (for saving one that is not on
/// screen).
async fn download(slug: &str, signal: Option<AbortSignal>) -> Result<store::ToSave, LoadError> {
    let page_path = crate::routes::links().article(slug);
    let (item, page) = futures::join!(
        download_file(slug, PageFacts::default(), signal.clone()),
        self::page(&page_path, PageRequest::Usual, signal.clone()),
    );
    let mut item = item?;
    item.facts = page_facts(&page?.content);
    Ok(item)
}

/// Stores an article with its images and page in the library's caches.
async fn store_article(
    library: &store::Library,
    item: store::ToSave,
    shelf: Shelf,
) -> Result<(), StoreError> {
    let slug = item.article.slug.clone();
    let images = item.facts.images.clone();
    library.save(item, shelf).await?;
    caches::keep(caches::IMAGES, &images, false).await?;
    caches::keep(caches::PAGES, &[caches::article_page(&slug)], false).await
}

/// Evicts the history's oldest articles past its cap, with their images
/// and pages; returns their slugs.
async fn trim_history(library: &store::Library) -> Vec<String> {
    match library.trim_history(store::HISTORY_CAP).await {
        Ok(trimmed) => {
            if !trimmed.slugs.is_empty() {
                caches::forget(caches::IMAGES, &trimmed.images).await;
                let pages: Vec<String> = trimmed
                    .slugs
                    .iter()
                    .map(|s| caches::article_page(s))
                    .collect();
                caches::forget(caches::PAGES, &pages).await;
            }
            trimmed.slugs
        }
        Err(e) => {
            log::warn!("could not trim the history: {e}");
            Vec::new()
        }
    }
}

/// Saves an article on purpose (its Save button): one in the library
/// moves to the saved ones; another is downloaded, file and page.
pub async fn save_article(slug: &str) -> Result<(), LoadError> {
    let library = store::shared()
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    let storage = |e: StoreError| LoadError::Storage(e.reader_message());
    if library
        .set_shelf(slug, Shelf::Saved)
        .await
        .map_err(storage)?
    {
        return Ok(());
    }
    let item = download(slug, None).await?;
    store_article(&library, item, Shelf::Saved)
        .await
        .map_err(storage)
}

/// Takes an article out of the saved ones: it stays in the history (and
/// the history's oldest make room for it). Returns the slugs evicted.
pub async fn unsave_article(slug: &str) -> Result<Vec<String>, LoadError> {
    let library = store::shared()
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    library
        .set_shelf(slug, Shelf::History)
        .await
        .map_err(|e| LoadError::Storage(e.reader_message()))?;
    Ok(trim_history(&library).await)
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
    // Newest first: the pages after page 1 are numbered from the oldest.
    for page in (2..=first.pages).rev() {
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
    let downloads = summaries.iter().map(|summary| {
        let signal = signal.clone();
        async move {
            let fetched = download(&summary.slug, signal).await;
            (summary.headline.clone(), fetched)
        }
    });
    let mut downloads = futures::stream::iter(downloads).buffer_unordered(SAVE_PARALLEL);
    let mut done = 0;
    while let Some((headline, fetched)) = downloads.next().await {
        done += 1;
        match fetched {
            Ok(item) => {
                // Saving a section is saving on purpose.
                let slug = item.article.slug.clone();
                store_article(&library, item, Shelf::Saved)
                    .await
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

// The whole-site search index's files fetched this session (a query typed
// letter by letter needs the same few again). Private to the loaders.
thread_local! {
    static SEARCH_META: RefCell<Option<site_search::Meta>> = const { RefCell::new(None) };
    static SEARCH_SHARDS: RefCell<HashMap<String, Arc<site_search::Shard>>> = RefCell::new(HashMap::new());
    static SEARCH_DOCS: RefCell<HashMap<String, Arc<Vec<site_search::SiteDoc>>>> = RefCell::new(HashMap::new());
}

/// The stories of the whole site matching `query`, best first: only the
/// index files the query needs are fetched (titles, standfirsts, tags and
/// authors are indexed; bodies are not).
pub async fn site_search(
    query: &str,
    signal: Option<AbortSignal>,
) -> Result<Vec<site_search::SiteDoc>, LoadError> {
    let query = site_search::Query::parse(query);
    if query.words.is_empty() {
        return Ok(Vec::new());
    }
    let meta = match SEARCH_META.with_borrow(Clone::clone) {
        Some(meta) => meta,
        None => {
            let meta: site_search::Meta =
                fetch_decoded(site_search::META_FILE, signal.as_ref(), json::search_file).await?;
            SEARCH_META.with_borrow_mut(|m| *m = Some(meta.clone()));
            meta
        }
    };
    let mut shards = HashMap::new();
    for shard in query.shards() {
        let cached = SEARCH_SHARDS.with_borrow(|m| m.get(&shard).cloned());
        let terms = match cached {
            Some(terms) => terms,
            None => {
                let file = site_search::shard_file(&shard);
                let terms = match fetch_decoded(&file, signal.as_ref(), json::search_file).await {
                    Ok(terms) => Arc::new(terms),
                    // No term starts so: nothing matches that word.
                    Err(LoadError::NotFound) => Arc::new(site_search::Shard::new()),
                    Err(e) => return Err(e),
                };
                SEARCH_SHARDS.with_borrow_mut(|m| m.insert(shard.clone(), terms.clone()));
                terms
            }
        };
        shards.insert(shard, (*terms).clone());
    }
    let ids = query.rank(&shards, meta.docs, site_search::RESULTS);
    let mut chunks: Vec<String> = ids
        .iter()
        .map(|&id| site_search::docs_file(id, meta.chunk))
        .collect();
    chunks.sort();
    chunks.dedup();
    let fetches = chunks.iter().map(|file| {
        let signal = signal.clone();
        async move {
            if let Some(docs) = SEARCH_DOCS.with_borrow(|m| m.get(file).cloned()) {
                return Ok((file.clone(), docs));
            }
            let docs: Vec<site_search::SiteDoc> =
                fetch_decoded(file, signal.as_ref(), json::search_file).await?;
            let docs = Arc::new(docs);
            SEARCH_DOCS.with_borrow_mut(|m| m.insert(file.clone(), docs.clone()));
            Ok::<_, LoadError>((file.clone(), docs))
        }
    });
    let fetched: HashMap<String, Arc<Vec<site_search::SiteDoc>>> =
        futures::future::try_join_all(fetches)
            .await?
            .into_iter()
            .collect();
    let chunk = meta.chunk.max(1);
    Ok(ids
        .into_iter()
        .filter_map(|id| {
            fetched
                .get(&site_search::docs_file(id, chunk))?
                .get((id % chunk) as usize)
                .cloned()
        })
        .collect())
}
