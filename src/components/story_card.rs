//! A story teaser as it appears in lists, blocks and the rail.

use crate::components::kicker::Kicker;
use crate::dates;
use crate::routes;
use folio_content::{ArticleSummary, Site};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// How much of a story a card shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CardSize {
    /// The front page's lead: large image, dek and kicker.
    Lead,
    /// A block entry: image, kicker, headline, dek.
    Standard,
    /// A list entry: kicker and headline only.
    Compact,
}

/// One story teaser linking to its article.
#[component]
pub fn StoryCard(
    story: ArticleSummary,
    size: CardSize,
    #[prop(default = None)] site: Option<Arc<Site>>,
) -> impl IntoView {
    let href = routes::article(&story.slug);
    let class = match size {
        CardSize::Lead => "card card-lead",
        CardSize::Standard => "card card-standard",
        CardSize::Compact => "card card-compact",
    };
    let image = (size != CardSize::Compact)
        .then(|| story.hero.clone())
        .flatten();
    let eager = size == CardSize::Lead;
    // Offline, a card says whether its story can be opened.
    let online = crate::offline::status::use_online();
    let saved = crate::offline::saved::signal();
    let slug = story.slug.clone();
    let is_saved = move || saved.is_some_and(|s| s.with(|set| set.contains(&slug)));
    let availability = move || {
        if is_saved() {
            Some(view! { <span class="badge badge-saved">"Saved offline"</span> }.into_any())
        } else if !online.get() {
            Some(
                view! { <span class="badge badge-unavailable">"Not available offline"</span> }
                    .into_any(),
            )
        } else {
            None
        }
    };
    let heading = if size == CardSize::Lead {
        view! { <h2 class="card-headline"><A href=href.clone()>{story.headline.clone()}</A></h2> }
            .into_any()
    } else {
        view! { <h3 class="card-headline"><A href=href.clone()>{story.headline.clone()}</A></h3> }
            .into_any()
    };
    view! {
        <article class=class>
            {image.map(|img| view! {
                <div class="card-image">
                    <img src=routes::asset(&img.src) alt=img.alt.clone() width=img.width height=img.height
                        loading=if eager { "eager" } else { "lazy" } decoding="async"/>
                </div>
            })}
            <div class="card-text">
                <Kicker kind=story.kind section=story.section.clone() site=site.clone()/>
                {heading}
                {(size != CardSize::Compact && !story.dek.is_empty()).then(|| view! { <p class="card-dek">{story.dek.clone()}</p> })}
                <p class="card-meta">
                    <time datetime=story.published.as_str().to_owned()>{dates::long_date(&story.published)}</time>
                    {format!(" · {} min read", story.reading_minutes)}
                    " "{availability}
                </p>
            </div>
        </article>
    }
}
