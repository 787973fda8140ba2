//! How every content page reaches the screen. A page is HTML from
//! `folio-views`: on the first visit the build already wrote it into the
//! document, and the app keeps it as it is (no redraw, no layout shift, the
//! reader's scroll and selection intact); when the reader moves on, the app
//! loads the next page's data and draws it with the same views.

use crate::actions;
use crate::components::load_states::{LoadFailure, Loading};
use crate::components::page_meta::PageMeta;
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

/// Loads a page's data and draws it; reads its route parameters before its
/// first await, so the page is drawn again when they change.
pub type Draw =
    Rc<dyn Fn(Option<AbortSignal>) -> LocalBoxFuture<'static, Result<Drawn, LoadError>>>;

/// Called with the page's element once it is on screen (the pre-rendered
/// one or the drawn one), after the shared enhancements.
pub type OnShown = Rc<dyn Fn(&web_sys::HtmlElement)>;

/// Shows the page at `path` (a link such as `/articles/x`): the build's
/// page when the document holds it, otherwise `draw`'s, with loading and
/// failure states. `redraw` forces a new draw (a saved article that changed).
pub fn page_view(
    path: Signal<String>,
    draw: Draw,
    on_shown: Option<OnShown>,
    redraw: Option<Trigger>,
) -> impl IntoView {
    let prerendered = context::prerendered();
    let adopted = Memo::new(move |_| prerendered.shows(&path.get()));
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let data = LocalResource::new(move || {
        if let Some(r) = redraw {
            r.track();
        }
        // The page is keyed by its path: a new path is a new page.
        path.track();
        let skip = adopted.get();
        let signal = inflight.with_value(Inflight::next);
        let draw = (!skip).then(|| draw(signal));
        async move {
            match draw {
                Some(fut) => fut.await.map(Some),
                None => Ok(None),
            }
        }
    });
    let shown = StoredValue::new_local(on_shown);
    let show = move |el: &web_sys::HtmlElement| {
        actions::enhance(el);
        if let Some(f) = shown.get_value() {
            f(el);
        }
    };
    // The build's page is on screen already: enhance it once.
    if adopted.get_untracked() {
        if let Some(el) = prerendered.element() {
            show(&el);
        }
    }
    move || {
        if adopted.get() {
            return ().into_any();
        }
        view! {
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(drawn)) => {
                            let node = NodeRef::<Div>::new();
                            node.on_load(move |el| show(&el));
                            view! {
                                <PageMeta title=drawn.title description=drawn.description/>
                                <div class="page" data-page=path.get_untracked() node_ref=node inner_html=drawn.html></div>
                            }.into_any()
                        }
                        Ok(None) => ().into_any(),
                        Err(e) => view! {
                            <PageMeta title="Unavailable" description=""/>
                            <LoadFailure error=e retry=move |_| data.refetch()/>
                        }.into_any(),
                    }
                })}
            </Suspense>
        }
        .into_any()
    }
}
