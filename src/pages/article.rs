//! The article page: the page the build wrote, and the offline library's
//! work around it. Every article the reader opens is kept; a saved one is
//! revalidated, and shown again if it changed.

use crate::actions;
use crate::context::{self, Level, LibraryMarks, Notices};
use crate::loaders::{self, LoadedArticle};
use crate::net::LoadError;
use crate::offline::{connectivity, refresh};
use crate::pages::page::{page_view, OnShown};
use crate::reading;
use crate::routes::links;
use folio_content::Timestamp;
use leptos::prelude::*;
use std::rc::Rc;

/// What the page knows about its article and the library.
#[derive(Clone, Copy)]
struct Library {
    notices: Notices,
    marks: LibraryMarks,
    /// When the library stored the article.
    saved_at: RwSignal<Option<f64>>,
    /// Whether the saved copy was just replaced by a newer version.
    refreshed: RwSignal<bool>,
    /// Fetches the page again, past the worker's copy.
    refetch: Trigger,
}

impl Library {
    /// Shows the article's current page, unless the reader has left it.
    fn refetch(self) {
        if !self.refetch.is_disposed() {
            self.refetch.notify();
        }
    }

    /// Records what keeping the article did, and revalidates a saved copy.
    fn loaded(self, slug: &str, loaded: &LoadedArticle) {
        if let Some(e) = &loaded.problem {
            self.notices.storage_problem(e);
        }
        // Made room in the history.
        self.marks.unmark(Some(&loaded.evicted));
        if loaded.saved_at.is_some() {
            self.marks.mark([slug], loaded.shelf);
            if let Some(position) = loaded.position {
                self.marks.set_position(slug, position);
            }
        }
        // The reader may have moved on while the article loaded: the rest
        // is for the page on screen.
        if self.refetch.is_disposed() {
            return;
        }
        if let Some(at) = loaded.saved_at {
            if let Some(position) = loaded.position {
                reading::resume(&position);
            }
            let _ = self.saved_at.try_set(Some(at));
        }
        if !connectivity::is_online() {
            return;
        }
        // The page on screen can be older than the saved copy (a page kept
        // offline before the library was refreshed): show the current one.
        let newer = shown_modified().is_some_and(|t| *loaded.article.last_modified() > t);
        if newer && loaded.saved.is_some() {
            self.refetch();
            return;
        }
        if let (Some((etag, json)), false) = (
            loaded.saved.clone(),
            self.refreshed.try_get_untracked().unwrap_or(true),
        ) {
            let slug = slug.to_owned();
            leptos::task::spawn_local(async move {
                if let Ok(true) =
                    refresh::revalidate(&slug, etag.as_deref(), &json, self.notices).await
                {
                    // The page on screen is the old version: show the new one.
                    if self.refreshed.try_set(true).is_none() {
                        self.refetch();
                    }
                }
            });
        }
    }
}

/// `/articles/<slug>`.
pub fn page(slug: String) -> impl IntoView {
    let path = links().article(&slug);
    let library = Library {
        notices: context::notices(),
        marks: context::library_marks(),
        saved_at: RwSignal::new(None),
        refreshed: RwSignal::new(false),
        refetch: Trigger::new(),
    };
    // "Available offline …", once the library has the article, saying
    // whether it is saved or in the history.
    let shelf = {
        let slug = slug.clone();
        move || {
            library
                .marks
                .get()
                .with(|m| m.get(&slug).map(|m| m.shelf))
                .unwrap_or_default()
        }
    };
    Effect::new({
        let shelf = shelf.clone();
        move |_| {
            if let Some(at) = library.saved_at.get() {
                actions::show_saved_on(at, shelf());
            }
        }
    });
    // Where the reader is in the article on screen, while it is.
    let following = StoredValue::new_local(None::<reading::Following>);
    on_cleanup(move || {
        // (Already gone if the page's values were disposed first: dropping
        // it then did the same.)
        let _ = following.try_update_value(|f| *f = None);
        // Reading aloud stops with the article.
        actions::stop_listening();
    });
    // Each time the page is on screen: keep the article with what its page
    // gives (search text, images), say when it was saved, and follow the
    // reader through it.
    let on_shown: OnShown = Rc::new(move |el| {
        let _ = following.try_update_value(|f| *f = None);
        let _ = following.try_update_value(|f| *f = reading::follow(slug.clone(), library.marks));
        if let Some(at) = library.saved_at.get_untracked() {
            actions::show_saved_on(at, untrack(&shelf));
        }
        actions::fill_rail(el, &slug, library.marks);
        let facts = loaders::page_facts(el);
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            match loaders::keep_article(&slug, facts, None).await {
                Ok(loaded) => library.loaded(&slug, &loaded),
                // The page reads anyway; the reader should know it will
                // not be there offline.
                Err(LoadError::Content(e)) => library.notices.push(
                    Level::Warning,
                    format!(
                        "This article could not be saved for offline reading. {}",
                        e.reader_message()
                    ),
                    None,
                ),
                Err(LoadError::Storage(message)) => {
                    library.notices.push(Level::Warning, message, None)
                }
                Err(e) => log::warn!("could not keep {slug} offline: {e}"),
            }
        });
    });
    view! {
        <Show when=move || library.refreshed.get()>
            <p class="notice" role="status">"This article has been updated since you saved it; you are reading the latest version."</p>
        </Show>
        {page_view(path, Some(on_shown), Some(library.refetch))}
    }
}

/// When the article on screen last changed, as its page says.
fn shown_modified() -> Option<Timestamp> {
    let el = actions::document()?
        .query_selector("main > .page article.article[data-modified]")
        .ok()??;
    Timestamp::parse(&el.get_attribute("data-modified")?).ok()
}
