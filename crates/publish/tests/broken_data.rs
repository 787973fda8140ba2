//! Broken data, counted: a corpus of every kind of damage a newsroom's
//! files can carry. The content build reports each case on lines naming its
//! file (one line per problem), writes nothing, and never panics or hangs;
//! what is merely unusual (a related list going round in a circle, a 1.9 MB
//! body) builds. The run prints how many cases were tried.

mod common;

use common::{copy_dir, fixture, run, succeeded, text, Scratch};
use std::path::Path;

/// A valid article of the fixture site, as JSON text, with `slug`.
fn valid(slug: &str) -> String {
    format!(
        r#"{{"slug":"{slug}","section":"economy","kind":"news","headline":"A headline",
            "dek":"","authors":["A. Writer"],"published":"2026-10-30T08:00:00Z",
            "tags":["ports"],"body":"Some text."}}"#
    )
}

/// `valid(slug)` with `field` set to the raw JSON `value`.
fn with(slug: &str, field: &str, value: &str) -> String {
    let mut article: serde_json::Value = serde_json::from_str(&valid(slug)).unwrap();
    article[field] = serde_json::from_str(value).unwrap();
    article.to_string()
}

/// One broken file: its name, its bytes, and a phrase of each problem the
/// build must report for it.
struct Case {
    file: &'static str,
    bytes: Vec<u8>,
    reasons: &'static [&'static str],
}

