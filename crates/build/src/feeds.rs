//! Atom feeds: the site's newest articles (`feed.xml`) and each section's
//! (`feeds/<slug>.xml`). Atom rather than RSS 2.0 because it has one date
//! format (RFC 3339, as content files already use), required ids, and a
//! defined way (`xml:base`) to resolve the relative image URLs in bodies.

use crate::at;
use crate::corpus::Corpus;
use crate::escape::{push_escaped, Xml};
use crate::urls::{Feed, Page, Urls};
use folio_content::markdown::{self, RenderOptions};
use folio_content::security::image_allowed;
use folio_content::ArticleSummary;
use std::path::Path;

/// Entries per feed: enough for a reader who checks weekly, small enough to
/// poll often.
pub(crate) const FEED_ENTRIES: usize = 50;

/// Writes the site feed and one feed per section; returns files and bytes.
pub(crate) fn write(corpus: &Corpus, urls: &Urls, dist: &Path) -> Result<(usize, u64), String> {
    let mut feeds = vec![Feed::Site];
    feeds.extend(corpus.site.sections.iter().map(|s| Feed::Section(&s.slug)));
    let dir = dist.join("feeds");
    std::fs::create_dir_all(&dir).map_err(at(&dir))?;
    let mut bytes = 0;
    for feed in &feeds {
        let entries: Vec<&ArticleSummary> = corpus
            .articles
            .iter()
            .filter(|a| match feed {
                Feed::Site => true,
                Feed::Section(slug) => a.section == *slug,
            })
            .take(FEED_ENTRIES)
            .collect();
        let xml = render(corpus, urls, *feed, &entries)?;
        let path = dist.join(feed.file());
        std::fs::write(&path, &xml).map_err(at(&path))?;
        bytes += xml.len() as u64;
    }
    Ok((feeds.len(), bytes))
}

/// One feed's XML. `entries` are newest first.
pub(crate) fn render(
    corpus: &Corpus,
    urls: &Urls,
    feed: Feed<'_>,
    entries: &[&ArticleSummary],
) -> Result<String, String> {
    let site = &corpus.site;
    let (title, subtitle, page) = match feed {
        Feed::Site => (site.name.clone(), site.tagline.clone(), Page::Home),
        Feed::Section(slug) => (
            format!("{} — {}", site.name, site.section_name(slug)),
            site.section(slug)
                .map(|s| s.description.clone())
                .unwrap_or_default(),
            Page::Section(slug),
        ),
    };
    // A feed's `updated` is its newest entry's; an empty feed takes the
    // site's newest story, so the date never depends on when the build ran.
    let updated = entries
        .iter()
        .map(|a| a.last_modified())
        .max()
        .or_else(|| {
            corpus
                .articles
                .iter()
                .map(ArticleSummary::last_modified)
                .max()
        })
        .map_or("1970-01-01T00:00:00Z", |t| t.as_str());

    let mut x = Xml(String::with_capacity(64 * 1024));
    x.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.raw("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    x.text(&site.language);
    x.raw("\" xml:base=\"");
    x.text(urls.base());
    x.raw("\">\n");
    x.line("title", &title);
    if !subtitle.trim().is_empty() {
        x.line("subtitle", &subtitle);
    }
    x.line("id", &urls.page(page));
    link(&mut x, "self", "application/atom+xml", &urls.feed(feed));
    link(&mut x, "alternate", "text/html", &urls.page(page));
    x.line("updated", updated);
    x.raw("<author>");
    x.element("name", &site.name);
    x.raw("</author>\n");
    x.line("generator", "folio-build");
    for a in entries {
        entry(&mut x, corpus, urls, a)?;
    }
    x.raw("</feed>\n");
    Ok(x.0)
}

fn entry(x: &mut Xml, corpus: &Corpus, urls: &Urls, a: &ArticleSummary) -> Result<(), String> {
    let url = urls.page(Page::Article(&a.slug));
    x.raw("<entry>\n");
    x.line("title", &a.headline);
    link(x, "alternate", "text/html", &url);
    x.line("id", &url);
    x.line("published", a.published.as_str());
    x.line("updated", a.last_modified().as_str());
    for author in a.authors.iter().filter(|n| !n.trim().is_empty()) {
        x.raw("<author>");
        x.element("name", author);
        x.raw("</author>\n");
    }
    x.raw("<category term=\"");
    x.text(&a.section);
    x.raw("\" label=\"");
    x.text(corpus.site.section_name(&a.section));
    x.raw("\"/>\n");
    for tag in &a.tags {
        x.raw("<category term=\"");
        x.text(tag);
        x.raw("\"/>\n");
    }
    if !a.dek.trim().is_empty() {
        x.line("summary", &a.dek);
    }
    // The body goes through the same safety filter as in the app; feed
    // readers render it as HTML.
    let mut html = String::new();
    if let Some(hero) = a
        .hero
        .as_ref()
        .filter(|h| image_allowed(&h.src, &corpus.site.image_hosts))
    {
        html.push_str("<p><img src=\"");
        push_escaped(&mut html, &urls.asset(&hero.src));
        html.push_str("\" alt=\"");
        push_escaped(&mut html, &hero.alt);
        html.push_str("\"></p>");
    }
    // Root-relative links keep the site's path prefix (readers resolve them
    // against the host, not against xml:base's path); images on hosts the
    // site does not declare are left out, as on the site.
    html.push_str(&markdown::render_with(
        &corpus.article(&a.slug)?.body,
        &RenderOptions {
            base: urls.base_path(),
            image_hosts: Some(&corpus.site.image_hosts),
            ..RenderOptions::default()
        },
    ));
    x.raw("<content type=\"html\">");
    x.text(&html);
    x.raw("</content>\n</entry>\n");
    Ok(())
}

/// An Atom `<link>`.
fn link(x: &mut Xml, rel: &str, kind: &str, href: &str) {
    x.raw("<link rel=\"");
    x.raw(rel);
    x.raw("\" type=\"");
    x.raw(kind);
    x.raw("\" href=\"");
    x.text(href);
    x.raw("\"/>\n");
}
