//! Ranking related stories for the rail.

use crate::model::{ArticleSummary, Kind};
use std::collections::HashSet;

/// What ranking needs to know about the article being read.
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    pub slug: &'a str,
    pub section: &'a str,
    pub tags: &'a [String],
    pub published_unix: i64,
    /// Slugs the editor chose; they come first, in this order.
    pub explicit: &'a [String],
}

impl<'a> Reading<'a> {
    /// What ranking needs of an article.
    pub fn of(article: &'a crate::Article) -> Self {
        Reading {
            slug: &article.slug,
            section: &article.section,
            tags: &article.tags,
            published_unix: article.published.unix(),
            explicit: &article.related,
        }
    }
}

const TAG_WEIGHT: f64 = 3.0;
const SECTION_WEIGHT: f64 = 2.0;
/// Recency adds up to this much, halving every `HALF_LIFE_DAYS` of distance.
const RECENCY_WEIGHT: f64 = 1.5;
const HALF_LIFE_DAYS: f64 = 14.0;

fn score(reading: &Reading<'_>, tags: &HashSet<String>, c: &ArticleSummary) -> f64 {
    let shared = c
        .tags
        .iter()
        .filter(|t| tags.contains(&t.to_lowercase()))
        .count() as f64;
    let same_section = if c.section == reading.section {
        1.0
    } else {
        0.0
    };
    let days_apart = (c.published.unix() - reading.published_unix).abs() as f64 / 86_400.0;
    let recency = 0.5f64.powf(days_apart / HALF_LIFE_DAYS);
    TAG_WEIGHT * shared + SECTION_WEIGHT * same_section + RECENCY_WEIGHT * recency
}

/// Picks up to `limit` related stories from `candidates`: the editor's
/// explicit choices first, then the rest by shared tags, same section and
/// closeness in time. Never the article itself, never a brief, no duplicates.
pub fn rank<'c>(
    reading: &Reading<'_>,
    candidates: impl IntoIterator<Item = &'c ArticleSummary>,
    limit: usize,
) -> Vec<ArticleSummary> {
    let candidates: Vec<&ArticleSummary> = candidates.into_iter().collect();
    let tags: HashSet<String> = reading.tags.iter().map(|t| t.to_lowercase()).collect();
    let eligible = |c: &&&ArticleSummary| c.slug != reading.slug && c.kind != Kind::Brief;
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out: Vec<ArticleSummary> = Vec::with_capacity(limit);

    for slug in reading.explicit {
        if out.len() == limit {
            return out;
        }
        if let Some(c) = candidates.iter().filter(eligible).find(|c| &c.slug == slug) {
            if seen.insert(&c.slug) {
                out.push((*c).clone());
            }
        }
    }

    let mut rest: Vec<(f64, &ArticleSummary)> = candidates
        .iter()
        .filter(eligible)
        .filter(|c| !reading.explicit.contains(&c.slug))
        .map(|c| (score(reading, &tags, c), *c))
        .collect();
    rest.sort_by(|(sa, a), (sb, b)| {
        sb.total_cmp(sa)
            .then_with(|| b.published.cmp(&a.published))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    for (_, c) in rest {
        if out.len() == limit {
            break;
        }
        if seen.insert(&c.slug) {
            out.push(c.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;

    fn s(slug: &str, section: &str, tags: &[&str], day: i64, kind: Kind) -> ArticleSummary {
        ArticleSummary {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..ArticleSummary::minimal(slug, section, kind, Timestamp::from_unix(day * 86_400))
        }
    }

    fn reading<'a>(tags: &'a [String], explicit: &'a [String]) -> Reading<'a> {
        Reading {
            slug: "me",
            section: "latam",
            tags,
            published_unix: 100 * 86_400,
            explicit,
        }
    }

    fn slugs(v: &[ArticleSummary]) -> Vec<&str> {
        v.iter().map(|a| a.slug.as_str()).collect()
    }

    #[test]
    fn explicit_first_then_tags_then_section_then_recency() {
        let tags = vec!["iran".to_string(), "drones".to_string()];
        let explicit = vec!["chosen".to_string(), "missing".to_string()];
        let c = vec![
            s("me", "latam", &["iran"], 100, Kind::News),
            s("recent-other", "asia", &[], 100, Kind::News),
            s("same-section", "latam", &[], 60, Kind::News),
            s("two-tags", "asia", &["Iran", "drones"], 10, Kind::News),
            s("one-tag", "asia", &["iran"], 99, Kind::News),
            s("chosen", "europe", &[], 1, Kind::News),
            s("brief", "latam", &["iran", "drones"], 100, Kind::Brief),
        ];
        let got = rank(&reading(&tags, &explicit), &c, 10);
        assert_eq!(
            slugs(&got),
            [
                "chosen",
                "two-tags",
                "one-tag",
                "same-section",
                "recent-other"
            ]
        );
    }

    #[test]
    fn never_self_never_twice_and_respects_limit() {
        let tags = vec![];
        let explicit = vec!["a".to_string(), "a".to_string(), "me".to_string()];
        let c = vec![
            s("a", "latam", &[], 99, Kind::News),
            s("a", "latam", &[], 99, Kind::News),
            s("me", "latam", &[], 99, Kind::News),
            s("b", "latam", &[], 98, Kind::News),
            s("c", "latam", &[], 97, Kind::News),
        ];
        let got = rank(&reading(&tags, &explicit), &c, 2);
        assert_eq!(slugs(&got), ["a", "b"]);
        let all = rank(&reading(&tags, &explicit), &c, 10);
        assert_eq!(slugs(&all), ["a", "b", "c"]);
    }

    #[test]
    fn ties_break_by_newest_then_slug() {
        let tags = vec![];
        let c = vec![
            s("z", "asia", &[], 100, Kind::News),
            s("y", "asia", &[], 100, Kind::News),
        ];
        assert_eq!(slugs(&rank(&reading(&tags, &[]), &c, 5)), ["y", "z"]);
    }
}
