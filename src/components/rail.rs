//! The related-stories rail beside (or, on phones, after) an article.

use crate::components::brief::Brief;
use crate::components::story_card::{CardSize, StoryCard};
use crate::loaders;
use crate::routes;
use folio_content::paths::Listing;
use folio_content::related::{self, Reading};
use folio_content::{Article, ArticleSummary, Site};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

const RELATED: usize = 4;
const BRIEFS: usize = 3;
const LATEST: usize = 5;

/// What the rail shows besides the site's own sections and accounts.
#[derive(Clone, Default)]
struct RailStories {
    related: Vec<ArticleSummary>,
    briefs: Vec<ArticleSummary>,
    latest: Vec<ArticleSummary>,
}

/// Gathers candidates from the first pages of the section and latest
/// listings plus the editor's explicit picks, then ranks them. A listing that
/// fails to load only thins the rail; it never breaks the article.
async fn load_rail(article: Arc<Article>) -> RailStories {
    let section = Listing::Section(article.section.clone());
    let (latest, in_section, briefs) = futures::join!(
        loaders::listing(&Listing::Latest, 1, None),
        loaders::listing(&section, 1, None),
        loaders::listing(&Listing::Briefs, 1, None),
    );
    let mut candidates: Vec<ArticleSummary> = Vec::new();
    for page in [&latest, &in_section].into_iter().flatten() {
        candidates.extend(page.items.iter().cloned());
    }
    for slug in article.related.iter().take(RELATED) {
        if !candidates.iter().any(|c| &c.slug == slug) {
            // Only what the reader opens is saved: the rail peeks without saving.
            if let Ok(a) = loaders::article_unsaved(slug, None).await {
                candidates.push(a.summary());
            }
        }
    }
    let reading = Reading {
        slug: &article.slug,
        section: &article.section,
        tags: &article.tags,
        published_unix: article.published.unix(),
        explicit: &article.related,
    };
    RailStories {
        related: related::rank(&reading, &candidates, RELATED),
        briefs: briefs
            .map(|p| {
                p.items
                    .iter()
                    .filter(|b| b.slug != article.slug)
                    .take(BRIEFS)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
        latest: latest
            .map(|p| {
                p.items
                    .iter()
                    .filter(|s| s.slug != article.slug)
                    .take(LATEST)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Related stories, briefs, section cards, latest stories and "follow us".
#[component]
pub fn RelatedRail(article: Arc<Article>, site: Arc<Site>) -> impl IntoView {
    let current_section = article.section.clone();
    let stories = LocalResource::new(move || load_rail(article.clone()));
    let site_for_lists = site.clone();
    view! {
        <aside class="rail" aria-label="More from Folio">
            <Suspense fallback=|| view! { <p class="rail-loading">"Loading related stories…"</p> }>
                {move || {
                    let site = site_for_lists.clone();
                    Suspend::new(async move {
                        let s = stories.await;
                        view! { <RailLists stories=s site=site/> }
                    })
                }}
            </Suspense>
            <SectionCards site=site.clone() current=current_section/>
            <FollowUs site=site/>
        </aside>
    }
}

#[component]
fn RailLists(stories: RailStories, site: Arc<Site>) -> impl IntoView {
    let RailStories {
        related,
        briefs,
        latest,
    } = stories;
    view! {
        {(!related.is_empty()).then(|| {
            let site = site.clone();
            view! {
                <section class="rail-block rail-related" aria-labelledby="rail-related-h">
                    <h2 id="rail-related-h" class="rail-heading">"Related"</h2>
                    {related.into_iter().map(|s| view! { <StoryCard story=s size=CardSize::Standard site=Some(site.clone())/> }).collect_view()}
                </section>
            }
        })}
        {(!briefs.is_empty()).then(|| view! {
            <section class="rail-block rail-briefs" aria-labelledby="rail-briefs-h">
                <h2 id="rail-briefs-h" class="rail-heading">"Briefs"</h2>
                {briefs.into_iter().map(|s| view! { <Brief story=s/> }).collect_view()}
            </section>
        })}
        {(!latest.is_empty()).then(|| view! {
            <section class="rail-block rail-latest" aria-labelledby="rail-latest-h">
                <h2 id="rail-latest-h" class="rail-heading">"Latest"</h2>
                <ol class="latest-list">
                    {latest.into_iter().map(|s| view! { <li><StoryCard story=s size=CardSize::Compact site=Some(site.clone())/></li> }).collect_view()}
                </ol>
            </section>
        })}
    }
}

/// A card for each other section, leading to its page.
#[component]
fn SectionCards(site: Arc<Site>, current: String) -> impl IntoView {
    view! {
        <section class="rail-block rail-sections" aria-labelledby="rail-sections-h">
            <h2 id="rail-sections-h" class="rail-heading">"Sections"</h2>
            <ul class="section-cards">
                {site.sections.iter().filter(|s| s.slug != current).map(|s| {
                    let name = s.name.clone();
                    view! {
                        <li class="section-card">
                            <A href=routes::section(&s.slug)>{name}</A>
                            <p>{s.description.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// "Follow us": the site's social accounts from the index.
#[component]
pub fn FollowUs(site: Arc<Site>) -> impl IntoView {
    (!site.social.is_empty()).then(|| {
        view! {
            <section class="rail-block follow-us" aria-labelledby="follow-us-h">
                <h2 id="follow-us-h" class="rail-heading">"Follow us"</h2>
                <ul class="social-links">
                    {site.social.iter().map(|a| view! {
                        <li>
                            <a href=a.url.clone() class=format!("social social-{}", a.network)
                                target="_blank" rel="me noopener noreferrer">{a.label.clone()}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
