//! Building paginated listings from article summaries.

use crate::model::{ArticleSummary, Kind, ListingPage};
use crate::paths::Listing;

/// Newest first; ties broken by slug so builds are reproducible.
pub fn sort_newest_first(items: &mut [ArticleSummary]) {
    items.sort_by(newest_first);
}

/// The order of [`sort_newest_first`].
pub fn newest_first(a: &ArticleSummary, b: &ArticleSummary) -> std::cmp::Ordering {
    b.published
        .cmp(&a.published)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// Splits sorted summaries into pages of `page_size`. An empty listing still
/// has one (empty) page, so page 1 always exists.
pub fn paginate(listing: &Listing, items: &[ArticleSummary], page_size: u32) -> Vec<ListingPage> {
    let size = page_size.max(1) as usize;
    let pages = items.len().div_ceil(size).max(1);
    (0..pages)
        .map(|i| ListingPage {
            version: crate::FORMAT_VERSION,
            listing: listing.id(),
            page: i as u32 + 1,
            pages: pages as u32,
            total: items.len() as u32,
            items: items.iter().skip(i * size).take(size).cloned().collect(),
        })
        .collect()
}

/// Which listings an article belongs to: briefs have their own listing and
/// stay out of "latest" and the section pages, as on a magazine front page;
/// every article, briefs too, is in the listing of each of its tags and
/// each of its authors (one per slug: "Trade" and "trade" are one tag).
pub fn listings_for(summary: &ArticleSummary) -> Vec<Listing> {
    named_listings_for(summary)
        .into_iter()
        .map(|(listing, _)| listing)
        .collect()
}

/// [`listings_for`], with the name of each tag and author listing as this
/// article writes it (trimmed; the first spelling when two share a slug).
/// The build shows a tag's or author's page under the spelling of its
/// newest article.
pub fn named_listings_for(summary: &ArticleSummary) -> Vec<(Listing, Option<&str>)> {
    let mut listings: Vec<(Listing, Option<&str>)> = if summary.kind == Kind::Brief {
        vec![(Listing::Briefs, None)]
    } else {
        vec![
            (Listing::Latest, None),
            (Listing::Section(summary.section.clone()), None),
            (Listing::Kind(summary.kind), None),
        ]
    };
    let tags = summary.tags.iter().map(|t| (Listing::tag(t), t));
    let authors = summary.authors.iter().map(|a| (Listing::author(a), a));
    for (listing, name) in tags.chain(authors) {
        if let Some(listing) = listing {
            if !listings.iter().any(|(l, _)| *l == listing) {
                listings.push((listing, Some(name.trim())));
            }
        }
    }
    listings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;

    fn summary(slug: &str, day: i64) -> ArticleSummary {
        ArticleSummary::minimal(slug, "s", Kind::News, Timestamp::from_unix(day * 86_400))
    }

    #[test]
    fn pages_are_full_except_the_last() {
        let mut items: Vec<_> = (0..25).map(|d| summary(&format!("a{d}"), d)).collect();
        sort_newest_first(&mut items);
        let pages = paginate(&Listing::Latest, &items, 10);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].items[0].slug, "a24");
        assert_eq!(pages[2].items.len(), 5);
        assert!(pages[1].has_more() && !pages[2].has_more());
        assert!(pages.iter().all(|p| p.total == 25 && p.pages == 3));
    }

    #[test]
    fn every_article_is_listed_under_each_tag_and_author_once() {
        let mut s = summary("a", 1);
        s.section = "europe".into();
        s.tags = vec![
            "Trade".into(),
            "brasil & mercosur".into(),
            " trade ".into(),
            "&".into(),
        ];
        s.authors = vec![
            "José Álvarez".into(),
            "Ana Souza".into(),
            "jose alvarez".into(),
        ];
        let tag = |t: &str| Listing::Tag(t.into());
        let author = |a: &str| Listing::Author(a.into());
        assert_eq!(
            named_listings_for(&s),
            vec![
                (Listing::Latest, None),
                (Listing::Section("europe".into()), None),
                (Listing::Kind(Kind::News), None),
                (tag("trade"), Some("Trade")),
                (tag("brasil-mercosur"), Some("brasil & mercosur")),
                (author("jose-alvarez"), Some("José Álvarez")),
                (author("ana-souza"), Some("Ana Souza")),
            ]
        );
        // A tag and an author may share a slug: they are different pages.
        s.tags = vec!["Ana Souza".into()];
        assert!(listings_for(&s).contains(&tag("ana-souza")));
        assert!(listings_for(&s).contains(&author("ana-souza")));
        // Briefs stay out of "latest" and their section, not their tags.
        s.kind = Kind::Brief;
        assert_eq!(
            listings_for(&s),
            vec![
                Listing::Briefs,
                tag("ana-souza"),
                author("jose-alvarez"),
                author("ana-souza")
            ]
        );
    }

    #[test]
    fn an_empty_listing_has_one_empty_page() {
        let pages = paginate(&Listing::Briefs, &[], 10);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].items.is_empty());
    }
}
