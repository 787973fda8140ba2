//! Entry pages: every article, section, kind, "latest", the front page and
//! the not-found page get a static HTML file with the right title,
//! description, canonical URL and share tags, and the same app loader.

mod common;

use common::{built_site, meta, site_step};
use scraper::{Html, Selector};

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
    // Nothing competes with the page's own text and images.
    assert!(
        !page.contains("rel=\"preload\"") && !page.contains("rel=preload"),
        "{page}"
    );
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
fn the_loader_head_is_kept_and_the_app_starts_after_the_page_has_loaded() {
    let site = built_site("loader-kept", "good", "loader");
    let loader = std::fs::read_to_string(common::fixture("loader/index.html")).unwrap();
    site_step(&site, &["--no-precompress"], &[]);
    let page = site.read(TRICKY);
    for stylesheet in loader.match_indices("rel=stylesheet") {
        let tag_start = loader[..stylesheet.0].rfind('<').unwrap();
        assert!(page.contains(&loader[tag_start..stylesheet.0]));
    }
    assert!(page.contains("<base href=/>"));
    // Trunk's boot script, which fetches the wasm as soon as the document
    // is parsed, is replaced by one that waits for the page's load event.
    assert!(
        !page.contains("await init") && !page.contains("modulepreload"),
        "{page}"
    );
    // The loader is a file (no inline script for the security policy to
    // allow), named by its content like trunk's bundles.
    let start = page.find("data-folio-loader src=\"").expect("the loader")
        + "data-folio-loader src=\"".len();
    let file = &page[start..start + page[start..].find('"').unwrap()];
    assert!(file.starts_with("boot-") && file.ends_with(".js"), "{file}");
    let script = site.read(file);
    assert!(
        script.contains("import('/folio-968a753096cb1b33.js')"),
        "{script}"
    );
    assert!(script.contains("module_or_path: '/folio-968a753096cb1b33_bg.wasm'"));
    assert!(script.contains("addEventListener('load', ready, { once: true })"));
    assert!(script.contains("getEntriesByName('first-contentful-paint')"));
    assert!(!page.contains("<style>"), "no inline style: {page}");
    // One inline script: the reading settings applied before the first
    // paint, first in <head> after the policies, and allowed by its digest.
    let inline: Vec<&str> = page
        .match_indices("<script")
        .map(|(i, _)| &page[i..])
        .filter(|s| !s.starts_with("<script type=\"module\""))
        .collect();
    assert_eq!(inline.len(), 1, "{page}");
    assert!(
        inline[0].starts_with("<script data-folio-settings>"),
        "{page}"
    );
    assert!(page.find("data-folio-settings") < page.find("<title>"));
    let body =
        &inline[0]["<script data-folio-settings>".len()..inline[0].find("</script>").unwrap()];
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body));
    assert!(
        page.contains(&format!("&#39;sha256-{digest}&#39;")),
        "the policy allows exactly that script"
    );
    assert!(
        !page.contains("id=boot"),
        "no placeholder: the page is there"
    );
}

