//! The benchmark's synthetic corpus is valid and goes through both steps.

mod common;

use common::{copy_dir, fixture, run, run_site, succeeded, text, Scratch};

#[test]
fn a_generated_corpus_builds_end_to_end() {
    let scratch = Scratch::new("synthetic");
    let public = scratch.path().join("public");
    folio_corpus_gen::generate(&public, 60, 1).unwrap();
    let content = public.join("content");
    succeeded(&run(&["--content", text(&content)], &[]));

    let dist = scratch.path().join("dist");
    copy_dir(&public, &dist);
    std::fs::copy(fixture("loader/index.html"), dist.join("index.html")).unwrap();
    // Preview images have their own tests; unoptimised test builds render
    // them slowly (about a second each).
    succeeded(&run_site(&content, &dist, &["--no-og-images"], &[]));
    let articles = std::fs::read_dir(dist.join("articles")).unwrap().count();
    assert_eq!(articles, 60 * 3, "a page and its .gz and .br per article");
}
