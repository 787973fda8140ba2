//! The offline library: what is saved, how much room it takes, and the
//! controls to manage it.

use crate::components::load_states::Loading;
use crate::components::page_meta;
use crate::context;
use crate::loaders;
use crate::offline::caches;
use crate::routes::links;
use crate::store::device::{self as storage, human_bytes};
use crate::store::records::LibraryEntry;
use crate::store::{self, LibraryContents, Shelf, StoreError, HISTORY_CAP};
use folio_content::Timestamp;
use leptos::prelude::*;

/// `/library`.
#[component]
pub fn LibraryPage() -> impl IntoView {
    // The build's page for /library is only a heading: the app draws it all.
    context::prerendered().release();
    page_meta::drawn(
        &page_meta::titled("Your library"),
        "Articles saved on this device for reading without a connection.",
    );
    let contents: RwSignal<Option<Result<LibraryContents, StoreError>>, LocalStorage> =
        RwSignal::new_local(None);
    let reload = move || {
        leptos::task::spawn_local(async move {
            let listed = async { store::shared().await?.list().await }.await;
            let _ = contents.try_set(Some(listed));
        })
    };
    reload();
    view! {
        <header class="listing-header">
            <h1>"Your offline library"</h1>
            <p class="listing-description">
                "What you saved, and the articles you opened, kept on this device so you can read them without a connection."
            </p>
        </header>
        {move || match contents.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Ok(l)) => view! { <LibraryView listing=l on_change=reload/> }.into_any(),
            Some(Err(e)) => view! { <StoreUnavailable error=e/> }.into_any(),
        }}
        <StorageFacts/>
    }
}

#[component]
fn StoreUnavailable(error: StoreError) -> impl IntoView {
    view! {
        <section class="load-failure" role="alert">
            <h2>"Offline library unavailable"</h2>
            <p>{error.reader_message()}</p>
            <details><summary>"Technical details"</summary><code>{error.to_string()}</code></details>
        </section>
    }
}

/// When an entry was saved, from its milliseconds since the epoch.
fn saved_time(at: f64) -> Timestamp {
    Timestamp::from_unix((at / 1000.0) as i64)
}

