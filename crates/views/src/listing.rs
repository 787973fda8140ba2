//! Listing pages: a section, "latest", every piece of one kind, or every
//! article with one tag or by one author, one page of the listing at a time,
//! newest first.

use crate::cards::{brief, story_card, CardSize};
use crate::i18n::{Msg, Texts};
use crate::{Ctx, Markup};
use folio_content::paths::Listing;
use folio_content::{Kind, ListingPage, Site};
use maud::html;

/// What a listing page shows.
#[derive(Clone, Copy, Debug)]
pub struct ListingView<'a> {
    pub listing: &'a Listing,
    pub heading: &'a Heading,
    pub page: &'a ListingPage,
}

/// A listing's title and description, and where they are interface text
/// (not a section's own words) the messages they were written from and
/// their argument, so the app can write them in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Heading {
    pub title: String,
    pub description: String,
    pub messages: Option<(Msg, Msg, Vec<String>)>,
}

impl Heading {
    fn of(t: &Texts, title: Msg, description: Msg, args: &[&str]) -> Heading {
        Heading {
            title: t.fill(title, args),
            description: t.fill(description, args),
            messages: Some((
                title,
                description,
                args.iter().map(|a| a.to_string()).collect(),
            )),
        }
    }
}

/// The title and description a listing's page shows. `name` is how a tag
/// or author listing's name is shown (the build takes the spelling of its
/// newest article); without it, its slug. Other listings ignore it.
pub fn heading(t: &Texts, site: &Site, listing: &Listing, name: Option<&str>) -> Heading {
    let kind = |k: Kind| Heading::of(t, Msg::kind_plural(k), Msg::EveryKind, &[]);
    match listing {
        Listing::Latest => Heading::of(t, Msg::Latest, Msg::EveryStory, &[]),
        Listing::Section(slug) => match site.section(slug) {
            Some(s) => Heading {
                title: s.name.clone(),
                description: s.description.clone(),
                messages: None,
            },
            None => Heading {
                title: slug.clone(),
                description: String::new(),
                messages: None,
            },
        },
        Listing::Kind(k) => kind(*k),
        Listing::Briefs => kind(Kind::Brief),
        Listing::Tag(slug) => Heading::of(
            t,
            Msg::TaggedTitle,
            Msg::TaggedDescription,
            &[name.unwrap_or(slug)],
        ),
        Listing::Author(slug) => {
            Heading::of(t, Msg::ByTitle, Msg::ByDescription, &[name.unwrap_or(slug)])
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
                data-listing=(listing.id()) data-next=(older) { (ctx.texts.t(Msg::MoreStories)) }
        }
    }
}

/// What a listing page holds: on page 1, how many stories the listing
/// has; on the others (which never change once written), the dates of
/// their stories.
fn count(t: &Texts, page: &ListingPage) -> Markup {
    let dates = page.items.last().zip(page.items.first());
    let total = page.total as u64;
    html! {
        p.listing-count {
            @if page.page == 1 {
                (t.t_args(if total == 1 { Msg::StoriesOne } else { Msg::StoriesOther }, &[&t.number(total)]))
            } @else if let Some((oldest, newest)) = dates {
                @if t.long_date(&oldest.published) == t.long_date(&newest.published) {
                    (t.t(Msg::StoriesOf)) (t.time(&oldest.published, false))
                } @else {
                    (t.t(Msg::StoriesFrom)) (t.time(&oldest.published, false))
                    (t.t(Msg::StoriesTo)) (t.time(&newest.published, false))
                }
            }
        }
    }
}

