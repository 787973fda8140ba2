//! The rail's related stories for every article, ranked at build time over
//! the whole site with `folio_content::related::rank`. Scoring every article
//! against every other is quadratic (10^10 pairs at 100,000 articles), so
//! each article is ranked against a shortlist: the editor's picks, and the
//! articles nearest to it in time overall, within its section and within
//! each of its tags. Recency halves a candidate's score every two weeks, so
//! the best candidates are near in time; on a site of up to `2 × WINDOW`
//! articles the shortlist is everyone and the result is exact.

use folio_content::related::{self, Reading};
use folio_content::{Article, ArticleSummary};
use std::collections::HashMap;

/// How many neighbours on each side of an article, in each list.
const WINDOW: usize = 24;

/// Lookup tables over the corpus (summaries sorted newest first).
pub(crate) struct RelatedIndex<'a> {
    articles: &'a [ArticleSummary],
    position: HashMap<&'a str, usize>,
    by_section: HashMap<&'a str, Vec<usize>>,
    by_tag: HashMap<String, Vec<usize>>,
}

impl<'a> RelatedIndex<'a> {
    /// Indexes `articles`, which are sorted newest first.
    pub(crate) fn new(articles: &'a [ArticleSummary]) -> Self {
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

    /// Up to `limit` related stories for `article`.
    pub(crate) fn related(&self, article: &Article, limit: usize) -> Vec<ArticleSummary> {
        let me = self.position.get(article.slug.as_str()).copied();
        let mut picked: Vec<usize> = article
            .related
            .iter()
            .filter_map(|s| self.position.get(s.as_str()).copied())
            .collect();
        if let Some(i) = me {
            let from = i.saturating_sub(WINDOW);
            picked.extend(from..(i + WINDOW + 1).min(self.articles.len()));
        }
        let mut near = |list: &[usize]| {
            let at = me.map_or(0, |i| list.partition_point(|&j| j < i));
            let from = at.saturating_sub(WINDOW);
            picked.extend(
                list[from..(at + WINDOW + 1).min(list.len())]
                    .iter()
                    .copied(),
            );
        };
        if let Some(list) = self.by_section.get(article.section.as_str()) {
            near(list);
        }
        for tag in &article.tags {
            if let Some(list) = self.by_tag.get(&tag.to_lowercase()) {
                near(list);
            }
        }
        picked.sort_unstable();
        picked.dedup();
        related::rank(
            &Reading::of(article),
            picked.iter().map(|&i| &self.articles[i]),
            limit,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::{Kind, Timestamp};

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
                index.related(&article, 4),
                related::rank(&Reading::of(&article), &all, 4)
            );
        }
    }

    #[test]
    fn a_large_site_finds_near_neighbours_and_distant_picks() {
        let all: Vec<_> = (0..10_000)
            .map(|i| summary(i, ["x", "y", "z"][i % 3], &[["t1", "t2"][i % 2]]))
            .collect();
        let index = RelatedIndex::new(&all);
        let got = index.related(&article(&all[5_000], &["a9999"]), 4);
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