#[component]
fn LibraryView(
    listing: LibraryContents,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let damaged = listing.damaged();
    let entries = listing.entries;
    let total: u64 = entries.iter().map(|e| u64::from(e.size)).sum();
    let count = entries.len();
    let on_purpose = entries.iter().filter(|e| e.shelf == Shelf::Saved).count();
    let error = RwSignal::new(None::<String>);
    let confirm_all = RwSignal::new(false);

    let marks = context::library_marks();
    let remove = move |slugs: Vec<String>, all: bool| {
        leptos::task::spawn_local(async move {
            let result = async {
                let library = store::shared().await?;
                if all {
                    library.clear().await.map(|()| None)
                } else {
                    library.remove(&slugs).await.map(Some)
                }
            }
            .await;
            match result {
                Ok(unused_images) => {
                    match unused_images {
                        // The library's images and pages go with it.
                        None => {
                            caches::clear(caches::IMAGES).await;
                            caches::clear(caches::PAGES).await;
                        }
                        Some(images) => {
                            caches::forget(caches::IMAGES, &images).await;
                            let pages: Vec<String> =
                                slugs.iter().map(|s| caches::article_page(s)).collect();
                            caches::forget(caches::PAGES, &pages).await;
                        }
                    }
                    marks.unmark((!all).then_some(slugs.as_slice()));
                    on_change();
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.reader_message()));
                }
            }
        });
    };

    // Save one from the history, or put a saved one back in it.
    let move_to = move |slug: String, shelf: Shelf| {
        leptos::task::spawn_local(async move {
            let result = match shelf {
                Shelf::Saved => loaders::save_article(&slug).await.map(|()| Vec::new()),
                Shelf::History => loaders::unsave_article(&slug).await,
            };
            match result {
                Ok(evicted) => {
                    marks.set_shelf(&slug, shelf);
                    marks.unmark(Some(&evicted));
                    on_change();
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.reader_message()));
                }
            }
        });
    };

    view! {
        <section class="library-summary" aria-label="Library summary">
            <p class="library-count">
                {format!(
                    "{count} {} on this device ({on_purpose} saved, {} in history) · {}",
                    if count == 1 { "article" } else { "articles" },
                    count - on_purpose,
                    human_bytes(total as f64)
                )}
            </p>
            <p><a href=links().search()>"Search your library"</a></p>
            {(damaged > 0).then(|| view! {
                <p class="notice notice-warning" role="alert">
                    {if damaged == 1 {
                        "1 saved article is damaged and cannot be read. Open it again while online to replace it, or remove it.".to_owned()
                    } else {
                        format!("{damaged} saved articles are damaged and cannot be read. Open them again while online to replace them, or remove them.")
                    }}
                </p>
            })}
            {move || error.get().map(|e| view! { <p class="notice notice-warning" role="alert">{e}</p> })}
        </section>
        {if entries.is_empty() {
            view! {
                <p class="library-empty">"Nothing here yet. Articles you open are kept in your history; press Save on an article, or save a whole section from its page, to keep it until you remove it."</p>
            }.into_any()
        } else {
            let (saved_entries, history): (Vec<_>, Vec<_>) =
                entries.into_iter().partition(|e| e.shelf == Shelf::Saved);
            let item = move |entry: LibraryEntry| view! { <LibraryItem entry=entry remove=remove move_to=move_to/> };
            view! {
                <section class="library-shelf" aria-labelledby="saved-h">
                    <h2 id="saved-h">{format!("Saved ({})", saved_entries.len())}</h2>
                    <p class="library-shelf-note">"Kept on this device until you remove them."</p>
                    {if saved_entries.is_empty() {
                        view! { <p class="library-empty">"Nothing saved yet: press Save on an article or a card."</p> }.into_any()
                    } else {
                        view! { <ul class="library-list">{saved_entries.into_iter().map(item).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section class="library-shelf" aria-labelledby="history-h">
                    <h2 id="history-h">{format!("History ({})", history.len())}</h2>
                    <p class="library-shelf-note">{format!("Articles you opened, kept for reading offline: the latest {HISTORY_CAP}, older ones make room.")}</p>
                    {if history.is_empty() {
                        view! { <p class="library-empty">"No history yet."</p> }.into_any()
                    } else {
                        view! { <ul class="library-list">{history.into_iter().map(item).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <div class="library-actions">
                    <Show when=move || !confirm_all.get()
                        fallback=move || view! {
                            <p role="alert">"Remove every saved article from this device?"</p>
                            <button type="button" class="button" on:click=move |_| remove(Vec::new(), true)>"Yes, remove all"</button>
                            <button type="button" class="button-secondary" on:click=move |_| confirm_all.set(false)>"Cancel"</button>
                        }>
                        <button type="button" class="button-secondary" on:click=move |_| confirm_all.set(true)>"Remove all"</button>
                    </Show>
                </div>
            }.into_any()
        }}
    }
}

/// One article of the library: its title, where the reader got to, its
/// size and date, and what can be done with it.
#[component]
fn LibraryItem(
    entry: LibraryEntry,
    remove: impl Fn(Vec<String>, bool) + Copy + Send + Sync + 'static,
    move_to: impl Fn(String, Shelf) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let title = entry.headline.clone();
    let (slug, slug2) = (entry.slug.clone(), entry.slug.clone());
    let (other, move_text, move_label) = match entry.shelf {
        Shelf::Saved => (
            Shelf::History,
            "Move to history",
            format!("Move “{title}” to history"),
        ),
        Shelf::History => (Shelf::Saved, "Save", format!("Save “{title}” for later")),
    };
    let progress = entry.position.map(|p| {
        if p.finished() {
            "Read".to_owned()
        } else {
            format!("{}% read", (p.progress * 100.0).round() as u32)
        }
    });
    let saved = saved_time(entry.saved_at);
    view! {
        <li class="library-item">
            <div class="library-item-text">
                <a href=links().article(&entry.slug) class="library-title">{entry.headline.clone()}</a>
                {entry.problem.clone().map(|p| view! {
                    <p class="library-damaged">
                        <strong>"Damaged: "</strong>"this saved copy cannot be read. "
                        <span class="library-problem">{p}</span>
                    </p>
                })}
                <p class="library-meta">
                    {progress.map(|p| view! { <span class="progress-note">{p}</span>" · " })}
                    <span class="library-section">{entry.section.replace('-', " ")}</span>
                    " · "<span class="library-size">{human_bytes(f64::from(entry.size))}</span>
                    {match entry.shelf { Shelf::Saved => " · saved ", Shelf::History => " · opened " }}
                    <time datetime=saved.as_str().to_owned()>{saved.long_date_time()}</time>
                </p>
            </div>
            <div class="library-item-actions">
                {entry.problem.is_none().then(|| view! {
                    <button type="button" class="button-secondary" aria-label=move_label
                        on:click=move |_| move_to(slug2.clone(), other)>{move_text}</button>
                })}
                <button type="button" class="button-secondary" aria-label=format!("Remove “{title}” from the library")
                    on:click=move |_| remove(vec![slug.clone()], false)>"Remove"</button>
            </div>
        </li>
    }
}

/// The browser's storage estimate, persistence, and an honest note on
/// eviction.
#[component]
fn StorageFacts() -> impl IntoView {
    // `None` until the browser answers, then its answer.
    let estimate = RwSignal::new(None::<Option<(f64, f64)>>);
    let persisted = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let _ = estimate.try_set(Some(storage::estimate().await));
        let _ = persisted.try_set(storage::persisted().await);
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = storage::request_persistence().await;
            let _ = asked.try_set(true);
            let _ = persisted.try_set(granted);
        });
    };
    view! {
        <section class="storage-facts" aria-labelledby="storage-h">
            <h2 id="storage-h">"Storage on this device"</h2>
            <p class="storage-estimate">
                {move || match estimate.get() {
                    Some(Some((usage, quota))) => format!(
                        "Folio is using {} of the {} this browser allows it.", human_bytes(usage), human_bytes(quota)),
                    Some(None) => "This browser does not report how much storage is available.".to_owned(),
                    None => "Checking storage…".to_owned(),
                }}
            </p>
            <p class="storage-persistence">
                {move || match (persisted.get(), asked.get()) {
                    (Some(true), _) => "Your library is stored persistently: the browser will not clear it to free space without asking you.".to_owned(),
                    (Some(false), true) => "The browser declined to make storage persistent for now. Browsers decide this themselves, often based on how much you use a site; try again later or install Folio to your home screen.".to_owned(),
                    (Some(false), false) => "Your library is stored on a best-effort basis.".to_owned(),
                    (None, _) => "This browser cannot make storage persistent.".to_owned(),
                }}
            </p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" class="button-secondary" on:click=ask>"Ask the browser to keep my library"</button>
            </Show>
            <p class="storage-note">
                "Browsers may delete saved data when the device runs low on space, when you clear browsing data, "
                "or (in Safari) after several weeks without visiting. Private windows keep nothing after they close. "
                "Articles you save again will simply download afresh."
            </p>
        </section>
    }
}
