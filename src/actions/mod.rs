//! What makes the pages' markup interactive. Views (`folio-views`) mark
//! their controls with `data-action`; one listener per event type on the
//! document handles them, so a control works the same whether the build
//! wrote it into the page or the app drew it. Nothing here renders a page;
//! the handlers change the attributes and text of the controls they serve.

pub use listen::stop_any as stop_listening;
pub use rail::fill as fill_rail;

mod disclosure;
mod keys;
mod listen;
mod listing;
mod rail;
mod saving;
pub mod settings;
mod share;

use crate::context::{LibraryMarks, Location, Mark, Notices};
use crate::store::Shelf;
use folio_content::Timestamp;
use folio_views::i18n::Msg;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The app's handles the handlers need.
#[derive(Clone, Copy)]
pub struct Handles {
    pub notices: Notices,
    pub marks: LibraryMarks,
    pub location: Location,
}

pub(crate) fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The element that `html` (markup from `folio-views`) describes, parsed
/// by the browser and not yet in the document.
pub(crate) fn element_from_html(html: &str) -> Option<Element> {
    let template = document()?.create_element("template").ok()?;
    template.set_inner_html(html);
    template
        .dyn_ref::<web_sys::HtmlTemplateElement>()?
        .content()
        .first_element_child()
}

/// The nearest element (from the event target up) with a `data-action`.
fn action_target(event: &web_sys::Event) -> Option<(Element, String)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let el = target.closest("[data-action]").ok()??;
    let action = el.get_attribute("data-action")?;
    Some((el, action))
}

/// Installs the document's listeners and marks `<html>` with `app`, which
/// shows the controls that need the app (`.app-only` in the CSS).
pub fn install(handles: Handles) {
    let Some(doc) = document() else { return };
    let player = listen::player();
    let pages = crate::context::page_history();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        // After a panic, links are the browser's again.
        if ev.default_prevented() || ev.button() != 0 || crate::panic::happened() {
            return;
        }
        if in_page_link(&ev) {
            return;
        }
        if let Some(path) = crate::routes::in_app_link(&ev) {
            ev.prevent_default();
            crate::routes::navigate(handles.location, pages, &path);
            return;
        }
        let Some((el, action)) = action_target(&ev) else {
            return;
        };
        match action.as_str() {
            "disclose" => disclosure::toggle(&el),
            "share-native" => share::native(&el),
            "share-copy" => share::copy(&el),
            "share-mastodon" => share::mastodon(&el),
            "mastodon-change" => share::ask_instance(&el),
            "more" => {
                ev.prevent_default();
                listing::more(&el, handles);
            }
            "save-listing" => listing::save(&el, handles),
            "settings-reset" => settings::reset(&el),
            "save-toggle" => saving::toggle(&el, handles),
            "resume-dismiss" => crate::components::resume::dismiss(&el),
            "listen" => listen::toggle(player),
            "listen-stop" => listen::stop(player),
            _ => {}
        }
    });
    let on_submit = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if crate::panic::happened() {
            return;
        }
        if let Some((el, action)) = action_target(&ev) {
            if action == "mastodon-instance" {
                ev.prevent_default();
                share::instance_submitted(&el);
            }
        }
    });
    // A choice in Display settings applies at once.
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if crate::panic::happened() {
            return;
        }
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if input.closest(".settings-panel").ok().flatten().is_some() {
                settings::changed(&input);
            }
        }
        let select = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok());
        if let Some(select) =
            select.filter(|s| s.get_attribute("data-action").as_deref() == Some("listen-speed"))
        {
            listen::set_rate(player, &select.value());
        }
    });
    // Escape closes an open panel (display settings, share menu) and puts
    // focus back on its button.
    let on_key =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if crate::panic::happened() {
                return;
            }
            if ev.key() == "Escape" {
                close_panel_around(&ev);
            } else if keys::pressed(&ev, handles, pages, player) {
                ev.prevent_default();
            }
        });
    let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_click.forget();
    on_submit.forget();
    on_change.forget();
    on_key.forget();
    if let Some(body) = doc.body() {
        settings::sync(&body);
    }
    listen::watch_voices();
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().add_1("app");
    }
}

/// Closes the disclosure panel that holds the focus (or the event's
/// target), returning focus to the button that opened it.
fn close_panel_around(ev: &web_sys::KeyboardEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(doc) = document() else { return };
    let Ok(open) = doc.query_selector_all("[aria-expanded='true'][aria-controls]") else {
        return;
    };
    for i in 0..open.length() {
        let Some(button) = open.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let panel = button
            .get_attribute("aria-controls")
            .and_then(|id| doc.get_element_by_id(&id));
        let inside = panel.as_ref().is_some_and(|p| p.contains(Some(&target)))
            || button.is_same_node(Some(&target));
        // Briefs stay as the reader left them: only floating panels close.
        if inside
            && panel.is_some_and(|p| {
                p.class_list().contains("settings-panel")
                    || p.closest(".share").ok().flatten().is_some()
            })
        {
            disclosure::set_open(&button, false);
            if let Ok(button) = button.dyn_into::<HtmlElement>() {
                let _ = button.focus();
            }
            ev.prevent_default();
            return;
        }
    }
}