fn case(file: &'static str, text: String, reasons: &'static [&'static str]) -> Case {
    Case {
        file,
        bytes: text.into_bytes(),
        reasons,
    }
}

fn broken_cases() -> Vec<Case> {
    let deep = format!(
        r#"{{"slug":"deep-nesting","tags":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut invalid_utf8 = valid("invalid-utf8").into_bytes();
    let at = invalid_utf8.len() - 20;
    invalid_utf8.splice(at..at, [0xff, 0xfe, 0xc3]);
    vec![
        case(
            "truncated.json",
            valid("truncated")[..90].to_owned(),
            &["malformed article: EOF while parsing"],
        ),
        case(
            "wrong-type.json",
            with("wrong-type", "authors", r#""A. Writer""#),
            &["invalid type: string \"A. Writer\", expected a sequence"],
        ),
        case(
            "null-headline.json",
            with("null-headline", "headline", "null"),
            &["invalid type: null, expected a string"],
        ),
        case(
            "null-body.json",
            with("null-body", "body", "null"),
            &["invalid type: null, expected a string"],
        ),
        case(
            "not-an-object.json",
            "\"just text\"".into(),
            &["malformed article: invalid type: string"],
        ),
        case("empty.json", String::new(), &["EOF while parsing"]),
        case(
            "huge-body.json",
            with(
                "huge-body",
                "body",
                &serde_json::to_string(&"word ".repeat(2_000_000)).unwrap(),
            ),
            &["body is 10000000 bytes, over the 2097152 byte limit"],
        ),
        case(
            "deep-nesting.json",
            deep,
            &["malformed article: invalid type: sequence, expected a string"],
        ),
        Case {
            file: "invalid-utf8.json",
            bytes: invalid_utf8,
            reasons: &["cannot read: stream did not contain valid UTF-8"],
        },
        case(
            "same-slug.json",
            valid("good-story"),
            &[
                "slug `good-story` does not match the file name",
                "slug `good-story` is also used by good-story.json",
            ],
        ),
        case(
            "dot-dot.json",
            valid("../etc/passwd"),
            &["slug `../etc/passwd` must be lowercase letters, digits and hyphens"],
        ),
        case(
            "encoded-slash.json",
            valid("a%2Fb"),
            &["slug `a%2Fb` must be lowercase letters, digits and hyphens"],
        ),
        case(
            "back-slash.json",
            valid("a\\\\b"),
            &["must be lowercase letters, digits and hyphens"],
        ),
        case(
            "february-30.json",
            with("february-30", "published", r#""2026-02-30T08:00:00Z""#),
            &["is not an RFC 3339 date-time"],
        ),
        case(
            "hour-25.json",
            with("hour-25", "published", r#""2026-10-30T25:00:00Z""#),
            &["is not an RFC 3339 date-time"],
        ),
        case(
            "no-zone.json",
            with("no-zone", "published", r#""2026-10-30T08:00:00""#),
            &["is not an RFC 3339 date-time"],
        ),
        case(
            "date-only.json",
            with("date-only", "published", r#""2026-10-30""#),
            &["is not an RFC 3339 date-time"],
        ),
        case(
            "updated-before.json",
            with("updated-before", "updated", r#""2020-01-01T00:00:00Z""#),
            &["updated is earlier than published"],
        ),
        case(
            "unknown-section.json",
            with("unknown-section", "section", r#""sports""#),
            &["section `sports` is not one of the site's sections"],
        ),
        case(
            "unknown-kind.json",
            with("unknown-kind", "kind", r#""rumour""#),
            &["unknown variant `rumour`"],
        ),
        case(
            "self-related.json",
            with("self-related", "related", r#"["self-related"]"#),
            &["related lists the article itself"],
        ),
        case(
            "related-missing.json",
            with("related-missing", "related", r#"["nowhere"]"#),
            &["related article `nowhere` does not exist"],
        ),
        case(
            "newer-format.json",
            with("newer-format", "version", "99"),
            &["article uses content format 99, this build reads up to"],
        ),
    ]
}

/// What is unusual but fine: these build.
fn unusual_but_fine(articles: &Path) -> usize {
    let files = [
        // Related lists that go round in a circle.
        ("circle-a", with("circle-a", "related", r#"["circle-b"]"#)),
        ("circle-b", with("circle-b", "related", r#"["circle-c"]"#)),
        ("circle-c", with("circle-c", "related", r#"["circle-a"]"#)),
        // Just under the body limit.
        (
            "long-read",
            with(
                "long-read",
                "body",
                &serde_json::to_string(&"word ".repeat(380_000)).unwrap(),
            ),
        ),
        // Leap day, and a date far in the past.
        (
            "leap-day",
            with("leap-day", "published", r#""2024-02-29T23:59:59+14:00""#),
        ),
        (
            "old-news",
            with("old-news", "published", r#""1970-01-01T00:00:00Z""#),
        ),
    ];
    for (slug, json) in &files {
        std::fs::write(articles.join(format!("{slug}.json")), json).unwrap();
    }
    files.len()
}

/// A copy of the good fixture's content with a valid `good-story` added.
fn corpus(scratch: &Scratch) -> std::path::PathBuf {
    let content = scratch.path().join("public/content");
    copy_dir(&fixture("good/content"), &content);
    copy_dir(
        &fixture("good/images"),
        &scratch.path().join("public/images"),
    );
    std::fs::write(
        content.join("articles/good-story.json"),
        valid("good-story"),
    )
    .unwrap();
    content
}

#[test]
fn every_kind_of_broken_data_is_reported_on_its_own_lines_and_nothing_is_written() {
    let scratch = Scratch::new("broken-data");
    let content = corpus(&scratch);
    let articles = content.join("articles");
    let fine = unusual_but_fine(&articles);
    let cases = broken_cases();
    for c in &cases {
        std::fs::write(articles.join(c.file), &c.bytes).unwrap();
    }
    let out = scratch.path().join("out");
    let result = run(
        &["content", "--content", text(&content), "--out", text(&out)],
        &[],
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(!out.exists(), "nothing may be written");
    let lines: Vec<&str> = stderr.lines().collect();
    let mut expected = 0;
    let mut missing = Vec::new();
    for c in &cases {
        let prefix = format!("{}: ", articles.join(c.file).display());
        let about: Vec<&&str> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
        for reason in c.reasons {
            if !about.iter().any(|l| l.contains(reason)) {
                missing.push(format!("{}: no line with `{reason}` in {about:?}", c.file));
            }
        }
        assert!(
            about.iter().all(|l| l.len() < 400),
            "{}: one short line per problem, got {about:#?}",
            c.file
        );
        expected += about.len();
    }
    assert!(missing.is_empty(), "{missing:#?}");
    // Nothing else is reported: the valid and the unusual files pass.
    assert_eq!(lines.len(), expected + 1, "{stderr}");
    assert_eq!(
        *lines.last().unwrap(),
        format!("folio-publish: {expected} problem(s); nothing written")
    );
    common::record(&format!(
        "broken data: {} broken files reported ({expected} problems, one line each), {fine} unusual files accepted",
        cases.len()
    ));
}

#[test]
fn the_unusual_but_valid_files_build() {
    let scratch = Scratch::new("unusual-data");
    let content = corpus(&scratch);
    let fine = unusual_but_fine(&content.join("articles"));
    let out = scratch.path().join("out");
    succeeded(&run(
        &["content", "--content", text(&content), "--out", text(&out)],
        &[],
    ));
    // Every one is listed (the content step writes the listings).
    let mut latest = String::new();
    for page in std::fs::read_dir(out.join("listings/latest")).unwrap() {
        latest += &std::fs::read_to_string(page.unwrap().path()).unwrap();
    }
    for slug in [
        "circle-a",
        "circle-b",
        "circle-c",
        "long-read",
        "leap-day",
        "old-news",
    ] {
        assert!(
            latest.contains(&format!("\"slug\":\"{slug}\"")),
            "{slug} listed"
        );
    }
    common::record(&format!("unusual data: {fine} files built"));
}

#[test]
fn related_lists_in_a_circle_build_whole_pages() {
    let site = common::built_site("circle-site", "good", "loader");
    unusual_but_fine(&site.content().join("articles"));
    common::site_step(&site, &["--no-precompress"], &[]);
    let page = site.read("articles/circle-a.html");
    assert!(
        page.contains("/articles/circle-b"),
        "circle-a's rail names circle-b"
    );
    assert!(site
        .read("articles/circle-c.html")
        .contains("/articles/circle-a"));
}
