//! The article page: header, hero, safe markdown body, tags and the rail.

use crate::app::use_site;
use crate::components::byline::Byline;
use crate::components::hero::HeroFigure;
use crate::components::kicker::Kicker;
use crate::components::page_meta::PageMeta;
use crate::components::rail::RelatedRail;
use crate::components::status::{LoadFailure, Loading};
use crate::loaders;
use crate::net::{Inflight, LoadError};
use folio_content::{markdown, text, Article, Site};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/articles/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let site = use_site();
    let inflight = StoredValue::new_local(Inflight::default());
    let data = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let signal = inflight.with_value(Inflight::next);
        async move {
            let article = loaders::article(&slug, signal).await?;
            let site = site.await?;
            Ok::<_, LoadError>((site, article))
        }
    });
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading article…"/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((site, article)) => view! { <ArticleView site=site article=article/> }.into_any(),
                    Err(e) => view! {
                        <PageMeta title="Story unavailable" description=""/>
                        <LoadFailure error=e retry=move |_| data.refetch()/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A loaded article with its rail.
#[component]
pub fn ArticleView(site: Arc<Site>, article: Arc<Article>) -> impl IntoView {
    let body_html = markdown::render(&article.body);
    let minutes = text::reading_minutes(&article.body);
    let a = article.clone();
    view! {
        <PageMeta title=a.headline.clone() description=a.dek.clone()/>
        <div class="article-layout">
            <article class="article">
                <header class="article-header">
                    <Kicker kind=a.kind section=a.section.clone() site=Some(site.clone()) topic=a.kicker.clone()/>
                    <h1 class="headline">{a.headline.clone()}</h1>
                    {(!a.dek.is_empty()).then(|| view! { <p class="dek">{a.dek.clone()}</p> })}
                    <Byline authors=a.authors.clone() published=a.published.clone() updated=a.updated.clone() reading_minutes=minutes/>
                </header>
                {a.hero.clone().map(|img| view! { <HeroFigure image=img eager=true/> })}
                <div class="article-body" inner_html=body_html></div>
                {(!a.tags.is_empty()).then(|| view! {
                    <footer class="article-footer">
                        <h2 class="visually-hidden">"Tags"</h2>
                        <ul class="tags">
                            {a.tags.iter().map(|t| view! { <li class="tag">{t.clone()}</li> }).collect_view()}
                        </ul>
                    </footer>
                })}
            </article>
            <RelatedRail article=article site=site/>
        </div>
    }
}
