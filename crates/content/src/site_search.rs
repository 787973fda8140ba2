//! Search over the whole site, online, without downloading its articles:
//! the content build writes a compact inverted index over titles,
//! standfirsts, tags and authors, split into small files the app fetches
//! only as a query needs them.
//!
//! - `content/search/meta.json`: how many documents, how they are chunked.
//! - `content/search/terms/<shard>.json`: every term starting with the
//!   shard's two characters, each with its postings as a flat list
//!   `[doc, weight, doc, weight, …]` (doc ids ascending).
//! - `content/search/docs/<n>.json`: what a result shows, for documents
//!   `n * DOC_CHUNK` up to the next chunk.
//!
//! Document ids count from the oldest article, so publishing adds ids at
//! the end and leaves the earlier files as they were; equal scores rank
//! the newest (highest id) first. Words are folded like the offline search's
//! ([`crate::search::tokens`]), so the two find the same things.

use crate::search::tokens;
use crate::{ArticleSummary, Kind, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Documents per `docs/<n>.json` file: a page of results fetches a few
/// small files, not one large one.
pub const DOC_CHUNK: u32 = 64;
/// Results shown.
pub const RESULTS: usize = 30;

const TITLE: u8 = 4;
const TAG: u8 = 3;
const AUTHOR: u8 = 3;
const DEK: u8 = 1;

/// `content/search/meta.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub version: u32,
    pub docs: u32,
    pub chunk: u32,
}

/// What a result shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteDoc {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub dek: String,
    pub section: String,
    pub kind: Kind,
    pub published: Timestamp,
}

/// One shard: term → `[doc, weight, doc, weight, …]`.
pub type Shard = BTreeMap<String, Vec<u32>>;

/// The shard a term belongs to: its first two characters.
pub fn shard_of(term: &str) -> String {
    term.chars().take(2).collect()
}

/// The file name of a shard (`terms/ab.json`): ASCII letters and digits as
/// they are, anything else spelled in hex, so every name is safe on any
/// host.
pub fn shard_file(shard: &str) -> String {
    if shard
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        format!("content/search/terms/{shard}.json")
    } else {
        let hex: String = shard.bytes().map(|b| format!("{b:02x}")).collect();
        format!("content/search/terms/x{hex}.json")
    }
}

/// The file with document `doc`.
pub fn docs_file(doc: u32, chunk: u32) -> String {
    format!("content/search/docs/{}.json", doc / chunk.max(1))
}

/// The index file.
pub const META_FILE: &str = "content/search/meta.json";

/// The whole index, as the build writes it.
pub struct Built {
    pub meta: Meta,
    pub shards: BTreeMap<String, Shard>,
    pub docs: Vec<Vec<SiteDoc>>,
}

/// What one article adds to the index: each of its terms with its weight
/// (in no particular order).
pub fn doc_terms(a: &ArticleSummary) -> Vec<(String, u8)> {
    let mut weights: HashMap<String, u8> = HashMap::new();
    let mut add = |text: &str, w: u8| {
        for t in tokens(text).filter(|t| t.chars().count() >= 2) {
            let slot = weights.entry(t).or_default();
            *slot = slot.saturating_add(w);
        }
    };
    add(&a.headline, TITLE);
    add(&a.dek, DEK);
    for tag in &a.tags {
        add(tag, TAG);
    }
    for author in &a.authors {
        add(author, AUTHOR);
    }
    weights.into_iter().collect()
}

/// What a result shows of an article.
pub fn doc(a: &ArticleSummary) -> SiteDoc {
    SiteDoc {
        slug: a.slug.clone(),
        title: a.headline.clone(),
        dek: a.dek.clone(),
        section: a.section.clone(),
        kind: a.kind,
        published: a.published.clone(),
    }
}

/// The index's metadata for `docs` documents.
pub fn meta(docs: usize) -> Meta {
    Meta {
        version: crate::FORMAT_VERSION,
        docs: docs as u32,
        chunk: DOC_CHUNK,
    }
}

