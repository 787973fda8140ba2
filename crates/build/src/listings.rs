//! Writing the paginated listings.

use crate::corpus::Corpus;
use folio_content::listing::{listings_for, paginate, sort_newest_first};
use folio_content::paths::Listing;
use folio_content::ArticleSummary;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Writes every page of every listing under `out/listings/`, replacing what
/// was there, and returns how many files were written. Every section gets a
/// listing, even an empty one, so the app never meets a missing page 1.
pub(crate) fn write(corpus: &Corpus, out: &Path) -> io::Result<usize> {
    let mut groups: BTreeMap<String, (Listing, Vec<ArticleSummary>)> = BTreeMap::new();
    let mut ensure = |l: Listing| {
        groups.entry(l.id()).or_insert_with(|| (l, Vec::new()));
    };
    ensure(Listing::Latest);
    ensure(Listing::Briefs);
    for section in &corpus.site.sections {
        ensure(Listing::Section(section.slug.clone()));
    }
    for summary in &corpus.articles {
        for listing in listings_for(summary) {
            groups
                .entry(listing.id())
                .or_insert_with(|| (listing, Vec::new()))
                .1
                .push(summary.clone());
        }
    }

    let root = out.join("listings");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    let public_root = out.parent().unwrap_or(out);
    let mut written = 0;
    for (listing, mut items) in groups.into_values() {
        sort_newest_first(&mut items);
        for page in paginate(&listing, &items, corpus.site.page_size) {
            let path = public_root.join(listing.page(page.page));
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, serde_json::to_vec(&page)?)?;
            written += 1;
        }
    }
    Ok(written)
}
