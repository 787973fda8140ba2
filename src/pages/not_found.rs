//! The page for a URL the app does not know.

use crate::components::page_meta::PageMeta;
use crate::context;
use crate::routes::links;
use folio_views::states::not_found;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Any unknown path. The build's not-found page, when the document holds
/// it, is already the right page.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let prerendered = context::prerendered();
    move || {
        (!prerendered.shows(&location.pathname.get())).then(|| {
            view! {
                <PageMeta title="Page not found" description=""/>
                <div class="page" inner_html=not_found(links()).into_string()></div>
            }
        })
    }
}