#[test]
fn an_article_page_reads_fully_without_the_app() {
    let site = built_site("article-body", "good", "loader");
    site_step(&site, &["--no-precompress"], &[]);
    let page = Html::parse_document(&site.read(TRICKY));
    let text = |css: &str| -> Vec<String> {
        page.select(&Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        text("main#main > div.page[data-page='/articles/tariffs-q-and-a'] h1.headline"),
        ["Q&A: \"Tariffs\" <b>up</b> in São Paulo — what's next?"]
    );
    assert_eq!(text(".article-body p")[0], "Exporters are waiting.");
    assert_eq!(
        page.select(&Selector::parse(".article-body img[width='12'][height='7']").unwrap())
            .count(),
        1,
        "a body image gets its size from the file"
    );
    assert_eq!(text(".byline-authors"), ["By Ana Souza and José Álvarez"]);
    assert_eq!(text(".byline time")[0], "2 November 2026");
    assert_eq!(
        text(".sections-nav a"),
        ["América Latina", "Global Economy"]
    );
    assert_eq!(
        text("aside.rail .rail-related .card-headline a"),
        ["A port plan"]
    );
    // The site's newest stories are the app's to put in the rail (one file
    // for every page: publishing a story does not rewrite every article);
    // without it, the rail links to them.
    assert_eq!(
        text("aside.rail .rail-news a"),
        ["Latest stories", "Briefs"]
    );
    let news = Html::parse_fragment(&site.read("content/listings/rail.html"));
    let briefs: Vec<String> = news
        .select(&Selector::parse(".rail-briefs [data-rail-item] .brief-headline a").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(briefs, ["Copper at a record"]);
    assert_eq!(text(".tags li"), ["trade", "brasil & mercosur"]);
    assert_eq!(
        text("footer.site-footer p"),
        ["Folio & Friends — Independent analysis, readable offline"]
    );
    // The hero keeps its space before it loads.
    let img = page
        .select(&Selector::parse("figure.hero img").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        (img.value().attr("width"), img.value().attr("height")),
        (Some("1200"), Some("675"))
    );
    // The security policy is the page's first word on what may load.
    let policy = page
        .select(&Selector::parse("meta[http-equiv='Content-Security-Policy']").unwrap())
        .next()
        .and_then(|m| m.value().attr("content").map(str::to_owned))
        .expect("a policy");
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'")
            && !policy.contains("unsafe-inline"),
        "{policy}"
    );
    assert_eq!(
        site.read("security-policy.txt").trim(),
        format!("{policy}; frame-ancestors 'none'")
    );
    // No script came from the content.
    assert_eq!(
        page.select(&Selector::parse("body script").unwrap())
            .count(),
        0
    );
    // The editor's related pick leads the rail.
    assert_eq!(
        text("aside.rail .rail-related .card-headline a")[0],
        "A port plan"
    );
}

#[test]
fn every_page_of_a_listing_gets_an_entry_page_with_image_sizes_from_the_files() {
    let site = common::Scratch::new("sample-pages");
    common::copy_dir(&common::sample_content(), &site.content());
    common::copy_dir(
        &common::sample_content().join("../images"),
        &site.path().join("public/images"),
    );
    common::succeeded(&common::run(
        &["content", "--content", common::text(&site.content())],
        &[],
    ));
    common::copy_dir(&site.path().join("public"), &site.dist());
    std::fs::copy(
        common::fixture("loader/index.html"),
        site.dist().join("index.html"),
    )
    .unwrap();
    site_step(&site, &["--no-precompress", "--no-og-images"], &[]);

    let latest: serde_json::Value =
        serde_json::from_str(&site.read("content/listings/latest/1.json")).unwrap();
    let pages = latest["pages"].as_u64().unwrap();
    assert!(pages >= 2, "the sample has more than one page of stories");
    let first = site.read("latest.html");
    assert!(
        first.contains(r#"<a class="button more-button" href="/latest/2""#),
        "{first}"
    );
    let second = site.read("latest/2.html");
    assert!(
        second.contains("<title>Latest, page 2 — Folio</title>"),
        "{second}"
    );
    assert!(second.contains(r#"<link rel="canonical" href="https://folio.example/latest/2">"#));
    assert!(
        second.contains(r#"href="/latest"><span data-t="NewerStories">Newer stories</span></a>"#)
    );
    let page2: serde_json::Value =
        serde_json::from_str(&site.read("content/listings/latest/2.json")).unwrap();
    let headline = page2["items"][0]["headline"].as_str().unwrap();
    assert!(second.contains(&escape(headline)), "{headline}");

    // Body images carry their size, read from the SVG.
    let article = site.read("articles/gulf-desalination-water-security.html");
    let doc = Html::parse_document(&article);
    let img = doc
        .select(&Selector::parse(".article-body img").unwrap())
        .next()
        .expect("the article has a chart");
    assert!(
        img.value().attr("width").is_some() && img.value().attr("height").is_some(),
        "{}",
        img.html()
    );

    // The app shell for offline and unknown paths has the frame and no page.
    let shell = site.read("shell.html");
    assert!(
        shell.contains("<header class=\"masthead\">") && !shell.contains("data-page="),
        "{shell}"
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    assert!(not_found.contains("<script type=\"module\" data-folio-loader"));
    assert!(not_found.contains(r#"<h1><span data-t="PageNotFound">Page not found</span></h1>"#));
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
