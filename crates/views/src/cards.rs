//! Story teasers as they appear in lists, blocks and the rail: cards, briefs
//! and the kicker line above their headlines.

use crate::i18n::{Msg, Texts};
use crate::share::{share_bar, ShareTarget};
use crate::{Ctx, Markup};
use folio_content::security::image_allowed;
use folio_content::{share, ArticleSummary, Kind};
use maud::html;

/// How much of a story a card shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CardSize {
    /// The front page's lead: large image, dek and kicker.
    Lead,
    /// A block entry: image, kicker, headline, dek.
    Standard,
    /// A list entry: kicker and headline only.
    Compact,
}

impl CardSize {
    fn class(self) -> &'static str {
        match self {
            CardSize::Lead => "card card-lead",
            CardSize::Standard => "card card-standard",
            CardSize::Compact => "card card-compact",
        }
    }
}

/// "Analysis | Latin America": kind and section, each linking to its
/// listing, and an optional running topic.
pub fn kicker(ctx: &Ctx<'_>, kind: Kind, section: &str, topic: Option<&str>) -> Markup {
    html! {
        p.kicker {
            a.kicker-kind href=(ctx.links.kind(kind)) { (ctx.texts.t(Msg::kind(kind))) }
            span.kicker-sep aria-hidden="true" { " | " }
            a.kicker-section href=(ctx.links.section(section)) { (ctx.site.section_name(section)) }
            @if let Some(topic) = topic { span.kicker-topic { (topic) } }
        }
    }
}

/// Where the app says whether a story can be read offline ("Saved
/// offline"); empty in the page as written.
fn availability(slug: &str) -> Markup {
    html! { span.card-status data-slug=(slug) {} }
}

/// Save (or Remove, once saved) for the reader's library: a job for the
/// app, which keeps the button's place until it starts (`.app-slot`).
/// The app names it in the reader's language when it starts.
pub fn save_button(t: &Texts, slug: &str, title: &str, on_card: bool) -> Markup {
    html! {
        @if on_card {
            // Named for its story among the many on a page.
            button.card-save.app-slot type="button" data-action="save-toggle" data-slug=(slug)
                data-title=(title) aria-label=(t.fill(Msg::SaveTitle, &[title])) { (t.get(Msg::Save)) }
        } @else {
            button.save-toggle.button-secondary.app-slot type="button" data-action="save-toggle"
                data-slug=(slug) { (t.get(Msg::SaveForLater)) }
        }
    }
}

/// One story teaser linking to its article.
pub fn story_card(ctx: &Ctx<'_>, story: &ArticleSummary, size: CardSize) -> Markup {
    let href = ctx.links.article(&story.slug);
    let lead = size == CardSize::Lead;
    let image = story
        .hero
        .as_ref()
        .filter(|h| size != CardSize::Compact && image_allowed(&h.src, &ctx.site.image_hosts));
    let headline = html! { a href=(href) { (story.headline) } };
    html! {
        article class=(size.class()) {
            @if let Some(img) = image {
                div.card-image {
                    // The lead image is the largest thing on the front page:
                    // fetched first, never lazily.
                    img src=(ctx.links.asset(&img.src)) alt=(img.alt) width=[img.width] height=[img.height]
                        loading=(if lead { "eager" } else { "lazy" })
                        fetchpriority=[lead.then_some("high")] decoding="async";
                }
            }
            div.card-text {
                (kicker(ctx, story.kind, &story.section, None))
                @if lead { h2.card-headline { (headline) } } @else { h3.card-headline { (headline) } }
                @if size != CardSize::Compact && !story.dek.is_empty() {
                    p.card-dek { (story.dek) }
                }
                p.card-meta {
                    (ctx.texts.time(&story.published, false))
                    " · " (ctx.texts.t_minutes(story.reading_minutes)) " "
                    (availability(&story.slug))
                    " " (save_button(ctx.texts, &story.slug, &story.headline, true))
                }
            }
        }
    }
}

