//! Listing pages: a section, "latest", every piece of one kind, or every
//! article with one tag or by one author, one page of the listing at a time,
//! newest first.

use crate::cards::{brief, story_card, CardSize};
use crate::{Ctx, Markup};
use folio_content::paths::Listing;
use folio_content::{Kind, ListingPage, Site};
use maud::html;

/// What a listing page shows.
#[derive(Clone, Copy, Debug)]
pub struct ListingView<'a> {
    pub listing: &'a Listing,
    pub title: &'a str,
    pub description: &'a str,
    pub page: &'a ListingPage,
}

/// The title and description a listing's page shows. `name` is how a tag
/// or author listing's name is shown (the build takes the spelling of its
/// newest article); without it, its slug. Other listings ignore it.
pub fn heading(site: &Site, listing: &Listing, name: Option<&str>) -> (String, String) {
    let kind = |k: Kind| {
        (
            k.plural().to_owned(),
            format!("Every {} piece, newest first.", k.label().to_lowercase()),
        )
    };
    match listing {
        Listing::Latest => ("Latest".to_owned(), "Every story, newest first.".to_owned()),
        Listing::Section(slug) => match site.section(slug) {
            Some(s) => (s.name.clone(), s.description.clone()),
            None => (slug.clone(), String::new()),
        },
        Listing::Kind(k) => kind(*k),
        Listing::Briefs => kind(Kind::Brief),
        Listing::Tag(slug) => {
            let name = name.unwrap_or(slug);
            (
                format!("Articles tagged “{name}”"),
                format!("Every article tagged “{name}”, newest first."),
            )
        }
        Listing::Author(slug) => {
            let name = name.unwrap_or(slug);
            (
                format!("Articles by {name}"),
                format!("Every article by {name}, newest first."),
            )
        }
    }
}

/// The stories of one listing page, as cards (briefs as briefs).
pub fn items(ctx: &Ctx<'_>, page: &ListingPage) -> Markup {
    html! {
        @for story in &page.items {
            @if story.kind == Kind::Brief { (brief(ctx, story)) }
            @else { (story_card(ctx, story, CardSize::Standard)) }
        }
    }
}

/// A link to the listing's page of older stories, which the app turns into
/// a button that appends that page in place.
pub fn more_link(ctx: &Ctx<'_>, listing: &Listing, page: &ListingPage) -> Markup {
    html! {
        @if let Some(older) = page.older {
            a.button.more-button href=(ctx.links.listing(listing, older)) data-action="more"
                data-listing=(listing.id()) data-next=(older) { "More stories" }
        }
    }
}

/// What a listing page holds: on page 1, how many stories the listing
/// has; on the others (which never change once written), the dates of
/// their stories.
fn count(page: &ListingPage) -> Markup {
    let dates = page.items.last().zip(page.items.first());
    html! {
        p.listing-count {
            @if page.page == 1 {
                (page.total) " stories"
            } @else if let Some((oldest, newest)) = dates {
                @let (from, to) = (oldest.published.long_date(), newest.published.long_date());
                @if from == to { "Stories of " (from) } @else { "Stories from " (from) " to " (to) }
            }
        }
    }
}

/// The listing's title, one page of its stories and the way to the next.
pub fn listing_page(ctx: &Ctx<'_>, view: &ListingView<'_>) -> Markup {
    let page = view.page;
    html! {
        header.listing-header {
            h1 { (view.title) }
            @if !view.description.is_empty() { p.listing-description { (view.description) } }
        }
        (count(page))
        // The cards' headings are h3: this keeps the outline in order.
        h2.visually-hidden { "Stories" }
        div.listing-stories { (items(ctx, page)) }
        div.listing-pager {
            (more_link(ctx, view.listing, page))
            @if let Some(newer) = page.newer {
                a.listing-newer href=(ctx.links.listing(view.listing, newer)) { "Newer stories" }
            }
        }
        @if let Listing::Section(slug) = view.listing {
            (save_section(ctx, slug))
        }
    }
}

