//! Precompressed `.gz` and `.br` siblings of the text files in `dist/`, for
//! hosts that serve them as they are (nginx `gzip_static`/`brotli_static`)
//! instead of compressing every response.

use crate::at;
use crate::fingerprint::Stamp;
use crate::manifest;
use crate::outputs::{remove_if_present, sibling, SIBLINGS};
use crate::parallel;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Extensions worth compressing: text formats and wasm.
const EXTENSIONS: &[&str] = &[
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "json",
    "svg",
    "xml",
    "txt",
    "webmanifest",
];

/// Files smaller than this are left alone: below about a kilobyte the saving
/// is a few hundred bytes and costs two extra files (and inodes) each.
pub(crate) const MIN_BYTES: u64 = 1024;

/// Compression levels by file, as (gzip, brotli): the highest for
/// content-hashed bundles (few, compressed once per release, downloaded by
/// every reader), fast ones for the hundreds of thousands of pages and
/// content files. Measured on synthetic article JSON: brotli 4 runs at ~50
/// MB/s for a ratio of 0.33, while 5 to 9 drop to ~2 MB/s (a fixed per-file
/// setup cost that dominates small files) for 0.31, and 11 to ~0.6 MB/s for
/// 0.28; gzip 6 runs at ~60 MB/s, 9 at ~43 MB/s for 0.5% less.
fn levels(path: &Path) -> (u32, i32) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if is_hashed(name) {
        (9, 11)
    } else {
        (6, 4)
    }
}

/// Whether a file name carries trunk's content hash (`folio-1f0cadca543b9b46_bg.wasm`).
pub(crate) fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Sizes before and after, summed over the files compressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    pub(crate) files: usize,
    pub(crate) raw: u64,
    pub(crate) gzip: u64,
    pub(crate) brotli: u64,
}

