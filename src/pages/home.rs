//! The front page: lead story, a block per section, latest stories, briefs.

use crate::app::use_site;
use crate::components::brief::Brief;
use crate::components::page_meta::PageMeta;
use crate::components::status::{LoadFailure, Loading};
use crate::components::story_card::{CardSize, StoryCard};
use crate::loaders;
use crate::net::{Inflight, LoadError};
use crate::routes;
use folio_content::paths::Listing;
use folio_content::{ListingPage, Site};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// Stories per section block.
const PER_SECTION: usize = 3;

#[derive(Clone)]
struct FrontPage {
    site: Arc<Site>,
    latest: Arc<ListingPage>,
    briefs: Arc<ListingPage>,
    sections: Vec<(String, String, Arc<ListingPage>)>,
}

async fn load(
    site: Result<Arc<Site>, LoadError>,
    signal: Option<web_sys::AbortSignal>,
) -> Result<FrontPage, LoadError> {
    let site = site?;
    let (latest, briefs) = futures::join!(
        loaders::listing(&Listing::Latest, 1, signal.clone()),
        loaders::listing(&Listing::Briefs, 1, signal.clone()),
    );
    let blocks = futures::future::join_all(site.sections.iter().map(|s| {
        let signal = signal.clone();
        async move {
            let page = loaders::listing(&Listing::Section(s.slug.clone()), 1, signal).await;
            (s.slug.clone(), s.name.clone(), page)
        }
    }))
    .await;
    let mut sections = Vec::new();
    for (slug, name, page) in blocks {
        sections.push((slug, name, page?));
    }
    Ok(FrontPage {
        site,
        latest: latest?,
        briefs: briefs?,
        sections,
    })
}

/// The front page.
#[component]
pub fn Home() -> impl IntoView {
    let site = use_site();
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let data = LocalResource::new(move || {
        let signal = inflight.with_value(Inflight::next);
        async move { load(site.await, signal).await }
    });
    view! {
        <PageMeta title="" description="Independent analysis and news, readable offline."/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <FrontPageView page=page/> }.into_any(),
                    Err(e) => view! { <LoadFailure error=e retry=move |_| data.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FrontPageView(page: FrontPage) -> impl IntoView {
    let FrontPage {
        site,
        latest,
        briefs,
        sections,
    } = page;
    let mut stories = latest.items.iter().cloned();
    let lead = stories.next();
    let seconds: Vec<_> = stories.by_ref().take(2).collect();
    let latest_list: Vec<_> = stories.take(8).collect();
    let lead_slug = lead.as_ref().map(|l| l.slug.clone()).unwrap_or_default();
    view! {
        <h1 class="visually-hidden">{site.name.clone()}</h1>
        <div class="front">
            <section class="front-lead" aria-label="Top story">
                {lead.map(|s| view! { <StoryCard story=s size=CardSize::Lead site=Some(site.clone())/> })}
                <div class="front-seconds">
                    {seconds.into_iter().map(|s| view! { <StoryCard story=s size=CardSize::Standard site=Some(site.clone())/> }).collect_view()}
                </div>
            </section>
            <section class="front-latest" aria-labelledby="front-latest-h">
                <h2 id="front-latest-h" class="block-heading"><A href=routes::latest()>"Latest"</A></h2>
                <ol class="latest-list">
                    {latest_list.into_iter().map(|s| view! {
                        <li><StoryCard story=s size=CardSize::Compact site=Some(site.clone())/></li>
                    }).collect_view()}
                </ol>
            </section>
            <div class="front-sections">
                {sections.into_iter().filter(|(_, _, p)| !p.items.is_empty()).map(|(slug, name, p)| {
                    let heading_id = format!("block-{slug}");
                    let stories: Vec<_> = p.items.iter().filter(|s| s.slug != lead_slug).take(PER_SECTION).cloned().collect();
                    view! {
                        <section class="section-block" aria-labelledby=heading_id.clone()>
                            <h2 id=heading_id.clone() class="block-heading">
                                <A href=routes::section(&slug)>{name}</A>
                            </h2>
                            <div class="block-stories">
                                {stories.into_iter().map(|s| view! { <StoryCard story=s size=CardSize::Standard site=Some(site.clone())/> }).collect_view()}
                            </div>
                        </section>
                    }
                }).collect_view()}
            </div>
            {(!briefs.items.is_empty()).then(|| view! {
                <section class="front-briefs" aria-labelledby="front-briefs-h">
                    <h2 id="front-briefs-h" class="block-heading">"Briefs"</h2>
                    <div class="briefs-grid">
                        {briefs.items.iter().take(6).cloned().map(|s| view! { <Brief story=s/> }).collect_view()}
                    </div>
                </section>
            })}
        </div>
    }
}
