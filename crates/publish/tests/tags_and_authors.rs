//! Tag and author pages: every tag and every author of the corpus gets a
//! listing (JSON), an entry page per page of it with the right cards, an
//! Atom feed and a place in the sitemap; articles link their tags and
//! authors there. Names that differ only in case or accents share a page,
//! shown under the spelling of the newest article.

mod common;

use common::{built_site, meta, run, site_step, succeeded, text, Scratch};
use roxmltree::Document;
use scraper::{Html, Selector};

/// The good fixture (page size 2) with three more articles on trade by Ana
/// Souza: a brief, the newest story, spelling its tag "Trade", and two older
/// news pieces, one with a tag that has no page ("&").
fn site(name: &str) -> Scratch {
    let site = built_site(name, "good", "loader");
    let articles = [
        (
            "trade-brief",
            r#"{"slug":"trade-brief","section":"economy","kind":"brief","headline":"Tariff brief",
                "authors":["Ana Souza"],"published":"2026-11-04T08:00:00Z","tags":["Trade"],
                "body":"Tariffs rose again."}"#,
        ),
        (
            "trade-two",
            r#"{"slug":"trade-two","section":"economy","kind":"news","headline":"Older trade story",
                "dek":"Before the tariffs.","authors":["ana  souza "],"published":"2026-10-01T08:00:00Z",
                "tags":["trade","&"],"body":"Trade was calm."}"#,
        ),
        (
            "trade-three",
            r#"{"slug":"trade-three","section":"economy","kind":"news","headline":"Oldest trade story",
                "dek":"Long before.","authors":["Ana Souza"],"published":"2026-09-01T08:00:00Z",
                "tags":["trade"],"body":"Trade was calmer."}"#,
        ),
    ];
    for dir in [site.content(), site.dist().join("content")] {
        for (slug, json) in articles {
            std::fs::write(dir.join(format!("articles/{slug}.json")), json).unwrap();
        }
    }
    succeeded(&run(&["content", "--content", text(&site.content())], &[]));
    site_step(&site, &["--no-precompress", "--no-og-images"], &[]);
    site
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn hrefs(doc: &Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .filter_map(|e| e.value().attr("href").map(str::to_owned))
        .collect()
}

/// The articles a listing page shows, by the links of their headlines.
fn listed(doc: &Html) -> Vec<String> {
    hrefs(
        doc,
        ".listing-stories .card-headline a, .listing-stories .brief-headline a",
    )
}

fn listing_json(site: &Scratch, file: &str) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(site.content().join("listings").join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}")),
    )
    .unwrap()
}

fn slugs(page: &serde_json::Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap())
        .collect()
}

