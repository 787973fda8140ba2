//! Listing pages: "latest", a section, or every piece of one kind, one page
//! of the listing at a time.

use crate::loaders;
use crate::net::LoadError;
use crate::pages::page::{page_view, Drawn};
use crate::routes::links;
use folio_content::paths::Listing;
use folio_views::listing::{heading, listing_page, ListingView};
use folio_views::Ctx;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::AbortSignal;

/// Draws page `n` of `listing`.
async fn draw(listing: Listing, n: u32, signal: Option<AbortSignal>) -> Result<Drawn, LoadError> {
    let site = loaders::site(signal.clone()).await?;
    if let Listing::Section(slug) = &listing {
        if site.section(slug).is_none() {
            return Err(LoadError::NotFound);
        }
    }
    let page = loaders::listing(&listing, n, signal).await?;
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

/// Page `n` of a listing (`/latest`, `/sections/europe/2`, `/kinds/analysis`).
pub fn page(listing: Listing, n: u32) -> impl IntoView {
    let path = links().listing(&listing, n);
    page_view(
        path,
        Rc::new(move |signal| Box::pin(draw(listing.clone(), n, signal))),
        None,
        None,
    )
}