/// Builds the index over `articles` (newest first, as the corpus is).
pub fn build(articles: &[ArticleSummary]) -> Built {
    let oldest_first: Vec<&ArticleSummary> = articles.iter().rev().collect();
    Built {
        meta: meta(articles.len()),
        shards: shards_with(&oldest_first, 0, |docs| {
            docs.iter().map(|a| doc_terms(a)).collect()
        }),
        docs: oldest_first
            .chunks(DOC_CHUNK as usize)
            .map(|chunk| chunk.iter().map(|a| doc(a)).collect())
            .collect(),
    }
}

/// The shards of the terms of `docs` (oldest first, their ids counting
/// from `first`), with `terms` giving [`doc_terms`] of every article of
/// each slice it is passed, in order: a caller with threads can spread
/// that part, the bulk of the work, over them. Slices are a few thousand
/// articles, so their terms are never all in memory at once.
pub fn shards_with(
    docs: &[&ArticleSummary],
    first: u32,
    terms: impl Fn(&[&ArticleSummary]) -> Vec<Vec<(String, u8)>>,
) -> BTreeMap<String, Shard> {
    const SLICE: usize = 4096;
    let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
    let all = docs.chunks(SLICE).flat_map(&terms);
    for (id, doc) in (first..).zip(all) {
        for (term, w) in doc {
            postings.entry(term).or_default().extend([id, u32::from(w)]);
        }
    }
    let mut shards: BTreeMap<String, Shard> = BTreeMap::new();
    for (term, flat) in postings {
        shards
            .entry(shard_of(&term))
            .or_default()
            .insert(term, flat);
    }
    shards
}

/// A query's words, and whether the last is still being typed (it then
/// matches as a prefix).
pub struct Query {
    pub words: Vec<String>,
    pub typing_last: bool,
}

impl Query {
    /// Words of two characters or more; an empty query finds nothing.
    pub fn parse(query: &str) -> Query {
        Query {
            words: tokens(query).filter(|w| w.chars().count() >= 2).collect(),
            typing_last: !query.ends_with(|c: char| !c.is_alphanumeric()),
        }
    }

    /// The shards the query needs.
    pub fn shards(&self) -> Vec<String> {
        let mut shards: Vec<String> = self.words.iter().map(|w| shard_of(w)).collect();
        shards.sort();
        shards.dedup();
        shards
    }

