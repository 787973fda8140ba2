//! The related-stories rail beside (or, on phones, after) an article.

use crate::cards::{brief, story_card, CardSize};
use crate::{Ctx, Markup};
use folio_content::ArticleSummary;
use maud::html;

/// Related stories the rail shows at most.
pub const RELATED: usize = 4;
/// Briefs the rail shows at most.
pub const BRIEFS: usize = 3;
/// Latest stories the rail shows at most.
pub const LATEST: usize = 5;

/// The stories the rail shows besides the site's sections and accounts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RailStories {
    pub related: Vec<ArticleSummary>,
    pub briefs: Vec<ArticleSummary>,
    pub latest: Vec<ArticleSummary>,
}

impl RailStories {
    /// The rail of the article `slug`: its related stories (ranked by the
    /// build over the whole site, see `folio_content::related`), and the
    /// newest briefs and stories other than itself.
    pub fn pick(
        slug: &str,
        related: &[ArticleSummary],
        latest: &[ArticleSummary],
        briefs: &[ArticleSummary],
    ) -> Self {
        let others = |items: &[ArticleSummary], n: usize| -> Vec<ArticleSummary> {
            items
                .iter()
                .filter(|s| s.slug != slug)
                .take(n)
                .cloned()
                .collect()
        };
        RailStories {
            related: others(related, RELATED),
            briefs: others(briefs, BRIEFS),
            latest: others(latest, LATEST),
        }
    }
}

/// Related stories, briefs, section cards, latest stories and "follow us".
pub fn rail(ctx: &Ctx<'_>, current_section: &str, stories: &RailStories) -> Markup {
    html! {
        aside.rail aria-label={ "More from " (ctx.site.name) } {
            @if !stories.related.is_empty() {
                section.rail-block.rail-related aria-labelledby="rail-related-h" {
                    h2 #rail-related-h .rail-heading { "Related" }
                    @for s in &stories.related { (story_card(ctx, s, CardSize::Standard)) }
                }
            }
            @if !stories.briefs.is_empty() {
                section.rail-block.rail-briefs aria-labelledby="rail-briefs-h" {
                    h2 #rail-briefs-h .rail-heading { "Briefs" }
                    @for s in &stories.briefs { (brief(ctx, s)) }
                }
            }
            @if !stories.latest.is_empty() {
                section.rail-block.rail-latest aria-labelledby="rail-latest-h" {
                    h2 #rail-latest-h .rail-heading { "Latest" }
                    ol.latest-list {
                        @for s in &stories.latest { li { (story_card(ctx, s, CardSize::Compact)) } }
                    }
                }
            }
            (section_cards(ctx, current_section))
            (follow_us(ctx))
        }
    }
}

/// A card for each other section, leading to its page.
fn section_cards(ctx: &Ctx<'_>, current: &str) -> Markup {
    html! {
        section.rail-block.rail-sections aria-labelledby="rail-sections-h" {
            h2 #rail-sections-h .rail-heading { "Sections" }
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
                h2 #follow-us-h .rail-heading { "Follow us" }
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
    fn the_rail_never_shows_the_article_itself() {
        let s = |slug, kind| fixtures::summary(slug, kind, 1);
        let picked = RailStories::pick(
            "me",
            &[s("me", Kind::News), s("r1", Kind::News)],
            &[
                s("me", Kind::News),
                s("l1", Kind::News),
                s("l2", Kind::News),
            ],
            &[s("b1", Kind::Brief), s("me", Kind::Brief)],
        );
        let slugs = |v: &[ArticleSummary]| v.iter().map(|s| s.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&picked.related), ["r1"]);
        assert_eq!(slugs(&picked.latest), ["l1", "l2"]);
        assert_eq!(slugs(&picked.briefs), ["b1"]);
    }

    #[test]
    fn the_rail_is_a_complementary_landmark_with_headed_blocks() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
        };
        let stories = RailStories {
            related: vec![fixtures::summary("r1", Kind::News, 1)],
            briefs: vec![fixtures::summary("b1", Kind::Brief, 1)],
            latest: vec![fixtures::summary("l1", Kind::News, 1)],
        };
        let html = rail(&ctx, "europe", &stories).into_string();
        assert!(
            html.starts_with(r#"<aside class="rail" aria-label="More from Folio">"#),
            "{html}"
        );
        for h in ["Related", "Briefs", "Latest", "Sections", "Follow us"] {
            assert!(html.contains(&format!(">{h}</h2>")), "{h}");
        }
        // The current section is not offered again.
        assert!(
            !html.contains(r#"<a href="/news/sections/europe">"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/news/sections/africa">Africa</a>"#));
    }
}
