//! Link-preview images: an article whose hero is an SVG gets a PNG rendering
//! at `images/og/<slug>.png`, which its entry page names as `og:image` with an
//! absolute URL; broken SVGs cost the article its preview image, never the
//! build; PNGs are rendered again only when their sources change.

mod common;

use common::{built_site, meta, run_site, succeeded, Scratch};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const SLUG: &str = "tariffs-q-and-a";
const PAGE: &str = "articles/tariffs-q-and-a.html";
const PNG: &str = "images/og/tariffs-q-and-a.png";

/// Runs the site step without precompression; returns (stdout, stderr).
fn step(site: &Scratch, extra: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut args = vec!["--no-precompress"];
    args.extend_from_slice(extra);
    let out = run_site(&site.content(), &site.dist(), &args, env);
    let stderr = succeeded(&out);
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// A PNG's size, colour type and first pixel, read by a real decoder.
fn decode(path: &Path) -> (u32, u32, png::ColorType, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    (
        info.width,
        info.height,
        info.color_type,
        pixels[..3].to_vec(),
    )
}

fn set_modified(path: &Path, seconds_after_epoch: u64) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds_after_epoch))
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// The fixture's hero, in the public directory the site step reads.
fn hero(site: &Scratch) -> PathBuf {
    site.path().join("public/images/port.svg")
}

#[test]
fn an_svg_hero_becomes_a_png_that_the_page_names_with_an_absolute_url() {
    let site = built_site("og-png", "good", "loader");
    let (stdout, stderr) = step(&site, &[], &[]);
    assert!(
        stdout.contains("preview images: 1 rendered, 0 up to date, 0 failed"),
        "{stdout}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");

    // port.svg is a 12x7 viewBox filled with #246: 1200x700, that colour.
    let (width, height, color, first) = decode(&site.dist().join(PNG));
    assert_eq!((width, height), (1200, 700));
    assert_eq!(color, png::ColorType::Rgb);
    assert_eq!(first, [0x22, 0x44, 0x66]);

    let page = site.read(PAGE);
    let url = format!("https://folio.example/{PNG}");
    assert_eq!(meta(&page, "property", "og:image"), Some(url.as_str()));
    assert_eq!(meta(&page, "name", "twitter:image"), Some(url.as_str()));
    assert_eq!(meta(&page, "property", "og:image:type"), Some("image/png"));
    assert_eq!(meta(&page, "property", "og:image:width"), Some("1200"));
    assert_eq!(meta(&page, "property", "og:image:height"), Some("700"));
    assert_eq!(
        meta(&page, "name", "twitter:card"),
        Some("summary_large_image")
    );
    // The feed keeps the SVG: feed readers show it, and it is the real image.
    assert!(site
        .read("feed.xml")
        .contains("https://folio.example/images/port.svg"));

    // Under a path prefix, the URL follows the base URL.
    let (_, _) = step(&site, &["--base-url", "https://m.example/news"], &[]);
    assert_eq!(
        meta(&site.read(PAGE), "property", "og:image"),
        Some(format!("https://m.example/news/{PNG}").as_str())
    );
}

#[test]
fn a_malformed_svg_warns_and_leaves_the_article_without_og_image() {
    let site = built_site("og-malformed", "good", "loader");
    std::fs::write(
        hero(&site),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
    )
    .unwrap();
    let (stdout, stderr) = step(&site, &[], &[]);
    assert!(
        stdout.contains("0 rendered, 0 up to date, 1 failed"),
        "{stdout}"
    );
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("folio-publish: warning:") && l.contains("port.svg"))
        .unwrap_or_else(|| panic!("no warning about port.svg in:\n{stderr}"));
    assert!(
        warning.contains("not a readable SVG") && warning.contains(SLUG),
        "{warning}"
    );
    let page = site.read(PAGE);
    assert_eq!(meta(&page, "property", "og:image"), None);
    assert_eq!(meta(&page, "name", "twitter:image"), None);
    assert_eq!(meta(&page, "name", "twitter:card"), Some("summary"));
    assert!(!site.dist().join(PNG).exists());
}

#[test]
fn text_in_an_svg_is_left_out_with_a_warning() {
    let site = built_site("og-text", "good", "loader");
    std::fs::write(
        hero(&site),
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="navy"/><text x="1" y="5">Port</text></svg>"#,
    )
    .unwrap();
    let (_, stderr) = step(&site, &[], &[]);
    assert!(stderr.contains("leaves out its text"), "{stderr}");
    assert_eq!(decode(&site.dist().join(PNG)).0, 1200);
    assert!(meta(&site.read(PAGE), "property", "og:image").is_some_and(|u| u.ends_with(PNG)));
}

