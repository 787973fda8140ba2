//! Precompressed `.gz` and `.br` siblings of the text files in `dist/`, for
//! hosts that serve them as they are (nginx `gzip_static`/`brotli_static`)
//! instead of compressing every response.

use crate::at;
use crate::parallel;
use flate2::write::GzEncoder;
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

/// Every file under `dir` (recursively) that should get siblings.
fn candidates(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file()
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e))
                && entry.metadata()?.len() >= MIN_BYTES
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Writes `<file>.gz` and `<file>.br` next to every text file of at least
/// [`MIN_BYTES`] under `dist`, on every core.
pub(crate) fn precompress(dist: &Path) -> Result<Totals, String> {
    let files = candidates(dist).map_err(at(dist))?;
    let mut totals = Totals::default();
    for result in parallel::map(&files, |path| compress_file(path).map_err(at(path))) {
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
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    let sibling = PathBuf::from(name);
    if bytes.len() < raw_len {
        std::fs::write(&sibling, bytes)?;
        Ok(bytes.len() as u64)
    } else {
        match std::fs::remove_file(&sibling) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
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
        let totals = precompress(dir).unwrap();
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
