//! Writing the whole-site search index (`folio_content::site_search`) into
//! the content directory: a small metadata file, one file per two-letter
//! shard of terms and one per chunk of result documents, replacing what
//! was there.

use crate::corpus::Corpus;
use crate::parallel;
use folio_content::site_search::{self, docs_file, shard_file, META_FILE};
use std::io;
use std::path::{Path, PathBuf};

/// Where a site-relative `content/…` file goes under `out` (the content
/// directory itself).
fn under(out: &Path, file: &str) -> PathBuf {
    out.join(file.strip_prefix("content/").unwrap_or(file))
}

/// Writes the index and returns how many files it took.
pub(crate) fn write(corpus: &Corpus, out: &Path) -> io::Result<usize> {
    let built = site_search::build(&corpus.articles);
    let root = out.join("search");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    std::fs::create_dir_all(root.join("terms"))?;
    std::fs::create_dir_all(root.join("docs"))?;
    std::fs::write(under(out, META_FILE), serde_json::to_vec(&built.meta)?)?;
    let shards: Vec<_> = built.shards.iter().collect();
    let written = parallel::map(&shards, |(shard, terms)| -> io::Result<()> {
        std::fs::write(under(out, &shard_file(shard)), serde_json::to_vec(terms)?)
    });
    let chunks: Vec<_> = built.docs.iter().enumerate().collect();
    let written_docs = parallel::map(&chunks, |(n, docs)| -> io::Result<()> {
        let file = docs_file(*n as u32 * built.meta.chunk, built.meta.chunk);
        std::fs::write(under(out, &file), serde_json::to_vec(docs)?)
    });
    for result in written.into_iter().chain(written_docs) {
        result?;
    }
    Ok(1 + shards.len() + chunks.len())
}
