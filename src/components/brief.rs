//! A short brief with a "keep reading / show less" disclosure.

use crate::components::share::ShareBar;
use crate::routes;
use folio_content::share;
use folio_content::ArticleSummary;
use leptos::prelude::*;
use leptos_router::components::A;

/// The brief's first paragraph, with the rest behind a real disclosure
/// button (`aria-expanded`, `aria-controls`), operable by keyboard like any
/// button.
#[component]
pub fn Brief(story: ArticleSummary) -> impl IntoView {
    let text = story.teaser.clone().unwrap_or_else(|| story.dek.clone());
    let mut paragraphs = text
        .split("\n\n")
        .map(str::to_owned)
        .filter(|p| !p.trim().is_empty());
    let first = paragraphs.next().unwrap_or_default();
    let rest: Vec<String> = paragraphs.collect();
    let expanded = RwSignal::new(false);
    let more_id = format!("brief-more-{}", story.slug);
    let has_more = !rest.is_empty();
    let share_title = story.headline.clone();
    let share_id = format!("brief-{}", story.slug);
    let share_url = crate::app::loaded_site().map(|s| share::article_url(&s.base_url, &story.slug));
    view! {
        <article class="brief">
            <p class="brief-label">"Brief"</p>
            <h3 class="brief-headline"><A href=routes::article(&story.slug)>{story.headline.clone()}</A></h3>
            <p class="brief-lead">{first}</p>
            {has_more.then(|| view! {
                <div id=more_id.clone() class="brief-more" hidden=move || !expanded.get()>
                    {rest.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                </div>
                <button
                    type="button"
                    class="brief-toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=more_id.clone()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Show less" } else { "Keep reading" }}
                </button>
            })}
            {share_url.map(|url| view! {
                <ShareBar url=url title=share_title.clone() text=String::new() id=share_id.clone()/>
            })}
        </article>
    }
}
