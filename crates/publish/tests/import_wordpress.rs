//! `folio-publish import wordpress`: a WordPress REST API export, saved page
//! by page, becomes Folio articles; drafts, private, protected and broken
//! posts get one line each and the rest still imports; the result passes
//! the content step's validation.

mod common;

use common::import::{
    article, assert_validates, import, import_fixture, scratch_site, site_index, slugs,
};
use common::text;
use std::path::PathBuf;

fn page(n: u32) -> PathBuf {
    import_fixture("wordpress").join(format!("posts-page-{n}.json"))
}

const SUMMARY: &str = "folio-publish: import: imported 3, updated 0, skipped 5 (3 not published, 1 existing, 1 failed), \
     hostile fragments dropped 7 (event handler 2, iframe 1, script 1, style 1, unsafe URL 2), sections added 1";

const CLOCK_BODY: &str = "\
Since March the harbour clock on Quay Street has shown the *tide* as well as the hour. Its second dial, painted by \
[Oona Reyes](https://saltmere.example/people/oona-reyes/), turns once every twelve hours and twenty-five minutes.[^1]

## How to read the second dial

- The **blue** hand points at high water.
  - It leads the hour hand by about fifty minutes a day.
- The brass ring marks spring tides.

1. Find the blue hand.
2. Count the marks to the top.

> A clock that knows the sea is worth two that only know the train.
>
> *Harbour master Ilse Brandt*