/// A brief: its first paragraph, the rest behind a "Keep reading"
/// disclosure button, and share actions. Without the app the whole text
/// shows and the button is hidden (see `style/components.css`).
pub fn brief(ctx: &Ctx<'_>, story: &ArticleSummary) -> Markup {
    let text = story.teaser.as_deref().unwrap_or(&story.dek);
    let mut paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
    let first = paragraphs.next().unwrap_or_default();
    let rest: Vec<&str> = paragraphs.collect();
    let more_id = format!("brief-more-{}", story.slug);
    let url = share::article_url(&ctx.site.base_url, &story.slug);
    html! {
        article.brief {
            p.brief-label { (ctx.texts.t(Msg::KindBrief)) }
            h3.brief-headline { a href=(ctx.links.article(&story.slug)) { (story.headline) } }
            p.brief-lead { (first) }
            @if !rest.is_empty() {
                div.brief-more id=(more_id) data-disclosed hidden {
                    @for p in &rest { p { (p) } }
                }
                button.brief-toggle type="button" data-action="disclose" aria-expanded="false"
                    aria-controls=(more_id)
                    data-expanded-text=(ctx.texts.get(Msg::ShowLess)) data-t-expanded=(Msg::ShowLess.name())
                    data-collapsed-text=(ctx.texts.get(Msg::KeepReading)) data-t-collapsed=(Msg::KeepReading.name()) {
                    (ctx.texts.t(Msg::KeepReading))
                }
            }
            (share_bar(ctx.texts, &ShareTarget {
                id: &format!("brief-{}", story.slug),
                url: &url,
                title: &story.headline,
                text: "",
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use scraper::{Html, Selector};

    fn select(html: &str, css: &str) -> Vec<String> {
        let doc = Html::parse_fragment(html);
        doc.select(&Selector::parse(css).unwrap())
            .map(|e| e.html())
            .collect()
    }

    #[test]
    fn cards_link_to_the_article_and_reserve_the_image_space() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let s = fixtures::summary("port-plan", Kind::Analysis, 1);
        let lead = story_card(&ctx, &s, CardSize::Lead).into_string();
        assert_eq!(
            select(&lead, "h2.card-headline a[href='/news/articles/port-plan']").len(),
            1,
            "{lead}"
        );
        let img = &select(&lead, "img")[0];
        for attr in [
            r#"width="1200""#,
            r#"height="675""#,
            r#"loading="eager""#,
            r#"fetchpriority="high""#,
            r#"src="/news/images/port-plan.svg""#,
        ] {
            assert!(img.contains(attr), "{attr} in {img}");
        }
        assert!(
            lead.contains("Headline of port-plan &amp; more"),
            "escaped: {lead}"
        );
        let compact = story_card(&ctx, &s, CardSize::Compact).into_string();
        assert!(select(&compact, "img").is_empty() && select(&compact, ".card-dek").is_empty());
        assert_eq!(select(&compact, "h3.card-headline").len(), 1);
        assert_eq!(
            select(&compact, "a.kicker-section[href='/news/sections/europe']").len(),
            1
        );
        let standard = story_card(&ctx, &s, CardSize::Standard).into_string();
        assert!(select(&standard, "img")[0].contains(r#"loading="lazy""#));
    }

    #[test]
    fn a_brief_hides_the_rest_behind_a_disclosure_button() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let html = brief(&ctx, &fixtures::summary("short-one", Kind::Brief, 1)).into_string();
        let button = &select(&html, "button.brief-toggle")[0];
        assert!(
            button.contains(r#"aria-expanded="false""#)
                && button.contains(r#"aria-controls="brief-more-short-one""#),
            "{button}"
        );
        let more = &select(&html, "#brief-more-short-one[hidden]")[0];
        assert!(more.contains("Second paragraph."));
        assert!(select(&html, ".brief-lead")[0].contains("First paragraph."));
        // Shares the canonical URL, not a path.
        assert!(
            html.contains("https%3A%2F%2Fmagazine.example%2Fnews%2Farticles%2Fshort-one"),
            "{html}"
        );
    }
}
