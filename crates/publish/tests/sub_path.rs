//! A site served under a path prefix (`/news/`): trunk's `--public-url
//! /news/` sets the loader's `<base href>` and asset URLs, and the base URL
//! (site.json, `--base-url` or `FOLIO_BASE_URL`) makes every absolute link.

mod common;

use common::{built_site, meta, site_step};

#[test]
fn every_absolute_url_carries_the_prefix() {
    let site = built_site("news-flag", "good", "loader-news");
    let stderr = site_step(
        &site,
        &[
            "--no-precompress",
            "--base-url",
            "https://magazine.example/news",
        ],
        &[],
    );
    assert!(!stderr.contains("warning"), "{stderr}");

    let page = site.read("articles/tariffs-q-and-a.html");
    let url = "https://magazine.example/news/articles/tariffs-q-and-a";
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
    assert_eq!(meta(&page, "property", "og:url"), Some(url));
    assert_eq!(
        meta(&page, "property", "og:image"),
        Some("https://magazine.example/news/images/og/tariffs-q-and-a.png")
    );
    assert!(page.contains("href=\"https://magazine.example/news/feed.xml\""));
    // The loader's own URLs are trunk's, prefix included, and stay as built.
    assert!(page.contains("<base href=/news/>"));
    assert!(page.contains("data-js=\"/news/folio-"));
    // The page's own links stay under the prefix.
    assert!(page.contains(r#"<a class="kicker-section" href="/news/sections/latin-america">"#));
    assert!(page.contains(r#"<div class="page" data-page="/news/articles/tariffs-q-and-a">"#));
    assert!(page.contains(r#"<a class="wordmark" href="/news/">"#));

    let home = site.read("index.html");
    assert_eq!(
        meta(&home, "property", "og:url"),
        Some("https://magazine.example/news/")
    );
    let feed = site.read("feed.xml");
    assert!(feed.contains("<id>https://magazine.example/news/articles/tariffs-q-and-a</id>"));
    // A root-relative link in a body stays under the prefix: feed readers
    // resolve it against the host, not against xml:base's path.
    assert!(
        feed.contains("href=&quot;/news/articles/tariffs-q-and-a&quot;"),
        "{feed}"
    );
    assert!(site
        .read("sitemap.xml")
        .contains("<loc>https://magazine.example/news/sections/economy</loc>"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://magazine.example/news/sitemap.xml"));

    // The app builds share links from the deployed site.json: it must agree.
    let deployed: serde_json::Value =
        serde_json::from_str(&site.read("content/site.json")).unwrap();
    assert_eq!(deployed["base_url"], "https://magazine.example/news/");
    assert_eq!(deployed["name"], "Folio & Friends");
    let source = std::fs::read_to_string(site.content().join("site.json")).unwrap();
    assert!(
        source.contains("\"base_url\": \"https://folio.example/\""),
        "the source is left alone"
    );
}

#[test]
fn the_environment_can_set_the_base_url() {
    let site = built_site("news-env", "good", "loader-news");
    site_step(
        &site,
        &["--no-precompress"],
        &[("FOLIO_BASE_URL", "https://magazine.example/news/")],
    );
    let page = site.read("sections/economy.html");
    assert_eq!(
        meta(&page, "property", "og:url"),
        Some("https://magazine.example/news/sections/economy")
    );
}

#[test]
fn a_prefix_mismatch_between_loader_and_base_url_is_warned_about() {
    let site = built_site("news-mismatch", "good", "loader-news");
    let stderr = site_step(&site, &["--no-precompress"], &[]);
    assert!(
        stderr.contains("warning") && stderr.contains("--public-url /"),
        "{stderr}"
    );
}
