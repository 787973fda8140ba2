//! The frame around pages (masthead, footer) is the build's, in every
//! document; this keeps it in step with the page shown as the reader moves.

use crate::actions;
use crate::components::resume;
use crate::context;
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
    let marks = context::library_marks().get();
    Effect::new(move |_| {
        let online = online.get();
        marks.with(|marks| actions::mark_cards(online, marks));
    });
    // "Continue reading" on the front page only.
    let is_front =
        |p: &String| p.trim_end_matches('/') == crate::routes::links().home().trim_end_matches('/');
    let on_front = move || location.with_untracked(is_front);
    Effect::new(move |_| {
        if location.with(is_front) {
            marks.with(|marks| resume::show(marks, on_front));
        } else {
            resume::hide();
        }
    });
}

/// A page the reader moved to is on screen: focus goes to its heading (so
/// the keyboard and screen reader start there, as on a new document), and
/// its title is announced.
pub fn arrived(title: &str) {
    let Some(doc) = actions::document() else {
        return;
    };
    // Unless something on the page took it already (the search field).
    let taken = doc.active_element().is_some_and(|a| {
        a.closest("main input, main textarea, main select")
            .ok()
            .flatten()
            .is_some()
    });
    if let Some(h1) = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|_| !taken)
    {
        if !h1.has_attribute("tabindex") {
            let _ = h1.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h1.focus_with_options(&options);
    }
    let announcer = doc.get_element_by_id("page-announcer").or_else(|| {
        let p = doc.create_element("p").ok()?;
        p.set_id("page-announcer");
        let _ = p.set_attribute("class", "visually-hidden");
        let _ = p.set_attribute("role", "status");
        let _ = p.set_attribute("aria-live", "polite");
        doc.body()?.append_child(&p).ok()?;
        Some(p)
    });
    if let Some(announcer) = announcer {
        announcer.set_text_content(Some(title));
    }
}
