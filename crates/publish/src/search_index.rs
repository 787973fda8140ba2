//! Writing the whole-site search index (`folio_content::site_search`): a
//! small metadata file, one file per two-letter shard of terms and one per
//! chunk of result documents. Document ids count from the oldest article,
//! so publishing new articles changes only the last chunk, the shards of
//! their terms and the metadata: an incremental build that only added
//! articles newer than the others extends those shards as the last build
//! wrote them, without indexing the whole site again.

use crate::corpus::Corpus;
use crate::outputs::{Outputs, Record};
use crate::parallel;
use folio_content::site_search::{self, docs_file, shard_file, Shard, DOC_CHUNK, META_FILE};
use folio_content::ArticleSummary;
use std::collections::{BTreeMap, HashSet};
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
    write_into(corpus, &Outputs::new(out, 0, &none, false), "", None)
}

/// Writes the index through `outputs`, under `<dir>search/` (`dir` is
/// where the content directory is under the outputs' root), and returns
/// how many files it took. `appended` is how many articles the last build
/// indexed when this one only added articles, all newer than those: only
/// the shards of the new articles' terms are then made.
pub(crate) fn write_into(
    corpus: &Corpus,
    outputs: &Outputs<'_>,
    dir: &str,
    appended: Option<usize>,
) -> io::Result<usize> {
    let file = |site_file: &str| {
        let site_file = site_file.strip_prefix("content/").unwrap_or(site_file);
        format!("{dir}{site_file}")
    };
    let oldest_first: Vec<&ArticleSummary> = corpus.articles.iter().rev().collect();
    let meta = site_search::meta(oldest_first.len());
    outputs.write_made(&file(META_FILE), &serde_json::to_vec(&meta)?)?;
    let terms = |docs: &[&ArticleSummary]| parallel::map(docs, |a| site_search::doc_terms(a));
    let shards = match appended {
        None => site_search::shards_with(&oldest_first, 0, terms),
        Some(before) => {
            let added = site_search::shards_with(&oldest_first[before..], before as u32, terms);
            let touched: HashSet<String> = added.keys().map(|s| file(&shard_file(s))).collect();
            outputs.keep_under(&file("content/search/terms/"), |f| !touched.contains(f));
            let mut shards = BTreeMap::new();
            for (shard, added) in added {
                let mut terms = last_build(outputs, &file(&shard_file(&shard)))?;
                for (term, postings) in added {
                    terms.entry(term).or_default().extend(postings);
                }
                shards.insert(shard, terms);
            }
            shards
        }
    };
    let shards: Vec<_> = shards.iter().collect();
    let written = parallel::map(&shards, |(shard, terms)| -> io::Result<u64> {
        let key = outputs.key().add("terms").add(*terms).finish();
        outputs.make(&file(&shard_file(shard)), key, || {
            Ok::<_, io::Error>(serde_json::to_vec(terms)?)
        })
    });
    let chunks: Vec<(usize, &[&ArticleSummary])> = oldest_first
        .chunks(DOC_CHUNK as usize)
        .enumerate()
        .collect();
    let written_docs = parallel::map(&chunks, |&(n, docs)| -> io::Result<u64> {
        // A chunk shows the summaries of its documents.
        let key = corpus
            .with_summaries(outputs.key().add("docs"), docs.iter().copied())
            .finish();
        outputs.make(
            &file(&docs_file(n as u32 * DOC_CHUNK, DOC_CHUNK)),
            key,
            || {
                let shown: Vec<_> = docs.iter().map(|a| site_search::doc(a)).collect();
                Ok::<_, io::Error>(serde_json::to_vec(&shown)?)
            },
        )
    });
    for result in written.into_iter().chain(written_docs) {
        result?;
    }
    Ok(1 + shards.len() + chunks.len())
}

/// A shard as the last build wrote it (empty if it wrote none).
fn last_build(outputs: &Outputs<'_>, file: &str) -> io::Result<Shard> {
    match std::fs::read(outputs.path(file)) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes)?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Shard::new()),
        Err(e) => Err(e),
    }
}