    /// Document ids matching every word, best first, at most `limit`. A
    /// missing shard matches nothing.
    pub fn rank(&self, shards: &HashMap<String, Shard>, docs: u32, limit: usize) -> Vec<u32> {
        if self.words.is_empty() {
            return Vec::new();
        }
        let n = f64::from(docs.max(1));
        let mut scores: HashMap<u32, (f64, usize)> = HashMap::new();
        for (i, word) in self.words.iter().enumerate() {
            let prefix = self.typing_last && i == self.words.len() - 1;
            let Some(shard) = shards.get(&shard_of(word)) else {
                return Vec::new();
            };
            let mut best: HashMap<u32, f64> = HashMap::new();
            let matching: Box<dyn Iterator<Item = (&String, &Vec<u32>)>> = if prefix {
                Box::new(
                    shard
                        .range(word.clone()..)
                        .take_while(|(t, _)| t.starts_with(word.as_str())),
                )
            } else {
                Box::new(shard.get_key_value(word).into_iter())
            };
            for (term, flat) in matching {
                let df = (flat.len() / 2) as f64;
                let idf = (n / df).ln() + 1.0;
                // A prefix match counts a little less than the whole word.
                let exact = if term == word { 1.0 } else { 0.8 };
                for pair in flat.chunks_exact(2) {
                    let s = f64::from(pair[1]) * idf * exact;
                    let slot = best.entry(pair[0]).or_default();
                    *slot = slot.max(s);
                }
            }
            for (doc, s) in best {
                let e = scores.entry(doc).or_default();
                e.0 += s;
                e.1 += 1;
            }
        }
        let mut hits: Vec<(u32, f64)> = scores
            .into_iter()
            .filter(|(_, (_, matched))| *matched == self.words.len())
            .map(|(doc, (s, _))| (doc, s))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        hits.into_iter().take(limit).map(|(d, _)| d).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(
        slug: &str,
        title: &str,
        dek: &str,
        tags: &[&str],
        authors: &[&str],
    ) -> ArticleSummary {
        let mut s = ArticleSummary::minimal(slug, "europe", Kind::News, Timestamp::from_unix(0));
        s.headline = title.into();
        s.dek = dek.into();
        s.tags = tags.iter().map(|t| (*t).into()).collect();
        s.authors = authors.iter().map(|t| (*t).into()).collect();
        s
    }

    fn corpus() -> Vec<ArticleSummary> {
        vec![
            summary(
                "rhine",
                "Low water on the Rhine",
                "Barges run light",
                &["shipping"],
                &["Ana Souza"],
            ),
            summary(
                "ports",
                "Ports of São Paulo",
                "Shipping grows",
                &["trade"],
                &["José Álvarez"],
            ),
            summary(
                "wind",
                "Offshore wind",
                "The Rhine delta hosts turbines",
                &["energy"],
                &["Ana Souza"],
            ),
        ]
    }

    fn search(built: &Built, q: &str) -> Vec<String> {
        let query = Query::parse(q);
        let shards: HashMap<String, Shard> = query
            .shards()
            .into_iter()
            .filter_map(|s| built.shards.get(&s).map(|sh| (s, sh.clone())))
            .collect();
        query
            .rank(&shards, built.meta.docs, 10)
            .into_iter()
            .map(|d| {
                built.docs[(d / DOC_CHUNK) as usize][(d % DOC_CHUNK) as usize]
                    .slug
                    .clone()
            })
            .collect()
    }

    #[test]
    fn titles_tags_and_authors_are_found_titles_first() {
        let built = build(&corpus());
        assert_eq!(
            search(&built, "rhine "),
            ["rhine", "wind"],
            "title before dek"
        );
        assert_eq!(
            search(&built, "shipping "),
            ["rhine", "ports"],
            "tag before dek"
        );
        assert_eq!(
            search(&built, "souza "),
            ["rhine", "wind"],
            "author, newest first"
        );
        assert_eq!(search(&built, "sao paulo"), ["ports"], "folded, every word");
        assert_eq!(search(&built, "alvarez "), ["ports"]);
        assert!(
            search(&built, "rhine paulo").is_empty(),
            "all words must match"
        );
        assert!(search(&built, "x").is_empty() && search(&built, "").is_empty());
    }

    #[test]
    fn the_word_being_typed_matches_as_a_prefix() {
        let built = build(&corpus());
        assert_eq!(search(&built, "offsh"), ["wind"]);
        assert!(
            search(&built, "offsh ").is_empty(),
            "a finished word is whole"
        );
        assert_eq!(search(&built, "low wa"), ["rhine"]);
    }

    #[test]
    fn shards_are_small_files_with_safe_names() {
        let built = build(&corpus());
        assert!(built.shards.contains_key("rh") && built.shards.contains_key("sa"));
        assert_eq!(shard_file("rh"), "content/search/terms/rh.json");
        assert_eq!(
            shard_file("北京"),
            "content/search/terms/xe58c97e4baac.json"
        );
        assert_eq!(docs_file(130, 64), "content/search/docs/2.json");
        assert_eq!(built.meta.docs, 3);
        // Postings round-trip through JSON as flat lists.
        let json = serde_json::to_string(&built.shards["rh"]).unwrap();
        assert_eq!(json, r#"{"rhine":[0,1,2,4]}"#, "ids from the oldest");
    }
}
