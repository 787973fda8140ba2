//! Writing the paginated listings.

use crate::corpus::Corpus;
use crate::fingerprint::Key;
use crate::outputs::{Outputs, Record};
use crate::parallel;
use folio_content::listing::{named_listings_for, page_count, PageSpan};
use folio_content::paths::Listing;
use folio_content::{ArticleSummary, ListingPage, Site};
use folio_views::i18n::Texts;
use folio_views::listing::Heading;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Page `page` (1-based) of a listing whose items are already sorted. Built
/// one page at a time, cloning only that page's summaries: the shared
/// `folio_content::listing::paginate` clones a whole listing at once, which at
/// 100,000 articles costs several hundred MB for nothing. A test below pins
/// the two to the same output.
pub(crate) fn page_of(
    listing: &Listing,
    items: &[&ArticleSummary],
    page_size: u32,
    page: usize,
) -> ListingPage {
    let span = PageSpan::of(items.len(), page_size, page);
    let shown = items[span.items.clone()].iter().map(|s| (*s).clone());
    span.page(listing, shown.collect())
}

/// How many pages a listing of these items has.
pub(crate) fn pages(items: &[&ArticleSummary], page_size: u32) -> usize {
    page_count(items.len(), page_size)
}

/// What page `page` of a listing shows, as part of a key: its place among
/// the listing's pages and the summaries of its stories. A page other than
/// the first keeps its key, and its bytes, when stories are published.
pub(crate) fn page_key(
    corpus: &Corpus,
    key: Key,
    items: &[&ArticleSummary],
    page_size: u32,
    page: usize,
) -> Key {
    let span = PageSpan::of(items.len(), page_size, page);
    let shown = items[span.items.clone()].iter().copied();
    corpus.with_summaries(key.add(&span), shown)
}

/// One listing and its items, newest first.
#[derive(Debug)]
pub(crate) struct Group<'a> {
    pub(crate) listing: Listing,
    /// How a tag or author listing's name is shown: the spelling of its
    /// newest article (names that differ only in case or accents share a
    /// slug, so a listing).
    pub(crate) name: Option<&'a str>,
    pub(crate) items: Vec<&'a ArticleSummary>,
}

impl Group<'_> {
    /// The title and description of the listing's page.
    pub(crate) fn heading(&self, site: &Site) -> Heading {
        folio_views::listing::heading(
            &Texts::of_language(&site.language),
            site,
            &self.listing,
            self.name,
        )
    }
}

/// Every listing, keyed by listing id.
pub(crate) type Groups<'a> = BTreeMap<String, Group<'a>>;

/// Every listing with its items, newest first, keyed by listing id, in one
/// pass over the corpus. Every section gets a listing, even an empty one,
/// so the app never meets a missing page 1; tags and authors get one each
/// (by slug) when an article has them.
pub(crate) fn groups(corpus: &Corpus) -> Groups<'_> {
    let mut groups: Groups<'_> = BTreeMap::new();
    let mut ensure = |l: Listing| {
        groups.entry(l.id()).or_insert_with(|| Group {
            listing: l,
            name: None,
            items: Vec::new(),
        });
    };
    ensure(Listing::Latest);
    ensure(Listing::Briefs);
    for section in &corpus.site.sections {
        ensure(Listing::Section(section.slug.clone()));
    }
    // The corpus is sorted newest first, so every group is too, and the
    // first name seen for a slug is its newest spelling.
    for summary in &corpus.articles {
        for (listing, name) in named_listings_for(summary) {
            groups
                .entry(listing.id())
                .or_insert_with(|| Group {
                    listing,
                    name,
                    items: Vec::new(),
                })
                .items
                .push(summary);
        }
    }
    groups
}

/// Writes every page of every listing under `out/listings/`, replacing what
/// was there, and returns how many files were written (the content step).
pub(crate) fn write(corpus: &Corpus, out: &Path) -> io::Result<usize> {
    let root = out.join("listings");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    let none = Record::default();
    write_into(
        corpus,
        &groups(corpus),
        &Outputs::new(out, 0, &none, false),
        "",
    )
}

/// Writes every page of every listing through `outputs`, as
/// `<dir>listings/<id>/<n>.json` (`dir` is where the content directory is
/// under the outputs' root), and returns how many files there are. Each
/// page is its own task on the pool: tags and authors bring thousands of
/// small listings.
pub(crate) fn write_into(
    corpus: &Corpus,
    groups: &Groups<'_>,
    outputs: &Outputs<'_>,
    dir: &str,
) -> io::Result<usize> {
    let size = corpus.site.page_size;
    let jobs: Vec<(&Group<'_>, usize)> = groups
        .values()
        .flat_map(|g| (1..=pages(&g.items, size)).map(move |n| (g, n)))
        .collect();
    let written = parallel::map(&jobs, |&(group, n)| -> io::Result<u64> {
        // `Listing::page` is relative to the site root (`content/listings/…`).
        let file = group.listing.page(n as u32);
        let file = format!("{dir}{}", file.strip_prefix("content/").unwrap_or(&file));
        let key = outputs.key().add("listing").add(&file);
        let key = page_key(corpus, key, &group.items, size, n).finish();
        outputs.make(&file, key, || {
            let page = page_of(&group.listing, &group.items, size, n);
            Ok::<_, io::Error>(serde_json::to_vec(&page)?)
        })
    });
    for result in written {
        result?;
    }
    Ok(jobs.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::listing::paginate;
    use folio_content::{Kind, Timestamp};

    fn summary(day: i64) -> ArticleSummary {
        ArticleSummary::minimal(
            &format!("a{day}"),
            "s",
            Kind::News,
            Timestamp::from_unix(day * 86_400),
        )
    }

    #[test]
    fn pages_equal_the_shared_paginate() {
        for len in [0, 1, 11, 12, 13, 25, 49] {
            let items: Vec<_> = (0..len).map(summary).collect();
            let refs: Vec<_> = items.iter().collect();
            let expected = paginate(&Listing::Latest, &items, 12);
            let built: Vec<_> = (1..=pages(&refs, 12))
                .map(|n| page_of(&Listing::Latest, &refs, 12, n))
                .collect();
            assert_eq!(built, expected, "{len} items");
        }
    }
}
