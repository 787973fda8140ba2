//! The "Analysis | Latin America" line above a headline.

use crate::routes;
use folio_content::{Kind, Site};
use leptos::prelude::*;
use leptos_router::components::A;

/// Kind and section, each linking to its listing; an optional running topic
/// follows. Without a site index (still loading) the section shows its slug.
#[component]
pub fn Kicker(
    kind: Kind,
    #[prop(into)] section: String,
    #[prop(default = None)] site: Option<std::sync::Arc<Site>>,
    #[prop(default = None)] topic: Option<String>,
) -> impl IntoView {
    let name = site
        .as_ref()
        .map_or(section.clone(), |s| s.section_name(&section).to_owned());
    view! {
        <p class="kicker">
            <A href=routes::kind(kind) attr:class="kicker-kind">{kind.label()}</A>
            <span class="kicker-sep" aria-hidden="true">" | "</span>
            <A href=routes::section(&section) attr:class="kicker-section">{name}</A>
            {topic.map(|t| view! { <span class="kicker-topic">{t}</span> })}
        </p>
    }
}
