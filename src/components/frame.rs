//! The frame around pages (masthead, footer) is the build's, in every
//! document; this keeps it in step with the route as the reader moves.

use crate::actions;
use crate::context;
use crate::routes::links;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks the current page in the masthead, lets the build's page give way
/// when the URL is no longer its own, and keeps the cards' offline marks
/// current.
#[component]
pub fn Frame() -> impl IntoView {
    let location = context::location().0;
    let prerendered = context::prerendered();
    Effect::new(move |_| {
        let path = location.get();
        actions::mark_current_page(&path);
        if !prerendered.shows(&path) {
            prerendered.release();
        }
    });
    let online = context::online().0;
    let saved = context::saved().get();
    Effect::new(move |_| {
        let online = online.get();
        saved.with(|set| actions::mark_cards(online, set));
    });
    // A document without the build's frame (`trunk serve` in development
    // serves the bare loader): draw it from the site index.
    let site = context::site().0;
    Effect::new(move |_| {
        let Some(site) = site.get() else { return };
        let Some(doc) = actions::document() else {
            return;
        };
        if doc.query_selector(".masthead").ok().flatten().is_some() {
            return;
        }
        let ctx = folio_views::Ctx {
            site: &site,
            links: links(),
        };
        let main = doc.get_element_by_id("main");
        if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::Element>().ok()) {
            let head = folio_views::shell::masthead(&ctx, "").into_string();
            let foot = folio_views::shell::footer(&ctx).into_string();
            let _ = main.insert_adjacent_html("beforebegin", &head);
            let _ = main.insert_adjacent_html("afterend", &foot);
        }
    });
}
