//! The article page: header, hero, the body through the markdown safety
//! filter, share actions, tags and the rail.

use crate::cards::{kicker, save_button};
use crate::i18n::{names_in_a_row, AfterName, Msg, Texts};
use crate::rail::rail;
use crate::share::{share_bar, ShareTarget};
use crate::{Ctx, Markup, PreEscaped};
use folio_content::markdown::{self, RenderOptions};
use folio_content::security::image_allowed;
use folio_content::{share, text, Article, ArticleSummary, Image, ImageSizes, Timestamp};
use maud::html;

/// Everything the article page shows.
#[derive(Clone, Copy, Debug)]
pub struct ArticleView<'a> {
    pub article: &'a Article,
    /// Sizes of the body's images, read from the files by the build.
    pub image_sizes: Option<&'a ImageSizes>,
    /// Its related stories, ranked by the build over the whole site (see
    /// `folio_content::related`).
    pub related: &'a [ArticleSummary],
    /// The stories before and after it in its section.
    pub neighbours: Neighbours<'a>,
}

/// An article's neighbours in its section's listing (newest first): the
/// previous story is the newer one, the next the older one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Neighbours<'a> {
    pub previous: Option<&'a ArticleSummary>,
    pub next: Option<&'a ArticleSummary>,
}

/// "Previous story" and "Next story" in the section, with their headlines
/// (`rel=prev`/`next`, which the app's N and P keys follow).
fn article_nav(ctx: &Ctx<'_>, section: &str, n: &Neighbours<'_>) -> Markup {
    html! {
        @if n.previous.is_some() || n.next.is_some() {
            @let name = ctx.site.section_name(section);
            nav.article-nav aria-label=(ctx.texts.fill(Msg::MoreIn, &[name])) data-t-label=(Msg::MoreIn.name()) data-t-label-args=(name) {
                @if let Some(s) = n.previous {
                    a.article-nav-previous rel="prev" href=(ctx.links.article(&s.slug)) {
                        span.article-nav-label { (ctx.texts.t(Msg::PreviousStory)) }
                        span.article-nav-title { (s.headline) }
                    }
                }
                @if let Some(s) = n.next {
                    a.article-nav-next rel="next" href=(ctx.links.article(&s.slug)) {
                        span.article-nav-label { (ctx.texts.t(Msg::NextStory)) }
                        span.article-nav-title { (s.headline) }
                    }
                }
            }
        }
    }
}

/// Authors, each a link to their page (it reads as [`Texts::join_names`]), the
/// published (and updated) date as `<time datetime>`, and the reading time.
pub fn byline(
    ctx: &Ctx<'_>,
    authors: &[String],
    published: &Timestamp,
    updated: Option<&Timestamp>,
    minutes: u32,
) -> Markup {
    let names = names_in_a_row(authors);
    let updated = updated.filter(|u| *u > published);
    html! {
        div.byline {
            @if !names.is_empty() {
                p.byline-authors {
                    (ctx.texts.t(Msg::By))
                    @for (name, after) in names {
                        @if let Some(href) = ctx.links.author(name) {
                            a.byline-author href=(href) { (name) }
                        } @else {
                            (name)
                        }
                        @if after == AfterName::And { (ctx.texts.t(Msg::And)) }
                        @else { (ctx.texts.after_name(after)) }
                    }
                }
            }
            p.byline-meta {
                (ctx.texts.time(published, false))
                @if let Some(u) = updated {
                    span.byline-updated { " · " (ctx.texts.t(Msg::Updated)) (ctx.texts.time(u, true)) }
                }
                span.byline-reading { " · " (ctx.texts.t_minutes(minutes)) }
            }
        }
    }
}

/// The lead image with caption and credit. Width and height (from the
/// article, else from the build's reading of the file) reserve its space
/// before it loads; the lead image of an article is fetched first.
pub fn hero(ctx: &Ctx<'_>, image: &Image, sizes: Option<&ImageSizes>) -> Markup {
    let size = image
        .width
        .zip(image.height)
        .map(|(w, h)| [w, h])
        .or_else(|| sizes?.get(&image.src).copied());
    html! {
        figure.hero {
            img src=(ctx.links.asset(&image.src)) alt=(image.alt) width=[size.map(|s| s[0])] height=[size.map(|s| s[1])]
                loading="eager" fetchpriority="high" decoding="async";
            @if image.caption.is_some() || image.credit.is_some() {
                figcaption {
                    @if let Some(c) = &image.caption { span.caption { (c) } }
                    @if let Some(c) = &image.credit { span.credit { (c) } }
                }
            }
        }
    }
}

