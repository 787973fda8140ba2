//! Feeds and sitemap: well-formed XML (checked by a real parser), absolute
//! links, escaped text that reads back as written, newest first.

mod common;

use common::{built_site, site_step};
use roxmltree::Document;

use common::atom_children as children;
use common::atom_text as text;
use common::ATOM;

#[test]
fn the_site_feed_is_valid_atom_with_every_story_newest_first() {
    let site = built_site("feed", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    let xml = site.read("feed.xml");
    let doc = Document::parse(&xml).expect("feed.xml is well-formed");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert_eq!(text(feed, "title"), "Folio & Friends");
    assert_eq!(text(feed, "updated"), "2026-11-03T10:00:00+01:00");
    let links = children(feed, "link");
    assert!(links.iter().any(|l| l.attribute("rel") == Some("self")
        && l.attribute("href") == Some("https://folio.example/feed.xml")));

    let entries = children(feed, "entry");
    let slugs: Vec<_> = entries
        .iter()
        .map(|e| text(*e, "id").rsplit('/').next().unwrap())
        .collect();
    assert_eq!(slugs, ["tariffs-q-and-a", "quiet-brief", "port-plan"]);
    let first = entries[0];
    assert_eq!(
        text(first, "title"),
        "Q&A: \"Tariffs\" <b>up</b> in São Paulo — what's next?"
    );
    assert_eq!(
        text(first, "id"),
        "https://folio.example/articles/tariffs-q-and-a"
    );
    assert_eq!(
        children(first, "link")[0].attribute("href"),
        Some("https://folio.example/articles/tariffs-q-and-a")
    );
    assert_eq!(text(first, "published"), "2026-11-02T09:30:00Z");
    assert_eq!(text(first, "updated"), "2026-11-03T10:00:00+01:00");
    let authors: Vec<_> = children(first, "author")
        .iter()
        .map(|a| text(*a, "name"))
        .collect();
    assert_eq!(authors, ["Ana Souza", "José Álvarez"]);
    let terms: Vec<_> = children(first, "category")
        .iter()
        .filter_map(|c| c.attribute("term"))
        .collect();
    assert_eq!(terms, ["latin-america", "trade", "brasil & mercosur"]);
    let content = children(first, "content")[0];
    assert_eq!(content.attribute("type"), Some("html"));
    let html = content.text().unwrap();
    assert!(
        html.contains("<p>Exporters are <em>waiting</em>.</p>"),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"https://folio.example/images/port.svg\""),
        "hero first, absolute: {html}"
    );
    assert!(
        html.contains("<a href=\"https://example.org/?a=1&amp;b=2\""),
        "{html}"
    );
    assert!(
        !html.contains("<script") && !html.contains("href=\"javascript"),
        "{html}"
    );
}

#[test]
fn each_section_has_its_own_feed() {
    let site = built_site("section-feeds", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    for (section, count) in [("latin-america", 1), ("economy", 2)] {
        let xml = site.read(&format!("feeds/{section}.xml"));
        let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("feeds/{section}.xml: {e}"));
        assert_eq!(
            children(doc.root_element(), "entry").len(),
            count,
            "{section}"
        );
        assert_eq!(
            text(doc.root_element(), "id"),
            format!("https://folio.example/sections/{section}")
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_with_its_last_change() {
    let site = built_site("sitemap", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    let xml = site.read("sitemap.xml");
    let doc = Document::parse(&xml).expect("sitemap.xml is well-formed");
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assert!(doc.root_element().has_tag_name((ns, "urlset")));
    let entries: Vec<(String, Option<String>)> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((ns, "url")))
        .map(|u| {
            let child = |name| {
                u.children()
                    .find(|n| n.has_tag_name((ns, name)))
                    .and_then(|n| n.text())
                    .map(str::to_owned)
            };
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect();
    let locs: Vec<&str> = entries.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        locs,
        [
            // Articles oldest first, then listing pages: a new article and
            // the pages it changes go at the end (the last file of a large
            // sitemap), leaving the rest as it was.
            "https://folio.example/articles/port-plan",
            "https://folio.example/articles/quiet-brief",
            "https://folio.example/articles/tariffs-q-and-a",
            "https://folio.example/",
            "https://folio.example/latest",
            "https://folio.example/sections/latin-america",
            "https://folio.example/sections/economy",
            "https://folio.example/kinds/analysis",
            "https://folio.example/kinds/news",
            "https://folio.example/kinds/brief",
            "https://folio.example/tags/brasil-mercosur",
            "https://folio.example/tags/ports",
            "https://folio.example/tags/trade",
            "https://folio.example/authors/a-writer",
            "https://folio.example/authors/ana-souza",
            "https://folio.example/authors/jose-alvarez",
        ]
    );
    assert_eq!(entries[3].1.as_deref(), Some("2026-11-03T10:00:00+01:00"));
    assert_eq!(entries[6].1.as_deref(), Some("2026-11-01T12:00:00Z"));
    // A tag's or author's page changed when its newest article did.
    assert_eq!(entries[11].1.as_deref(), Some("2026-10-30T08:00:00Z"));
    assert_eq!(entries[15].1.as_deref(), Some("2026-11-03T10:00:00+01:00"));
    assert!(site
        .read("robots.txt")
        .contains("\nSitemap: https://folio.example/sitemap.xml\n"));
}
