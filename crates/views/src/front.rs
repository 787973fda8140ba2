//! The front page: lead story, two secondary stories, the latest list, a
//! block per section and the briefs.

use crate::cards::{brief, story_card, CardSize};
use crate::i18n::{Msg, Texts};
use crate::{Ctx, Markup};
use folio_content::{ArticleSummary, Section};
use maud::html;

/// Stories per section block.
const PER_SECTION: usize = 3;
/// Entries in the "Latest" list beside the lead.
const LATEST: usize = 8;
/// Briefs at the foot of the page.
const BRIEFS: usize = 6;

/// What the front page shows: the first pages of "latest", the briefs and
/// each section (a section whose listing could not be loaded is left out).
#[derive(Clone, Debug, Default)]
pub struct FrontPage<'a> {
    pub latest: &'a [ArticleSummary],
    pub briefs: &'a [ArticleSummary],
    pub sections: Vec<(&'a Section, &'a [ArticleSummary])>,
}

/// An article the reader left part-way, for the front page's "Continue
/// reading".
#[derive(Clone, Debug)]
pub struct Resume<'a> {
    pub href: &'a str,
    pub headline: &'a str,
    /// How much was read, in percent.
    pub percent: u32,
}

/// "Continue reading": the article the reader left part-way most
/// recently. It floats at the foot of the window (the app adds it after
/// the page is on screen, so it must not move the page), and can be
/// dismissed.
pub fn continue_reading(t: &Texts, resume: &Resume<'_>) -> Markup {
    html! {
        aside.resume aria-labelledby="resume-h" lang=(t.locale().tag()) {
            h2 #resume-h .resume-label { (t.get(Msg::ContinueReading)) }
            p.resume-story {
                a href=(resume.href) { (resume.headline) }
                " " span.progress-note { (t.fill(Msg::PercentRead, &[&resume.percent.to_string()])) }
            }
            button.resume-close type="button" data-action="resume-dismiss"
                aria-label=(t.get(Msg::DismissContinueReading)) { "×" }
        }
    }
}

/// The front page.
pub fn front_page(ctx: &Ctx<'_>, page: &FrontPage<'_>) -> Markup {
    let mut stories = page.latest.iter();
    let lead = stories.next();
    let seconds: Vec<_> = stories.by_ref().take(2).collect();
    let latest: Vec<_> = stories.take(LATEST).collect();
    let lead_slug = lead.map_or("", |l| l.slug.as_str());
    html! {
        h1.visually-hidden { (ctx.site.name) }
        div.front {
            section.front-lead aria-label=(ctx.texts.get(Msg::TopStory)) data-t-label=(Msg::TopStory.name()) {
                @if let Some(lead) = lead { (story_card(ctx, lead, CardSize::Lead)) }
                div.front-seconds {
                    @for s in seconds { (story_card(ctx, s, CardSize::Standard)) }
                }
            }
            section.front-latest aria-labelledby="front-latest-h" {
                h2 #front-latest-h .block-heading { a href=(ctx.links.latest()) { (ctx.texts.t(Msg::Latest)) } }
                ol.latest-list {
                    @for s in latest { li { (story_card(ctx, s, CardSize::Compact)) } }
                }
            }
            div.front-sections {
                @for (section, items) in &page.sections {
                    @let stories: Vec<_> = items.iter().filter(|s| s.slug != lead_slug).take(PER_SECTION).collect();
                    @if !stories.is_empty() {
                        @let heading = format!("block-{}", section.slug);
                        section.section-block aria-labelledby=(heading) {
                            h2.block-heading id=(heading) { a href=(ctx.links.section(&section.slug)) { (section.name) } }
                            div.block-stories {
                                @for s in stories { (story_card(ctx, s, CardSize::Standard)) }
                            }
                        }
                    }
                }
            }
            @if !page.briefs.is_empty() {
                section.front-briefs aria-labelledby="front-briefs-h" {
                    h2 #front-briefs-h .block-heading { (ctx.texts.t(Msg::Briefs)) }
                    div.briefs-grid {
                        @for s in page.briefs.iter().take(BRIEFS) { (brief(ctx, s)) }
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
    fn the_lead_is_not_repeated_in_its_section_block() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let latest: Vec<_> = (0..5)
            .map(|d| fixtures::summary(&format!("s{d}"), Kind::News, 10 - d))
            .collect();
        let briefs = vec![fixtures::summary("b", Kind::Brief, 1)];
        let page = FrontPage {
            latest: &latest,
            briefs: &briefs,
            sections: vec![(&site.sections[0], &latest[..2]), (&site.sections[1], &[])],
        };
        let html = front_page(&ctx, &page).into_string();
        assert_eq!(
            html.matches("/news/articles/s0\"").count(),
            1,
            "lead once: {html}"
        );
        assert!(
            html.contains("block-europe") && !html.contains("block-africa"),
            "an empty block is left out"
        );
        assert!(html.contains("Keep reading"));
    }

    #[test]
    fn continue_reading_names_the_story_and_how_far_it_was_read() {
        let html = continue_reading(
            &Texts::english(),
            &Resume {
                href: "/news/articles/a",
                headline: "Tariffs <b>up</b>",
                percent: 40,
            },
        )
        .into_string();
        assert!(
            html.starts_with("<aside class=\"resume\" aria-labelledby=\"resume-h\" lang=\"en\">")
        );
        assert!(html.contains("id=\"resume-h\"") && html.contains(">Continue reading</h2>"));
        assert!(html.contains("<a href=\"/news/articles/a\">Tariffs &lt;b&gt;up&lt;/b&gt;</a>"));
        assert!(html.contains("40% read"));
        assert!(html.contains("data-action=\"resume-dismiss\""));
    }
}
