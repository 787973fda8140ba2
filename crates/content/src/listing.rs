//! Building paginated listings from article summaries.

use crate::model::{ArticleSummary, Kind, ListingPage};
use crate::paths::Listing;

/// Newest first; ties broken by slug so builds are reproducible.
pub fn sort_newest_first(items: &mut [ArticleSummary]) {
    items.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
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
/// stay out of "latest" and the section pages, as on a magazine front page.
pub fn listings_for(summary: &ArticleSummary) -> Vec<Listing> {
    if summary.kind == Kind::Brief {
        vec![Listing::Briefs]
    } else {
        vec![
            Listing::Latest,
            Listing::Section(summary.section.clone()),
            Listing::Kind(summary.kind),
        ]
    }
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
    fn an_empty_listing_has_one_empty_page() {
        let pages = paginate(&Listing::Briefs, &[], 10);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].items.is_empty());
    }
}
