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
