//! Atom feeds: the site's newest articles (`feed.xml`), each section's
//! (`feeds/<slug>.xml`), each tag's (`feeds/tags/<slug>.xml`) and each
//! author's (`feeds/authors/<slug>.xml`). Atom rather than RSS 2.0 because
//! it has one date format (RFC 3339, as content files already use), required
//! ids, and a defined way (`xml:base`) to resolve the relative image URLs in
//! bodies.

use crate::at;
use crate::corpus::Corpus;
use crate::escape::{push_escaped, Xml};
use crate::listings::Groups;
use crate::outputs::Outputs;
use crate::parallel;
use crate::urls::{Feed, Page, Urls};
use folio_content::markdown::{self, RenderOptions};
use folio_content::paths::Listing;
use folio_content::security::image_allowed;
use folio_content::ArticleSummary;

/// Entries per feed: enough for a reader who checks weekly, small enough to
/// poll often.
pub(crate) const FEED_ENTRIES: usize = 50;

/// Writes the site feed and one feed per section, tag and author through
/// `outputs`; returns files and bytes written. Each feed is its own task on
/// the pool: a site with thousands of tags has thousands of feeds, each
/// reading its entries' bodies again (only when its entries changed).
pub(crate) fn write(
    corpus: &Corpus,
    groups: &Groups<'_>,
    urls: &Urls,
    outputs: &Outputs<'_>,
) -> Result<(usize, u64), String> {
    let mut feeds = vec![Feed::Site];
    feeds.extend(corpus.site.sections.iter().map(|s| Feed::Section(&s.slug)));
    for listing in groups.values().map(|g| &g.listing) {
        match listing {
            Listing::Tag(slug) => feeds.push(Feed::Tag(slug)),
            Listing::Author(slug) => feeds.push(Feed::Author(slug)),
            _ => {}
        }
    }
    let written = parallel::map(&feeds, |&feed| -> Result<u64, String> {
        let entries: Vec<&ArticleSummary> = match feed {
            Feed::Site => corpus.articles.iter().take(FEED_ENTRIES).collect(),
            Feed::Section(slug) => corpus
                .articles
                .iter()
                .filter(|a| a.section == slug)
                .take(FEED_ENTRIES)
                .collect(),
            Feed::Tag(_) | Feed::Author(_) => feed_listing(feed)
                .and_then(|l| groups.get(&l.id()))
                .map(|g| g.items.iter().take(FEED_ENTRIES).copied().collect())
                .unwrap_or_default(),
        };
        let file = feed.file();
        let mut key = outputs
            .key()
            .add("feed")
            .add(&file)
            .add(&heading(corpus, groups, feed))
            .add(&updated(corpus, &entries));
        // Site and section feeds carry whole bodies.
        if is_full(feed) {
            for a in &entries {
                key = key.add(&corpus.source(&a.slug).hash);
            }
        }
        let key = corpus.with_summaries(key, entries.iter().copied()).finish();
        let path = outputs.path(&file);
        outputs
            .make(&file, key, || {
                render(corpus, groups, urls, feed, &entries)
                    .map(String::into_bytes)
                    .map_err(std::io::Error::other)
            })
            .map_err(at(&path))
    });
    let mut bytes = 0;
    for feed in written {
        bytes += feed?;
    }
    Ok((feeds.len(), bytes))
}

/// Whether a feed carries whole bodies: tag and author feeds follow a
/// topic across the site, each entry its summary and link (whole bodies
/// there would make the feeds of a large site about sixteen times the size
/// of the rest).
fn is_full(feed: Feed<'_>) -> bool {
    matches!(feed, Feed::Site | Feed::Section(_))
}

/// A feed's `updated`: its newest entry's; an empty feed takes the site's
/// newest story, so the date never depends on when the build ran.
fn updated<'a>(corpus: &'a Corpus, entries: &[&'a ArticleSummary]) -> &'a str {
    entries
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
        .map_or("1970-01-01T00:00:00Z", |t| t.as_str())
}

/// The listing a tag's or author's feed carries the newest of.
fn feed_listing(feed: Feed<'_>) -> Option<Listing> {
    match feed {
        Feed::Tag(slug) => Some(Listing::Tag(slug.to_owned())),
        Feed::Author(slug) => Some(Listing::Author(slug.to_owned())),
        Feed::Site | Feed::Section(_) => None,
    }
}

/// A feed's title and subtitle; pages that link to the feed name it by the
/// same title.
pub(crate) fn heading(corpus: &Corpus, groups: &Groups<'_>, feed: Feed<'_>) -> (String, String) {
    let site = &corpus.site;
    match feed {
        Feed::Site => (site.name.clone(), site.tagline.clone()),
        Feed::Section(slug) => (
            format!("{} — {}", site.name, site.section_name(slug)),
            site.section(slug)
                .map(|s| s.description.clone())
                .unwrap_or_default(),
        ),
        Feed::Tag(slug) => listing_heading(corpus, groups, Listing::Tag(slug.to_owned())),
        Feed::Author(slug) => listing_heading(corpus, groups, Listing::Author(slug.to_owned())),
    }
}

/// The heading of a tag's or author's feed: its page's, after the site's name.
fn listing_heading(corpus: &Corpus, groups: &Groups<'_>, listing: Listing) -> (String, String) {
    let site = &corpus.site;
    let heading = match groups.get(&listing.id()) {
        Some(group) => group.heading(site),
        None => folio_views::listing::heading(
            &folio_views::i18n::Texts::of_language(&site.language),
            site,
            &listing,
            None,
        ),
    };
    (
        format!("{} — {}", site.name, heading.title),
        heading.description,
    )
}

/// One feed's XML. `entries` are newest first.
pub(crate) fn render(
    corpus: &Corpus,
    groups: &Groups<'_>,
    urls: &Urls,
    feed: Feed<'_>,
    entries: &[&ArticleSummary],
) -> Result<String, String> {
    let (title, subtitle) = heading(corpus, groups, feed);
    let page = feed.page();
    let updated = updated(corpus, entries);

    let site = &corpus.site;
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
    x.line("generator", "folio-publish");
    let full = is_full(feed);
    for a in entries {
        entry(&mut x, corpus, urls, a, full)?;
    }
    x.raw("</feed>\n");
    Ok(x.0)
}

fn entry(
    x: &mut Xml,
    corpus: &Corpus,
    urls: &Urls,
    a: &ArticleSummary,
    full: bool,
) -> Result<(), String> {
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
    } else if !full {
        x.line("summary", &a.headline);
    }
    if !full {
        x.raw("</entry>\n");
        return Ok(());
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
