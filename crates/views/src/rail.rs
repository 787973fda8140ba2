//! The related-stories rail beside (or, on phones, after) an article.
//!
//! An article's page shows its related stories as the build wrote it. The
//! site's newest briefs and stories change with every publication, so they
//! are not written into every article's page (publishing one story would
//! rewrite them all): the build writes them once ([`news`], into
//! `folio_content::paths::RAIL_NEWS`), and the app puts them in each
//! article's rail, leaving out the article itself. Without the app, the
//! rail links to them.

use crate::cards::{brief, story_card, CardSize};
use crate::i18n::Msg;
use crate::{Ctx, Markup};
use folio_content::paths::Listing;
use folio_content::ArticleSummary;
use maud::html;

/// Related stories the rail shows at most.
pub const RELATED: usize = 4;
/// Briefs the rail shows at most.
pub const BRIEFS: usize = 3;
/// Latest stories the rail shows at most.
pub const LATEST: usize = 5;

/// Related stories, the place of the newest briefs and stories, section
/// cards and "follow us".
pub fn rail(ctx: &Ctx<'_>, current_section: &str, related: &[ArticleSummary]) -> Markup {
    html! {
        aside.rail aria-label=(ctx.texts.fill(Msg::MoreFrom, &[&ctx.site.name])) data-t-label=(Msg::MoreFrom.name()) data-t-label-args=(ctx.site.name) {
            @if !related.is_empty() {
                section.rail-block.rail-related aria-labelledby="rail-related-h" {
                    h2 #rail-related-h .rail-heading { (ctx.texts.t(Msg::Related)) }
                    @for s in related.iter().take(RELATED) { (story_card(ctx, s, CardSize::Standard)) }
                }
            }
            // Filled by the app from `paths::RAIL_NEWS`.
            div.rail-news data-rail-news {
                p.rail-block.rail-news-links {
                    a href=(ctx.links.latest()) { (ctx.texts.t(Msg::LatestStories)) }
                    " · "
                    a href=(ctx.links.listing(&Listing::Briefs, 1)) { (ctx.texts.t(Msg::Briefs)) }
                }
            }
            (section_cards(ctx, current_section))
            (follow_us(ctx))
        }
    }
}

/// The site's newest briefs and stories for every article's rail
/// (`paths::RAIL_NEWS`), newest first, as the blocks the app puts in the
/// rail's `data-rail-news`: one more of each than a rail shows, that one
/// marked `data-rail-spare` (the stylesheet hides it), each item marked
/// `data-rail-item` with its slug. A rail shows them without its own
/// article if it is among them (the spare then shows), else without the
/// spare.
pub fn news(ctx: &Ctx<'_>, latest: &[ArticleSummary], briefs: &[ArticleSummary]) -> Markup {
    let briefs = with_spare(briefs, BRIEFS);
    let latest = with_spare(latest, LATEST);
    html! {
        @if !briefs.is_empty() {
                section.rail-block.rail-briefs aria-labelledby="rail-briefs-h" {
                h2 #rail-briefs-h .rail-heading { (ctx.texts.t(Msg::Briefs)) }
                @for (spare, s) in &briefs {
                    div data-rail-item=(s.slug) data-rail-spare[*spare] { (brief(ctx, s)) }
                }
            }
        }
        @if !latest.is_empty() {
            section.rail-block.rail-latest aria-labelledby="rail-latest-h" {
                h2 #rail-latest-h .rail-heading { (ctx.texts.t(Msg::Latest)) }
                ol.latest-list {
                    @for (spare, s) in &latest {
                        li data-rail-item=(s.slug) data-rail-spare[*spare] { (story_card(ctx, s, CardSize::Compact)) }
                    }
                }
            }
        }
    }
}

/// The first `n + 1` items, each with whether it is the spare (the last of
/// `n + 1`).
fn with_spare(items: &[ArticleSummary], n: usize) -> Vec<(bool, &ArticleSummary)> {
    items
        .iter()
        .take(n + 1)
        .enumerate()
        .map(|(i, s)| (i == n, s))
        .collect()
}

/// A card for each other section, leading to its page.
fn section_cards(ctx: &Ctx<'_>, current: &str) -> Markup {
    html! {
        section.rail-block.rail-sections aria-labelledby="rail-sections-h" {
            h2 #rail-sections-h .rail-heading { (ctx.texts.t(Msg::Sections)) }
            ul.section-cards {
                @for s in ctx.site.sections.iter().filter(|s| s.slug != current) {
                    li.section-card {
                        a href=(ctx.links.section(&s.slug)) { (s.name) }
                        p { (s.description) }
                    }
                }
            }
        }
    }
}

/// "Follow us": the site's social accounts.
pub fn follow_us(ctx: &Ctx<'_>) -> Markup {
    html! {
        @if !ctx.site.social.is_empty() {
            section.rail-block.follow-us aria-labelledby="follow-us-h" {
                h2 #follow-us-h .rail-heading { (ctx.texts.t(Msg::FollowUs)) }
                ul.social-links {
                    @for a in &ctx.site.social {
                        li {
                            a href=(a.url) class={ "social social-" (a.network) } target="_blank" rel="me noopener noreferrer" {
                                (a.label)
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use folio_content::Kind;

    #[test]
    fn the_news_has_one_spare_of_each_for_the_article_that_leaves_itself_out() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let s = |slug: &str, kind| fixtures::summary(slug, kind, 1);
        let latest: Vec<_> = (0..9).map(|i| s(&format!("l{i}"), Kind::News)).collect();
        let html = news(&ctx, &latest, &[s("b0", Kind::Brief), s("b1", Kind::Brief)]).into_string();
        assert_eq!(html.matches("data-rail-item").count(), LATEST + 1 + 2);
        assert_eq!(html.matches("data-rail-spare").count(), 1);
        assert!(
            html.contains(r#"<li data-rail-item="l5" data-rail-spare>"#),
            "{html}"
        );
        assert!(!html.contains("l6"));
        // No briefs, no block.
        assert!(!news(&ctx, &latest, &[]).into_string().contains("Briefs"));
    }

    #[test]
    fn the_rail_is_a_complementary_landmark_with_headed_blocks() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let related = [fixtures::summary("r1", Kind::News, 1)];
        let html = rail(&ctx, "europe", &related).into_string();
        assert!(
            html.starts_with(r#"<aside class="rail" aria-label="More from Folio""#),
            "{html}"
        );
        for h in ["Related", "Sections", "Follow us"] {
            assert!(html.contains(&format!(">{h}</span></h2>")), "{h}");
        }
        // The newest stories come from the app; without it, links to them.
        assert!(html.contains(r#"<div class="rail-news" data-rail-news>"#));
        assert!(
            html.contains(
                r#"<a href="/news/latest"><span data-t="LatestStories">Latest stories</span></a>"#
            ),
            "{html}"
        );
        let news = news(
            &ctx,
            &[fixtures::summary("l1", Kind::News, 1)],
            &[fixtures::summary("b1", Kind::Brief, 1)],
        )
        .into_string();
        for h in ["Briefs", "Latest"] {
            assert!(news.contains(&format!(">{h}</span></h2>")), "{h}");
        }
        // The current section is not offered again.
        assert!(
            !html.contains(r#"<a href="/news/sections/europe">"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/news/sections/africa">Africa</a>"#));
    }
}
