//! Entry pages: every article, section, kind, "latest", the front page and
//! the not-found page get a static HTML file with the right title,
//! description, canonical URL and share tags, and the same app loader.

mod common;

use common::{built_site, meta, site_step};

const TRICKY: &str = "articles/tariffs-q-and-a.html";

#[test]
fn an_article_page_carries_escaped_share_tags() {
    let site = built_site("article-tags", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    let page = site.read(TRICKY);

    let headline =
        "Q&amp;A: &quot;Tariffs&quot; &lt;b&gt;up&lt;/b&gt; in São Paulo — what&#39;s next?";
    assert!(
        page.contains(&format!("<title>{headline} — Folio &amp; Friends</title>")),
        "{page}"
    );
    assert_eq!(meta(&page, "property", "og:title"), Some(headline));
    assert_eq!(meta(&page, "name", "twitter:title"), Some(headline));
    let dek = "Exporters in São Paulo say &#39;wait &amp; see&#39;; &lt;script&gt;alert(1)&lt;/script&gt; is not a plan.";
    assert_eq!(meta(&page, "name", "description"), Some(dek));
    assert_eq!(meta(&page, "property", "og:description"), Some(dek));
    assert_eq!(meta(&page, "name", "twitter:description"), Some(dek));
    let url = "https://folio.example/articles/tariffs-q-and-a";
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
    // The article's own file starts downloading with the wasm.
    assert!(page.contains(
        "<link rel=\"preload\" href=\"content/articles/tariffs-q-and-a.json\" as=\"fetch\" crossorigin=\"anonymous\">"
    ), "{page}");
    assert_eq!(meta(&page, "property", "og:url"), Some(url));
    assert_eq!(meta(&page, "property", "og:type"), Some("article"));
    assert_eq!(
        meta(&page, "property", "og:site_name"),
        Some("Folio &amp; Friends")
    );
    // The SVG hero is shown as its PNG rendering (see og_images.rs).
    let image = "https://folio.example/images/og/tariffs-q-and-a.png";
    assert_eq!(meta(&page, "property", "og:image"), Some(image));
    assert_eq!(meta(&page, "name", "twitter:image"), Some(image));
    let alt = "Cranes at the &quot;new&quot; port &amp; the bay";
    assert_eq!(meta(&page, "property", "og:image:alt"), Some(alt));
    assert_eq!(meta(&page, "name", "twitter:image:alt"), Some(alt));
    assert_eq!(meta(&page, "property", "og:image:width"), Some("1200"));
    assert_eq!(
        meta(&page, "name", "twitter:card"),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(&page, "property", "article:published_time"),
        Some("2026-11-02T09:30:00Z")
    );
    assert_eq!(
        meta(&page, "property", "article:modified_time"),
        Some("2026-11-03T10:00:00+01:00")
    );
    assert_eq!(
        meta(&page, "property", "article:section"),
        Some("América Latina")
    );
    assert!(page.contains("<meta property=\"article:tag\" content=\"trade\"><meta property=\"article:tag\" content=\"brasil &amp; mercosur\">"));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Folio &amp; Friends — América Latina\" \
         href=\"https://folio.example/feeds/latin-america.xml\">"
    ));
    assert!(page.starts_with("<!doctype html><html lang=\"pt-BR\">"));
    // Nothing from the content became markup.
    assert!(!page.contains("<b>") && !page.contains("<script>alert"));
    assert_eq!(page.matches("<title>").count(), 1);
}

#[test]
fn the_app_loader_is_kept_so_the_app_boots_there() {
    let site = built_site("loader-kept", "good", "loader");
    let loader = std::fs::read_to_string(common::fixture("loader/index.html")).unwrap();
    site_step(&site, &["--no-precompress"], &[]);
    let page = site.read(TRICKY);
    let boot_script =
        &loader[loader.find("<script type=module>").unwrap()..loader.find("</head>").unwrap()];
    assert!(
        page.contains(boot_script),
        "the boot script and preloads must be untouched"
    );
    for stylesheet in loader.match_indices("rel=stylesheet") {
        let tag_start = loader[..stylesheet.0].rfind('<').unwrap();
        assert!(page.contains(&loader[tag_start..stylesheet.0]));
    }
    assert!(page.contains("<base href=/>"));
    assert!(page.contains("<body><div aria-hidden=true class=boot id=boot>"));
}

