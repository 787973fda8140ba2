//! Title and description of the current page.

use crate::context;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets `<title>` ("Headline — Folio") and the description meta.
#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    let site = context::site().0;
    let full_title = move || {
        let name = site
            .get()
            .and_then(|r| r.ok())
            .map_or_else(|| "Folio".to_owned(), |s| s.name.clone());
        if title.is_empty() {
            name
        } else {
            format!("{title} — {name}")
        }
    };
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
    }
}