/// Whether a file should get siblings: a text format, large enough.
fn wanted(path: &Path, len: u64) -> bool {
    len >= MIN_BYTES
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Whether a directory entry is build state (`.folio-publish/`) or another
/// hidden file, which is never part of the site.
fn hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Every file under `dir` (recursively) that should get siblings.
fn candidates(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            if hidden(&entry.file_name()) {
                continue;
            }
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() && wanted(&path, entry.metadata()?.len()) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// What precompression knows between builds, `dist/.folio-publish/compress.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// The stamps of the files directly in `dist/` when it was last
    /// precompressed (the service worker is written there between the
    /// site step and this one); `None` if it never was.
    roots: Option<BTreeMap<String, Stamp>>,
    /// Files the site step wrote since then, by path under `dist/`.
    pending: BTreeSet<String>,
}

fn state_path(dist: &Path) -> PathBuf {
    dist.join(manifest::DIR).join("compress.json")
}

fn read_state(dist: &Path) -> State {
    std::fs::read(state_path(dist))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn write_state(dist: &Path, state: &State) -> Result<(), String> {
    let path = state_path(dist);
    let at = at(&path);
    std::fs::create_dir_all(dist.join(manifest::DIR)).map_err(&at)?;
    let bytes = serde_json::to_vec(state).map_err(crate::at(&path))?;
    std::fs::write(&path, bytes).map_err(&at)
}

/// Records what the site step wrote: after a full build everything is
/// precompressed again; after an incremental one, only `written` (added to
/// what is still pending).
pub(crate) fn note_written(dist: &Path, written: &[String], full: bool) -> Result<(), String> {
    // After a full build, everything is precompressed again: no list.
    let mut state = State::default();
    if !full {
        state = read_state(dist);
        state.pending.extend(written.iter().cloned());
    }
    write_state(dist, &state)
}

/// The stamps of the files directly in `dist`.
fn root_stamps(dist: &Path) -> io::Result<BTreeMap<String, Stamp>> {
    let mut stamps = BTreeMap::new();
    for entry in std::fs::read_dir(dist)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_sibling = SIBLINGS
            .iter()
            .any(|ext| name.ends_with(&format!(".{ext}")));
        if hidden(entry.file_name().as_os_str()) || is_sibling || !entry.file_type()?.is_file() {
            continue;
        }
        stamps.insert(name.to_owned(), Stamp::of(&entry.metadata()?));
    }
    Ok(stamps)
}

/// Writes `<file>.gz` and `<file>.br` next to the text files of at least
/// [`MIN_BYTES`] under `dist` that changed since it was last precompressed
/// (those the site step wrote, and files directly in `dist/` written by
/// another tool), or next to every such file if it never was or `full`;
/// on every core.
pub(crate) fn run(dist: &Path, full: bool) -> Result<Totals, String> {
    let state = read_state(dist);
    let roots = root_stamps(dist).map_err(at(dist))?;
    let files = match &state.roots {
        Some(before) if !full => {
            let changed = roots
                .iter()
                .filter(|(name, stamp)| before.get(*name) != Some(stamp))
                .map(|(name, _)| name);
            let files: BTreeSet<&String> = state.pending.iter().chain(changed).collect();
            let mut wanted_files = Vec::with_capacity(files.len());
            for file in files {
                let path = dist.join(file);
                match std::fs::metadata(&path) {
                    Ok(meta) if wanted(&path, meta.len()) => wanted_files.push(path),
                    // Gone, or not worth compressing (any more).
                    _ => {
                        for ext in SIBLINGS {
                            remove_if_present(&sibling(&path, ext)).map_err(at(&path))?;
                        }
                    }
                }
            }
            wanted_files
        }
        _ => candidates(dist).map_err(at(dist))?,
    };
    let totals = precompress_files(&files)?;
    write_state(
        dist,
        &State {
            roots: Some(roots),
            pending: BTreeSet::new(),
        },
    )?;
    Ok(totals)
}

/// Compresses `files`, on every core.
fn precompress_files(files: &[PathBuf]) -> Result<Totals, String> {
    let mut totals = Totals::default();
    for result in parallel::map(files, |path| compress_file(path).map_err(at(path))) {
        let (raw, gzip, brotli) = result?;
        totals.files += 1;
        totals.raw += raw;
        totals.gzip += gzip;
        totals.brotli += brotli;
    }
    Ok(totals)
}

/// Compresses one file; returns its raw, gzip and brotli sizes (a sibling
/// that would not be smaller is not written, and counts as the raw size).
fn compress_file(path: &Path) -> io::Result<(u64, u64, u64)> {
    let raw = std::fs::read(path)?;
    let (gzip_level, brotli_quality) = levels(path);
    let mut gz = GzEncoder::new(
        Vec::with_capacity(raw.len() / 3),
        flate2::Compression::new(gzip_level),
    );
    gz.write_all(&raw)?;
    let gz = gz.finish()?;

    let params = brotli::enc::BrotliEncoderParams {
        quality: brotli_quality,
        // A window just large enough for the file keeps memory and time down
        // on the many small files; brotli allows 2^10 to 2^24 bytes.
        lgwin: (usize::BITS - raw.len().leading_zeros()).clamp(10, 24) as i32,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut br = Vec::with_capacity(raw.len() / 3);
    brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params)?;

    let mut sizes = (raw.len() as u64, raw.len() as u64, raw.len() as u64);
    sizes.1 = write_sibling(path, "gz", &gz, raw.len())?;
    sizes.2 = write_sibling(path, "br", &br, raw.len())?;
    Ok(sizes)
}

/// Writes `path.ext` if `bytes` is smaller than the original, else removes
/// any old sibling so a server never serves a stale one; returns the size a
/// client would download.
fn write_sibling(path: &Path, ext: &str, bytes: &[u8], raw_len: usize) -> io::Result<u64> {
    let sibling = sibling(path, ext);
    if bytes.len() < raw_len {
        std::fs::write(&sibling, bytes)?;
        Ok(bytes.len() as u64)
    } else {
        remove_if_present(&sibling)?;
        Ok(raw_len as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed("folio-1f0cadca543b9b46_bg.wasm"));
        assert!(is_hashed("base-b93a2a6f06f8ef7e.css"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("port-plan-2026.json"));
    }

    #[test]
    fn writes_siblings_that_decompress_to_the_original() {
        let temp = crate::test_support::TempDir::new("compress");
        let dir = temp.path();
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let text = "<p>Río &amp; São</p>\n".repeat(200);
        std::fs::write(dir.join("sub/page.html"), &text).unwrap();
        std::fs::write(dir.join("small.json"), "{}").unwrap();
        std::fs::write(dir.join("image.png"), text.as_bytes()).unwrap();
        let totals = run(dir, true).unwrap();
        assert_eq!(totals.files, 1);
        assert!(totals.brotli < totals.raw && totals.gzip < totals.raw);

        let gz = std::fs::read(dir.join("sub/page.html.gz")).unwrap();
        let mut out = String::new();
        io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz.as_slice()), &mut out)
            .unwrap();
        assert_eq!(out, text);
        let br = std::fs::read(dir.join("sub/page.html.br")).unwrap();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut out).unwrap();
        assert_eq!(out, text.as_bytes());
        assert!(!dir.join("small.json.gz").exists() && !dir.join("image.png.br").exists());
    }
}
