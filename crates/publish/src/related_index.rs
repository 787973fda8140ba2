//! The rail's related stories for every article, ranked at build time over
//! the whole site with `folio_content::related::rank`. Scoring every article
//! against every other is quadratic (10^10 pairs at 100,000 articles), so
//! each article is ranked against a shortlist: the editor's picks, and the
//! articles nearest to it in time overall, within its section and within
//! each of its tags. Recency halves a candidate's score every two weeks, so
//! the best candidates are near in time; on a site of up to `2 × WINDOW`
//! articles the shortlist is everyone and the result is exact.

use folio_content::related::{self, Reading};
use folio_content::ArticleSummary;
use std::collections::HashMap;

/// How many neighbours on each side of an article, in each list.
const WINDOW: usize = 24;

/// Lookup tables over the corpus (summaries sorted newest first).
pub(crate) struct RelatedIndex<'a> {
    articles: Vec<&'a ArticleSummary>,
    position: HashMap<&'a str, usize>,
    by_section: HashMap<&'a str, Vec<usize>>,
    by_tag: HashMap<String, Vec<usize>>,
}

impl<'a> RelatedIndex<'a> {
    /// Indexes `articles`, which are sorted newest first.
    pub(crate) fn new(articles: impl IntoIterator<Item = &'a ArticleSummary>) -> Self {
        let articles: Vec<&ArticleSummary> = articles.into_iter().collect();
        let mut position = HashMap::with_capacity(articles.len());
        let mut by_section: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_tag: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            position.insert(a.slug.as_str(), i);
            by_section.entry(&a.section).or_default().push(i);
            for tag in &a.tags {
                let list = by_tag.entry(tag.to_lowercase()).or_default();
                // A tag written twice on one article counts once.
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Self {
            articles,
            position,
            by_section,
            by_tag,
        }
    }

    /// The lists an article's shortlist draws on besides its picks: its
    /// section's and each of its tags', each with its place in the list.
    fn lists(&self, i: usize) -> impl Iterator<Item = (&[usize], usize)> + '_ {
        let a = self.articles[i];
        let section = self.by_section.get(a.section.as_str());
        let tags = a
            .tags
            .iter()
            .filter_map(|t| self.by_tag.get(&t.to_lowercase()));
        section.into_iter().chain(tags).map(move |list| {
            let at = list.partition_point(|&j| j < i);
            (list.as_slice(), at)
        })
    }

    /// Up to `limit` related stories for the article `reading` describes.
    pub(crate) fn related(&self, reading: &Reading<'_>, limit: usize) -> Vec<ArticleSummary> {
        related::rank(
            reading,
            self.shortlist(reading)
                .into_iter()
                .map(|i| self.articles[i]),
            limit,
        )
    }

    /// The candidates ranked for an article, newest first.
    fn shortlist(&self, reading: &Reading<'_>) -> Vec<usize> {
        let mut picked: Vec<usize> = reading
            .explicit
            .iter()
            .filter_map(|s| self.position.get(s.as_str()).copied())
            .collect();
        if let Some(&i) = self.position.get(reading.slug) {
            picked.extend(window(i, self.articles.len()));
            for (list, at) in self.lists(i) {
                picked.extend(window(at, list.len()).map(|k| list[k]));
            }
        }
        picked.sort_unstable();
        picked.dedup();
        picked
    }

    /// The articles whose shortlist, besides picks, can hold `slug`: those
    /// within the window of it in the whole list, in its section's and in
    /// each of its tags' lists. Being near is mutual, so these are the
    /// articles whose related stories can change when `slug` changes,
    /// arrives or leaves (the articles that pick it aside).
    pub(crate) fn near(&self, slug: &str) -> Vec<&'a str> {
        let Some(&i) = self.position.get(slug) else {
            return Vec::new();
        };
        let mut near: Vec<usize> = window(i, self.articles.len()).collect();
        for (list, at) in self.lists(i) {
            near.extend(window(at, list.len()).map(|k| list[k]));
        }
        near.into_iter()
            .map(|j| self.articles[j].slug.as_str())
            .collect()
    }
}

/// The places within [`WINDOW`] of `at` in a list of `len`.
fn window(at: usize, len: usize) -> std::ops::Range<usize> {
    at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::{Article, Kind, Timestamp};

    fn summary(i: usize, section: &str, tags: &[&str]) -> ArticleSummary {
        ArticleSummary {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..ArticleSummary::minimal(
                &format!("a{i}"),
                section,
                Kind::News,
                Timestamp::from_unix(1_000_000_000 - i as i64 * 86_400),
            )
        }
    }

    fn article(of: &ArticleSummary, related: &[&str]) -> Article {
        Article {
            version: 1,
            slug: of.slug.clone(),
            section: of.section.clone(),
            kind: of.kind,
            kicker: None,
            headline: of.headline.clone(),
            dek: String::new(),
            authors: vec![],
            published: of.published.clone(),
            updated: None,
            hero: None,
            tags: of.tags.clone(),
            body: "b".into(),
            related: related.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_small_site_ranks_exactly_as_the_shared_ranking() {
        let all: Vec<_> = (0..40)
            .map(|i| {
                summary(
                    i,
                    ["x", "y", "z"][i % 3],
                    if i % 4 == 0 { &["ports"] } else { &[] },
                )
            })
            .collect();
        let index = RelatedIndex::new(&all);
        for a in &all {
            let article = article(a, &["a7"]);
            assert_eq!(
                index.related(&Reading::of(&article), 4),
                related::rank(&Reading::of(&article), &all, 4)
            );
        }
    }

    #[test]
    fn near_is_every_article_whose_shortlist_holds_it() {
        let all: Vec<_> = (0..300)
            .map(|i| {
                let tags: &[&str] = match i % 5 {
                    0 => &["ports", "Trade"],
                    1 => &["trade"],
                    _ => &[],
                };
                summary(i, ["x", "y", "z"][i % 3], tags)
            })
            .collect();
        let index = RelatedIndex::new(&all);
        for s in &all {
            let near: std::collections::HashSet<&str> = index.near(&s.slug).into_iter().collect();
            for x in &all {
                let x_article = article(x, &[]);
                let holds = index
                    .shortlist(&Reading::of(&x_article))
                    .iter()
                    .any(|&i| all[i].slug == s.slug);
                assert_eq!(
                    near.contains(x.slug.as_str()),
                    holds,
                    "{} {}",
                    s.slug,
                    x.slug
                );
            }
        }
    }

    #[test]
    fn a_large_site_finds_near_neighbours_and_distant_picks() {
        let all: Vec<_> = (0..10_000)
            .map(|i| summary(i, ["x", "y", "z"][i % 3], &[["t1", "t2"][i % 2]]))
            .collect();
        let index = RelatedIndex::new(&all);
        let got = index.related(&Reading::of(&article(&all[5_000], &["a9999"])), 4);
        assert_eq!(
            got[0].slug, "a9999",
            "the editor's pick comes first, however old"
        );
        for s in &got[1..] {
            let i: usize = s.slug[1..].parse().unwrap();
            assert!(i.abs_diff(5_000) <= 2 * WINDOW, "{}", s.slug);
        }
    }
}
