//! The files a step writes, and what each was built from. Every file is
//! recorded with a key (a fingerprint of everything it was made from) and
//! the hash of its bytes. An incremental build keeps a file whose key is
//! unchanged without making it again, and writes a file it made again only
//! if its bytes differ from the last build's; files the last build wrote
//! and this one does not are removed, with their precompressed siblings.
//! The record is the `outputs` of the manifest (`manifest.rs`).

use crate::fingerprint::{hash_bytes, FastMap, Key, Stamp};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One file as a build made it: `[key, hash of its bytes]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Built(pub(crate) u64, pub(crate) u64);

/// Every file of a build, by path under its root (`articles/a.html`).
pub(crate) type Record = FastMap<String, Built>;

/// The extensions of precompressed siblings (`compress.rs`).
pub(crate) const SIBLINGS: [&str; 2] = ["gz", "br"];

/// `path.gz` or `path.br`.
pub(crate) fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Removes a file if it exists.
pub(crate) fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The files of one build in progress. Shared by the threads that write.
pub(crate) struct Outputs<'a> {
    root: PathBuf,
    /// Part of every key: what every file depends on (the tool, the loader,
    /// `site.json`, the options).
    global: u64,
    /// The last build's files.
    previous: &'a Record,
    /// Whether the last build's files may be kept (an incremental build).
    keeping: bool,
    record: Mutex<Record>,
    /// Files whose bytes this build wrote, for precompression.
    written: Mutex<Vec<String>>,
}

/// What a build did to its files.
#[derive(Debug, Default)]
pub(crate) struct Finished {
    pub(crate) record: Record,
    /// Files written (new or changed), sorted.
    pub(crate) written: Vec<String>,
    /// Files of the last build removed.
    pub(crate) removed: Vec<String>,
    /// Files whose record differs from the last build's (written, or made
    /// from other inputs into the same bytes).
    pub(crate) changed: Vec<(String, Built)>,
}

impl<'a> Outputs<'a> {
    /// Files under `root`. `previous` is the last build's record (empty if
    /// none); its files are kept only if `keeping`, but those this build
    /// does not make are removed either way.
    pub(crate) fn new(root: &Path, global: u64, previous: &'a Record, keeping: bool) -> Self {
        Self {
            root: root.to_owned(),
            global,
            previous,
            keeping,
            record: Mutex::new(Record::default()),
            written: Mutex::new(Vec::new()),
        }
    }

    /// A key for one file: what every file depends on, then the caller adds
    /// the file's own inputs.
    pub(crate) fn key(&self) -> Key {
        Key::new().add(&self.global)
    }

    /// Where `file` is on disk.
    pub(crate) fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    fn note(&self, file: &str, built: Built) {
        self.record
            .lock()
            .expect("no writer panics holding the record")
            .insert(file.to_owned(), built);
    }

    /// Whether `file` is as the last build left it for inputs `key`; if
    /// so, it is kept.
    pub(crate) fn unchanged(&self, file: &str, key: u64) -> bool {
        let kept = self.keeping && self.previous.get(file).is_some_and(|b| b.0 == key);
        if kept {
            self.note(file, self.previous[file]);
        }
        kept
    }

    /// Keeps `file` as the last build left it, without looking at its
    /// inputs: the caller knows they did not change. Only in an
    /// incremental build, and only for a file the last build made.
    pub(crate) fn keep(&self, file: &str) {
        debug_assert!(self.keeping);
        if let Some(&built) = self.previous.get(file) {
            self.note(file, built);
        }
    }

    /// Keeps every file of the last build under `prefix` that `keep`
    /// accepts, as [`Outputs::keep`] does.
    pub(crate) fn keep_under(&self, prefix: &str, keep: impl Fn(&str) -> bool) {
        for file in self.previous.keys() {
            if file.starts_with(prefix) && keep(file) {
                self.keep(file);
            }
        }
    }

    /// Records `file`, written by another part of the step, as built from
    /// `key`.
    pub(crate) fn record(&self, file: &str, key: u64) {
        self.note(file, Built(key, key));
    }

    /// Writes `bytes` as `file`, made from inputs `key`, unless the last
    /// build wrote the same bytes there. A file written loses its
    /// precompressed siblings until they are made again, so none is ever
    /// stale. Returns the number of bytes written.
    pub(crate) fn write(&self, file: &str, key: u64, bytes: &[u8]) -> io::Result<u64> {
        let hash = hash_bytes(bytes);
        let before = self.previous.get(file);
        self.note(file, Built(key, hash));
        if self.keeping && before.is_some_and(|b| b.1 == hash) {
            return Ok(0);
        }
        self.replace(file, before.is_some(), |path| std::fs::write(path, bytes))?;
        Ok(bytes.len() as u64)
    }

    /// Puts a new version of `file` on disk with `put`, removes the
    /// siblings of the old one (if there was one), and lists it as written.
    fn replace(
        &self,
        file: &str,
        had_one: bool,
        put: impl FnOnce(&Path) -> io::Result<()>,
    ) -> io::Result<()> {
        let path = self.path(file);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        put(&path)?;
        if had_one {
            for ext in SIBLINGS {
                remove_if_present(&sibling(&path, ext))?;
            }
        }
        self.written
            .lock()
            .expect("no writer panics holding the list")
            .push(file.to_owned());
        Ok(())
    }

    /// Writes a file whose inputs have no cheaper fingerprint than its
    /// bytes (a small page, the sitemap): made every time, written only if
    /// it changed.
    pub(crate) fn write_made(&self, file: &str, bytes: &[u8]) -> io::Result<u64> {
        let key = self.key().add(&hash_bytes(bytes)).finish();
        self.write(file, key, bytes)
    }

    /// Makes `file` with `make` and writes it, unless it is unchanged for
    /// inputs `key`. Returns the bytes written.
    pub(crate) fn make<E: From<io::Error>>(
        &self,
        file: &str,
        key: u64,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<u64, E> {
        if self.unchanged(file, key) {
            return Ok(0);
        }
        Ok(self.write(file, key, &make()?)?)
    }

    /// Copies `source` (stamped `stamp`) to `file`, its key `key` being the
    /// hash of its bytes, unless it is unchanged. A full build also leaves
    /// alone a copy as large as the source and no older (`trunk build`
    /// copied it just now).
    pub(crate) fn copy(&self, file: &str, key: u64, source: &Path, stamp: Stamp) -> io::Result<()> {
        if self.unchanged(file, key) {
            return Ok(());
        }
        let before = self.previous.get(file);
        self.note(file, Built(key, key));
        let path = self.path(file);
        if !self.keeping {
            if let Some(copy) = Stamp::read(&path) {
                if copy.0 == stamp.0 && (copy.1, copy.2) >= (stamp.1, stamp.2) {
                    return Ok(());
                }
            }
        } else if before.is_some_and(|b| b.1 == key) {
            return Ok(());
        }
        self.replace(file, before.is_some(), |path| {
            std::fs::copy(source, path).map(drop)
        })
    }

    /// Removes the last build's files that this build did not make (and
    /// their siblings, and directories left empty), and returns the record.
    pub(crate) fn finish(self) -> io::Result<Finished> {
        let record = self.record.into_inner().expect("writers are done");
        let mut written = self.written.into_inner().expect("writers are done");
        written.sort();
        let mut removed = Vec::new();
        let mut gone: Vec<&String> = self
            .previous
            .keys()
            .filter(|f| !record.contains_key(*f))
            .collect();
        gone.sort();
        for file in gone {
            let path = self.root.join(file);
            remove_if_present(&path)?;
            for ext in SIBLINGS {
                remove_if_present(&sibling(&path, ext))?;
            }
            // A tag's last page gone leaves its directory empty; a full
            // build would not have it.
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != self.root) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            removed.push(file.clone());
        }
        let changed = record
            .iter()
            .filter(|(file, built)| self.previous.get(*file) != Some(built))
            .map(|(file, built)| (file.clone(), *built))
            .collect();
        Ok(Finished {
            record,
            written,
            removed,
            changed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TempDir;

    #[test]
    fn an_incremental_build_keeps_rewrites_and_removes() {
        let temp = TempDir::new("outputs");
        let root = temp.path();
        let empty = Record::default();
        let first = Outputs::new(root, 1, &empty, false);
        first.write("a.html", 10, b"a").unwrap();
        first.write("b.html", 20, b"b").unwrap();
        first.write("dir/c.html", 30, b"c").unwrap();
        let first = first.finish().unwrap();
        assert_eq!(first.written, ["a.html", "b.html", "dir/c.html"]);
        std::fs::write(root.join("b.html.gz"), "old").unwrap();

        let second = Outputs::new(root, 1, &first.record, true);
        // Same key: kept without making it.
        second
            .make("a.html", 10, || -> io::Result<Vec<u8>> {
                panic!("made again")
            })
            .unwrap();
        // A new key, the same bytes: not written again.
        second.write("b.html", 21, b"b").unwrap();
        second.write("d.html", 40, b"d").unwrap();
        let second = second.finish().unwrap();
        assert_eq!(second.written, ["d.html"]);
        assert_eq!(second.removed, ["dir/c.html"]);
        assert!(!root.join("dir").exists(), "emptied directories go too");
        assert!(root.join("b.html.gz").exists());

        let third = Outputs::new(root, 1, &second.record, true);
        for file in ["a.html", "d.html"] {
            third.keep(file);
        }
        third.write("b.html", 22, b"B").unwrap();
        let third = third.finish().unwrap();
        assert_eq!(third.written, ["b.html"]);
        assert!(
            !root.join("b.html.gz").exists(),
            "a stale sibling is removed"
        );
        assert_eq!(std::fs::read(root.join("b.html")).unwrap(), b"B");
    }
}
