//! How every content page reaches the screen: as the build wrote it. On the
//! first visit the document holds it, and the app keeps it as it is (no
//! redraw, no layout shift, the reader's scroll and selection intact); when
//! the reader moves on, the app fetches the next page the build wrote
//! (through the service worker, which keeps saved articles' pages) and
//! shows it in place of the last one, without loading a document. One
//! renderer, `folio-views` at build time, so nothing can drift.

use crate::actions;
use crate::components::load_states::{load_failure, Loading};
use crate::components::{frame, page_meta};
use crate::context;
use crate::loaders;
use crate::net::{Inflight, LoadError, PageRequest};
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;

/// A fetched page, ready to show.
struct Shown {
    title: String,
    description: String,
    /// The page's `div.page`, parsed; its children are moved on screen
    /// (parsing the page once, not again from a string).
    content: web_sys::Element,
}

/// Called with the page's element once it is on screen (the build's one
/// in the document, or a fetched one), after the shared enhancements.
pub type OnShown = Rc<dyn Fn(&web_sys::HtmlElement)>;

/// Where a page stands.
#[derive(Clone)]
enum State {
    /// The document's own page is on screen.
    Kept,
    Loading,
    Shown(Rc<Shown>),
    Failed(LoadError),
}

/// Shows the page at `path` (a document path such as `/articles/x`), with
/// loading and failure states. Notifying `refetch` fetches it again past
/// the worker's copy (a saved article that changed).
pub fn page_view(
    path: String,
    on_shown: Option<OnShown>,
    refetch: Option<Trigger>,
) -> impl IntoView {
    let prerendered = context::prerendered();
    let kept = prerendered.shows(&path);
    // Back or Forward to a page left in this session: as it was left.
    let restored = (!kept)
        .then(|| context::page_history().restore(&path))
        .flatten();
    let scroll_to = restored.as_ref().map(|s| s.scroll_y);
    let state: RwSignal<State, LocalStorage> = RwSignal::new_local(match restored {
        _ if kept => State::Kept,
        Some(s) => State::Shown(Rc::new(Shown {
            title: s.title,
            description: s.description,
            content: s.content,
        })),
        None => State::Loading,
    });
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let load = {
        let path = path.clone();
        move |how: PageRequest| {
            let signal = inflight.with_value(Inflight::next);
            let path = path.clone();
            leptos::task::spawn_local(async move {
                let next = match loaders::page(&path, how, signal).await {
                    Ok(page) => State::Shown(Rc::new(Shown {
                        title: page.title,
                        description: page.description,
                        content: page.content,
                    })),
                    Err(LoadError::Aborted) => return,
                    Err(e) => State::Failed(e),
                };
                // The reader may have moved on while it loaded.
                let _ = state.try_set(next);
            });
        }
    };
    if !kept && scroll_to.is_none() {
        load(PageRequest::Usual);
    }
    if let Some(refetch) = refetch {
        let load = load.clone();
        Effect::new(move |first: Option<()>| {
            refetch.track();
            if first.is_some() {
                prerendered.release();
                load(PageRequest::Fresh);
            }
        });
    }
    let shown = StoredValue::new_local(on_shown);
    let show = move |el: &web_sys::HtmlElement| {
        actions::enhance(el);
        if let Some(f) = shown.get_value() {
            f(el);
        }
    };
    // The document's page is on screen already: enhance it once.
    if kept {
        if let Some(el) = prerendered.element() {
            show(&el);
        }
    }
    // Views must be `Send`; the retry holds the (local) loader, so it is
    // kept in the reactive arena and the view holds only its handle.
    let retry = StoredValue::new_local(Rc::new(move || {
        state.set(State::Loading);
        load(PageRequest::Usual);
    }) as Rc<dyn Fn()>);
    move || match state.get() {
        State::Kept => ().into_any(),
        State::Loading => view! { <Loading/> }.into_any(),
        State::Shown(page) => {
            page_meta::set(&page.title, &page.description);
            let node = NodeRef::<Div>::new();
            node.on_load(move |el| {
                while let Some(child) = page.content.first_child() {
                    let _ = el.append_child(&child);
                }
                show(&el);
                if let (Some(y), Some(w)) = (scroll_to, web_sys::window()) {
                    w.scroll_to_with_x_and_y(0.0, y);
                }
                frame::arrived(&page.title);
            });
            view! { <div class="page" data-page=path.clone() node_ref=node></div> }.into_any()
        }
        State::Failed(e) => {
            page_meta::set(
                &page_meta::titled(crate::i18n::t(folio_views::i18n::Msg::PageUnavailable)),
                "",
            );
            load_failure(e, retry.get_value()).into_any()
        }
    }
}

/// Any page the build wrote that needs nothing more of the app (the front
/// page, listings).
pub fn fetched(path: String) -> impl IntoView {
    page_view(path, None, None)
}
