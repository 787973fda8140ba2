//! The build manifest, `dist/.folio-publish/manifest.json`: what the last
//! site step built from what. It holds
//! - `global`: the fingerprint of what every file depends on (this tool's
//!   executable, the app loader, `site.json`, the options);
//! - `loader`: trunk's `index.html`, which the step replaces by the front
//!   page, so that the next build still has its template;
//! - `corpus`: each article's file stamp and hashes, summary, related
//!   picks and images, so that the next build reads only changed files;
//! - `og`: each SVG hero's preview PNG;
//! - `outputs`: every file the step owns, with the key of its inputs and
//!   the hash of its bytes.
//!
//! A build whose `global` matches is incremental; any other is full. A
//! full build writes the whole manifest (about 100 MB at 100,000
//! articles); an incremental one writes only what changed since then,
//! `journal.json`, which the next build applies on top (and which becomes
//! part of a new whole manifest once it grows past a tenth of it). A build
//! marks `.folio-publish/` while it runs: if it stops half way, the next one
//! finds the mark and is full. `.folio-publish/` is build state, not part of
//! the site: precompression and the service worker leave it out, and hosts
//! need not serve it.

use crate::corpus::{Cache, Known};
use crate::fingerprint::{FastMap, Stamp};
use crate::og_images::Png;
use crate::outputs::{Built, Record};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The build state directory under `dist/`.
pub(crate) const DIR: &str = ".folio-publish";

/// The manifest's format; a manifest of another version is ignored.
pub(crate) const VERSION: u32 = 1;

/// What the last site step built from what. The corpus is a [`Cache`] when
/// read, and a view of the corpus when written.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest<C = Cache> {
    pub(crate) version: u32,
    pub(crate) global: u64,
    pub(crate) loader: String,
    pub(crate) corpus: C,
    pub(crate) og: BTreeMap<String, Option<Png>>,
    pub(crate) outputs: Record,
}

/// What changed since the whole manifest was written: each entry's new
/// value, `None` for one removed.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Journal {
    pub(crate) started: (i64, u32),
    pub(crate) articles: BTreeMap<String, Option<Known>>,
    /// The images articles show: all of them (a few).
    pub(crate) images: BTreeMap<String, Option<Stamp>>,
    pub(crate) og: BTreeMap<String, Option<Option<Png>>>,
    pub(crate) outputs: FastMap<String, Option<Built>>,
}

impl Journal {
    /// How many entries it has.
    pub(crate) fn len(&self) -> usize {
        self.articles.len() + self.og.len() + self.outputs.len()
    }

    /// Adds what changed since: later entries replace earlier ones.
    pub(crate) fn extend(&mut self, later: Journal) {
        self.started = later.started;
        self.articles.extend(later.articles);
        self.images = later.images;
        self.og.extend(later.og);
        self.outputs.extend(later.outputs);
    }

    /// Applies it to the manifest it follows.
    fn apply(&self, manifest: &mut Manifest) {
        manifest.corpus.started = self.started;
        for (slug, known) in &self.articles {
            match known {
                Some(known) => manifest.corpus.articles.insert(slug.clone(), known.clone()),
                None => manifest.corpus.articles.remove(slug),
            };
        }
        manifest.corpus.images.clone_from(&self.images);
        for (slug, png) in &self.og {
            match png {
                Some(png) => manifest.og.insert(slug.clone(), png.clone()),
                None => manifest.og.remove(slug),
            };
        }
        for (file, built) in &self.outputs {
            match built {
                Some(built) => manifest.outputs.insert(file.clone(), *built),
                None => manifest.outputs.remove(file),
            };
        }
    }
}

/// The last build: its manifest with its journal applied, and the journal.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    pub(crate) manifest: Manifest,
    pub(crate) journal: Journal,
}

fn file(dist: &Path, name: &str) -> PathBuf {
    dist.join(DIR).join(name)
}

const WHOLE: &str = "manifest.json";
const JOURNAL: &str = "journal.json";
/// Present while a build runs.
const RUNNING: &str = "building";

/// Whether `dist` holds a manifest.
pub(crate) fn exists(dist: &Path) -> bool {
    file(dist, WHOLE).is_file()
}

