//! How every content page reaches the screen. A page is HTML from
//! `folio-views`: on the first visit the build already wrote it into the
//! document, and the app keeps it as it is (no redraw, no layout shift, the
//! reader's scroll and selection intact); when the reader moves on, the app
//! loads the next page's data and draws it with the same views.

use crate::actions;
use crate::components::load_states::{load_failure, Loading};
use crate::components::page_meta;
use crate::context;
use crate::net::{Inflight, LoadError};
use futures::future::LocalBoxFuture;
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::AbortSignal;

/// A page as the app draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The tab's title before " — Site" (empty for the front page).
    pub title: String,
    pub description: String,
    /// The page's HTML, from `folio-views`.
    pub html: String,
}

/// Loads a page's data and draws it.
pub type Draw =
    Rc<dyn Fn(Option<AbortSignal>) -> LocalBoxFuture<'static, Result<Drawn, LoadError>>>;

/// Called with the page's element once it is on screen (the pre-rendered
/// one or the drawn one), after the shared enhancements.
pub type OnShown = Rc<dyn Fn(&web_sys::HtmlElement)>;

/// Where a page stands.
#[derive(Clone)]
enum State {
    /// The build's page is on screen.
    Kept,
    Loading,
    Drawn(Rc<Drawn>),
    Failed(LoadError),
}

/// Shows the page at `path` (a document path such as `/articles/x`): the
/// build's page when the document holds it, otherwise `draw`'s, with
/// loading and failure states. Notifying `redraw` draws it again (a saved
/// article that changed).
pub fn page_view(
    path: String,
    draw: Draw,
    on_shown: Option<OnShown>,
    redraw: Option<Trigger>,
) -> impl IntoView {
    let prerendered = context::prerendered();
    let kept = prerendered.shows(&path);
    let state: RwSignal<State, LocalStorage> =
        RwSignal::new_local(if kept { State::Kept } else { State::Loading });
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let load = {
        let draw = draw.clone();
        move || {
            let signal = inflight.with_value(Inflight::next);
            let fut = draw(signal);
            leptos::task::spawn_local(async move {
                let next = match fut.await {
                    Ok(drawn) => State::Drawn(Rc::new(drawn)),
                    Err(LoadError::Aborted) => return,
                    Err(e) => State::Failed(e),
                };
                // The page may have gone while it loaded.
                let _ = state.try_set(next);
            });
        }
    };
    if !kept {
        load();
    }
    if let Some(redraw) = redraw {
        let load = load.clone();
        Effect::new(move |first: Option<()>| {
            redraw.track();
            if first.is_some() {
                prerendered.release();
                load();
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
    // The build's page is on screen already: enhance it once.
    if kept {
        if let Some(el) = prerendered.element() {
            show(&el);
        }
    }
    // Views must be `Send`; the retry holds the (local) loader, so it is
    // kept in the reactive arena and the view holds only its handle.
    let retry = StoredValue::new_local(Rc::new(move || {
        state.set(State::Loading);
        load();
    }) as Rc<dyn Fn()>);
    move || match state.get() {
        State::Kept => ().into_any(),
        State::Loading => view! { <Loading/> }.into_any(),
        State::Drawn(drawn) => {
            page_meta::set(&drawn.title, &drawn.description);
            let node = NodeRef::<Div>::new();
            node.on_load(move |el| show(&el));
            view! { <div class="page" data-page=path.clone() node_ref=node inner_html=drawn.html.clone()></div> }
                .into_any()
        }
        State::Failed(e) => {
            page_meta::set("Unavailable", "");
            load_failure(e, retry.get_value()).into_any()
        }
    }
}
