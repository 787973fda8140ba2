//! The offline library: what is saved, how much room it takes, and the
//! controls to manage it.

use crate::components::load_states::Loading;
use crate::components::page_meta;
use crate::context;
use crate::i18n::{fill, t, texts};
use crate::loaders;
use crate::offline::caches;
use crate::routes::links;
use crate::store::device::{self as storage, human_bytes};
use crate::store::{self, LibraryContents, Shelf, StoreError, HISTORY_CAP};
use folio_content::Timestamp;
use folio_views::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `/library`.
#[component]
pub fn LibraryPage() -> impl IntoView {
    // The build's page for /library is only a heading: the app draws it all.
    context::prerendered().release();
    page_meta::drawn(&page_meta::titled(t(Msg::YourLibrary)), t(Msg::LibraryMeta));
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
        <header class="listing-header" lang=crate::i18n::lang()>
            <h1>{t(Msg::YourOfflineLibrary)}</h1>
            <p class="listing-description">{t(Msg::LibraryDescription)}</p>
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
        <section class="load-failure" role="alert" lang=crate::i18n::lang()>
            <h2>{t(Msg::LibraryUnavailable)}</h2>
            <p>{error.reader_message()}</p>
            <details><summary>{t(Msg::TechnicalDetails)}</summary><code>{error.to_string()}</code></details>
        </section>
    }
}

/// When an entry was saved, from its milliseconds since the epoch.
fn saved_time(at: f64) -> Timestamp {
    Timestamp::from_unix((at / 1000.0) as i64)
}

/// The library's contents for the view.
fn view_of(listing: &LibraryContents, confirming: bool) -> folio_views::library::Library {
    let total: u64 = listing.entries.iter().map(|e| u64::from(e.size)).sum();
    folio_views::library::Library {
        items: listing
            .entries
            .iter()
            .map(|e| folio_views::library::Item {
                slug: e.slug.clone(),
                headline: e.headline.clone(),
                section: e.section.clone(),
                size: human_bytes(f64::from(e.size)),
                when: saved_time(e.saved_at),
                saved: e.shelf == Shelf::Saved,
                progress: e.position.map(|p| p.percent()),
                problem: e.problem.clone(),
            })
            .collect(),
        total_size: human_bytes(total as f64),
        history_cap: HISTORY_CAP,
        confirming,
        content_lang: crate::i18n::content_lang(),
    }
}

#[component]
fn LibraryView(
    listing: LibraryContents,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
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
    // The view's buttons, by their `data-action`.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-action]").ok().flatten())
        else {
            return;
        };
        let slug = button.get_attribute("data-slug").unwrap_or_default();
        match button.get_attribute("data-action").as_deref() {
            Some("library-remove") => remove(vec![slug], false),
            Some("library-move") => {
                let shelf = match button.get_attribute("data-shelf").as_deref() {
                    Some("saved") => Shelf::Saved,
                    _ => Shelf::History,
                };
                move_to(slug, shelf);
            }
            Some("library-confirm") => confirm_all.set(true),
            Some("library-cancel") => confirm_all.set(false),
            Some("library-remove-all") => remove(Vec::new(), true),
            _ => {}
        }
    };
    let html = move || {
        folio_views::library::library(texts(), links(), &view_of(&listing, confirm_all.get()))
            .into_string()
    };
    view! {
        {move || error.get().map(|e| view! { <p class="notice notice-warning" role="alert">{e}</p> })}
        <div class="library-contents" on:click=on_click inner_html=html></div>
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
        <section class="storage-facts" aria-labelledby="storage-h" lang=crate::i18n::lang()>
            <h2 id="storage-h">{t(Msg::StorageOnThisDevice)}</h2>
            <p class="storage-estimate">
                {move || match estimate.get() {
                    Some(Some((usage, quota))) => fill(
                        Msg::StorageUsage, &[&human_bytes(usage), &human_bytes(quota)]),
                    Some(None) => t(Msg::StorageUnknown).to_owned(),
                    None => t(Msg::CheckingStorage).to_owned(),
                }}
            </p>
            <p class="storage-persistence">
                {move || match (persisted.get(), asked.get()) {
                    (Some(true), _) => t(Msg::StoragePersistent),
                    (Some(false), true) => t(Msg::StorageDeclined),
                    (Some(false), false) => t(Msg::StorageBestEffort),
                    (None, _) => t(Msg::StorageCannotPersist),
                }}
            </p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" class="button-secondary" on:click=ask>{t(Msg::AskToKeepLibrary)}</button>
            </Show>
            <p class="storage-note">
                {t(Msg::StorageNote)}
            </p>
        </section>
    }
}
