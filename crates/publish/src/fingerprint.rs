//! Fingerprints: how the incremental build tells that an input changed
//! without reading it again (a file's [`Stamp`]), and what an output was
//! built from (a [`Key`] over its inputs) or holds (a hash of its bytes).
//! Hashes are xxh3 (64 bits): fast enough to hash every article of a large
//! corpus, and a fixed algorithm, so a manifest stays readable by later
//! builds of the tool.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use xxhash_rust::xxh3::Xxh3;

/// A hash map keyed by xxh3: the build's maps of slugs and file names are
/// looked up hundreds of thousands of times per build, and their keys are
/// not chosen by an attacker.
pub(crate) type FastMap<K, V> = HashMap<K, V, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

/// The hash of some bytes.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A fingerprint built from parts: `Key::new().add(&a).add(&b).finish()`.
#[derive(Clone, Default)]
pub(crate) struct Key(Xxh3);

impl Key {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds one input.
    pub(crate) fn add<T: Hash + ?Sized>(mut self, part: &T) -> Self {
        part.hash(&mut self.0);
        self
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// A file's length and modification time (seconds and nanoseconds since
/// the Unix epoch): both change whenever the file is written, so a file
/// whose stamp is unchanged is taken as unchanged, as make and cargo do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct Stamp(pub(crate) u64, pub(crate) i64, pub(crate) u32);

impl Stamp {
    /// The stamp of a file's metadata.
    pub(crate) fn of(meta: &std::fs::Metadata) -> Stamp {
        let (secs, nanos) = meta.modified().map_or((0, 0), since_epoch);
        Stamp(meta.len(), secs, nanos)
    }

    /// The stamp of the file at `path`, if it exists.
    pub(crate) fn read(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// Whether the file was written so close to `time` (the start of the
    /// build that recorded this stamp) that it could have been written
    /// again in the same clock tick without its stamp changing. Such a
    /// file is read again (git calls this "racily clean").
    pub(crate) fn racy(self, time: (i64, u32)) -> bool {
        // Two seconds covers the coarsest file systems (FAT).
        (self.1, self.2) >= (time.0 - 2, time.1)
    }
}

fn since_epoch(t: SystemTime) -> (i64, u32) {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        Err(e) => {
            let d: Duration = e.duration();
            (-(d.as_secs() as i64) - 1, 0)
        }
    }
}

/// Now, as a stamp's time.
pub(crate) fn now() -> (i64, u32) {
    since_epoch(SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_every_part_and_its_order() {
        let k = |a: &str, b: u64| Key::new().add(a).add(&b).finish();
        assert_eq!(k("a", 1), k("a", 1));
        assert_ne!(k("a", 1), k("a", 2));
        assert_ne!(k("a", 1), k("b", 1));
        // Strings are length-delimited: "ab" + "c" is not "a" + "bc".
        assert_ne!(
            Key::new().add("ab").add("c").finish(),
            Key::new().add("a").add("bc").finish()
        );
    }

    #[test]
    fn stamps_written_near_a_build_are_racy() {
        let at = (1_000, 500);
        assert!(Stamp(1, 1_000, 0).racy(at));
        assert!(Stamp(1, 999, 0).racy(at));
        assert!(!Stamp(1, 990, 0).racy(at));
    }
}