/// "Save <section> for offline": a job for the app, hidden without it.
fn save_section(ctx: &Ctx<'_>, slug: &str) -> Markup {
    let name = ctx.site.section_name(slug);
    html! {
        section.save-offline.app-only aria-label="Save for offline" {
            button.button type="button" data-action="save-listing" data-listing=(Listing::Section(slug.to_owned()).id()) {
                "Save " (name) " for offline"
            }
            " "
            button.button-secondary.save-cancel type="button" hidden { "Stop saving" }
            div.save-progress role="status" aria-live="polite" {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    /// Page `n` of 3 of a listing of 30 stories.
    fn page(n: u32) -> ListingPage {
        let span = folio_content::listing::PageSpan::of(30, 10, n as usize);
        span.page(
            &Listing::Section("europe".into()),
            vec![
                fixtures::summary("a", Kind::News, 1),
                fixtures::summary("b", Kind::Brief, 0),
            ],
        )
    }

    #[test]
    fn the_next_page_is_an_ordinary_link_and_the_last_page_has_none() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
        };
        let listing = Listing::Section("europe".into());
        let view = |p: &ListingPage| {
            listing_page(
                &ctx,
                &ListingView {
                    listing: &listing,
                    title: "Europe",
                    description: "d",
                    page: p,
                },
            )
            .into_string()
        };
        // Page 1, then the newest of the others (3), down to the oldest (2).
        let first = view(&page(1));
        assert!(first.contains(r#"href="/news/sections/europe/3" data-action="more" data-listing="section/europe" data-next="3">More stories</a>"#), "{first}");
        assert!(!first.contains("Newer stories"));
        assert!(first.contains("30 stories"), "{first}");
        assert!(first.contains("Save Europe for offline"));
        let next = view(&page(3));
        assert!(next.contains(r#"data-next="2">More stories"#), "{next}");
        assert!(
            next.contains(r#"href="/news/sections/europe">Newer stories"#),
            "{next}"
        );
        let oldest = view(&page(2));
        assert!(!oldest.contains("More stories"));
        assert!(oldest.contains(r#"href="/news/sections/europe/3">Newer stories"#));
        // Only page 1 counts the listing's stories: the others never change.
        assert!(!oldest.contains("30 stories"), "{oldest}");
        assert!(oldest.contains("Stories from "), "{oldest}");
        assert!(
            first.contains(r#"class="brief""#) && first.contains(r#"class="card card-standard""#)
        );
    }

    #[test]
    fn tag_and_author_listings_are_titled_by_name_and_paged_under_their_slug() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
        };
        let tag = Listing::Tag("brasil-mercosur".into());
        let author = Listing::Author("jose-alvarez".into());
        assert_eq!(
            heading(&site, &tag, Some("brasil & mercosur")),
            (
                "Articles tagged “brasil & mercosur”".to_owned(),
                "Every article tagged “brasil & mercosur”, newest first.".to_owned()
            )
        );
        assert_eq!(
            heading(&site, &author, Some("José Álvarez")).0,
            "Articles by José Álvarez"
        );
        assert_eq!(heading(&site, &author, None).0, "Articles by jose-alvarez");
        // Other listings keep their own names.
        assert_eq!(
            heading(&site, &Listing::Section("europe".into()), Some("x")).0,
            "Europe"
        );
        for (listing, path) in [
            (&tag, "tags/brasil-mercosur"),
            (&author, "authors/jose-alvarez"),
        ] {
            let (title, description) = heading(&site, listing, Some("N & M"));
            let html = listing_page(
                &ctx,
                &ListingView {
                    listing,
                    title: &title,
                    description: &description,
                    page: &ListingPage {
                        listing: listing.id(),
                        ..page(1)
                    },
                },
            )
            .into_string();
            let id = listing.id();
            assert!(html.contains(&format!(r#"href="/news/{path}/3" data-action="more" data-listing="{id}" data-next="3">More stories</a>"#)), "{html}");
            assert!(html.contains("N &amp; M"), "{html}");
            assert!(
                html.contains(r#"class="brief""#),
                "briefs are listed: {html}"
            );
            // Saving for offline is offered for sections only.
            assert!(!html.contains("save-listing"), "{html}");
        }
    }
}
