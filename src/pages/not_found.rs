//! The page for a URL the app does not know.

use crate::components::page_meta;
use crate::context;
use crate::routes::{current_path, links};
use folio_views::states::not_found;
use leptos::prelude::*;

/// Any unknown path. The build's not-found page, when the document holds
/// it, is already the right page.
pub fn page() -> impl IntoView {
    (!context::prerendered().shows(&current_path())).then(|| {
        page_meta::drawn(&page_meta::titled("Page not found"), "");
        view! { <div class="page" inner_html=not_found(crate::i18n::texts(), links()).into_string()></div> }
    })
}
