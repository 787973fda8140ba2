//! Search over the offline library, as the reader types.

use crate::components::load_states::Loading;
use crate::components::page_meta;
use crate::context;
use crate::routes::links;
use crate::store::{self, StoreError};
use folio_content::search::SearchIndex;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

const RESULTS: usize = 50;

/// What a result shows: its slug, headline and standfirst.
#[derive(Clone, PartialEq)]
struct Shown {
    slug: String,
    title: String,
    dek: String,
}

/// The index and what each hit shows, built once per visit from the texts
/// store alone (it carries titles and standfirsts too).
struct Searchable {
    index: SearchIndex,
    shown: HashMap<String, Shown>,
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
                Shown {
                    slug: d.slug,
                    title: d.title,
                    dek: d.dek,
                },
            )
        })
        .collect();
    Ok(Arc::new(Searchable { index, shown }))
}

/// `/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    // The build's page for /search is only a heading: the app draws it all.
    context::prerendered().release();
    page_meta::drawn(
        &page_meta::titled("Search"),
        "Search the articles saved on this device.",
    );
    let data: RwSignal<Option<Result<Arc<Searchable>, StoreError>>, LocalStorage> =
        RwSignal::new_local(None);
    leptos::task::spawn_local(async move {
        let _ = data.try_set(Some(load().await));
    });
    let query = RwSignal::new(String::new());
    view! {
        <header class="listing-header">
            <h1>"Search your library"</h1>
            <p class="listing-description">"Searches the articles saved on this device, with or without a connection."</p>
        </header>
        <form class="search-form" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">"Search saved articles"</label>
            <input id="search-input" type="search" autocomplete="off" placeholder="Headline, topic or phrase"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </form>
        {move || match data.get() {
            None => view! { <Loading label="Opening your library…"/> }.into_any(),
            Some(Ok(s)) => view! { <Results searchable=s query=query/> }.into_any(),
            Some(Err(e)) => view! { <p class="notice notice-warning" role="alert">{e.reader_message()}</p> }.into_any(),
        }}
    }
}

#[component]
fn Results(searchable: Arc<Searchable>, query: RwSignal<String>) -> impl IntoView {
    let total = searchable.index.len();
    let hits = Memo::new(move |_| {
        let q = query.get();
        searchable
            .index
            .search(&q, RESULTS)
            .into_iter()
            .filter_map(|h| searchable.shown.get(&h.slug).cloned())
            .collect::<Vec<_>>()
    });
    view! {
        <p class="search-count" role="status">
            {move || {
                let q = query.get();
                if q.trim().is_empty() {
                    format!("{total} saved articles to search.")
                } else {
                    let n = hits.with(Vec::len);
                    format!("{n} {} for “{}”", if n == 1 { "result" } else { "results" }, q.trim())
                }
            }}
        </p>
        <ol class="search-results">
            <For each=move || hits.get() key=|e| e.slug.clone() let:entry>
                <li>
                    <a href=links().article(&entry.slug) class="search-title">{entry.title.clone()}</a>
                    <p class="search-dek">{entry.dek.clone()}</p>
                </li>
            </For>
        </ol>
    }
}
