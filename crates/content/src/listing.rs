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

/// Splits sorted summaries into pages (see [`PageSpan`]). An empty listing
/// still has one (empty) page, so page 1 always exists.
pub fn paginate(listing: &Listing, items: &[ArticleSummary], page_size: u32) -> Vec<ListingPage> {
    (1..=page_count(items.len(), page_size))
        .map(|n| {
            let span = PageSpan::of(items.len(), page_size, n);
            let shown = items[span.items.clone()].to_vec();
            span.page(listing, shown)
        })
        .collect()
}

/// How many pages a listing of `len` stories has: one per `page_size`
/// stories, the odd ones on page 1, and always at least one.
pub fn page_count(len: usize, page_size: u32) -> usize {
    (len / page_size.max(1) as usize).max(1)
}

/// One page of a listing of `len` stories, newest first. Page 1 shows the
/// newest: between one and two pages' worth (all of them, below two). The
/// other pages hold `page_size` stories each and are numbered from the
/// oldest (page 2 is the oldest; "More stories" goes from page 1 to the
/// last page, then down). So publishing a story changes page 1, and adds a
/// page once page 1 has two pages' worth, but leaves every other page as
/// it was: a page's address always shows the same stories, and a large
/// site's build rewrites a few pages per publication, not thousands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PageSpan {
    pub page: u32,
    /// The listing's pages and stories: on page 1 only, since the others
    /// must not change when a story is published (0 there).
    pub pages: u32,
    pub total: u32,
    /// The page with the next older stories, if any.
    pub older: Option<u32>,
    /// The page with the next newer stories (none on page 1).
    pub newer: Option<u32>,
    /// The page's stories: these of the listing's, newest first.
    pub items: std::ops::Range<usize>,
}

impl PageSpan {
    /// Page `page` (1 ..= [`page_count`]) of a listing of `len` stories.
    pub fn of(len: usize, page_size: u32, page: usize) -> Self {
        let size = page_size.max(1) as usize;
        let pages = page_count(len, page_size);
        let page = page.clamp(1, pages);
        // Page k > 1 holds the (k-1)th `size` stories counted from the oldest.
        let end = |k: usize| len - (k - 2) * size;
        let (items, older, newer) = if page == 1 {
            let older = (pages > 1).then_some(pages);
            (0..len - (pages - 1) * size, older, None)
        } else {
            let older = (page > 2).then(|| page - 1);
            let newer = if page < pages { page + 1 } else { 1 };
            (end(page) - size..end(page), older, Some(newer))
        };
        let first = page == 1;
        PageSpan {
            page: page as u32,
            pages: if first { pages as u32 } else { 0 },
            total: if first { len as u32 } else { 0 },
            older: older.map(|n| n as u32),
            newer: newer.map(|n| n as u32),
            items,
        }
    }

    /// The page, with `items` (the listing's stories in [`PageSpan::items`]).
    pub fn page(&self, listing: &Listing, items: Vec<ArticleSummary>) -> ListingPage {
        ListingPage {
            version: crate::FORMAT_VERSION,
            listing: listing.id(),
            page: self.page,
            pages: self.pages,
            total: self.total,
            older: self.older,
            newer: self.newer,
            items,
        }
    }
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

    fn slugs(page: &ListingPage) -> Vec<&str> {
        page.items.iter().map(|s| s.slug.as_str()).collect()
    }

    #[test]
    fn page_one_has_the_odd_stories_and_the_others_count_from_the_oldest() {
        let mut items: Vec<_> = (0..25).map(|d| summary(&format!("a{d}"), d)).collect();
        sort_newest_first(&mut items);
        let pages = paginate(&Listing::Latest, &items, 10);
        assert_eq!(pages.len(), 2);
        let (first, oldest) = (&pages[0], &pages[1]);
        assert_eq!(first.items.len(), 15);
        assert_eq!(first.items[0].slug, "a24");
        assert_eq!((first.pages, first.total), (2, 25));
        assert_eq!((first.older, first.newer), (Some(2), None));
        assert_eq!(
            slugs(oldest),
            ["a9", "a8", "a7", "a6", "a5", "a4", "a3", "a2", "a1", "a0"]
        );
        assert_eq!((oldest.pages, oldest.total), (0, 0));
        assert_eq!((oldest.older, oldest.newer), (None, Some(1)));
        assert!(first.has_more() && !oldest.has_more());

        // Five more stories make a third page: the new one sits between
        // page 1 and the oldest, which does not change.
        let mut more: Vec<_> = (0..30).map(|d| summary(&format!("a{d}"), d)).collect();
        sort_newest_first(&mut more);
        let after = paginate(&Listing::Latest, &more, 10);
        assert_eq!(after.len(), 3);
        assert_eq!(after[1].items, oldest.items, "page 2 holds what it held");
        assert_eq!(after[1].newer, Some(3), "and leads to the new page");
        assert_eq!(after[0].items.len(), 10);
        assert_eq!(slugs(&after[2])[0], "a19");
        assert_eq!(
            (after[0].older, after[2].older, after[2].newer),
            (Some(3), Some(2), Some(1))
        );
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