/// Reads the last build's manifest and journal, and marks `dist` as being
/// built. `None` if there is none, one this tool cannot use, or one a build
/// that stopped half way left.
pub(crate) fn take(dist: &Path) -> Result<Option<Previous>, String> {
    let running = file(dist, RUNNING);
    let stopped = running.exists();
    std::fs::create_dir_all(dist.join(DIR)).map_err(crate::at(dist))?;
    std::fs::write(&running, "").map_err(crate::at(&running))?;
    let read = |name: &str| std::fs::read(file(dist, name)).ok();
    let Some(whole) = read(WHOLE).filter(|_| !stopped) else {
        return Ok(None);
    };
    let Some(mut manifest) = serde_json::from_slice::<Manifest>(&whole)
        .ok()
        .filter(|m| m.version == VERSION)
    else {
        return Ok(None);
    };
    let mut journal = Journal::default();
    if let Some(bytes) = read(JOURNAL) {
        let Ok(read) = serde_json::from_slice::<Journal>(&bytes) else {
            return Ok(None);
        };
        journal = read;
        journal.apply(&mut manifest);
    }
    Ok(Some(Previous { manifest, journal }))
}

/// Writes the whole manifest of `dist` (and no journal), and marks the
/// build done.
pub(crate) fn write<C: Serialize>(dist: &Path, manifest: &Manifest<C>) -> Result<(), String> {
    let journal = file(dist, JOURNAL);
    crate::outputs::remove_if_present(&journal).map_err(crate::at(&journal))?;
    write_json(dist, WHOLE, manifest)?;
    done(dist)
}

/// Writes what changed since the whole manifest, and marks the build done.
pub(crate) fn write_journal(dist: &Path, journal: &Journal) -> Result<(), String> {
    write_json(dist, JOURNAL, journal)?;
    done(dist)
}

fn done(dist: &Path) -> Result<(), String> {
    let running = file(dist, RUNNING);
    crate::outputs::remove_if_present(&running).map_err(crate::at(&running))
}

fn write_json(dist: &Path, name: &str, value: &impl Serialize) -> Result<(), String> {
    let path = file(dist, name);
    let at = crate::at(&path);
    std::fs::create_dir_all(dist.join(DIR)).map_err(&at)?;
    let tmp = path.with_extension("json.tmp");
    // Streamed: the whole manifest is 100 MB at 100,000 articles.
    let created = std::fs::File::create(&tmp).map_err(&at)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, created);
    serde_json::to_writer(&mut out, value).map_err(crate::at(&path))?;
    std::io::Write::flush(&mut out).map_err(&at)?;
    std::fs::rename(&tmp, &path).map_err(&at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_replays_later_changes_over_earlier_ones() {
        let built = |n| Some(Built(n, n));
        let mut manifest = Manifest::default();
        manifest.outputs.insert("a.html".into(), Built(1, 1));
        manifest.outputs.insert("b.html".into(), Built(2, 2));
        let mut journal = Journal::default();
        journal.outputs.insert("a.html".into(), built(10));
        journal.outputs.insert("c.html".into(), built(30));
        let mut later = Journal {
            started: (5, 0),
            ..Journal::default()
        };
        later.outputs.insert("c.html".into(), None);
        later.outputs.insert("b.html".into(), built(20));
        journal.extend(later);
        assert_eq!(journal.len(), 3);
        journal.apply(&mut manifest);
        let mut files: Vec<_> = manifest.outputs.into_iter().collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            files,
            [
                ("a.html".to_owned(), Built(10, 10)),
                ("b.html".to_owned(), Built(20, 20))
            ]
        );
        assert_eq!(manifest.corpus.started, (5, 0));
    }

    #[test]
    fn a_manifest_without_a_journal_is_read_as_it_was_written() {
        let temp = crate::test_support::TempDir::new("manifest");
        let mut manifest: Manifest = Manifest {
            version: VERSION,
            ..Manifest::default()
        };
        // Files written near this time are read again by the next build.
        manifest.corpus.started = (1_700_000_000, 5);
        write(temp.path(), &manifest).unwrap();
        let read = take(temp.path()).unwrap().expect("a manifest");
        assert_eq!(read.manifest.corpus.started, (1_700_000_000, 5));
        // It is marked as being built again; a second reader finds the mark.
        assert!(take(temp.path()).unwrap().is_none());
    }
}
