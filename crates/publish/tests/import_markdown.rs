//! `folio-publish import markdown`: a Hugo, Jekyll or Zola content folder
//! becomes Folio articles; drafts and broken files get one line each and
//! the rest still imports; the result passes the content step's validation.

mod common;

use common::import::{
    article, assert_validates, import, import_fixture, scratch_site, site_index, slugs,
};
use common::text;
use folio_content::Kind;

const SUMMARY: &str =
    "folio-publish: import: imported 5, updated 0, skipped 6 (1 not published, 1 duplicate, 4 failed), \
     hostile fragments dropped 3 (event handler 1, script 1, unsafe URL 1), sections added 1";

const FERRY_BODY: &str = "\
The island ferry moves to its spring timetable on the first of April.[^1]

| Leaves | Arrives |
| --- | --- |
| 06:40 | 07:25 |
| 22:10 | 22:55 |

![Passengers on the upper deck](https://cdn.saltmere.example/deck.jpg \"The upper deck reopens in May.\")

_The upper deck reopens in May._

Tickets are sold on board and at the kiosk. See the operator's page for fares, or press F5.

[^1]: Weather permitting.";

fn folder() -> std::path::PathBuf {
    import_fixture("markdown")
}

#[test]
fn a_folder_imports_file_by_file_with_a_line_for_each_file_left_out() {
    let site = scratch_site("md-import");
    let out = import(
        &site,
        &["markdown", text(&folder()), "--author", "Folio Desk"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout_lines(),
        [
            "folio-publish: section `transport-notes` (Transport Notes) added to site.json",
            "folio-publish: note: images from https://cdn.saltmere.example are left out of pages until \
             site.json's image_hosts lists them (https only) or they are copied under images/",
            SUMMARY,
        ]
    );
    let duplicate = format!(
        "/posts/lantern-walk-copy.md: slug `lantern-walk` is also imported from {}",
        folder().join("2026-02-14-lantern-walk.md").display()
    );
    assert_eq!(
        out.lines_about(&folder()),
        [
            "/bad-yaml.md: invalid YAML front matter at line 3: illegal placement of ':' indicator",
            "/draft-notes.md: skipped: a draft (draft: true)",
            "/harbour-cats.md: note: hero image `images/cats.jpg` left out: no alt text (give `image_alt`, or `alt` under `cover`)",
            "/harbour-cats.md: note: 1 shortcode or template tag(s) (`{{<`, `{{%`, `{%`) are not expanded: \
             they show as text; replace them with markdown",
            "/latin1.md: not UTF-8 text (invalid byte at offset 14): save the file as UTF-8",
            "/no-title.md: no title in the front matter",
            &duplicate,
            "/posts/net-mending/index.md: note: hero image copied to images/net-mending/net.svg",
            "/quay-benches.md: note: hero image `/images/benches.jpg` left out: not found in the site's public folder or beside the file",
            "/unclosed.md: front matter opened with `---` on line 1 is not closed",
        ]
    );
    assert_eq!(out.stderr.lines().count(), 10, "{}", out.stderr);
    assert_eq!(
        slugs(&site),
        [
            "ferry-timetable-spring",
            "harbour-cats",
            "harbour-dredging-brief",
            "lantern-walk",
            "net-mending",
            "quay-benches",
            "tide-tables-explained",
        ],
        "_index.md is a section's page, not an article"
    );
    assert_validates(&site);
}

#[test]
fn front_matter_fields_become_article_fields() {
    let site = scratch_site("md-fields");
    let out = import(
        &site,
        &["markdown", text(&folder()), "--author", "Folio Desk"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);

    // YAML, Jekyll's dated file name, a hero under the site's images/.
    let lantern = article(&site, "lantern-walk");
    assert_eq!(
        lantern.headline,
        "The lantern walk returns to the old harbour"
    );
    assert_eq!(
        lantern.dek,
        "Two hundred paper lanterns, one route, and a brass band that knows three tunes."
    );
    assert_eq!(lantern.published.as_str(), "2026-02-14T00:00:00Z");
    assert_eq!(lantern.updated, None);
    assert_eq!(lantern.section, "harbours");
    assert_eq!(lantern.authors, ["Ines Calloway"]);
    assert_eq!(lantern.tags, ["lanterns", "winter"]);
    assert_eq!(lantern.kind, Kind::News);
    let hero = lantern.hero.expect("hero");
    assert_eq!(hero.src, "images/lantern.svg");
    assert_eq!(hero.alt, "Paper lanterns strung along the harbour wall");
    assert_eq!(
        lantern.body,
        "After two winters without it, the lantern walk came back on Saturday.\n\n## The route\n\n\
         1. From the chapel steps to the fish market.\n2. Along the wall to the lighthouse, *slowly*."
    );

    // TOML as Zola writes it: slug, [taxonomies], [extra], raw HTML.
    let ferry = article(&site, "ferry-timetable-spring");
    assert_eq!(
        ferry.headline,
        "Spring ferry timetable: earlier boats, later returns"
    );
    assert_eq!(
        ferry.dek,
        "From April the first ferry leaves at 06:40 & the last returns at 22:10."
    );
    assert_eq!(ferry.published.as_str(), "2026-03-02T08:30:00Z");
    assert_eq!(
        ferry.updated.as_ref().map(|u| u.as_str()),
        Some("2026-03-04T00:00:00Z")
    );
    assert_eq!(ferry.section, "transport-notes");
    assert_eq!(ferry.authors, ["Ines Calloway"]);
    assert_eq!(ferry.tags, ["ferries", "timetables"]);
    let hero = ferry.hero.expect("hero");
    assert_eq!(hero.src, "https://cdn.saltmere.example/ferry.jpg");
    assert_eq!(hero.alt, "The white ferry leaving the harbour mouth");
    assert_eq!(ferry.body, FERRY_BODY);

    // A Hugo page bundle: named by its folder, cover image copied, no
    // author but the default.
    let net = article(&site, "net-mending");
    assert_eq!(net.published.as_str(), "2026-01-05T11:00:00+01:00");
    assert_eq!(
        net.updated.as_ref().map(|u| u.as_str()),
        Some("2026-01-06T09:00:00Z")
    );
    assert_eq!(net.authors, ["Folio Desk"]);
    assert_eq!(net.dek, "");
    let hero = net.hero.expect("hero");
    assert_eq!(hero.src, "images/net-mending/net.svg");
    assert_eq!(hero.alt, "A fishing net spread over the slipway to dry");
    assert_eq!(
        hero.caption.as_deref(),
        Some("Nets dry on the slipway after the January gales.")
    );
    assert_eq!(
        std::fs::read(site.path().join("public/images/net-mending/net.svg")).unwrap(),
        std::fs::read(folder().join("posts/net-mending/net.svg")).unwrap()
    );

    // Without alt text, or where the file is nowhere, the article comes
    // without its hero (each with a note, checked above).
    let cats = article(&site, "harbour-cats");
    assert_eq!(cats.hero, None);
    assert_eq!(
        cats.body, "Fourteen cats, counted twice.\n\n{{< youtube Ab12Cd34 >}}",
        "shortcodes are left as written (with a note)"
    );
    let benches = article(&site, "quay-benches");
    assert_eq!(benches.hero, None);
    assert_eq!(benches.section, "harbours");
    assert_eq!(benches.published.as_str(), "2026-03-11T00:00:00Z");

    let added = site_index(&site).sections.pop().unwrap();
    assert_eq!(
        (added.slug.as_str(), added.name.as_str()),
        ("transport-notes", "Transport Notes")
    );
    assert_validates(&site);
}

#[test]
fn a_file_without_a_byline_needs_a_default_author() {
    let site = scratch_site("md-no-author");
    let out = import(&site, &["markdown", text(&folder())]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.lines_about(&folder()).contains(
        &"/posts/net-mending/index.md: no author: give one with --author (every article except a brief needs a byline)"
            .to_owned()
    ));
    assert!(out
        .stdout
        .contains("imported 4, updated 0, skipped 7 (1 not published, 1 duplicate, 5 failed)"));
    assert!(
        !site.path().join("public/images/net-mending").exists(),
        "no image copied for an article not written"
    );
    assert_validates(&site);
}

#[test]
fn existing_slugs_are_replaced_only_with_update() {
    let site = scratch_site("md-update");
    let dir = folder();
    let args = ["markdown", text(&dir), "--author", "Folio Desk"];
    assert_eq!(import(&site, &args).code, Some(0));

    let again = import(&site, &args);
    assert_eq!(again.code, Some(1), "nothing written, and broken files");
    assert!(again
        .stdout
        .contains("imported 0, updated 0, skipped 11 (1 not published, 6 existing, 4 failed)"));
    assert!(again.lines_about(&folder()).contains(
        &"/ferry-timetable.md: article `ferry-timetable-spring` already exists (--update replaces it)"
            .to_owned()
    ));

    let mut with_kind = args.to_vec();
    with_kind.extend(["--update", "--kind", "feature"]);
    let updated = import(&site, &with_kind);
    assert_eq!(updated.code, Some(0), "{}", updated.stderr);
    assert!(updated
        .stdout
        .contains("imported 0, updated 5, skipped 6 (1 not published, 1 duplicate, 4 failed)"));
    assert_eq!(article(&site, "lantern-walk").kind, Kind::Feature);
    assert_validates(&site);
}

#[test]
fn an_empty_folder_is_a_failure() {
    let site = scratch_site("md-empty");
    let empty = site.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = import(&site, &["markdown", text(&empty)]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.lines_about(&empty),
        [": no .md or .markdown files in the folder"]
    );
}
