//! Listing pages: a section, or every piece of one kind, newest first, one
//! page of the listing at a time.

use crate::app::use_site;
use crate::components::brief::Brief;
use crate::components::page_meta::PageMeta;
use crate::components::status::{LoadFailure, Loading, NotFoundMessage};
use crate::components::story_card::{CardSize, StoryCard};
use crate::loaders;
use crate::net::{Inflight, LoadError};
use folio_content::paths::Listing;
use folio_content::{ArticleSummary, Kind, ListingPage, Site};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/sections/:slug`.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let site = use_site();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let section = site
            .get()
            .and_then(|r| r.ok())
            .map(|s| s.section(&slug).cloned());
        match section {
            // The index has not arrived yet.
            None => view! { <Loading/> }.into_any(),
            Some(None) => view! { <PageMeta title="Page not found" description=""/><NotFoundMessage/> }.into_any(),
            Some(Some(sec)) => view! {
                <ListingView listing=Listing::Section(sec.slug.clone()) title=sec.name.clone() description=sec.description.clone()/>
                <SaveForOffline listing=Listing::Section(sec.slug.clone()) name=sec.name.clone()/>
            }
            .into_any(),
        }
    }
}

/// `/latest`: every story except briefs.
#[component]
pub fn LatestPage() -> impl IntoView {
    view! { <ListingView listing=Listing::Latest title="Latest" description="Every story, newest first."/> }
}

/// `/kinds/:kind`, e.g. every analysis piece.
#[component]
pub fn KindPage() -> impl IntoView {
    let params = use_params_map();
    move || match params
        .read()
        .get("kind")
        .as_deref()
        .and_then(Kind::from_slug)
    {
        None => {
            view! { <PageMeta title="Page not found" description=""/><NotFoundMessage/> }.into_any()
        }
        Some(kind) => {
            let listing = if kind == Kind::Brief {
                Listing::Briefs
            } else {
                Listing::Kind(kind)
            };
            let description = format!("Every {} piece, newest first.", kind.label().to_lowercase());
            view! { <ListingView listing=listing title=kind.plural() description=description/> }
                .into_any()
        }
    }
}

/// The first page of a listing, and a "More stories" button that appends the
/// next page of the listing (never the whole archive).
#[component]
fn ListingView(
    listing: Listing,
    #[prop(into)] title: String,
    #[prop(into)] description: String,
) -> impl IntoView {
    let site = use_site();
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let first_listing = listing.clone();
    let first = LocalResource::new(move || {
        let listing = first_listing.clone();
        let signal = inflight.with_value(Inflight::next);
        async move {
            let site = site.await?;
            let page = loaders::listing(&listing, 1, signal).await?;
            Ok::<_, LoadError>((site, page))
        }
    });
    view! {
        <PageMeta title=title.clone() description=description.clone()/>
        <header class="listing-header">
            <h1>{title}</h1>
            {(!description.is_empty()).then(|| view! { <p class="listing-description">{description}</p> })}
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || {
                let listing = listing.clone();
                Suspend::new(async move {
                    match first.await {
                        Ok((site, page)) => view! { <Pages listing=listing site=site first=page/> }.into_any(),
                        Err(e) => view! { <LoadFailure error=e retry=move |_| first.refetch()/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Pages(listing: Listing, site: Arc<Site>, first: Arc<ListingPage>) -> impl IntoView {
    let items: RwSignal<Vec<ArticleSummary>, LocalStorage> =
        RwSignal::new_local(first.items.clone());
    let last = RwSignal::new((first.page, first.pages));
    let loading = RwSignal::new(false);
    let error: RwSignal<Option<LoadError>, LocalStorage> = RwSignal::new_local(None);
    let total = first.total;
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let listing = StoredValue::new_local(listing);

    let load_more = move || {
        let (page, pages) = last.get_untracked();
        if page >= pages || loading.get_untracked() {
            return;
        }
        loading.set(true);
        error.set(None);
        let signal = inflight.with_value(Inflight::next);
        let listing = listing.get_value();
        leptos::task::spawn_local(async move {
            match loaders::listing(&listing, page + 1, signal).await {
                Ok(next) => {
                    items.update(|v| v.extend(next.items.iter().cloned()));
                    last.set((next.page, next.pages));
                }
                Err(LoadError::Aborted) => {}
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };

    view! {
        <p class="listing-count">{format!("{total} stories")}</p>
        <div class="listing-stories">
            <For each=move || items.get() key=|s| s.slug.clone() let:story>
                {if story.kind == Kind::Brief {
                    view! { <Brief story=story/> }.into_any()
                } else {
                    view! { <StoryCard story=story size=CardSize::Standard site=Some(site.clone())/> }.into_any()
                }}
            </For>
        </div>
        {move || error.get().map(|e| view! { <p class="inline-error" role="alert">{e.reader_message()}</p> })}
        <Show when=move || { let (p, n) = last.get(); p < n }>
            <button type="button" class="button more-button" on:click=move |_| load_more()
                disabled=move || loading.get() aria-busy=move || loading.get().to_string()>
                {move || if loading.get() { "Loading…" } else { "More stories" }}
            </button>
        </Show>
    }
}

/// Where a "save for offline" download stands.
#[derive(Clone, PartialEq)]
enum SaveState {
    Idle,
    Saving(usize, usize),
    Done(usize),
    Failed(String),
}

/// Downloads every article of a listing into the offline library in one
/// batch, with progress.
#[component]
fn SaveForOffline(listing: Listing, #[prop(into)] name: String) -> impl IntoView {
    let state: RwSignal<SaveState, LocalStorage> = RwSignal::new_local(SaveState::Idle);
    let listing = StoredValue::new_local(listing);
    let start = move |_| {
        if matches!(state.get_untracked(), SaveState::Saving(..)) {
            return;
        }
        state.set(SaveState::Saving(0, 0));
        let listing = listing.get_value();
        leptos::task::spawn_local(async move {
            let result = loaders::save_listing(&listing, |done, total| {
                state.set(SaveState::Saving(done, total))
            })
            .await;
            state.set(match result {
                Ok(n) => SaveState::Done(n),
                Err(e) => SaveState::Failed(e.reader_message()),
            });
        });
    };
    view! {
        <section class="save-offline" aria-label="Save for offline">
            <button type="button" class="button" on:click=start
                disabled=move || matches!(state.get(), SaveState::Saving(..))>
                {format!("Save {name} for offline")}
            </button>
            <div class="save-progress" role="status" aria-live="polite">
                {move || match state.get() {
                    SaveState::Idle => None,
                    SaveState::Saving(done, total) => Some(view! {
                        <progress max=total.max(1).to_string() value=done.to_string()></progress>
                        <span>{format!("Saving {done} of {total}…")}</span>
                    }.into_any()),
                    SaveState::Done(n) => Some(view! {
                        <span>{format!("Saved {n} articles. They are in your ")}<leptos_router::components::A href=crate::routes::library()>"library"</leptos_router::components::A>"."</span>
                    }.into_any()),
                    SaveState::Failed(m) => Some(view! { <span class="inline-error">{m}</span> }.into_any()),
                }}
            </div>
        </section>
    }
}