![The clock\u{2019}s second dial, with a blue hand](https://saltmere.example/wp-content/uploads/2026/03/dial.jpg \"The second dial at dusk.\")

_The second dial at dusk._

| Day | High water |
| --- | --- |
| Monday | 06:12 |
| Tuesday | 06:58 |

_Times for the first week of April._

The council paid for the dial from the harbour fund.[^2]

[^1]: A lunar half-day, near enough.

[^2]: Minutes of the March meeting, item 7.";

const REGATTA_BODY: &str = "\
Forty boats started the winter regatta on Saturday; thirty-one finished.

![Boats crowd the start line under a grey sky](https://saltmere.example/wp-content/uploads/2026/01/start.jpg \"The start, 10:00.\")

_The start, 10:00._

![A dinghy rounds the harbour mark](https://saltmere.example/wp-content/uploads/2026/01/mark.jpg)

_Photos by the club\u{2019}s members._

[Winter regatta 2026, from the committee boat (YouTube)](https://www.youtube.com/watch?v=Xy12abC)

_The whole race in four minutes._";

const PIER_BODY: &str = "\
The pier lights were switched on at dusk.

![The pier at night](https://saltmere.example/wp-content/uploads/2026/02/pier.jpg)

[Lighting schedule](https://saltmere.example/lights/) and a pixel.";

#[test]
fn an_export_imports_post_by_post_with_a_line_for_each_post_left_out() {
    let site = scratch_site("wp-import");
    let out = import(&site, &["wordpress", text(&page(1)), text(&page(2))]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout_lines(),
        [
            "folio-publish: section `sailing-club` (Sailing Club) added to site.json",
            "folio-publish: note: images from https://saltmere.example are left out of pages until \
             site.json's image_hosts lists them (https only) or they are copied under images/",
            SUMMARY,
        ]
    );
    assert_eq!(
        out.lines_about(&page(1)),
        ["#post-103: skipped: status is `draft`"]
    );
    assert_eq!(
        out.lines_about(&page(2)),
        [
            "#post-105: skipped: status is `private`",
            "#post-106: article `tide-tables-explained` already exists (--update replaces it)",
            "#post-107: no valid date_gmt or date",
            "#post-108: skipped: password-protected",
        ]
    );
    assert_eq!(out.stderr.lines().count(), 5, "{}", out.stderr);
    assert_eq!(
        slugs(&site),
        [
            "harbour-dredging-brief",
            "notes-from-the-pier",
            "tide-tables-explained",
            "tide-tables-harbour-clock",
            "winter-regatta-gallery",
        ]
    );
    assert_eq!(
        article(&site, "tide-tables-explained").headline,
        "Tide tables, explained",
        "an existing article is left alone without --update"
    );
    assert_validates(&site);
}

#[test]
fn a_post_keeps_its_title_excerpt_byline_terms_dates_and_featured_image() {
    let site = scratch_site("wp-fields");
    let out = import(&site, &["wordpress", text(&page(1))]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let clock = article(&site, "tide-tables-harbour-clock");
    assert_eq!(
        clock.headline,
        "Tide tables & the town\u{2019}s new harbour clock"
    );
    assert_eq!(
        clock.dek,
        "A second dial on Quay Street now shows high water \u{2013} and the town has opinions\u{2026}"
    );
    assert_eq!(clock.authors, ["Maren Holt"]);
    assert_eq!(clock.section, "harbours");
    assert_eq!(clock.kind, folio_content::Kind::News);
    assert_eq!(clock.kicker, None);
    assert_eq!(clock.tags, ["tides", "Town & Gown"]);
    assert_eq!(clock.published.as_str(), "2026-03-10T09:00:00Z");
    assert_eq!(
        clock.updated.as_ref().map(|u| u.as_str()),
        Some("2026-03-12T16:30:00Z")
    );
    let hero = clock.hero.expect("the featured image");
    assert_eq!(
        hero.src,
        "https://saltmere.example/wp-content/uploads/2026/03/clock.jpg"
    );
    assert_eq!(hero.alt, "The harbour clock with its new tide dial");
    assert_eq!(
        hero.caption.as_deref(),
        Some("The clock face after its repaint & regilding.")
    );
    assert_eq!(hero.credit.as_deref(), Some("Photo: Jon Aas"));
    assert_eq!((hero.width, hero.height), (Some(1600), Some(900)));
    assert_eq!(clock.body, CLOCK_BODY);
    assert!(clock.related.is_empty());

    let regatta = article(&site, "winter-regatta-gallery");
    assert_eq!(regatta.section, "sailing-club", "the first category");
    assert_eq!(regatta.tags, ["regatta", "winter"]);
    assert_eq!(regatta.updated, None, "modified at publication");
    assert_eq!(regatta.hero, None);
    assert_eq!(regatta.body, REGATTA_BODY);

    let pier = article(&site, "notes-from-the-pier");
    assert_eq!(pier.headline, "Notes from the <pier>");
    assert_eq!(pier.dek, "Lights & a schedule.", "no Continue reading");
    assert_eq!(pier.authors, ["Tom\u{e1}s Vidal"]);
    assert_eq!(
        pier.section, "economy",
        "\"Global Economy\" is the site's section of that name"
    );
    assert!(pier.tags.is_empty());
    assert_eq!(pier.body, PIER_BODY);
    let hero = pier.hero.expect("the featured image");
    assert_eq!(
        hero.alt, "New lamps along the pier rail.",
        "without alt text, the caption describes the image"
    );
    assert_eq!(
        hero.caption.as_deref(),
        Some("New lamps along the pier rail.")
    );
    assert_eq!(hero.credit, None);

    let sections = site_index(&site).sections;
    let added = sections.last().unwrap();
    assert_eq!(
        (added.slug.as_str(), added.name.as_str()),
        ("sailing-club", "Sailing Club")
    );
    assert_eq!(sections.len(), 3);
    let written = std::fs::read_to_string(site.content().join("site.json")).unwrap();
    let original =
        std::fs::read_to_string(import_fixture("site").join("content/site.json")).unwrap();
    assert_eq!(
        written,
        original.replace(
            "\"description\": \"\" }\n",
            "\"description\": \"\" },\n    { \"slug\": \"sailing-club\", \"name\": \"Sailing Club\", \"description\": \"\" }\n"
        ),
        "the rest of site.json is left as written"
    );
    assert_validates(&site);
}

#[test]
fn update_replaces_existing_articles_and_keeps_the_editors_picks() {
    let site = scratch_site("wp-update");
    let files = [page(1), page(2)];
    let pages = [text(&files[0]), text(&files[1])];
    assert_eq!(
        import(&site, &["wordpress", pages[0], pages[1]]).code,
        Some(0)
    );

    let again = import(&site, &["wordpress", pages[0], pages[1], "--update"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert_eq!(
        again.stdout_lines().last().copied(),
        Some(
            "folio-publish: import: imported 0, updated 4, skipped 4 (3 not published, 1 failed), \
             hostile fragments dropped 7 (event handler 2, iframe 1, script 1, style 1, unsafe URL 2)"
        )
    );
    assert!(again.lines_about(&page(2)).contains(
        &"#post-106: note: featured image `https://saltmere.example/wp-content/uploads/2026/02/window.jpg` \
          left out: it has neither alt text nor a caption"
            .to_owned()
    ));
    let updated = article(&site, "tide-tables-explained");
    assert_eq!(updated.headline, "Tide tables, explained again");
    assert_eq!(updated.body, "Updated for the spring tides.");
    assert_eq!(updated.kind, folio_content::Kind::News);
    assert_eq!(updated.related, ["harbour-dredging-brief"], "picks kept");
    assert_eq!(updated.kicker.as_deref(), Some("Tides"), "kicker kept");
    assert_eq!(updated.hero, None);
    assert_eq!(site_index(&site).sections.len(), 3, "added once");
    assert_validates(&site);

    // Without --update nothing is written, and with a broken post among
    // them, that is a failure.
    let third = import(&site, &["wordpress", pages[0], pages[1]]);
    assert_eq!(third.code, Some(1));
    assert!(third
        .stdout
        .contains("imported 0, updated 0, skipped 8 (3 not published, 4 existing, 1 failed)"));
}

#[test]
fn a_file_that_is_not_a_page_of_posts_gets_one_line_and_the_rest_imports() {
    let site = scratch_site("wp-bad-files");
    let missing = import_fixture("wordpress").join("posts-page-9.json");
    let out = import(
        &site,
        &["wordpress", text(&page(3)), text(&missing), text(&page(1))],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.lines_about(&page(3)),
        [
            ": not a list of posts: WordPress answered `rest_post_invalid_page_number`: \
          The page number requested is larger than the number of pages available."
        ]
    );
    let missing_line = out.lines_about(&missing);
    assert_eq!(missing_line.len(), 1);
    assert!(
        missing_line[0].starts_with(": cannot read: "),
        "{missing_line:?}"
    );
    assert!(out
        .stdout
        .contains("imported 3, updated 0, skipped 3 (1 not published, 2 failed)"));
    assert_validates(&site);
}

#[test]
fn nothing_imported_because_of_errors_or_bad_usage_exits_non_zero() {
    let site = scratch_site("wp-nothing");
    let out = import(&site, &["wordpress", text(&page(3))]);
    assert_eq!(out.code, Some(1));
    assert!(out
        .stdout
        .contains("imported 0, updated 0, skipped 1 (1 failed), hostile fragments dropped 0"));
    assert_eq!(slugs(&site).len(), 2);

    for usage in [
        &["wordpress"][..],
        &["rss", "feed.xml"],
        &["wordpress", "a.json", "--dist", "d"],
    ] {
        let out = import(&site, usage);
        assert_eq!(out.code, Some(2), "{usage:?}: {}", out.stderr);
        assert!(out.stderr.contains("usage:"), "{}", out.stderr);
    }
}

#[test]
fn a_content_directory_that_does_not_validate_is_left_alone() {
    let site = scratch_site("wp-broken-site");
    let broken = site.content().join("articles/harbour-dredging-brief.json");
    std::fs::write(&broken, "{ \"slug\": ").unwrap();
    let out = import(&site, &["wordpress", text(&page(1))]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("the content directory must validate before an import"),
        "{}",
        out.stderr
    );
    assert!(out
        .stderr
        .contains("harbour-dredging-brief.json: malformed article"));
    assert_eq!(slugs(&site).len(), 2, "nothing written");
}

#[test]
fn a_new_site_with_no_articles_yet_gets_its_first() {
    let site = scratch_site("wp-new-site");
    std::fs::remove_dir_all(site.content().join("articles")).unwrap();
    let out = import(&site, &["wordpress", text(&page(1))]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        slugs(&site),
        [
            "notes-from-the-pier",
            "tide-tables-harbour-clock",
            "winter-regatta-gallery"
        ]
    );
    assert_validates(&site);
}
