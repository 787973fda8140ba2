//! Inputs that the property tests in `properties.rs` found failing, kept as
//! plain tests so they are checked on every run whatever the random seed.

use folio_content::markdown::{render_with, RenderOptions};
use folio_content::paths::Links;
use folio_content::security::image_allowed;
use folio_content::share::mastodon_instance;
use folio_content::Timestamp;
use url::Url;

/// Where a browser on the site's page loads `src` from.
fn loads_from(page: &str, src: &str) -> Option<String> {
    let url = Url::parse(page).unwrap().join(src).ok()?;
    url.host_str().map(str::to_owned)
}

/// Found by `allowed_images_come_from_the_site_or_a_declared_host` and
/// `hostile_markdown_is_inert` (shrunk to `http:alert(1)`): a scheme without
/// slashes, a backslash for a slash, or a leading control character still
/// makes an absolute URL for a browser, but `image_allowed` took these for
/// site-relative paths.
#[test]
fn images_on_undeclared_hosts_are_refused_however_the_url_is_written() {
    let hosts = vec!["https://img.example.com".to_owned()];
    for src in [
        // On an https page, `http:host/x` loads http://host/x (and the other
        // way round for `https:` on an http page).
        "http:evil.example/p.gif",
        "HTTPS:evil.example/p.gif",
        // Browsers read `\` as `/` in http(s) URLs.
        "/\\evil.example/p.gif",
        "\\\\evil.example/p.gif",
        "\\/evil.example/p.gif",
        // Leading C0 controls and spaces are dropped, tabs and newlines
        // anywhere are ignored.
        "\u{1}https://evil.example/p.gif",
        "\u{0} //evil.example/p.gif",
        "ht\ttps://evil.example/p.gif",
        "/\n/evil.example/p.gif",
    ] {
        let loads =
            ["https://site.example/a", "http://site.example/a"].map(|page| loads_from(page, src));
        assert!(
            loads.contains(&Some("evil.example".to_owned())),
            "{src:?} does load from evil.example: {loads:?}"
        );
        assert!(!image_allowed(src, &hosts), "{src:?} allowed");
        assert!(!image_allowed(src, &[]), "{src:?} allowed with no hosts");
    }
    for ok in [
        "images/a.svg",
        "/images/a.svg",
        "https://img.example.com/a.jpg",
        "HTTPS://IMG.EXAMPLE.COM/a.jpg",
        "https:\\\\img.example.com\\a.jpg",
    ] {
        assert!(image_allowed(ok, &hosts), "{ok:?} refused");
    }
}

/// Found by `allowed_images_come_from_the_site_or_a_declared_host` (shrunk
/// to `\¹`): a hero is shown at `Links::asset(src)`, which wrote `/` in
/// front of a site-relative `\host/x`, and browsers read `/\host/x` as
/// `//host/x`, another host (`¹` is `0.0.0.1`). Such a src is allowed (by
/// itself it is a path on the site); the link made of it must stay one.
#[test]
fn a_hero_written_with_a_backslash_cannot_load_from_another_host() {
    for src in [
        "\\¹",
        "\\evil.example/p.gif",
        "/\\evil.example/p.gif",
        "\t\\evil.example/p.gif",
        "/\t/evil.example/p.gif",
    ] {
        for base in ["/", "/news/"] {
            let shown = Links::new(base).asset(src);
            let page = format!("https://site.example{base}articles/a");
            if image_allowed(src, &[]) {
                assert_eq!(
                    loads_from(&page, &shown).as_deref(),
                    Some("site.example"),
                    "{src:?} shown as {shown:?}"
                );
            }
        }
    }
    assert!(image_allowed("\\evil.example/p.gif", &[]));
    assert_eq!(Links::new("/").asset("\\images/a.png"), "/images/a.png");
    assert_eq!(
        Links::new("/news").asset("/images/a.png"),
        "/news/images/a.png"
    );
}

#[test]
fn markdown_images_on_undeclared_hosts_keep_only_their_alt_text() {
    let hosts = vec!["https://img.example.com".to_owned()];
    let options = RenderOptions {
        image_hosts: Some(&hosts),
        ..RenderOptions::default()
    };
    for src in ["http:evil.example/p.gif", "https:evil.example/p.gif"] {
        let html = render_with(
            &format!("![Tracker]({src}) ![Kept](images/a.png)"),
            &options,
        );
        assert!(!html.contains("evil.example"), "{html}");
        assert!(html.contains("Tracker"), "{html}");
        assert!(html.contains(r#"<img src="images/a.png""#), "{html}");
    }
}

/// Found by `mastodon_instances_are_bare_hosts` (`a.b:c:d`, then `999.1`):
/// a port that is not a port, or a name a browser reads as a malformed IPv4
/// address, made a share link no browser can open.
#[test]
fn mastodon_instances_that_are_not_host_names_are_refused() {
    for bad in [
        "a.b:c:d",
        "example.org:99999",
        "example.org:80a",
        "999.1",
        "example.0x1f",
    ] {
        let link = folio_content::share::mastodon_url(bad, "https://f.example/a", "t");
        assert!(Url::parse(&link).is_err(), "{link} is a working link");
        assert_eq!(mastodon_instance(bad), None, "{bad}");
    }
    // Not broken links, but not a server name either.
    for odd in ["example.org:", "1.2.3.4"] {
        assert_eq!(mastodon_instance(odd), None, "{odd}");
    }
    assert_eq!(
        mastodon_instance("https://example.org:8443/@me").as_deref(),
        Some("example.org:8443")
    );
}

/// Found by `accepted_timestamps_reformat_to_the_same_instant`
/// (`0000-01-01T12:04:00-11:56`): `date_utc` returned the date as written,
/// not the UTC date, for times with an offset.
#[test]
fn the_utc_date_of_a_time_with_an_offset_is_the_utc_date() {
    let t = Timestamp::parse("2026-11-02T23:30:00-02:00").unwrap();
    assert_eq!(t.date_utc(), "2026-11-03");
    assert_eq!(t.civil_utc().map(|c| (c.month, c.day)), Some((11, 3)));
    let t = Timestamp::parse("2026-11-03T00:30:00+01:00").unwrap();
    assert_eq!(t.date_utc(), "2026-11-02");
    assert_eq!(
        Timestamp::parse("2026-11-02T09:30:00Z").unwrap().date_utc(),
        "2026-11-02"
    );
}

/// Found by `accepted_timestamps_reformat_to_the_same_instant` once its
/// years reached the edges (`0000-01-01T00:00:00+00:01`): a time whose UTC
/// instant falls outside the years 0000-9999 cannot be written in UTC, so
/// re-formatting it (`Timestamp::from_unix`) gave 1970-01-01 and feeds got
/// no RFC 2822 date. Such times are refused when read.
#[test]
fn times_that_utc_cannot_write_are_refused() {
    for bad in ["0000-01-01T00:00:00+00:01", "9999-12-31T23:30:00-01:00"] {
        let err = Timestamp::parse(bad).unwrap_err();
        assert!(err.contains(bad), "{err}");
    }
    for ok in [
        "0000-01-01T00:00:00Z",
        "0000-01-01T01:00:00+01:00",
        "9999-12-31T23:59:59Z",
        "9999-12-31T22:59:59-01:00",
    ] {
        let t = Timestamp::parse(ok).unwrap();
        let utc = Timestamp::from_unix(t.unix());
        assert_eq!(
            Timestamp::parse(utc.as_str()).unwrap().unix(),
            t.unix(),
            "{ok}"
        );
    }
}
