//! A panic never leaves a dead page. The page on screen is the build's
//! HTML and reads without the app, so a panic hands it back: the hook logs
//! the panic, shows a notice with a way to reload, and takes the app's
//! hands off the page (its controls hide, links and Back work as in any
//! web page). Nothing here goes through Leptos, whose state the panic may
//! have left half-changed.

use folio_views::i18n::Msg;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;

static PANICKED: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        report(&info.to_string());
    }));
}

/// Whether the app has panicked: its listeners then step aside.
pub fn happened() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

/// Hands the page back to the browser and tells the reader (once).
pub fn report(detail: &str) {
    if PANICKED.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Without the app, its controls do nothing: hide them as without JS.
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().remove_1("app");
    }
    let Ok(notice) = doc.create_element("section") else {
        return;
    };
    notice.set_class_name("app-failure");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("aria-labelledby", "app-failure-h");
    let here = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let parts = [
        ("h2", crate::i18n::t(Msg::SomethingWentWrong), None),
        ("p", crate::i18n::t(Msg::PanicText), None),
        ("a", crate::i18n::t(Msg::Reload), Some(here.as_str())),
    ];
    for (tag, text, href) in parts {
        let Ok(el) = doc.create_element(tag) else {
            continue;
        };
        el.set_text_content(Some(text));
        if tag == "h2" {
            el.set_id("app-failure-h");
        }
        if let Some(href) = href {
            el.set_class_name("button");
            let _ = el.set_attribute("href", href);
        }
        let _ = notice.append_child(&el);
    }
    if let (Ok(details), Ok(summary), Ok(code)) = (
        doc.create_element("details"),
        doc.create_element("summary"),
        doc.create_element("code"),
    ) {
        summary.set_text_content(Some(crate::i18n::t(Msg::TechnicalDetails)));
        code.set_text_content(Some(detail));
        let _ = details.append_child(&summary);
        let _ = details.append_child(&code);
        let _ = notice.append_child(&details);
    }
    let parent = doc
        .get_element_by_id("main")
        .or_else(|| doc.body().map(|b| b.unchecked_into()));
    if let Some(parent) = parent {
        let _ = parent.prepend_with_node_1(&notice);
    }
}
