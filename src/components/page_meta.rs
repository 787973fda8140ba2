//! The document's title and description, for a page the app shows.

/// Sets `<title>` and the description meta to those of the page shown.
pub fn set(title: &str, description: &str) {
    let Some(doc) = crate::actions::document() else {
        return;
    };
    doc.set_title(title);
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// For a page the app draws itself: its title and description, and, when
/// the reader moved to it, focus on its heading and its title announced.
pub fn drawn(title: &str, description: &str) {
    set(title, description);
    if crate::context::page_history().moved() {
        let title = title.to_owned();
        leptos::prelude::request_animation_frame(move || super::frame::arrived(&title));
    }
}

/// "What — Site" for a page the app draws itself, the site's name read
/// from the masthead the build wrote.
pub fn titled(what: &str) -> String {
    let name = crate::actions::document()
        .and_then(|d| d.query_selector(".masthead .wordmark").ok().flatten())
        .and_then(|w| w.text_content())
        .unwrap_or_else(|| "Folio".to_owned());
    format!("{what} — {}", name.trim())
}
