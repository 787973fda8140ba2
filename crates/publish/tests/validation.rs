//! Validation: a broken corpus is refused with one `path: reason` line per
//! problem and a non-zero exit, and nothing is written; the sample corpus is
//! accepted.

mod common;

use common::{built_site, fixture, run, run_site, sample_content, succeeded, text, Scratch};
use std::path::Path;

/// Every problem in `fixtures/broken`, by file and a phrase of its reason.
const EXPECTED: &[(&str, &str)] = &[
    ("bad-date.json", "is not an RFC 3339 date-time"),
    ("missing-field.json", "missing field `headline`"),
    (
        "missing-hero.json",
        "hero image `images/nowhere.svg` does not exist",
    ),
    (
        "other-good-one.json",
        "slug `good-one` does not match the file name",
    ),
    (
        "other-good-one.json",
        "slug `good-one` is also used by good-one.json",
    ),
    (
        "related-missing.json",
        "related article `no-such-story` does not exist",
    ),
    ("truncated.json", "malformed article: EOF while parsing"),
    (
        "unknown-section.json",
        "section `sports` is not one of the site's sections",
    ),
];

fn assert_reports_every_problem(stderr: &str, content: &Path) {
    let lines: Vec<&str> = stderr.lines().collect();
    for (file, reason) in EXPECTED {
        let path = content.join("articles").join(file);
        let prefix = format!("{}: ", path.display());
        let matching: Vec<_> = lines
            .iter()
            .filter(|l| l.starts_with(&prefix) && l.contains(reason))
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "expected one line `{prefix}…{reason}…` in:\n{stderr}"
        );
    }
    assert_eq!(
        lines.len(),
        EXPECTED.len() + 1,
        "one line per problem and a summary:\n{stderr}"
    );
    assert_eq!(
        *lines.last().unwrap(),
        format!(
            "folio-publish: {} problem(s); nothing written",
            EXPECTED.len()
        )
    );
}

#[test]
fn the_content_step_refuses_a_broken_corpus_and_writes_nothing() {
    let scratch = Scratch::new("broken-content");
    let out = scratch.path().join("out");
    let content = fixture("broken/content");
    let result = run(&["--content", text(&content), "--out", text(&out)], &[]);
    assert_eq!(result.status.code(), Some(1));
    assert_reports_every_problem(&String::from_utf8_lossy(&result.stderr), &content);
    assert!(!out.exists(), "nothing may be written");
}

#[test]
fn the_site_step_refuses_a_broken_corpus_and_leaves_dist_alone() {
    let site = built_site("broken-site", "broken", "loader");
    let loader = site.read("index.html");
    let result = run_site(&site.content(), &site.dist(), &[], &[]);
    assert_eq!(result.status.code(), Some(1));
    assert_reports_every_problem(&String::from_utf8_lossy(&result.stderr), &site.content());
    assert_eq!(site.read("index.html"), loader);
    for absent in [
        "articles",
        "feed.xml",
        "sitemap.xml",
        "404.html",
        "index.html.gz",
    ] {
        assert!(!site.dist().join(absent).exists(), "{absent} was written");
    }
}

#[test]
fn a_missing_loader_is_reported_before_anything_is_written() {
    let site = built_site("no-loader", "good", "loader");
    std::fs::remove_file(site.dist().join("index.html")).unwrap();
    let result = run_site(&site.content(), &site.dist(), &[], &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("index.html: cannot read the app loader"),
        "{stderr}"
    );
    assert!(!site.dist().join("articles").exists());
}

#[test]
fn usage_errors_exit_2() {
    let result = run(&["--nope"], &[]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("--nope"));
}

#[test]
fn a_relative_base_url_is_refused_before_anything_is_written() {
    // A site that would otherwise build: the base URL is the only problem.
    let site = built_site("relative-base", "good", "loader");
    let result = run_site(&site.content(), &site.dist(), &["--base-url", "news/"], &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("--base-url `news/` must be an absolute http(s) URL"),
        "{stderr}"
    );
    assert!(!site.dist().join("articles").exists());
}

#[test]
fn the_sample_corpus_is_accepted() {
    let scratch = Scratch::new("sample");
    let out = scratch.path().join("content");
    let content = sample_content();
    succeeded(&run(
        &["content", "--content", text(&content), "--out", text(&out)],
        &[],
    ));
    assert!(out.join("listings/latest/1.json").is_file());
    assert!(out.join("listings/briefs/1.json").is_file());

    let dist = scratch.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::copy(fixture("loader/index.html"), dist.join("index.html")).unwrap();
    // The heroes are checked by og_images::every_sample_hero_parses; rendering
    // all of them in an unoptimised test build takes seconds.
    succeeded(&run_site(
        &content,
        &dist,
        &["--no-precompress", "--no-og-images"],
        &[],
    ));
    assert!(dist.join("feed.xml").is_file() && dist.join("sitemap.xml").is_file());
}
