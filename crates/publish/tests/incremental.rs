//! Incremental builds: after an article is added, edited or removed, a
//! site step that reuses the last build leaves `dist/` byte for byte as a
//! full build of the same corpus into a fresh directory does (every page,
//! listing, feed, sitemap, search file, copy, preview image and
//! precompressed sibling, and no other file), and writes only what changed.

mod common;

use common::{copy_dir, fixture, run, succeeded, text, Scratch};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A site being published: `public/` and the `dist/` it is built into
/// incrementally, beside a fresh `dist/` for each full build.
struct Publishing {
    scratch: Scratch,
    /// Options of every site step (the same for both builds).
    flags: Vec<&'static str>,
}

impl Publishing {
    fn new(name: &str, flags: &[&'static str], corpus: impl FnOnce(&Path)) -> Self {
        let scratch = Scratch::new(name);
        corpus(&scratch.path().join("public"));
        let site = Publishing {
            scratch,
            flags: flags.to_vec(),
        };
        site.trunk(&site.incremental());
        let out = site.build(&site.incremental());
        assert!(
            !out.contains("incremental:"),
            "the first build is full: {out}"
        );
        site
    }

    fn public(&self) -> PathBuf {
        self.scratch.path().join("public")
    }

    fn article(&self, slug: &str) -> PathBuf {
        self.public().join(format!("content/articles/{slug}.json"))
    }

    fn incremental(&self) -> PathBuf {
        self.scratch.path().join("dist")
    }

    /// What `trunk build` leaves: `public/` copied, and the app loader.
    fn trunk(&self, dist: &Path) {
        let _ = std::fs::remove_dir_all(dist);
        copy_dir(&self.public(), dist);
        std::fs::copy(fixture("loader/index.html"), dist.join("index.html")).unwrap();
    }

    /// The steps `./x` runs after trunk: the site step, the service worker
    /// (its precache revision follows `shell.html`, as Workbox's does), and
    /// precompression. Returns the site step's output.
    fn build(&self, dist: &Path) -> String {
        let content = self.public().join("content");
        let mut args = vec![
            "site",
            "--content",
            text(&content),
            "--dist",
            text(dist),
            "--no-precompress",
        ];
        args.extend(&self.flags);
        let out = run(&args, &[]);
        succeeded(&out);
        let shell = std::fs::read(dist.join("shell.html")).unwrap();
        let revision: u64 = shell.iter().map(|&b| u64::from(b)).sum();
        let worker = format!(
            "// shell.html {revision}\n{}\n",
            "/* workbox */".repeat(200)
        );
        std::fs::write(dist.join("sw.js"), worker).unwrap();
        succeeded(&run(&["compress", "--dist", text(dist)], &[]));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Applies `change` to the corpus, builds incrementally, and checks the
    /// result against a full build into a fresh directory. Returns how many
    /// files the incremental build wrote.
    fn publish(&self, what: &str, change: impl FnOnce(&Self)) -> usize {
        change(self);
        let out = self.build(&self.incremental());
        let full = self.scratch.path().join("dist-full");
        self.trunk(&full);
        self.build(&full);
        assert_same(&self.incremental(), &full, what);
        let written = out
            .lines()
            .find_map(|l| l.split("changed; ").nth(1))
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{what}: not an incremental build:\n{out}"));
        eprintln!("{what}: {written} files written");
        written
    }

    fn read(&self, slug: &str) -> Value {
        serde_json::from_slice(&std::fs::read(self.article(slug)).unwrap()).unwrap()
    }

    fn write(&self, slug: &str, article: &Value) {
        std::fs::write(
            self.article(slug),
            serde_json::to_vec_pretty(article).unwrap(),
        )
        .unwrap();
    }

    /// Every article's slug, newest first.
    fn slugs(&self) -> Vec<String> {
        let dir = self.public().join("content/articles");
        let mut all: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                let a: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                (
                    a["published"].as_str().unwrap().to_owned(),
                    a["slug"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        all.into_iter().map(|(_, slug)| slug).collect()
    }

    /// An article no other article picks as related, about `at` of the way
    /// from the newest to the oldest, that is not a brief.
    fn unpicked(&self, at: f64) -> String {
        let slugs = self.slugs();
        let picked: Vec<String> = slugs
            .iter()
            .flat_map(|s| {
                self.read(s)["related"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|v| v.as_str().unwrap().to_owned())
            })
            .collect();
        let start = (slugs.len() as f64 * at) as usize;
        slugs[start..]
            .iter()
            .find(|s| !picked.contains(s) && self.read(s)["kind"] != "brief")
            .expect("an article nobody picks")
            .clone()
    }
}

/// Every file under `dir` but the build's own state, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(dir).unwrap().to_str().unwrap().to_owned();
            if name == ".folio-publish" {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else {
                found.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

fn assert_same(incremental: &Path, full: &Path, what: &str) {
    let (a, b) = (files(incremental), files(full));
    let only = |x: &BTreeMap<String, Vec<u8>>, y: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
        x.keys().filter(|k| !y.contains_key(*k)).cloned().collect()
    };
    let differ: Vec<&String> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only(&a, &b).is_empty() && only(&b, &a).is_empty() && differ.is_empty(),
        "{what}: the incremental build differs from a full one\n\
         only incremental: {:?}\nonly full: {:?}\ndifferent bytes: {differ:?}",
        only(&a, &b),
        only(&b, &a)
    );
    assert!(a.len() > 100, "{what}: {} files", a.len());
}

/// A synthetic corpus of `n` articles with short listing pages, so that
/// publishing shifts several pages of each listing.
fn corpus(n: usize) -> impl FnOnce(&Path) {
    move |public| {
        folio_corpus_gen::generate(public, n, 7).unwrap();
        let site = public.join("content/site.json");
        let mut json: Value = serde_json::from_slice(&std::fs::read(&site).unwrap()).unwrap();
        json["page_size"] = 4.into();
        std::fs::write(&site, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    }
}

#[test]
fn publishing_adding_editing_and_removing_articles_gives_the_full_builds_bytes() {
    // Preview images have their own test below: unoptimised test builds
    // render the synthetic heroes slowly.
    let site = Publishing::new("incremental", &["--no-og-images"], corpus(40));
    let total = files(&site.incremental()).len();

    let written = site.publish("nothing changed", |_| {});
    assert_eq!(written, 0, "nothing to write");
    let written = site.publish("a file written again unchanged", |s| {
        let slug = s.unpicked(0.5);
        std::fs::write(s.article(&slug), std::fs::read(s.article(&slug)).unwrap()).unwrap();
    });
    assert_eq!(written, 0, "the same bytes");

    site.publish("a new article, newest, with a new image", |s| {
        let newest = &s.slugs()[0];
        let mut a = s.read(newest);
        a["slug"] = "just-published".into();
        a["headline"] = "Just published: a harbour reopens".into();
        a["kind"] = "news".into();
        a["authors"] = serde_json::json!(["Ana Souza"]);
        a["dek"] = "Ships are back.".into();
        a["published"] = "2030-01-01T00:00:00Z".into();
        a["updated"] = Value::Null;
        a["related"] = Value::Array(vec![]);
        a["hero"] = serde_json::json!({ "src": "images/new-hero.svg", "alt": "A harbour" });
        std::fs::write(
            s.public().join("images/new-hero.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"/>"#,
        )
        .unwrap();
        s.write("just-published", &a);
    });
    let written = site.publish("a headline and body edited", |s| {
        let slug = s.unpicked(0.5);
        let mut a = s.read(&slug);
        a["headline"] = "An edited headline".into();
        a["body"] = "A shorter body, *rewritten*.".into();
        s.write(&slug, &a);
    });
    assert!(
        written < total / 4,
        "{written} of {total} files for an edit"
    );
    site.publish("an article moved to another section, tags and date", |s| {
        let slug = s.unpicked(0.3);
        let mut a = s.read(&slug);
        let section = if a["section"] == "europe" {
            "africa"
        } else {
            "europe"
        };
        a["section"] = section.into();
        a["tags"] = serde_json::json!(["Moved", "trade"]);
        a["published"] = "2016-06-01T08:00:00Z".into();
        a["updated"] = Value::Null;
        s.write(&slug, &a);
    });
    site.publish("an article removed", |s| {
        std::fs::remove_file(s.article(&s.unpicked(0.6))).unwrap();
    });
    site.publish("the newest article removed", |s| {
        std::fs::remove_file(s.article("just-published")).unwrap();
        std::fs::remove_file(s.public().join("images/new-hero.svg")).unwrap();
    });
    site.publish("a hero image resized", |s| {
        let image = s.public().join("images/bench-hero-3.svg");
        let svg = std::fs::read_to_string(&image).unwrap();
        std::fs::write(&image, svg.replace("height=\"675\"", "height=\"600\"")).unwrap();
    });
    // Not incremental: every page shows the site's name. Still the same bytes.
    let out = {
        let path = site.public().join("content/site.json");
        let mut json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        json["name"] = "Folio Renamed".into();
        std::fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
        site.build(&site.incremental())
    };
    assert!(!out.contains("incremental:"), "{out}");
    let full = site.scratch.path().join("dist-full");
    site.trunk(&full);
    site.build(&full);
    assert_same(&site.incremental(), &full, "site.json changed");
}

#[test]
fn preview_images_follow_their_articles() {
    let site = Publishing::new("incremental-og", &[], |public| {
        copy_dir(&fixture("good"), public);
    });
    site.publish("a new article with an SVG hero", |s| {
        let mut a = s.read("port-plan");
        a["slug"] = "second-port".into();
        a["published"] = "2026-11-20T08:00:00Z".into();
        a["related"] = Value::Array(vec![]);
        s.write("second-port", &a);
    });
    site.publish("its hero redrawn", |s| {
        let image = s.public().join("images/port.svg");
        let svg = std::fs::read_to_string(&image).unwrap();
        std::fs::write(&image, svg.replacen("<svg ", "<svg data-redrawn=\"1\" ", 1)).unwrap();
    });
    site.publish("it is removed", |s| {
        std::fs::remove_file(s.article("second-port")).unwrap();
    });
    assert!(!site
        .incremental()
        .join("images/og/second-port.png")
        .exists());
}

#[test]
fn a_build_that_stopped_half_way_is_followed_by_a_full_one() {
    let site = Publishing::new("incremental-stopped", &["--no-og-images"], |public| {
        copy_dir(&fixture("good"), public);
    });
    // A build marks dist/ while it runs: this one never finished.
    std::fs::write(site.incremental().join(".folio-publish/building"), "").unwrap();
    let out = site.build(&site.incremental());
    assert!(!out.contains("incremental:"), "{out}");
    assert!(!site.incremental().join(".folio-publish/building").exists());
    let out = site.build(&site.incremental());
    assert!(out.contains("incremental:"), "{out}");
}
