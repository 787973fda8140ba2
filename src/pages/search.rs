//! Search, as the reader types: the whole site online (from the index the
//! build writes, `folio_content::site_search`), and the full text of the
//! offline library, online or not. The query lives in the URL.

use crate::components::page_meta;
use crate::context;
use crate::i18n::{fill, t, texts};
use crate::loaders;
use crate::net::{Inflight, LoadError};
use crate::routes::links;
use crate::store::{self, StoreError};
use folio_content::search::SearchIndex;
use folio_content::site_search::SiteDoc;
use folio_views::i18n::Msg;
use folio_views::search;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

const RESULTS: usize = 50;

/// The index and what each hit shows, built once per visit from the texts
/// store alone (it carries titles and standfirsts too).
struct Searchable {
    index: SearchIndex,
    shown: HashMap<String, search::LibraryHit>,
}

async fn load() -> Result<Arc<Searchable>, StoreError> {
    let docs: Vec<_> = store::shared()
        .await?
        .texts()
        .await?
        .into_iter()
        .map(|t| t.into_doc())
        .collect();
    let index = SearchIndex::build(&docs);
    let shown = docs
        .into_iter()
        .map(|d| {
            (
                d.slug.clone(),
                search::LibraryHit {
                    slug: d.slug,
                    title: d.title,
                    dek: d.dek,
                },
            )
        })
        .collect();
    Ok(Arc::new(Searchable { index, shown }))
}

/// The query in the page's URL (`/search?q=…`).
fn query_in_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("q"))
        .unwrap_or_default()
}

/// Keeps the query in the URL (replacing the entry: typing is not moving),
/// so a search can be shared, reloaded and come back to.
fn put_query_in_url(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = links().search();
    let url = if query.trim().is_empty() {
        path
    } else {
        let params = web_sys::UrlSearchParams::new().ok();
        let encoded = params.map(|p| {
            p.set("q", query);
            String::from(p.to_string())
        });
        format!("{path}?{}", encoded.unwrap_or_default())
    };
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// What the site search found for a query.
#[derive(Clone)]
enum SiteResults {
    /// Offline, or not asked yet.
    None,
    Searching,
    Found(String, Vec<SiteDoc>),
    Failed(String),
}

/// `/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    // The build's page for /search is only a heading: the app draws it all.
    context::prerendered().release();
    page_meta::drawn(&page_meta::titled(t(Msg::Search)), t(Msg::SearchMeta));
    let data: RwSignal<Option<Result<Arc<Searchable>, StoreError>>, LocalStorage> =
        RwSignal::new_local(None);
    leptos::task::spawn_local(async move {
        let _ = data.try_set(Some(load().await));
    });
    let query = RwSignal::new(query_in_url());
    let online = context::online().0;
    let site: RwSignal<SiteResults, LocalStorage> = RwSignal::new_local(SiteResults::None);
    let inflight = StoredValue::new_local(Inflight::default());
    on_cleanup(move || inflight.with_value(Inflight::abort));
    // Each query (and coming back online) asks the site's index.
    Effect::new(move |_| {
        let q = query.get();
        put_query_in_url(&q);
        if !online.get() || q.trim().is_empty() {
            site.set(SiteResults::None);
            return;
        }
        site.set(SiteResults::Searching);
        let signal = inflight.with_value(Inflight::next);
        leptos::task::spawn_local(async move {
            let next = match loaders::site_search(&q, signal).await {
                Ok(found) => SiteResults::Found(q, found),
                Err(LoadError::Aborted) => return,
                Err(e) => SiteResults::Failed(e.reader_message()),
            };
            let _ = site.try_set(next);
        });
    });
    let marks = context::library_marks().get();
    // The results as HTML from the views (one renderer for the app's
    // pages; the reactive parts stay few, which keeps the wasm small).
    let site_html = move || {
        let q = query.get();
        match site.get() {
            SiteResults::None if !online.get() && !q.trim().is_empty() => {
                folio_views::states::note(t(Msg::SearchOffline)).into_string()
            }
            SiteResults::None => String::new(),
            SiteResults::Searching => folio_views::states::status(t(Msg::Searching)).into_string(),
            SiteResults::Failed(why) => {
                folio_views::states::warning(&fill(Msg::SiteSearchFailed, &[&why])).into_string()
            }
            SiteResults::Found(q, found) => marks
                .with_untracked(|m| {
                    search::site_results(
                        texts(),
                        links(),
                        &q,
                        &found,
                        &|slug| m.contains_key(slug),
                        crate::i18n::content_lang().as_deref(),
                    )
                })
                .into_string(),
        }
    };
    let library_html = move || match data.get() {
        None => folio_views::states::loading_with(texts(), Msg::OpeningYourLibrary).into_string(),
        Some(Ok(s)) => library_results(&s, &query.get(), &site.get()),
        Some(Err(e)) => folio_views::states::warning(&e.reader_message()).into_string(),
    };
    view! {
        <header class="listing-header" lang=crate::i18n::lang()>
            <h1>{t(Msg::Search)}</h1>
            <p class="listing-description">{t(Msg::SearchDescription)}</p>
        </header>
        <form class="search-form" role="search" lang=crate::i18n::lang() on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{t(Msg::SearchStories)}</label>
            <input id="search-input" type="search" name="q" autocomplete="off" placeholder=t(Msg::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </form>
        <div class="search-site-results" inner_html=site_html></div>
        <div class="search-library-results" inner_html=library_html></div>
    }
}

/// The library's results for `q`, leaving out what the site's show.
fn library_results(searchable: &Searchable, q: &str, site: &SiteResults) -> String {
    let (shown, more): (Vec<&str>, bool) = match site {
        SiteResults::Found(_, found) => (found.iter().map(|d| d.slug.as_str()).collect(), true),
        _ => (Vec::new(), false),
    };
    let hits: Vec<search::LibraryHit> = searchable
        .index
        .search(q, RESULTS)
        .into_iter()
        .filter(|h| !shown.contains(&h.slug.as_str()))
        .filter_map(|h| searchable.shown.get(&h.slug).cloned())
        .collect();
    search::library_results(
        texts(),
        links(),
        q,
        searchable.index.len(),
        &hits,
        more,
        crate::i18n::content_lang().as_deref(),
    )
    .into_string()
}
