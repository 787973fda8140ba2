//! The article page: header, hero, safe markdown body, tags and the rail.

use crate::app::use_site;
use crate::components::byline::Byline;
use crate::components::hero::HeroFigure;
use crate::components::kicker::Kicker;
use crate::components::page_meta::PageMeta;
use crate::components::rail::RelatedRail;
use crate::components::share::ShareBar;
use crate::components::status::{LoadFailure, Loading};
use crate::dates;
use crate::loaders;
use crate::net::{Inflight, LoadError};
use crate::offline::{refresh, status};
use folio_content::share;
use folio_content::{markdown, text, Article, Site, Timestamp};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/articles/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let site = use_site();
    let inflight = StoredValue::new_local(Inflight::default());
    // Leaving the page stops its downloads.
    on_cleanup(move || inflight.with_value(Inflight::abort));
    let data = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let signal = inflight.with_value(Inflight::next);
        async move {
            let loaded = loaders::article(&slug, signal).await?;
            // The site index is usually cached; offline without it, a
            // minimal one still lets a saved article show.
            let site = site
                .await
                .unwrap_or_else(|_| Arc::new(offline_site(&loaded.article)));
            Ok::<_, LoadError>((site, loaded))
        }
    });
    // The slug whose saved copy was just replaced by a newer version: the
    // notice belongs to that article only, and it needs no second check.
    let refreshed = RwSignal::new(None::<String>);
    // Stale-while-revalidate: a saved copy shows at once; if the server has
    // a newer version, it is saved and shown, and the reader is told.
    Effect::new(move |_| {
        if let Some(Ok((_, loaded))) = data.get() {
            let slug = loaded.article.slug.clone();
            let just_refreshed = refreshed.with_untracked(|r| r.as_deref() == Some(slug.as_str()));
            if let (Some((etag, json)), true, false) =
                (loaded.saved.clone(), status::is_online(), just_refreshed)
            {
                leptos::task::spawn_local(async move {
                    if let Ok(true) = refresh::revalidate(&slug, etag.as_deref(), &json).await {
                        refreshed.set(Some(slug));
                        data.refetch();
                    }
                });
            }
        }
    });
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading article…"/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((site, loaded)) => {
                        let slug = loaded.article.slug.clone();
                        view! {
                        <Show when=move || refreshed.with(|r| r.as_deref() == Some(slug.as_str()))>
                            <p class="notice" role="status">"This article has been updated since you saved it; you are reading the latest version."</p>
                        </Show>
                        <ArticleView site=site article=loaded.article saved_at=loaded.saved_at/>
                    }.into_any()
                    }
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
pub fn ArticleView(
    site: Arc<Site>,
    article: Arc<Article>,
    #[prop(default = None)] saved_at: Option<f64>,
) -> impl IntoView {
    let body_html = markdown::render_under(&article.body, &crate::routes::base());
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
                    {saved_at.map(|at| view! {
                        <p class="saved-on">
                            <span aria-hidden="true">"✓ "</span>
                            "Saved for offline reading on "
                            <time datetime=dates::iso(at)>{dates::long_date_time(&Timestamp::from_unix((at / 1000.0) as i64))}</time>
                        </p>
                    })}
                </header>
                {a.hero.clone().map(|img| view! { <HeroFigure image=img eager=true/> })}
                <div class="article-body" inner_html=body_html></div>
                <ShareBar url=share::article_url(&site.base_url, &a.slug) title=a.headline.clone() text=a.dek.clone() id="article"/>
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

/// A stand-in site index for reading a saved article offline when the real
/// index was never cached: section names fall back to their slugs.
fn offline_site(article: &Article) -> Site {
    Site {
        version: folio_content::FORMAT_VERSION,
        name: "Folio".into(),
        tagline: String::new(),
        base_url: "https://localhost/".into(),
        language: "en".into(),
        social: Vec::new(),
        sections: vec![folio_content::Section {
            slug: article.section.clone(),
            name: article.section.replace('-', " "),
            description: String::new(),
        }],
        page_size: 12,
    }
}
