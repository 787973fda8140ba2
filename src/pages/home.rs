//! The front page.

use crate::loaders;
use crate::net::LoadError;
use crate::pages::page::{page_view, Drawn};
use crate::routes::links;
use folio_content::paths::Listing;
use folio_views::front::{front_page, FrontPage};
use folio_views::Ctx;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::AbortSignal;

/// Loads the first pages of "latest", the briefs and every section, and
/// draws the front page. A section whose listing fails is left out; the
/// page fails only if "latest" does.
async fn draw(signal: Option<AbortSignal>) -> Result<Drawn, LoadError> {
    let site = loaders::site(signal.clone()).await?;
    let listings: Vec<Listing> = site
        .sections
        .iter()
        .map(|s| Listing::Section(s.slug.clone()))
        .collect();
    let sections = listings
        .iter()
        .map(|l| loaders::listing(l, 1, signal.clone()));
    let (latest, briefs, sections) = futures::join!(
        loaders::listing(&Listing::Latest, 1, signal.clone()),
        loaders::listing(&Listing::Briefs, 1, signal.clone()),
        futures::future::join_all(sections),
    );
    let latest = latest?;
    let briefs = briefs.ok();
    let page = FrontPage {
        latest: &latest.items,
        briefs: briefs.as_ref().map_or(&[][..], |b| b.items.as_slice()),
        sections: site
            .sections
            .iter()
            .zip(&sections)
            .filter_map(|(s, page)| Some((s, page.as_ref().ok()?.items.as_slice())))
            .collect(),
    };
    let ctx = Ctx {
        site: &site,
        links: links(),
    };
    Ok(Drawn {
        title: String::new(),
        description: site.tagline.clone(),
        html: front_page(&ctx, &page).into_string(),
    })
}

/// `/`.
pub fn page() -> impl IntoView {
    page_view(
        links().home(),
        Rc::new(|signal| Box::pin(draw(signal))),
        None,
        None,
    )
}
