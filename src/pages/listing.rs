//! Listing pages: "latest", a section, or every piece of one kind, one page
//! of the listing at a time.

use crate::loaders;
use crate::net::LoadError;
use crate::pages::page::{page_view, Drawn};
use crate::routes::links;
use folio_content::paths::Listing;
use folio_content::Kind;
use folio_views::listing::{heading, listing_page, ListingView};
use folio_views::Ctx;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::rc::Rc;

/// The page number in the URL (`/latest/2`); page 1 has none.
fn page_number(raw: Option<String>) -> Option<u32> {
    match raw {
        None => Some(1),
        Some(n) => n.parse().ok().filter(|&n| n >= 2),
    }
}

/// Draws page `n` of `listing`; `None` for a listing the site does not have.
async fn draw(listing: Option<Listing>, n: Option<u32>) -> Result<Drawn, LoadError> {
    let (Some(listing), Some(n)) = (listing, n) else {
        return Err(LoadError::NotFound);
    };
    let site = loaders::site(None).await?;
    if let Listing::Section(slug) = &listing {
        if site.section(slug).is_none() {
            return Err(LoadError::NotFound);
        }
    }
    let page = loaders::listing(&listing, n, None).await?;
    let (title, description) = heading(&site, &listing);
    let ctx = Ctx {
        site: &site,
        links: links(),
    };
    let html = listing_page(
        &ctx,
        &ListingView {
            listing: &listing,
            title: &title,
            description: &description,
            page: &page,
        },
    )
    .into_string();
    Ok(Drawn {
        title: if n > 1 {
            format!("{title}, page {n}")
        } else {
            title
        },
        description,
        html,
    })
}

/// The page for the listing named by the route (`listing` reads the
/// route's parameters).
fn listing_route(
    listing: impl Fn() -> Option<Listing> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let number = move || page_number(params.read().get("page"));
    let path = Signal::derive(move || match (listing(), number()) {
        (Some(l), Some(n)) => links().listing(&l, n),
        _ => String::new(),
    });
    page_view(
        path,
        Rc::new(move |_signal| Box::pin(draw(listing(), number()))),
        None,
        None,
    )
}

/// `/latest` and `/latest/:page`.
#[component]
pub fn LatestPage() -> impl IntoView {
    listing_route(|| Some(Listing::Latest))
}

/// `/sections/:slug` and `/sections/:slug/:page`.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    listing_route(move || params.read().get("slug").map(Listing::Section))
}

/// `/kinds/:kind` and `/kinds/:kind/:page`.
#[component]
pub fn KindPage() -> impl IntoView {
    let params = use_params_map();
    listing_route(move || {
        let kind = params
            .read()
            .get("kind")
            .as_deref()
            .and_then(Kind::from_slug)?;
        Some(if kind == Kind::Brief {
            Listing::Briefs
        } else {
            Listing::Kind(kind)
        })
    })
}