/// Listen: the article read aloud by the browser's speech synthesis, one
/// block at a time, the one being read highlighted. The app shows it only
/// where the browser has voices (it keeps its place, invisible, until then).
pub fn listen(t: &Texts) -> Markup {
    html! {
        div.listen.app-slot {
            button.listen-toggle.button-secondary type="button" data-action="listen" { (t.t(Msg::Listen)) }
            button.listen-stop.button-secondary type="button" data-action="listen-stop" hidden { (t.t(Msg::Stop)) }
            label.listen-speed {
                (t.t(Msg::Speed))
                select data-action="listen-speed" {
                    @for (rate, label) in [("0.8", "0.8×"), ("1", "1×"), ("1.25", "1.25×"), ("1.5", "1.5×"), ("2", "2×")] {
                        option value=(rate) selected[rate == "1"] { (label) }
                    }
                }
            }
        }
    }
}

/// The article and its rail.
pub fn article_page(ctx: &Ctx<'_>, view: &ArticleView<'_>) -> Markup {
    let a = view.article;
    let body = markdown::render_with(
        &a.body,
        &RenderOptions {
            base: ctx.links.base(),
            image_sizes: view.image_sizes,
            image_hosts: Some(&ctx.site.image_hosts),
        },
    );
    let url = share::article_url(&ctx.site.base_url, &a.slug);
    html! {
        div.article-layout {
            // When the article last changed: the app compares it with its
            // saved copy to know whether the page on screen is current.
            // Its address, for print (the stylesheet prints it at the end).
            article.article data-modified=(a.last_modified().as_str()) data-url=(url) {
                // How far the reader is: a bar along the top of the window,
                // kept current by the app.
                div.reading-progress.app-slot role="progressbar" aria-label=(ctx.texts.get(Msg::ReadingProgress)) data-t-label=(Msg::ReadingProgress.name())
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" {
                    span.reading-progress-fill {}
                }
                header.article-header {
                    (kicker(ctx, a.kind, &a.section, a.kicker.as_deref()))
                    h1.headline { (a.headline) }
                    @if !a.dek.is_empty() { p.dek { (a.dek) } }
                    (byline(ctx, &a.authors, &a.published, a.updated.as_ref(), text::reading_minutes(&a.body)))
                    (listen(ctx.texts))
                }
                @if let Some(img) = a.hero.as_ref().filter(|h| image_allowed(&h.src, &ctx.site.image_hosts)) {
                    (hero(ctx, img, view.image_sizes))
                }
                div.article-body { (PreEscaped(body)) }
                div.article-actions {
                    (save_button(ctx.texts, &a.slug, &a.headline, false))
                    (share_bar(ctx.texts, &ShareTarget { id: "article", url: &url, title: &a.headline, text: &a.dek }))
                }
                // Filled by the app once the article is in the reader's library.
                p.saved-on hidden {}
                @if !a.tags.is_empty() {
                    footer.article-footer {
                        h2.visually-hidden { (ctx.texts.t(Msg::Tags)) }
                        ul.tags {
                            @for t in &a.tags {
                                li.tag {
                                    @if let Some(href) = ctx.links.tag(t) { a href=(href) rel="tag" { (t) } }
                                    @else { (t) }
                                }
                            }
                        }
                    }
                }
                (article_nav(ctx, &a.section, &view.neighbours))
            }
            (rail(ctx, &a.section, view.related))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use folio_content::Kind;
    use scraper::{Html, Selector};

    fn count(html: &str, css: &str) -> usize {
        Html::parse_fragment(html)
            .select(&Selector::parse(css).unwrap())
            .count()
    }

    #[test]
    fn bylines_and_tags_link_every_name_that_has_a_page() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let published = Timestamp::from_unix(0);
        let by =
            |authors: &[&str]| byline(&ctx, &names(authors), &published, None, 3).into_string();
        let three = by(&["José Álvarez", " ", "Ana & Bo", "—"]);
        let doc = Html::parse_fragment(&three);
        let authors = doc
            .select(&Selector::parse(".byline-authors").unwrap())
            .next()
            .unwrap();
        assert_eq!(
            authors.text().collect::<String>(),
            "By José Álvarez, Ana & Bo and —"
        );
        let hrefs: Vec<_> = authors
            .select(&Selector::parse("a").unwrap())
            .map(|a| {
                (
                    a.value().attr("href").unwrap(),
                    a.text().collect::<String>(),
                )
            })
            .collect();
        assert_eq!(
            hrefs,
            [
                ("/news/authors/jose-alvarez", "José Álvarez".to_owned()),
                ("/news/authors/ana-bo", "Ana & Bo".to_owned())
            ],
            "a name without a page stays text: {three}"
        );
        assert_eq!(count(&by(&[]), ".byline-authors"), 0);

        let mut article = fixtures::article("a");
        article.tags = names(&["Brasil & Mercosur", "&"]);
        let html = article_page(
            &ctx,
            &ArticleView {
                article: &article,
                image_sizes: None,
                related: &[],
                neighbours: Neighbours::default(),
            },
        )
        .into_string();
        assert_eq!(count(&html, "ul.tags li.tag"), 2);
        assert_eq!(
            count(
                &html,
                "ul.tags li.tag a[href='/news/tags/brasil-mercosur'][rel=tag]"
            ),
            1,
            "{html}"
        );
        assert_eq!(count(&html, "ul.tags li.tag a"), 1, "{html}");
        assert!(html.contains("<li class=\"tag\">&amp;</li>"), "{html}");
    }

    #[test]
    fn the_article_page_has_its_parts_in_order() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let article = fixtures::article("port-plan");
        let sizes = ImageSizes::from([("images/chart.svg".to_owned(), [800, 450])]);
        let html = article_page(
            &ctx,
            &ArticleView {
                article: &article,
                image_sizes: Some(&sizes),
                related: &[],
                neighbours: Neighbours::default(),
            },
        )
        .into_string();
        assert_eq!(count(&html, "h1"), 1);
        assert_eq!(
            count(
                &html,
                "article.article > header.article-header > h1.headline"
            ),
            1
        );
        assert_eq!(count(&html, ".article-body h1"), 0);
        assert_eq!(count(&html, ".article-body h2"), 1);
        assert_eq!(
            count(
                &html,
                "figure.hero img[width='1200'][height='675'][fetchpriority=high]"
            ),
            1
        );
        // Body images get their size from the build, links stay under the base path.
        assert_eq!(
            count(
                &html,
                ".article-body img[src='images/chart.svg'][width='800'][height='450']"
            ),
            1,
            "{html}"
        );
        assert_eq!(
            count(&html, ".article-body a[href='/news/articles/other']"),
            1
        );
        let doc = Html::parse_fragment(&html);
        let text = |css: &str| -> Vec<String> {
            doc.select(&Selector::parse(css).unwrap())
                .map(|e| e.text().collect())
                .collect()
        };
        // The byline reads as before, each name a link to its page.
        assert_eq!(text(".byline-authors"), ["By Ana Lima and Ben Ode"]);
        assert_eq!(
            count(&html, ".byline-authors a[href='/news/authors/ana-lima']"),
            1
        );
        assert_eq!(
            count(&html, ".byline-authors a[href='/news/authors/ben-ode']"),
            1
        );
        assert!(crate::fixtures::text(&html).contains(" · Updated "));
        assert_eq!(count(&html, ".tags li.tag"), 2);
        assert_eq!(text(".tags li.tag"), ["ports", "trade"]);
        assert_eq!(count(&html, ".tags li.tag a[href='/news/tags/ports']"), 1);
        assert_eq!(count(&html, ".tags li.tag a[href='/news/tags/trade']"), 1);
        assert_eq!(count(&html, "aside.rail"), 1);
        assert!(html.contains("https%3A%2F%2Fmagazine.example%2Fnews%2Farticles%2Fport-plan"));
    }

    #[test]
    fn previous_and_next_stories_in_the_section_link_with_rel() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let article = fixtures::article("port-plan");
        let newer = fixtures::summary("newer-one", Kind::News, 3);
        let older = fixtures::summary("older-one", Kind::News, 1);
        let page = |neighbours| {
            article_page(
                &ctx,
                &ArticleView {
                    article: &article,
                    image_sizes: None,
                    related: &[],
                    neighbours,
                },
            )
            .into_string()
        };
        let both = page(Neighbours {
            previous: Some(&newer),
            next: Some(&older),
        });
        assert_eq!(
            count(
                &both,
                "nav.article-nav a[rel=prev][href='/news/articles/newer-one']"
            ),
            1,
            "{both}"
        );
        assert_eq!(
            count(
                &both,
                "nav.article-nav a[rel=next][href='/news/articles/older-one']"
            ),
            1
        );
        assert!(both.contains("Previous story") && both.contains("Next story"));
        let last = page(Neighbours {
            previous: Some(&newer),
            next: None,
        });
        assert_eq!(count(&last, "nav.article-nav a"), 1);
        assert_eq!(count(&page(Neighbours::default()), "nav.article-nav"), 0);
    }
}