#[test]
fn articles_without_image_or_dek_fall_back_sensibly() {
    let site = built_site("fallbacks", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    let page = site.read("articles/port-plan.html");
    assert_eq!(meta(&page, "name", "twitter:card"), Some("summary"));
    assert_eq!(meta(&page, "property", "og:image"), None);
    assert_eq!(
        meta(&page, "name", "description"),
        Some("Independent analysis, readable offline")
    );
    let brief = site.read("articles/quiet-brief.html");
    assert_eq!(
        meta(&brief, "name", "description"),
        Some("Copper hit a record on Friday as grid demand grew. Traders expect more.")
    );
    assert_eq!(meta(&brief, "name", "author"), None);
}

#[test]
fn listing_pages_the_front_page_and_not_found_get_their_own_tags() {
    let site = built_site("listing-pages", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);

    let section = site.read("sections/latin-america.html");
    assert!(section.contains("<title>América Latina — Folio &amp; Friends</title>"));
    assert_eq!(meta(&section, "property", "og:type"), Some("website"));
    assert_eq!(
        meta(&section, "property", "og:url"),
        Some("https://folio.example/sections/latin-america")
    );
    assert_eq!(
        meta(&section, "name", "description"),
        Some("Politics &amp; trade from the Río Grande to Tierra del Fuego.")
    );
    let economy = site.read("sections/economy.html");
    assert_eq!(
        meta(&economy, "name", "description"),
        Some("Independent analysis, readable offline")
    );

    let latest = site.read("latest.html");
    assert!(latest.contains("<title>Latest — Folio &amp; Friends</title>"));
    assert_eq!(
        meta(&latest, "property", "og:url"),
        Some("https://folio.example/latest")
    );

    for kind in ["analysis", "news", "brief"] {
        assert!(
            site.dist().join(format!("kinds/{kind}.html")).is_file(),
            "{kind}"
        );
    }
    assert!(
        !site.dist().join("kinds/opinion.html").exists(),
        "no opinion pieces, so no listing page"
    );

    let home = site.read("index.html");
    assert!(home.contains("<title>Folio &amp; Friends</title>"));
    assert_eq!(meta(&home, "property", "og:type"), Some("website"));
    assert_eq!(
        meta(&home, "property", "og:url"),
        Some("https://folio.example/")
    );
    assert_eq!(
        meta(&home, "name", "description"),
        Some("Independent analysis, readable offline")
    );
    assert_eq!(
        home.matches("name=\"description\"").count() + home.matches("name=description").count(),
        1
    );

    for (file, title) in [("library.html", "Your library"), ("search.html", "Search")] {
        let page = site.read(file);
        assert!(page.contains(&format!("<title>{title} — Folio &amp; Friends</title>")));
        assert_eq!(meta(&page, "name", "robots"), Some("noindex"), "{file}");
    }
    let not_found = site.read("404.html");
    assert_eq!(meta(&not_found, "name", "robots"), Some("noindex"));
    assert_eq!(meta(&not_found, "property", "og:url"), None);
    assert!(not_found.contains("<script type=module>"));
    assert!(site.read("content/404.html").contains("noindex"));
}

#[test]
fn running_twice_gives_the_same_files_and_drops_stale_pages() {
    let site = built_site("twice", "good", "loader");
    std::fs::create_dir_all(site.dist().join("articles")).unwrap();
    std::fs::write(site.dist().join("articles/deleted-story.html"), "old").unwrap();
    site_step(&site, &["--no-precompress"], &[]);
    assert!(!site.dist().join("articles/deleted-story.html").exists());
    let (home, article) = (site.read("index.html"), site.read(TRICKY));
    site_step(&site, &["--no-precompress"], &[]);
    assert_eq!(site.read("index.html"), home);
    assert_eq!(site.read(TRICKY), article);
}

#[test]
fn precompressed_siblings_are_written_unless_turned_off() {
    let site = built_site("precompress", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    assert!(!site.dist().join("index.html.gz").exists());
    site_step(&site, &[], &[]);
    for sibling in ["index.html.gz", "index.html.br", TRICKY] {
        assert!(site.dist().join(sibling).is_file(), "{sibling}");
    }
    assert!(
        !site.dist().join("robots.txt.gz").exists(),
        "files under 1 KiB are left alone"
    );
    let off = built_site("precompress-env", "good", "loader");
    site_step(&off, &[], &[("FOLIO_PRECOMPRESS", "0")]);
    assert!(!off.dist().join("index.html.br").exists());
}
