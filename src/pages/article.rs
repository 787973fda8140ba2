//! The article page. Every article the reader opens is kept in the offline
//! library; a saved copy shows at once and is revalidated in the background.

use crate::actions;
use crate::context::{self, Notices, Prerendered, SavedSlugs};
use crate::loaders::{self, LoadedArticle};
use crate::net::LoadError;
use crate::offline::{connectivity, refresh};
use crate::pages::page::{page_view, Drawn};
use crate::routes::links;
use folio_content::{Article, Site, Timestamp};
use folio_views::article::{article_page, ArticleView};
use folio_views::Ctx;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::AbortSignal;

/// What the page knows about the article on screen and the library.
#[derive(Clone, Copy)]
struct Library {
    notices: Notices,
    saved: SavedSlugs,
    prerendered: Prerendered,
    /// The slug on screen and when the library stored it.
    saved_at: RwSignal<Option<(String, f64)>>,
    /// The slug whose saved copy was just replaced by a newer version: the
    /// notice belongs to that article only.
    refreshed: RwSignal<Option<String>>,
    redraw: Trigger,
}

impl Library {
    /// Records what loading the article did to the library, and starts a
    /// revalidation when a saved copy is what the reader sees.
    fn loaded(self, slug: &str, loaded: &LoadedArticle) {
        if let Some(e) = &loaded.problem {
            self.notices.storage_problem(e);
        }
        if let Some(at) = loaded.saved_at {
            self.saved.mark([slug]);
            self.saved_at.set(Some((slug.to_owned(), at)));
        }
        // The build's page on screen can be older than the saved copy (a
        // page the service worker kept offline before the library was
        // refreshed): then the saved copy is what to show.
        if loaded.saved.is_some() && self.prerendered.element().is_some() {
            let shown = shown_modified();
            if shown.is_some_and(|t| *loaded.article.last_modified() > t) {
                self.prerendered.release();
                self.redraw.notify();
            }
        }
        let just_refreshed = self
            .refreshed
            .with_untracked(|r| r.as_deref() == Some(slug));
        if let (Some((etag, json)), true, false) = (
            loaded.saved.clone(),
            connectivity::is_online(),
            just_refreshed,
        ) {
            let slug = slug.to_owned();
            leptos::task::spawn_local(async move {
                if let Ok(true) =
                    refresh::revalidate(&slug, etag.as_deref(), &json, self.notices).await
                {
                    self.refreshed.set(Some(slug));
                    // The page on screen is the old version: draw the new one.
                    self.prerendered.release();
                    self.redraw.notify();
                }
            });
        }
    }
}

/// Loads the article (saved copy first), its extras and rail, and draws it.
async fn draw(
    slug: String,
    signal: Option<AbortSignal>,
    library: Library,
) -> Result<Drawn, LoadError> {
    let (loaded, site, extras) = futures::join!(
        loaders::article(&slug, signal.clone()),
        loaders::site(signal.clone()),
        loaders::extras(&slug, signal.clone()),
    );
    let loaded = loaded?;
    library.loaded(&slug, &loaded);
    // Offline without a cached site index, a minimal one still lets a saved
    // article show.
    let site = site.unwrap_or_else(|_| Arc::new(offline_site(&loaded.article)));
    let rail = loaders::rail(&slug, extras.as_ref(), signal).await;
    let ctx = Ctx {
        site: &site,
        links: links(),
    };
    let a = &loaded.article;
    let html = article_page(
        &ctx,
        &ArticleView {
            article: a,
            image_sizes: extras.as_ref().map(|e| &e.image_sizes),
            rail: &rail,
        },
    )
    .into_string();
    Ok(Drawn {
        title: a.headline.clone(),
        description: a.dek.clone(),
        html,
    })
}

/// `/articles/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let path = Signal::derive(move || links().article(&slug.get()));
    let library = Library {
        notices: context::notices(),
        saved: context::saved(),
        prerendered: context::prerendered(),
        saved_at: RwSignal::new(None),
        refreshed: RwSignal::new(None),
        redraw: Trigger::new(),
    };
    // The build's page is on screen: keep the article in the library.
    if context::prerendered().shows(&path.get_untracked()) {
        let slug = slug.get_untracked();
        leptos::task::spawn_local(async move {
            match loaders::article(&slug, None).await {
                Ok(loaded) => library.loaded(&slug, &loaded),
                Err(e) => log::warn!("could not keep {slug} offline: {e}"),
            }
        });
    }
    // "Saved for offline reading on …", once the library has the article.
    Effect::new(move |_| {
        if let Some((saved, at)) = library.saved_at.get() {
            if saved == slug.get() {
                actions::show_saved_on(at);
            }
        }
    });
    let on_shown: Rc<dyn Fn(&web_sys::HtmlElement)> = Rc::new(move |_| {
        if let Some((saved, at)) = library.saved_at.get_untracked() {
            if saved == slug.get_untracked() {
                actions::show_saved_on(at);
            }
        }
    });
    view! {
        <Show when=move || library.refreshed.with(|r| r.as_ref() == Some(&slug.get()))>
            <p class="notice" role="status">"This article has been updated since you saved it; you are reading the latest version."</p>
        </Show>
        {page_view(
            path,
            Rc::new(move |signal| Box::pin(draw(slug.get(), signal, library))),
            Some(on_shown),
            Some(library.redraw),
        )}
    }
}

/// When the article on screen last changed, as its page says.
fn shown_modified() -> Option<Timestamp> {
    let el = actions::document()?
        .query_selector("main > .page article.article[data-modified]")
        .ok()??;
    Timestamp::parse(&el.get_attribute("data-modified")?).ok()
}

/// A stand-in site index for reading a saved article offline when the real
/// index was never cached: section names fall back to their slugs, share
/// links to this deployment's own address.
fn offline_site(article: &Article) -> Site {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    Site {
        version: folio_content::FORMAT_VERSION,
        name: "Folio".into(),
        tagline: String::new(),
        base_url: format!("{origin}{}", links().home()),
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