/// A link to a place on this page (`#main`, a footnote): with the
/// document's `<base href>` it would read as a link to the front page, so
/// it is followed here: scroll to the target and move focus there.
fn in_page_link(ev: &web_sys::MouseEvent) -> bool {
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("a[href^='#']").ok().flatten())
    else {
        return false;
    };
    let id = a.get_attribute("href").unwrap_or_default();
    let id = js_sys::decode_uri_component(&id[1..])
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let Some(target) = document().and_then(|d| d.get_element_by_id(&id)) else {
        return false;
    };
    ev.prevent_default();
    if let Ok(target) = target.dyn_into::<HtmlElement>() {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        target.scroll_into_view();
        let _ = target.focus();
    }
    true
}

/// Readies the controls of a page that is now on screen: share bars learn
/// what this browser can do, "More stories" links become buttons that add
/// the next page in place, cards say what opens offline.
pub fn enhance(root: &HtmlElement) {
    enhance_with(
        root,
        crate::context::online(),
        crate::context::library_marks(),
    );
}

/// [`enhance`] with the shared state it reads taken along: for a task that
/// runs away from the component that started it (no context there).
pub fn enhance_with(
    root: &HtmlElement,
    online: crate::context::Online,
    marks: crate::context::LibraryMarks,
) {
    crate::i18n::localize(root);
    share::enhance(root);
    listen::enhance(root);
    listing::enhance(root);
    let online = online.0.get_untracked();
    marks
        .get()
        .with_untracked(|marks| mark_cards_in(root, online, marks));
}

/// Marks every card in the document: how far the reader got ("40% read",
/// "Read"), and, while offline, "Saved offline" or "Not available
/// offline"; and sets every Save button to what it will do.
pub fn mark_cards(online: bool, marks: &HashMap<String, Mark>) {
    if let Some(body) = document().and_then(|d| d.body()) {
        mark_cards_in(&body, online, marks);
    }
}

fn mark_cards_in(root: &Element, online: bool, marks: &HashMap<String, Mark>) {
    if let Ok(list) = root.query_selector_all(".card-status[data-slug]") {
        for i in 0..list.length() {
            let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let slug = el.get_attribute("data-slug").unwrap_or_default();
            let html = card_status(online, marks.get(&slug));
            if el.inner_html() != html {
                el.set_inner_html(&html);
            }
        }
    }
    saving::mark_buttons(root, marks);
}

/// What a card says of its article's place in the library.
fn card_status(online: bool, mark: Option<&Mark>) -> String {
    let t = crate::i18n::texts();
    let mut html = String::new();
    let mut span = |class: &str, text: &str| {
        html.push_str(&format!(
            r#"<span class="{class}" lang="{}">{}</span>"#,
            t.locale().tag(),
            folio_views::escape(text)
        ));
    };
    if let Some(position) = mark.and_then(|m| m.position) {
        if position.finished() {
            span("progress-note", t.get(Msg::Read));
        } else if position.progress >= 0.02 {
            span(
                "progress-note",
                &t.fill(Msg::PercentRead, &[&position.percent().to_string()]),
            );
        }
    }
    if mark.is_some_and(|m| m.shelf == Shelf::Saved) {
        span("badge badge-saved", t.get(Msg::Saved));
    } else if !online {
        if mark.is_some() {
            span("badge badge-saved", t.get(Msg::SavedOffline));
        } else {
            span("badge badge-unavailable", t.get(Msg::NotAvailableOffline));
        }
    }
    html
}

/// Fills the article's line on its place in the library: saved on
/// purpose, or in the history since it was first read.
pub fn show_saved_on(saved_at_ms: f64, shelf: Shelf) {
    let Some(el) = document().and_then(|d| d.query_selector("main .saved-on").ok().flatten())
    else {
        return;
    };
    let at = Timestamp::from_unix((saved_at_ms / 1000.0) as i64);
    let texts = crate::i18n::texts();
    let time = texts.time(&at, true).into_string();
    let sentence = texts.get(match shelf {
        Shelf::Saved => Msg::AvailableSaved,
        Shelf::History => Msg::AvailableHistory,
    });
    // The sentence's text escaped, the time element put in its place.
    let sentence = folio_views::escape(sentence).replace("{0}", &time);
    el.set_inner_html(&format!(r#"<span aria-hidden="true">✓ </span>{sentence}"#));
    let _ = el.set_attribute("lang", texts.locale().tag());
    let _ = el.remove_attribute("hidden");
}

/// Marks the masthead link to the page on screen with `aria-current`.
pub fn mark_current_page(path: &str) {
    let Some(doc) = document() else { return };
    let Ok(links) = doc.query_selector_all(".masthead a[href]") else {
        return;
    };
    for i in 0..links.length() {
        if let Some(a) = links.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let current = a
                .get_attribute("href")
                .is_some_and(|href| href.trim_end_matches('/') == path.trim_end_matches('/'));
            if current {
                let _ = a.set_attribute("aria-current", "page");
            } else {
                let _ = a.remove_attribute("aria-current");
            }
        }
    }
}
