//! The document's title and description, for the page the app drew.

use crate::context;
use leptos::prelude::*;

/// Sets `<title>` ("Headline — Folio", or the site name alone for an empty
/// title) and the description meta, as the build writes them.
pub fn set(title: &str, description: &str) {
    let Some(doc) = crate::actions::document() else {
        return;
    };
    let name = context::site()
        .0
        .with_untracked(|s| s.as_ref().map(|s| s.name.clone()))
        .unwrap_or_else(|| "Folio".to_owned());
    doc.set_title(&if title.is_empty() {
        name
    } else {
        format!("{title} — {name}")
    });
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}