/// The listing's title, one page of its stories and the way to the next.
pub fn listing_page(ctx: &Ctx<'_>, view: &ListingView<'_>) -> Markup {
    let page = view.page;
    let t = ctx.texts;
    let heading = view.heading;
    let marked = |text: &str, m: Option<Msg>| match (m, &heading.messages) {
        (Some(m), Some((_, _, args))) => {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            t.t_args(m, &args)
        }
        _ => html! { (text) },
    };
    let messages = heading.messages.as_ref();
    html! {
        header.listing-header {
            h1 { (marked(&heading.title, messages.map(|m| m.0))) }
            @if !heading.description.is_empty() {
                p.listing-description { (marked(&heading.description, messages.map(|m| m.1))) }
            }
        }
        (count(t, page))
        // The cards' headings are h3: this keeps the outline in order.
        h2.visually-hidden { (t.t(Msg::Stories)) }
        div.listing-stories { (items(ctx, page)) }
        div.listing-pager {
            (more_link(ctx, view.listing, page))
            @if let Some(newer) = page.newer {
                a.listing-newer href=(ctx.links.listing(view.listing, newer)) { (t.t(Msg::NewerStories)) }
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
        section.save-offline.app-only aria-label=(ctx.texts.get(Msg::SaveForOffline)) data-t-label=(Msg::SaveForOffline.name()) {
            button.button type="button" data-action="save-listing" data-listing=(Listing::Section(slug.to_owned()).id()) {
                (ctx.texts.t_args(Msg::SaveSectionForOffline, &[name]))
            }
            " "
            button.button-secondary.save-cancel type="button" hidden { (ctx.texts.t(Msg::StopSaving)) }
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
            texts: &crate::i18n::Texts::english(),
        };
        let listing = Listing::Section("europe".into());
        let view = |p: &ListingPage| {
            listing_page(
                &ctx,
                &ListingView {
                    listing: &listing,
                    heading: &Heading {
                        title: "Europe".into(),
                        description: "d".into(),
                        messages: None,
                    },
                    page: p,
                },
            )
            .into_string()
        };
        // Page 1, then the newest of the others (3), down to the oldest (2).
        let first = view(&page(1));
        assert!(first.contains(r#"href="/news/sections/europe/3" data-action="more" data-listing="section/europe" data-next="3"><span data-t="MoreStories">More stories</span></a>"#), "{first}");
        assert!(!first.contains("Newer stories"));
        assert!(fixtures::text(&first).contains("30 stories"), "{first}");
        assert!(fixtures::text(&first).contains("Save Europe for offline"));
        let next = view(&page(3));
        assert!(
            next.contains(r#"data-next="2"><span data-t="MoreStories">More stories"#),
            "{next}"
        );
        assert!(
            next.contains(
                r#"href="/news/sections/europe"><span data-t="NewerStories">Newer stories"#
            ),
            "{next}"
        );
        let oldest = view(&page(2));
        assert!(!oldest.contains("More stories"));
        assert!(oldest.contains(
            r#"href="/news/sections/europe/3"><span data-t="NewerStories">Newer stories"#
        ));
        // Only page 1 counts the listing's stories: the others never change.
        assert!(!fixtures::text(&oldest).contains("30 stories"), "{oldest}");
        assert!(
            fixtures::text(&oldest).contains("Stories from "),
            "{oldest}"
        );
        assert!(oldest.contains(r#"data-t-date="date""#), "{oldest}");
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
            texts: &crate::i18n::Texts::english(),
        };
        let tag = Listing::Tag("brasil-mercosur".into());
        let author = Listing::Author("jose-alvarez".into());
        let t = crate::i18n::Texts::english();
        let tagged = heading(&t, &site, &tag, Some("brasil & mercosur"));
        assert_eq!(
            (tagged.title.as_str(), tagged.description.as_str()),
            (
                "Articles tagged “brasil & mercosur”",
                "Every article tagged “brasil & mercosur”, newest first."
            )
        );
        assert_eq!(
            heading(&t, &site, &author, Some("José Álvarez")).title,
            "Articles by José Álvarez"
        );
        assert_eq!(
            heading(&t, &site, &author, None).title,
            "Articles by jose-alvarez"
        );
        // Other listings keep their own names.
        assert_eq!(
            heading(&t, &site, &Listing::Section("europe".into()), Some("x")).title,
            "Europe"
        );
        for (listing, path) in [
            (&tag, "tags/brasil-mercosur"),
            (&author, "authors/jose-alvarez"),
        ] {
            let heading = heading(&t, &site, listing, Some("N & M"));
            let html = listing_page(
                &ctx,
                &ListingView {
                    listing,
                    heading: &heading,
                    page: &ListingPage {
                        listing: listing.id(),
                        ..page(1)
                    },
                },
            )
            .into_string();
            let id = listing.id();
            assert!(html.contains(&format!(r#"href="/news/{path}/3" data-action="more" data-listing="{id}" data-next="3"><span data-t="MoreStories">More stories</span></a>"#)), "{html}");
            // The app can write the heading in another language.
            assert!(html.contains(r#"<h1><span data-t=""#), "{html}");
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
