//! Shared helpers for the integration tests: fixture corpora laid out the
//! way `trunk build` leaves them, and running the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// `tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The repository's sample corpus, read only.
pub(crate) fn sample_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content")
}

/// A scratch directory, removed when dropped.
pub(crate) struct Scratch(PathBuf);

impl Scratch {
    pub(crate) fn new(name: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("folio-publish-it-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// `public/content`, the corpus the steps read.
    pub(crate) fn content(&self) -> PathBuf {
        self.0.join("public/content")
    }

    /// `dist/`, trunk's output.
    pub(crate) fn dist(&self) -> PathBuf {
        self.0.join("dist")
    }

    /// A file under `dist/` as text.
    pub(crate) fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.dist().join(file))
            .unwrap_or_else(|e| panic!("dist/{file}: {e}"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A scratch site as trunk leaves it: `public/` holds the fixture corpus
/// `corpus`, and `dist/` the loader of fixture `loader` plus copies of
/// `content/` and `images/` (trunk's copy-dir).
pub(crate) fn built_site(name: &str, corpus: &str, loader: &str) -> Scratch {
    let scratch = Scratch::new(name);
    let public = scratch.path().join("public");
    copy_dir(&fixture(corpus), &public);
    copy_dir(&public, &scratch.dist());
    std::fs::copy(
        fixture(loader).join("index.html"),
        scratch.dist().join("index.html"),
    )
    .unwrap();
    scratch
}

/// Runs `folio-publish` with `args` and extra environment variables.
pub(crate) fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_folio-publish"));
    command
        .args(args)
        .env_remove("FOLIO_BASE_URL")
        .env_remove("FOLIO_PRECOMPRESS")
        .env_remove("FOLIO_OG_IMAGES")
        .env_remove("FOLIO_OG_CACHE");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("folio-publish runs")
}

/// Runs the site step on `content` and `dist`.
pub(crate) fn run_site(
    content: &Path,
    dist: &Path,
    extra: &[&str],
    env: &[(&str, &str)],
) -> Output {
    let mut args = vec!["site", "--content", text(content), "--dist", text(dist)];
    args.extend_from_slice(extra);
    run(&args, env)
}

/// Asserts that a run succeeded, showing its stderr if not; returns stderr.
pub(crate) fn succeeded(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "folio-publish failed:\n{stderr}");
    stderr
}

/// Runs the site step on a scratch site, asserting success; returns stderr.
pub(crate) fn site_step(site: &Scratch, extra: &[&str], env: &[(&str, &str)]) -> String {
    succeeded(&run_site(&site.content(), &site.dist(), extra, env))
}

/// A path as an argument.
pub(crate) fn text(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// The `content` attribute of the first `<meta {key}="{name}">` in `html`.
pub(crate) fn meta<'a>(html: &'a str, key: &str, name: &str) -> Option<&'a str> {
    let start = html.find(&format!("<meta {key}=\"{name}\" content=\""))?;
    let rest = &html[start..];
    let value = &rest[rest.find("content=\"")? + 9..];
    Some(&value[..value.find('"')?])
}

/// Prints `line` and adds it to `target/tmp/test-counts.txt`, which
/// `./x test` prints after the native tests (their output is captured).
pub(crate) fn record(line: &str) {
    use std::io::Write as _;
    eprintln!("{line}");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-counts.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

/// The Atom namespace, for reading feeds.
pub(crate) const ATOM: &str = "http://www.w3.org/2005/Atom";

/// An Atom element's children named `name`.
pub(crate) fn atom_children<'a>(
    node: roxmltree::Node<'a, 'a>,
    name: &str,
) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|n| n.has_tag_name((ATOM, name)))
        .collect()
}

/// The text of an Atom element's first child named `name`.
pub(crate) fn atom_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    atom_children(node, name)
        .first()
        .and_then(|n| n.text())
        .unwrap_or_default()
}

/// Helpers for the import tests.
pub(crate) mod import;
