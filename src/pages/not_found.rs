//! The page for URLs that match no route.

use crate::components::page_meta::PageMeta;
use crate::components::status::NotFoundMessage;
use leptos::prelude::*;

/// Not found: says so and leads back to the front page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageMeta title="Page not found" description="This page does not exist."/>
        <NotFoundMessage/>
    }
}
