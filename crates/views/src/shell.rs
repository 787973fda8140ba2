//! The frame around every page: skip link, masthead with the section
//! navigation, the `<main>` landmark and the footer.

use crate::i18n::{Msg, Texts};
use crate::{Ctx, Markup};
use maud::html;

/// The site name, the reader's tools and the section navigation. The link
/// to the page being shown (`current`, as a link such as `/sections/europe`)
/// is marked `aria-current="page"`.
pub fn masthead(ctx: &Ctx<'_>, current: &str) -> Markup {
    let links = ctx.links;
    let is_current = |href: &str| href == current;
    html! {
        header.masthead {
            div.masthead-inner {
                a.wordmark href=(links.home()) aria-current=[is_current(&links.home()).then_some("page")] {
                    (ctx.site.name)
                }
                nav.tools-nav aria-label=(ctx.texts.get(Msg::YourLibraryNav)) data-t-label=(Msg::YourLibraryNav.name()) {
                    @for (href, label) in [(links.library(), Msg::Library), (links.search(), Msg::Search)] {
                        a href=(href) aria-current=[is_current(&href).then_some("page")] { (ctx.texts.t(label)) }
                    }
                }
                (crate::settings::panel(ctx.texts))
                nav.sections-nav aria-label=(ctx.texts.get(Msg::Sections)) data-t-label=(Msg::Sections.name()) {
                    ul {
                        @for section in &ctx.site.sections {
                            @let href = links.section(&section.slug);
                            li { a href=(href) aria-current=[is_current(&href).then_some("page")] { (section.name) } }
                        }
                    }
                }
            }
        }
    }
}

/// The footer with the site's name and tagline.
pub fn footer(ctx: &Ctx<'_>) -> Markup {
    html! {
        footer.site-footer {
            p {
                (ctx.site.name)
                @if !ctx.site.tagline.is_empty() { " — " (ctx.site.tagline) }
            }
        }
    }
}

fn skip_link(t: &Texts) -> Markup {
    html! { a.skip-link href="#main" { (t.t(Msg::SkipToContent)) } }
}

/// One page's content, marked with the URL it shows (`path`, a link such as
/// `/articles/x`), as the app finds it in `<main>`.
pub fn page(path: &str, content: Markup) -> Markup {
    html! {
        div.page data-page=(path) { (content) }
    }
}

/// Everything inside `<body>`: skip link, masthead, `<main>` holding the
/// page, and the footer.
pub fn body(ctx: &Ctx<'_>, path: &str, content: Markup) -> Markup {
    html! {
        (skip_link(ctx.texts))
        (masthead(ctx, path))
        main #main tabindex="-1" { (page(path, content)) }
        (footer(ctx))
    }
}

/// The frame with no page in `<main>`, only `placeholder`: what the app
/// fills when no page was written for the URL (offline, or a path the build
/// did not know).
pub fn body_without_page(ctx: &Ctx<'_>, placeholder: Markup) -> Markup {
    html! {
        (skip_link(ctx.texts))
        (masthead(ctx, ""))
        main #main tabindex="-1" { (placeholder) }
        (footer(ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn the_current_section_is_marked() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let html = masthead(&ctx, "/news/sections/europe").into_string();
        assert!(
            html.contains(r#"<a href="/news/sections/europe" aria-current="page">Europe</a>"#),
            "{html}"
        );
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(html.contains(r#"href="/news/library""#));
    }

    #[test]
    fn the_body_has_one_main_landmark_around_the_marked_page() {
        let (site, links) = fixtures::site();
        let ctx = Ctx {
            site: &site,
            links: &links,
            texts: &crate::i18n::Texts::english(),
        };
        let html = body(&ctx, "/news/latest", html! { h1 { "Latest" } }).into_string();
        let doc = scraper::Html::parse_fragment(&html);
        let main = scraper::Selector::parse("main#main > div.page[data-page='/news/latest'] > h1")
            .unwrap();
        assert_eq!(doc.select(&main).count(), 1, "{html}");
        assert!(
            html.starts_with(r##"<a class="skip-link" href="#main">"##),
            "{html}"
        );
    }
}
