//! The offline library: what is saved, how much room it takes, and the
//! controls to manage it. Drawn as the views' HTML (`folio_views::library`)
//! from what the store and the browser answered; its buttons are handled by
//! their `data-action`.

use crate::components::page_meta;
use crate::context;
use crate::i18n::{t, texts};
use crate::loaders;
use crate::offline::caches;
use crate::routes::links;
use crate::store::device::{self as storage, human_bytes};
use crate::store::{self, LibraryContents, Shelf, StoreError, HISTORY_CAP};
use folio_content::Timestamp;
use folio_views::i18n::Msg;
use folio_views::library::{self as views, StorageFacts};
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
    let confirm_all = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let facts = RwSignal::new(StorageFacts::default());
    let reload = move || {
        leptos::task::spawn_local(async move {
            let listed = async { store::shared().await?.list().await }.await;
            let _ = contents.try_set(Some(listed));
            let _ = confirm_all.try_set(false);
        })
    };
    reload();
    leptos::task::spawn_local(async move {
        let estimate = storage::estimate()
            .await
            .map(|(usage, quota)| (human_bytes(usage), human_bytes(quota)));
        let _ = facts.try_update(|f| f.estimate = Some(estimate));
        let persisted = storage::persisted().await;
        let _ = facts.try_update(|f| f.persisted = persisted);
    });
    let marks = context::library_marks();
    let failed = move |e: String| {
        let _ = error.try_set(Some(e));
    };
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
                    reload();
                }
                Err(e) => failed(e.reader_message()),
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
                    reload();
                }
                Err(e) => failed(e.reader_message()),
            }
        });
    };
    let ask = move || {
        leptos::task::spawn_local(async move {
            let granted = storage::request_persistence().await;
            let _ = facts.try_update(|f| {
                f.asked = true;
                f.persisted = granted;
            });
        });
    };
    // The buttons, by their `data-action`.
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
            Some("storage-ask") => ask(),
            _ => {}
        }
    };
    let html = move || {
        let texts = texts();
        let mut out = String::new();
        if let Some(e) = error.get() {
            out.push_str(&folio_views::states::warning(&e).into_string());
        }
        let shown = match contents.get() {
            None => folio_views::states::loading(texts),
            Some(Ok(listing)) => {
                views::library(texts, links(), &view_of(&listing, confirm_all.get()))
            }
            Some(Err(e)) => views::unavailable(texts, &e.reader_message(), &e.to_string()),
        };
        out.push_str(&shown.into_string());
        out.push_str(&views::storage_facts(texts, &facts.get()).into_string());
        out
    };
    view! {
        <header class="listing-header" lang=crate::i18n::lang()>
            <h1>{t(Msg::YourOfflineLibrary)}</h1>
            <p class="listing-description">{t(Msg::LibraryDescription)}</p>
        </header>
        <div class="library-contents" on:click=on_click inner_html=html></div>
    }
}

/// When an entry was saved, from its milliseconds since the epoch.
fn saved_time(at: f64) -> Timestamp {
    Timestamp::from_unix((at / 1000.0) as i64)
}

/// The library's contents for the view.
fn view_of(listing: &LibraryContents, confirming: bool) -> views::Library {
    let total: u64 = listing.entries.iter().map(|e| u64::from(e.size)).sum();
    views::Library {
        items: listing
            .entries
            .iter()
            .map(|e| views::Item {
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
