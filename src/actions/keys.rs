//! Keyboard shortcuts (`folio_views::shortcuts`): next and previous story,
//! save, listen, library, search, theme, text size, and `?` for the list.
//! A key typed into a field, or pressed with Ctrl, Alt or Cmd, is never
//! taken.

use super::{listen, settings, Handles};
use crate::context::PageHistory;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Whether the key belongs to what has the focus: a field, an editable
/// element, a control that uses keys, or an open dialog.
fn typing(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let editable = el
        .dyn_ref::<HtmlElement>()
        .is_some_and(|h| h.is_content_editable());
    editable
        || el
            .closest("input, textarea, select, [contenteditable], [role=textbox]")
            .ok()
            .flatten()
            .is_some()
}

/// Clicks the first element matching `selector` in the page, if any.
fn click(selector: &str) -> bool {
    let Some(el) = super::document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    el.click();
    true
}

/// Opens the shortcuts list, drawing it the first time.
fn help() {
    let Some(doc) = super::document() else { return };
    let dialog = doc.get_element_by_id("shortcuts-help").or_else(|| {
        let dialog = super::element_from_html(
            &folio_views::shortcuts::help(crate::i18n::texts()).into_string(),
        )?;
        doc.body()?.append_child(&dialog).ok()?;
        Some(dialog)
    });
    if let Some(dialog) = dialog.and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    }
}

/// Handles a key press; `true` if it was a shortcut.
pub(super) fn pressed(
    ev: &KeyboardEvent,
    handles: Handles,
    pages: PageHistory,
    player: listen::PlayerHandle,
) -> bool {
    if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(ev) {
        return false;
    }
    // A modal (the shortcuts list) has the keys to itself.
    if super::document()
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
    {
        return false;
    }
    let links = crate::routes::links();
    let go = |path: String| crate::routes::navigate(handles.location, pages, &path);
    match ev.key().as_str() {
        "?" => help(),
        "n" => return click("main .article-nav a[rel=next]"),
        "p" => return click("main .article-nav a[rel=prev]"),
        "s" => return click("main .save-toggle"),
        "r" => {
            let available = super::document()
                .and_then(|d| {
                    d.query_selector("main .listen[data-available]")
                        .ok()
                        .flatten()
                })
                .is_some();
            if !available {
                return false;
            }
            listen::toggle(player);
        }
        "l" => go(links.library()),
        "/" => {
            go(links.search());
            // The search field, once the page has drawn it (a frame after
            // the route changed).
            leptos::prelude::request_animation_frame(|| {
                leptos::prelude::request_animation_frame(|| {
                    if let Some(input) = super::document()
                        .and_then(|d| d.query_selector("main input[type=search]").ok().flatten())
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    {
                        let _ = input.focus();
                    }
                });
            });
        }
        "t" => settings::step("theme", 1),
        "+" | "=" => settings::step("text", 1),
        "-" | "_" => settings::step("text", -1),
        _ => return false,
    }
    true
}
