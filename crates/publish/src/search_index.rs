//! Writing the whole-site search index (`folio_content::site_search`): a
//! small metadata file, one file per two-letter shard of terms and one per
//! chunk of result documents. Document ids count from the oldest article,
//! so publishing a new one changes only the last chunk, the shards of its
//! terms and the metadata.

use crate::corpus::Corpus;
use crate::outputs::{Outputs, Record};
use crate::parallel;
use folio_content::site_search::{self, docs_file, shard_file, META_FILE};
use std::io;
use std::path::Path;

/// Writes the index under `out/search/`, replacing what was there, and
/// returns how many files it took (the content step).
pub(crate) fn write(corpus: &Corpus, out: &Path) -> io::Result<usize> {
    let root = out.join("search");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    let none = Record::default();
    write_into(corpus, &Outputs::new(out, 0, &none, false), "")
}

/// Writes the index through `outputs`, under `<dir>search/` (`dir` is
/// where the content directory is under the outputs' root), and returns
/// how many files it took.
pub(crate) fn write_into(corpus: &Corpus, outputs: &Outputs<'_>, dir: &str) -> io::Result<usize> {
    let built = site_search::build_with(&corpus.articles, |docs| {
        parallel::map(docs, |a| site_search::doc_terms(a))
    });
    let file = |site_file: &str| {
        format!(
            "{dir}{}",
            site_file.strip_prefix("content/").unwrap_or(site_file)
        )
    };
    outputs.write_made(&file(META_FILE), &serde_json::to_vec(&built.meta)?)?;
    let shards: Vec<_> = built.shards.iter().collect();
    let written = parallel::map(&shards, |(shard, terms)| -> io::Result<u64> {
        let key = outputs.key().add("terms").add(*terms).finish();
        outputs.make(&file(&shard_file(shard)), key, || {
            Ok::<_, io::Error>(serde_json::to_vec(terms)?)
        })
    });
    let chunk = built.meta.chunk;
    let chunks: Vec<_> = built.docs.iter().enumerate().collect();
    let written_docs = parallel::map(&chunks, |(n, docs)| -> io::Result<u64> {
        let first = *n as u32 * chunk;
        // A chunk shows the summaries of its documents, oldest first.
        let shown = corpus
            .articles
            .iter()
            .rev()
            .skip(first as usize)
            .take(docs.len());
        let key = corpus
            .with_summaries(outputs.key().add("docs"), shown)
            .finish();
        outputs.make(&file(&docs_file(first, chunk)), key, || {
            Ok::<_, io::Error>(serde_json::to_vec(docs)?)
        })
    });
    for result in written.into_iter().chain(written_docs) {
        result?;
    }
    Ok(1 + shards.len() + chunks.len())
}
