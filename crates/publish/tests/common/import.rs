//! Running `folio-publish import` on the fixtures under `fixtures/import/`.

use super::{copy_dir, fixture, run, text, Scratch};
use folio_content::{decode_article, decode_site, Article, Site};
use std::path::{Path, PathBuf};

/// `fixtures/import/<name>`.
pub(crate) fn import_fixture(name: &str) -> PathBuf {
    fixture("import").join(name)
}

/// A scratch copy of `fixtures/import/site` as `public/`: a content
/// directory with two articles and an image.
pub(crate) fn scratch_site(name: &str) -> Scratch {
    let scratch = Scratch::new(name);
    copy_dir(&import_fixture("site"), &scratch.path().join("public"));
    scratch
}

/// What a run printed and how it ended.
pub(crate) struct Outcome {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Outcome {
    /// The lines on stderr about items of `source`, with the path to it
    /// cut off: `#post-103: skipped: status is `draft``.
    pub(crate) fn lines_about(&self, source: &Path) -> Vec<String> {
        let prefix = source.display().to_string();
        self.stderr
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .map(str::to_owned)
            .collect()
    }

    pub(crate) fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Runs `folio-publish import <args> --content <site>/public/content`.
pub(crate) fn import(site: &Scratch, args: &[&str]) -> Outcome {
    let content = site.content();
    let mut all: Vec<&str> = vec!["import"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--content", text(&content)]);
    let out = run(&all, &[]);
    Outcome {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// An article the import wrote, decoded and checked by the content
/// format's rules.
pub(crate) fn article(site: &Scratch, slug: &str) -> Article {
    let path = site.content().join(format!("articles/{slug}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{slug}: {e}"));
    decode_article(&text).unwrap_or_else(|e| panic!("{slug}: {e}"))
}

/// The slugs of the articles in the scratch site.
pub(crate) fn slugs(site: &Scratch) -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(site.content().join("articles"))
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.trim_end_matches(".json").to_owned()
        })
        .collect();
    slugs.sort();
    slugs
}

pub(crate) fn site_index(site: &Scratch) -> Site {
    decode_site(&std::fs::read_to_string(site.content().join("site.json")).unwrap()).unwrap()
}

/// Asserts that `folio-publish content` accepts the scratch site as it is.
pub(crate) fn assert_validates(site: &Scratch) {
    let content = site.content();
    let out = site.path().join("listings-out");
    let result = run(
        &["content", "--content", text(&content), "--out", text(&out)],
        &[],
    );
    assert!(
        result.status.success(),
        "folio-publish content refuses the import:\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}