#[test]
fn pngs_are_rendered_again_only_when_the_svg_or_the_article_changes() {
    let site = built_site("og-incremental", "good", "loader");
    step(&site, &[], &[]);
    let png = site.dist().join(PNG);
    let first = modified(&png);

    // A full build looks at every PNG (it may start from a dist/ that
    // trunk emptied, with the PNGs in a cache).
    let (stdout, _) = step(&site, &["--full"], &[]);
    assert!(stdout.contains("0 rendered, 1 up to date"), "{stdout}");
    assert_eq!(modified(&png), first, "an up-to-date PNG is not rewritten");
    assert_eq!(
        meta(&site.read(PAGE), "property", "og:image:height"),
        Some("700"),
        "the size of a kept PNG is read back from it"
    );

    // The SVG changed after the PNG was made.
    set_modified(&png, 1_000);
    let (stdout, _) = step(&site, &["--full"], &[]);
    assert!(stdout.contains("1 rendered, 0 up to date"), "{stdout}");

    // The article changed (it may name another hero), the SVG did not.
    set_modified(&hero(&site), 1_000);
    set_modified(&png, 2_000);
    let (stdout, _) = step(&site, &["--full"], &[]);
    assert!(stdout.contains("1 rendered, 0 up to date"), "{stdout}");

    // An incremental build looks only at the previews of changed articles:
    // none, then the one whose SVG was written again.
    let (stdout, _) = step(&site, &[], &[]);
    assert!(stdout.contains("0 rendered, 0 up to date"), "{stdout}");
    std::fs::write(hero(&site), std::fs::read(hero(&site)).unwrap()).unwrap();
    let (stdout, _) = step(&site, &[], &[]);
    assert!(stdout.contains("1 rendered, 0 up to date"), "{stdout}");
}

#[test]
fn previews_of_deleted_articles_are_removed() {
    let site = built_site("og-prune", "good", "loader");
    let og = site.dist().join("images/og");
    std::fs::create_dir_all(&og).unwrap();
    std::fs::write(og.join("deleted-story.png"), "old").unwrap();
    std::fs::write(og.join("half-written.png.tmp"), "old").unwrap();
    step(&site, &[], &[]);
    assert!(!og.join("deleted-story.png").exists());
    assert!(!og.join("half-written.png.tmp").exists());
    assert!(site.dist().join(PNG).is_file());
}

#[test]
fn raster_heroes_are_used_as_they_are() {
    let site = built_site("og-raster", "good", "loader");
    let article = site.content().join(format!("articles/{SLUG}.json"));
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&article).unwrap()).unwrap();
    json["hero"]["src"] = "images/photo.jpg".into();
    std::fs::write(&article, json.to_string()).unwrap();
    std::fs::write(site.path().join("public/images/photo.jpg"), b"\xff\xd8\xff").unwrap();

    let (stdout, _) = step(&site, &[], &[]);
    assert!(
        stdout.contains("0 rendered, 0 up to date, 0 failed"),
        "{stdout}"
    );
    let page = site.read(PAGE);
    assert_eq!(
        meta(&page, "property", "og:image"),
        Some("https://folio.example/images/photo.jpg")
    );
    assert_eq!(meta(&page, "property", "og:image:type"), Some("image/jpeg"));
    assert_eq!(meta(&page, "property", "og:image:height"), Some("675"));
    assert!(!site.dist().join(PNG).exists());
}

#[test]
fn turned_off_the_page_names_the_svg_as_before() {
    for (flags, env) in [
        (&["--no-og-images"][..], &[][..]),
        (&[][..], &[("FOLIO_OG_IMAGES", "0")][..]),
    ] {
        let site = built_site("og-off", "good", "loader");
        let (stdout, _) = step(&site, flags, env);
        assert!(!stdout.contains("preview images"), "{stdout}");
        let page = site.read(PAGE);
        assert_eq!(
            meta(&page, "property", "og:image"),
            Some("https://folio.example/images/port.svg")
        );
        assert_eq!(
            meta(&page, "property", "og:image:type"),
            Some("image/svg+xml")
        );
        assert!(!site.dist().join("images/og").exists());
    }
}

#[test]
fn a_cache_keeps_previews_across_builds_that_empty_dist() {
    let site = built_site("og-cache", "good", "loader");
    let cache = site.path().join("og-cache");
    let cache_arg = cache.to_str().unwrap();
    let (stdout, _) = step(&site, &["--og-cache", cache_arg], &[]);
    assert!(stdout.contains("1 rendered"), "{stdout}");
    let cached = cache.join(format!("{SLUG}.png"));
    assert_eq!(
        std::fs::read(&cached).unwrap(),
        std::fs::read(site.dist().join(PNG)).unwrap()
    );

    // `trunk build` empties dist/ (the build's manifest too); the next
    // site step finds the PNG cached.
    for dir in ["images/og", ".folio-publish"] {
        std::fs::remove_dir_all(site.dist().join(dir)).unwrap();
    }
    let (stdout, _) = step(&site, &[], &[("FOLIO_OG_CACHE", cache_arg)]);
    assert!(stdout.contains("0 rendered, 1 up to date"), "{stdout}");
    assert_eq!(decode(&site.dist().join(PNG)).0, 1200);
    assert!(meta(&site.read(PAGE), "property", "og:image").is_some_and(|u| u.ends_with(PNG)));
}

#[test]
fn every_sample_hero_parses() {
    // Rendering cannot fail once a file parses; parsing is what rejects a
    // file. Rendering every sample hero is left to the release build.
    let images = common::sample_content().join("../images");
    let mut heroes = 0;
    for entry in std::fs::read_dir(&images).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let data = std::fs::read(&path).unwrap();
            let tree = resvg::usvg::Tree::from_data(&data, &Default::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(tree.size().width() > 0.0, "{}", path.display());
            assert!(
                !data.windows(5).any(|w| w == b"<text"),
                "{}: text would be left out of its preview",
                path.display()
            );
            heroes += 1;
        }
    }
    assert!(heroes >= 36, "{heroes} SVGs in {}", images.display());
}
