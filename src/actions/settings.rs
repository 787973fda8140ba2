//! Display settings: the masthead panel's choices (`folio_views::settings`)
//! applied to `<html>` at once and kept in `localStorage`, where every
//! page's pre-paint script finds them before its first frame.

use folio_views::settings::{theme_colour, Choices, LANGUAGE, SETTINGS, STORAGE_KEY};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The reader's choices as stored.
pub fn stored() -> Choices {
    crate::prefs::local()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|v| Choices::parse(&v))
        .unwrap_or_default()
}

fn keep(choices: &Choices) {
    let Some(storage) = crate::prefs::local() else {
        return;
    };
    let stored = choices.to_stored();
    let _ = if stored.is_empty() {
        storage.remove_item(STORAGE_KEY)
    } else {
        storage.set_item(STORAGE_KEY, &stored)
    };
}

/// Sets `<html>`'s attributes (and the browser's theme colour) to `choices`.
fn apply(choices: &Choices) {
    let Some(doc) = super::document() else { return };
    let Some(html) = doc.document_element() else {
        return;
    };
    for setting in SETTINGS {
        let attr = format!("data-{}", setting.name);
        match choices.get(setting.name) {
            Some(v) if v != setting.default_value() => {
                let _ = html.set_attribute(&attr, v);
            }
            _ => {
                let _ = html.remove_attribute(&attr);
            }
        }
    }
    let theme = choices.get("theme").unwrap_or_default();
    if let Ok(metas) = doc.query_selector_all("meta[name=theme-color]") {
        for i in 0..metas.length() {
            let Some(meta) = metas.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let dark_media = meta
                .get_attribute("media")
                .is_some_and(|m| m.contains("dark"));
            // The system theme: each meta its own theme's colour again.
            let system = if dark_media { "dark" } else { "light" };
            if let Some(colour) = theme_colour(theme).or_else(|| theme_colour(system)) {
                let _ = meta.set_attribute("content", colour);
            }
        }
    }
}

/// Checks the panel's radios that match the reader's choices.
pub(super) fn sync(root: &Element) {
    let choices = stored();
    let Ok(radios) = root.query_selector_all(".settings-panel input[type=radio]") else {
        return;
    };
    for i in 0..radios.length() {
        if let Some(radio) = radios
            .get(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        {
            radio.set_checked(choices.get(&radio.name()) == Some(radio.value().as_str()));
        }
    }
}

/// A choice changed in the panel.
pub(super) fn changed(input: &HtmlInputElement) {
    let mut choices = stored();
    if choices.set(&input.name(), &input.value()) {
        // The reader keeps their place in the text as it reflows.
        crate::reading::keep_place(|| apply(&choices));
        keep(&choices);
        if input.name() == LANGUAGE {
            reload_for_language();
        }
    }
}

/// The interface's texts are fixed for the life of a page: another
/// language is a reload away (the browser keeps the reader's place).
fn reload_for_language() {
    if crate::i18n::chosen() != crate::i18n::texts().locale() {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }
}

/// "Reset to defaults".
pub(super) fn reset(button: &Element) {
    let choices = Choices::default();
    crate::reading::keep_place(|| apply(&choices));
    keep(&choices);
    if let Some(form) = button.closest(".settings-panel").ok().flatten() {
        sync(&form);
    }
    reload_for_language();
}

/// A keyboard shortcut moved `name` (text size, theme) `delta` steps.
pub(super) fn step(name: &str, delta: i32) {
    let mut choices = stored();
    if choices.step(name, delta) {
        crate::reading::keep_place(|| apply(&choices));
        keep(&choices);
        if let Some(body) = super::document().and_then(|d| d.body()) {
            sync(&body);
        }
    }
}
