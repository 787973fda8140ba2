//! `sitemap.xml` (every article, section, kind listing, tag, author,
//! "latest" and the front page, each with its last change) and `robots.txt` pointing at it.

use crate::at;
use crate::corpus::Corpus;
use crate::entry_pages::{listing_of, listing_pages};
use crate::escape::Xml;
use crate::listings::Groups;
use crate::outputs::Outputs;
use crate::urls::{Page, Urls, SITEMAP};
use folio_content::{ArticleSummary, Kind, Timestamp};

/// The sitemap protocol's limit of URLs per file; a larger site gets a
/// sitemap index at `sitemap.xml` and files `sitemaps/<n>.xml`.
pub(crate) const URLS_PER_FILE: usize = 50_000;

/// Whether an article shows on a listing page, for that page's `lastmod`.
fn lists(page: Page<'_>, a: &ArticleSummary) -> bool {
    match page {
        Page::Home => true,
        Page::Latest => a.kind != Kind::Brief,
        Page::Section(slug) => a.section == slug,
        Page::Kind(kind) => a.kind == kind,
        // Found through their listings (`entries`), not a scan per tag.
        Page::Tag(_) | Page::Author(_) => false,
        Page::Paged(..) | Page::Article(_) | Page::Library | Page::Search | Page::NotFound => false,
    }
}

/// Every URL with its last change: articles oldest first, then listing
/// pages. A new article and the listing pages that change with it are
/// then all in the last file of a split sitemap, and the other files stay
/// as they were.
fn entries<'a>(
    corpus: &'a Corpus,
    groups: &Groups<'a>,
    urls: &Urls,
) -> Vec<(String, Option<&'a Timestamp>)> {
    let mut entries: Vec<_> = corpus
        .articles
        .iter()
        .rev()
        .map(|a| (urls.page(Page::Article(&a.slug)), Some(a.last_modified())))
        .collect();
    entries.extend(listing_pages(corpus, groups).into_iter().map(|page| {
        let newest = match page {
            // Tags and authors can number thousands: their newest
            // article is the first of their listing.
            Page::Tag(_) | Page::Author(_) => listing_of(page)
                .and_then(|l| groups.get(&l.id()))
                .and_then(|g| g.items.iter().map(|a| a.last_modified()).max()),
            _ => corpus
                .articles
                .iter()
                .filter(|a| lists(page, a))
                .map(ArticleSummary::last_modified)
                .max(),
        };
        (urls.page(page), newest)
    }));
    entries
}

/// Writes the sitemap (split above `per_file` URLs) and `robots.txt`
/// through `outputs`; returns files and bytes written. They are made every
/// time (in a few milliseconds) and written only if they changed.
pub(crate) fn write(
    corpus: &Corpus,
    groups: &Groups<'_>,
    urls: &Urls,
    outputs: &Outputs<'_>,
    per_file: usize,
) -> Result<(usize, u64), String> {
    let entries = entries(corpus, groups, urls);
    let mut files: Vec<(String, String)> = Vec::new();
    if entries.len() <= per_file {
        files.push((SITEMAP.to_owned(), urlset(&entries)));
    } else {
        let mut index = Xml(String::new());
        index.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        index.raw("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (n, chunk) in entries.chunks(per_file).enumerate() {
            let file = format!("sitemaps/{}.xml", n + 1);
            index.raw("<sitemap>");
            index.element("loc", &format!("{}{file}", urls.base()));
            if let Some(newest) = chunk.iter().filter_map(|(_, t)| *t).max() {
                index.element("lastmod", newest.as_str());
            }
            index.raw("</sitemap>\n");
            files.push((file, urlset(chunk)));
        }
        index.raw("</sitemapindex>\n");
        files.push((SITEMAP.to_owned(), index.0));
    }
    // Crawlers read robots.txt only at the host's root: a site under /news/
    // must copy this Sitemap line into the host's own robots.txt.
    files.push((
        "robots.txt".to_owned(),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}{SITEMAP}\n",
            urls.base()
        ),
    ));
    let mut bytes = 0;
    for (file, text) in &files {
        bytes += outputs
            .write_made(file, text.as_bytes())
            .map_err(at(&outputs.path(file)))?;
    }
    Ok((files.len(), bytes))
}

/// One `<urlset>` file.
fn urlset(entries: &[(String, Option<&Timestamp>)]) -> String {
    let mut x = Xml(String::with_capacity(entries.len() * 120 + 200));
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (loc, lastmod) in entries {
        x.raw("<url>");
        x.element("loc", loc);
        if let Some(t) = lastmod {
            x.element("lastmod", t.as_str());
        }
        x.raw("</url>\n");
    }
    x.raw("</urlset>\n");
    x.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TempDir;

    #[test]
    fn a_large_site_gets_an_index_of_files_within_the_limit() {
        let temp = TempDir::new("sitemap");
        folio_corpus_gen::generate(temp.path(), 30, 3).unwrap();
        let corpus = crate::corpus::load(&temp.path().join("content")).unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let dist = temp.path().join("dist");
        let urls = Urls::new("https://m.example/news/");
        let groups = crate::listings::groups(&corpus);
        let none = crate::outputs::Record::default();
        let outputs = Outputs::new(&dist, 0, &none, false);
        write(&corpus, &groups, &urls, &outputs, 10).unwrap();

        let expected = listing_pages(&corpus, &groups).len() + corpus.articles.len();
        let index = std::fs::read_to_string(dist.join(SITEMAP)).unwrap();
        let index = roxmltree::Document::parse(&index).unwrap();
        assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
        let files: Vec<_> = index
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .map(|n| n.text().unwrap())
            .collect();
        assert_eq!(files.len(), expected.div_ceil(10));
        let mut locs = std::collections::HashSet::new();
        for file in files {
            let name = file.strip_prefix("https://m.example/news/").unwrap();
            let text = std::fs::read_to_string(dist.join(name)).unwrap();
            let doc = roxmltree::Document::parse(&text).unwrap();
            let urls: Vec<_> = doc
                .descendants()
                .filter(|n| n.has_tag_name("loc"))
                .collect();
            assert!(urls.len() <= 10);
            locs.extend(urls.iter().map(|n| n.text().unwrap().to_owned()));
        }
        assert_eq!(locs.len(), expected);
        assert!(locs.contains("https://m.example/news/latest"));
        let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
        assert!(robots.contains("Sitemap: https://m.example/news/sitemap.xml"));
    }
}
