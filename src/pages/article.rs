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
use std::rc::Rc;
use std::sync::Arc;
use web_sys::AbortSignal;

/// What the page knows about its article and the library.
#[derive(Clone, Copy)]
struct Library {
    notices: Notices,
    saved: SavedSlugs,
    prerendered: Prerendered,
    /// When the library stored the article.
    saved_at: RwSignal<Option<f64>>,
    /// Whether the saved copy was just replaced by a newer version.
    refreshed: RwSignal<bool>,
    redraw: Trigger,
}

impl Library {
    /// Draws the article again, unless the reader has left it.
    fn redraw(self) {
        if !self.redraw.is_disposed() {
            self.redraw.notify();
        }
    }

    /// Records what loading the article did to the library, and starts a
    /// revalidation when a saved copy is what the reader sees.
    fn loaded(self, slug: &str, loaded: &LoadedArticle) {
        if let Some(e) = &loaded.problem {
            self.notices.storage_problem(e);
        }
        if let Some(at) = loaded.saved_at {
            self.saved.mark([slug]);
            // The reader may have moved on while the article loaded.
            let _ = self.saved_at.try_set(Some(at));
        }
        // The build's page on screen can be older than the saved copy (a
        // page the service worker kept offline before the library was
        // refreshed): then the saved copy is what to show.
        if loaded.saved.is_some() && self.prerendered.element().is_some() {
            let shown = shown_modified();
            if shown.is_some_and(|t| *loaded.article.last_modified() > t) {
                self.redraw();
            }
        }
        if let (Some((etag, json)), true, false) = (
            loaded.saved.clone(),
            connectivity::is_online(),
            self.refreshed.get_untracked(),
        ) {
            let slug = slug.to_owned();
            leptos::task::spawn_local(async move {
                if let Ok(true) =
                    refresh::revalidate(&slug, etag.as_deref(), &json, self.notices).await
                {
                    // The page on screen is the old version: draw the new one.
                    if self.refreshed.try_set(true).is_none() {
                        self.redraw();
                    }
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

/// `/articles/<slug>`.
pub fn page(slug: String) -> impl IntoView {
    let path = links().article(&slug);
    let library = Library {
        notices: context::notices(),
        saved: context::saved(),
        prerendered: context::prerendered(),
        saved_at: RwSignal::new(None),
        refreshed: RwSignal::new(false),
        redraw: Trigger::new(),
    };
    // The build's page is on screen: keep the article in the library.
    if library.prerendered.shows(&path) {
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            match loaders::article(&slug, None).await {
                Ok(loaded) => library.loaded(&slug, &loaded),
                Err(e) => log::warn!("could not keep {slug} offline: {e}"),
            }
        });
    }
    // "Saved for offline reading on …", once the library has the article
    // and whenever the page is drawn again.
    Effect::new(move |_| {
        if let Some(at) = library.saved_at.get() {
            actions::show_saved_on(at);
        }
    });
    let on_shown: Rc<dyn Fn(&web_sys::HtmlElement)> = Rc::new(move |_| {
        if let Some(at) = library.saved_at.get_untracked() {
            actions::show_saved_on(at);
        }
    });
    view! {
        <Show when=move || library.refreshed.get()>
            <p class="notice" role="status">"This article has been updated since you saved it; you are reading the latest version."</p>
        </Show>
        {page_view(
            path,
            Rc::new(move |signal| Box::pin(draw(slug.clone(), signal, library))),
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