#[test]
fn every_tag_and_author_has_a_listing_with_briefs_too() {
    let site = site("tag-listings");
    let first = listing_json(&site, "tag/trade/1.json");
    assert_eq!(first["listing"], "tag/trade");
    assert_eq!(
        (first["total"].as_u64(), first["pages"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(slugs(&first), ["trade-brief", "tariffs-q-and-a"]);
    let second = listing_json(&site, "tag/trade/2.json");
    assert_eq!(slugs(&second), ["trade-two", "trade-three"]);
    // Pages after the first do not count the listing: they never change.
    assert_eq!(
        (second.get("total"), second["newer"].as_u64()),
        (None, Some(1))
    );
    assert_eq!(
        slugs(&listing_json(&site, "tag/brasil-mercosur/1.json")),
        ["tariffs-q-and-a"]
    );
    // "Ana Souza" and "ana  souza " are one author.
    let ana = listing_json(&site, "author/ana-souza/1.json");
    assert_eq!(ana["total"], 4);
    assert_eq!(
        slugs(&listing_json(&site, "author/jose-alvarez/1.json")),
        ["tariffs-q-and-a"]
    );
    // A tag without a letter or digit has no listing.
    let tags: Vec<_> = std::fs::read_dir(site.content().join("listings/tag"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(tags, ["brasil-mercosur", "ports", "trade"]);
}

#[test]
fn a_tag_page_lists_its_articles_newest_first_over_numbered_pages() {
    let site = site("tag-pages");
    let html = site.read("tags/trade.html");
    // The newest article's spelling names the page.
    assert!(
        html.contains("<title>Articles tagged “Trade” — Folio &amp; Friends</title>"),
        "{html}"
    );
    assert_eq!(
        meta(&html, "name", "description"),
        Some("Every article tagged “Trade”, newest first.")
    );
    assert!(html.contains(r#"<link rel="canonical" href="https://folio.example/tags/trade">"#));
    assert!(html.contains(
        r#"<link rel="alternate" type="application/atom+xml" title="Folio &amp; Friends — Articles tagged “Trade”" href="https://folio.example/feeds/tags/trade.xml">"#
    ), "{html}");
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "main h1"), ["Articles tagged “Trade”"]);
    assert_eq!(
        select(&doc, "main [data-page='/tags/trade']").len(),
        1,
        "the app knows which page this is"
    );
    assert_eq!(
        listed(&doc),
        ["/articles/trade-brief", "/articles/tariffs-q-and-a"]
    );
    assert_eq!(
        select(&doc, ".listing-stories .brief").len(),
        1,
        "briefs show as briefs"
    );
    assert_eq!(
        hrefs(
            &doc,
            ".listing-pager a.more-button[data-listing='tag/trade'][data-next='2']"
        ),
        ["/tags/trade/2"]
    );

    let second = site.read("tags/trade/2.html");
    assert!(
        second.contains("<title>Articles tagged “Trade”, page 2 — Folio &amp; Friends</title>"),
        "{second}"
    );
    assert!(second.contains(r#"<link rel="canonical" href="https://folio.example/tags/trade/2">"#));
    let doc = Html::parse_document(&second);
    assert_eq!(
        listed(&doc),
        ["/articles/trade-two", "/articles/trade-three"]
    );
    assert_eq!(
        hrefs(&doc, ".listing-pager a.listing-newer"),
        ["/tags/trade"]
    );
    assert_eq!(
        texts(&doc, ".listing-count"),
        ["Stories from 1 September 2026 to 1 October 2026"]
    );

    let doc = Html::parse_document(&site.read("tags/brasil-mercosur.html"));
    assert_eq!(
        texts(&doc, "main h1"),
        ["Articles tagged “brasil & mercosur”"]
    );
    assert_eq!(listed(&doc), ["/articles/tariffs-q-and-a"]);
    assert_eq!(select(&doc, ".listing-pager a").len(), 0, "one page only");
    for none in ["tags/.html", "tags/-.html", "tags/trade/3.html"] {
        assert!(!site.dist().join(none).exists(), "{none}");
    }
}

#[test]
fn an_author_page_lists_every_piece_by_them() {
    let site = site("author-pages");
    let html = site.read("authors/jose-alvarez.html");
    assert!(html.contains("<title>Articles by José Álvarez — Folio &amp; Friends</title>"));
    assert!(html.contains(
        r#"<link rel="alternate" type="application/atom+xml" title="Folio &amp; Friends — Articles by José Álvarez" href="https://folio.example/feeds/authors/jose-alvarez.xml">"#
    ), "{html}");
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "main h1"), ["Articles by José Álvarez"]);
    assert_eq!(listed(&doc), ["/articles/tariffs-q-and-a"]);

    let doc = Html::parse_document(&site.read("authors/ana-souza.html"));
    assert_eq!(texts(&doc, "main h1"), ["Articles by Ana Souza"]);
    assert_eq!(
        listed(&doc),
        ["/articles/trade-brief", "/articles/tariffs-q-and-a"]
    );
    let doc = Html::parse_document(&site.read("authors/ana-souza/2.html"));
    assert_eq!(
        listed(&doc),
        ["/articles/trade-two", "/articles/trade-three"]
    );
    assert!(site.dist().join("authors/a-writer.html").is_file());
}

#[test]
fn articles_link_their_tags_and_authors() {
    let site = site("tag-links");
    let doc = Html::parse_document(&site.read("articles/tariffs-q-and-a.html"));
    assert_eq!(
        texts(&doc, ".byline-authors"),
        ["By Ana Souza and José Álvarez"]
    );
    assert_eq!(
        hrefs(&doc, ".byline-authors a"),
        ["/authors/ana-souza", "/authors/jose-alvarez"]
    );
    assert_eq!(
        texts(&doc, "ul.tags li.tag"),
        ["trade", "brasil & mercosur"]
    );
    assert_eq!(
        hrefs(&doc, "ul.tags li.tag a"),
        ["/tags/trade", "/tags/brasil-mercosur"]
    );
    // A tag without a page stays text.
    let doc = Html::parse_document(&site.read("articles/trade-two.html"));
    assert_eq!(texts(&doc, "ul.tags li.tag"), ["trade", "&"]);
    assert_eq!(hrefs(&doc, "ul.tags li.tag a"), ["/tags/trade"]);
    assert_eq!(hrefs(&doc, ".byline-authors a"), ["/authors/ana-souza"]);
}

use common::atom_children as children;
use common::atom_text as child_text;
use common::ATOM;

/// The feed's title, its page and its entries' article slugs, checking what
/// Atom requires of the feed and of each entry.
fn read_feed(xml: &str) -> (String, String, Vec<String>) {
    let doc = Document::parse(xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    for required in ["id", "title", "updated"] {
        assert_eq!(children(feed, required).len(), 1, "feed {required}");
    }
    let self_link: Vec<_> = children(feed, "link")
        .into_iter()
        .filter(|l| l.attribute("rel") == Some("self"))
        .collect();
    assert_eq!(self_link.len(), 1);
    let entries = children(feed, "entry");
    let slugs = entries
        .iter()
        .map(|e| {
            for required in ["id", "title", "updated"] {
                assert_eq!(children(*e, required).len(), 1, "entry {required}");
            }
            // A body, or (topic feeds) a summary.
            assert!(
                children(*e, "content").len() == 1 || children(*e, "summary").len() == 1,
                "entry content or summary"
            );
            let id = child_text(*e, "id");
            let alternate = children(*e, "link")[0].attribute("href").unwrap();
            assert_eq!(id, alternate);
            id.strip_prefix("https://folio.example/articles/")
                .unwrap()
                .to_owned()
        })
        .collect();
    (
        child_text(feed, "title").to_owned(),
        child_text(feed, "id").to_owned(),
        slugs,
    )
}

#[test]
fn each_tag_and_author_has_a_valid_atom_feed() {
    let site = site("tag-feeds");
    let (title, id, entries) = read_feed(&site.read("feeds/tags/trade.xml"));
    assert_eq!(title, "Folio & Friends — Articles tagged “Trade”");
    assert_eq!(id, "https://folio.example/tags/trade");
    assert_eq!(
        entries,
        ["trade-brief", "tariffs-q-and-a", "trade-two", "trade-three"]
    );
    let xml = site.read("feeds/tags/trade.xml");
    assert!(
        xml.contains(r#"<link rel="self" type="application/atom+xml" href="https://folio.example/feeds/tags/trade.xml"/>"#),
        "{xml}"
    );
    assert!(xml.contains("<updated>2026-11-04T08:00:00Z</updated>"));
    // Topic feeds carry summaries and links, not whole bodies.
    assert!(
        !xml.contains("<content") && xml.contains("<summary>"),
        "{xml}"
    );

    let (title, id, entries) = read_feed(&site.read("feeds/authors/jose-alvarez.xml"));
    assert_eq!(title, "Folio & Friends — Articles by José Álvarez");
    assert_eq!(id, "https://folio.example/authors/jose-alvarez");
    assert_eq!(entries, ["tariffs-q-and-a"]);
    let (_, _, entries) = read_feed(&site.read("feeds/authors/ana-souza.xml"));
    assert_eq!(
        entries,
        ["trade-brief", "tariffs-q-and-a", "trade-two", "trade-three"]
    );
    let (_, _, entries) = read_feed(&site.read("feeds/tags/brasil-mercosur.xml"));
    assert_eq!(entries, ["tariffs-q-and-a"]);
    // The section feeds are where they were.
    let (title, _, _) = read_feed(&site.read("feeds/latin-america.xml"));
    assert_eq!(title, "Folio & Friends — América Latina");
    assert!(site
        .read("feeds/latin-america.xml")
        .contains("<content type=\"html\">"));
}

#[test]
fn the_sitemap_lists_every_tag_and_author_page() {
    let site = site("tag-sitemap");
    let xml = site.read("sitemap.xml");
    let doc = Document::parse(&xml).unwrap();
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let lastmod: std::collections::BTreeMap<String, String> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((ns, "url")))
        .map(|u| {
            let child = |name| {
                u.children()
                    .find(|n| n.has_tag_name((ns, name)))
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            (child("loc"), child("lastmod"))
        })
        .collect();
    for (page, newest) in [
        ("tags/trade", "2026-11-04T08:00:00Z"),
        ("tags/brasil-mercosur", "2026-11-03T10:00:00+01:00"),
        ("tags/ports", "2026-10-30T08:00:00Z"),
        ("authors/ana-souza", "2026-11-04T08:00:00Z"),
        ("authors/jose-alvarez", "2026-11-03T10:00:00+01:00"),
        ("authors/a-writer", "2026-10-30T08:00:00Z"),
    ] {
        let loc = format!("https://folio.example/{page}");
        assert_eq!(
            lastmod.get(&loc).map(String::as_str),
            Some(newest),
            "{page}"
        );
    }
    let tag_pages = lastmod
        .keys()
        .filter(|l| l.contains("/tags/") || l.contains("/authors/"))
        .count();
    assert_eq!(tag_pages, 6, "page 1 of each, nothing else: {xml}");
}
