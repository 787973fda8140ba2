//! Offline search over the saved library: a small in-memory inverted index
//! with BM25 ranking. Titles weigh more than standfirsts, standfirsts more
//! than body text; the last word typed also matches as a prefix, so results
//! appear while the reader types.

use std::collections::HashMap;

/// One searchable article.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchDoc {
    pub slug: String,
    pub title: String,
    pub dek: String,
    pub body: String,
}

/// One result, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub slug: String,
    pub score: f32,
}

const TITLE_WEIGHT: f32 = 3.0;
const DEK_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Folds a character to lowercase ASCII where it has an obvious base letter,
/// so "São" matches "sao" and "Zürich" matches "zurich".
fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ư' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ș' | 'ş' => 's',
        'ť' | 'ț' | 'ţ' => 't',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        other => other,
    }
}

/// Splits text into folded lowercase words.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(fold).collect())
}

/// The index: for every term, the documents it occurs in with a weighted
/// term frequency.
pub struct SearchIndex {
    slugs: Vec<String>,
    lengths: Vec<f32>,
    average_length: f32,
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// Every term, sorted, for prefix lookups.
    vocabulary: Vec<String>,
}

impl SearchIndex {
    /// Indexes `docs`.
    pub fn build(docs: &[SearchDoc]) -> Self {
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let mut tf: HashMap<String, f32> = HashMap::new();
            let mut length = 0.0;
            for (text, weight) in [
                (&doc.title, TITLE_WEIGHT),
                (&doc.dek, DEK_WEIGHT),
                (&doc.body, BODY_WEIGHT),
            ] {
                for token in tokens(text) {
                    *tf.entry(token).or_default() += weight;
                    length += 1.0;
                }
            }
            lengths.push(length);
            for (term, f) in tf {
                postings.entry(term).or_default().push((i as u32, f));
            }
        }
        let average_length = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().sum::<f32>() / lengths.len() as f32).max(1.0)
        };
        let mut vocabulary: Vec<String> = postings.keys().cloned().collect();
        vocabulary.sort_unstable();
        Self {
            slugs: docs.iter().map(|d| d.slug.clone()).collect(),
            lengths,
            average_length,
            postings,
            vocabulary,
        }
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.slugs.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.slugs.is_empty()
    }

    fn idf(&self, doc_freq: usize) -> f32 {
        let n = self.slugs.len() as f32;
        let df = doc_freq as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// Terms matching a query word: itself, or every term it prefixes when it
    /// is the word being typed.
    fn terms_for<'a>(&'a self, word: &'a str, prefix: bool) -> Vec<&'a str> {
        if !prefix {
            return self
                .postings
                .get_key_value(word)
                .map(|(k, _)| k.as_str())
                .into_iter()
                .collect();
        }
        let start = self.vocabulary.partition_point(|t| t.as_str() < word);
        self.vocabulary[start..]
            .iter()
            .take_while(|t| t.starts_with(word))
            .map(String::as_str)
            .collect()
    }

    /// Documents matching every word of `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words: Vec<String> = tokens(query).collect();
        if words.is_empty() || self.is_empty() {
            return Vec::new();
        }
        let typing_last = !query.ends_with(|c: char| !c.is_alphanumeric());
        let mut scores: HashMap<u32, (f32, usize)> = HashMap::new();
        for (wi, word) in words.iter().enumerate() {
            let prefix = typing_last && wi == words.len() - 1 && word.chars().count() >= 2;
            let mut best: HashMap<u32, f32> = HashMap::new();
            for term in self.terms_for(word, prefix) {
                let list = &self.postings[term];
                let idf = self.idf(list.len());
                for &(doc, tf) in list {
                    let norm =
                        K1 * (1.0 - B + B * self.lengths[doc as usize] / self.average_length);
                    let s = idf * tf * (K1 + 1.0) / (tf + norm);
                    let slot = best.entry(doc).or_default();
                    *slot = slot.max(s);
                }
            }
            for (doc, s) in best {
                let entry = scores.entry(doc).or_default();
                entry.0 += s;
                entry.1 += 1;
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .filter(|(_, (_, matched))| *matched == words.len())
            .map(|(doc, (score, _))| Hit {
                slug: self.slugs[doc as usize].clone(),
                score,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(slug: &str, title: &str, dek: &str, body: &str) -> SearchDoc {
        SearchDoc {
            slug: slug.into(),
            title: title.into(),
            dek: dek.into(),
            body: body.into(),
        }
    }

    fn corpus() -> Vec<SearchDoc> {
        vec![
            doc(
                "port",
                "Port of Santos expands",
                "Brazil's busiest port",
                "Cranes and berths in São Paulo state.",
            ),
            doc(
                "water",
                "Water rationing in the islands",
                "Dry autumn",
                "The port town of Ermoupoli trucks water in.",
            ),
            doc(
                "lithium",
                "Lithium royalties",
                "Andes bargain",
                "Brine, water and refineries.",
            ),
            doc("zurich", "Zürich bankers look east", "", "Gold and francs."),
        ]
    }

    fn slugs(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.slug.as_str()).collect()
    }

    #[test]
    fn title_matches_outrank_body_matches() {
        let index = SearchIndex::build(&corpus());
        assert_eq!(slugs(&index.search("port ", 10)), ["port", "water"]);
        assert_eq!(slugs(&index.search("water ", 10)), ["water", "lithium"]);
    }

    #[test]
    fn every_word_must_match() {
        let index = SearchIndex::build(&corpus());
        assert_eq!(slugs(&index.search("water brine ", 10)), ["lithium"]);
        assert!(index.search("water gold ", 10).is_empty());
    }

    #[test]
    fn accents_and_case_are_folded() {
        let index = SearchIndex::build(&corpus());
        assert_eq!(slugs(&index.search("ZURICH ", 10)), ["zurich"]);
        assert_eq!(slugs(&index.search("sao paulo ", 10)), ["port"]);
    }

    #[test]
    fn the_word_being_typed_matches_as_a_prefix() {
        let index = SearchIndex::build(&corpus());
        assert_eq!(slugs(&index.search("lith", 10)), ["lithium"]);
        assert!(
            index.search("lith ", 10).is_empty(),
            "a finished word is matched whole"
        );
        assert!(
            index.search("l", 10).is_empty(),
            "one letter is too short to expand"
        );
    }

    #[test]
    fn empty_queries_and_indexes_give_nothing() {
        assert!(SearchIndex::build(&corpus()).search("  ", 10).is_empty());
        assert!(SearchIndex::build(&[]).search("port", 10).is_empty());
    }
}
