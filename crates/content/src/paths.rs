//! Where content files and app pages live, relative to the site root. The app
//! fetches the files and links to the pages; the build tool writes both, with
//! an entry page and a canonical URL per page: one definition keeps them in
//! step. Paths have no leading slash (`articles/port-plan`), so each side can
//! put its own base in front (`/news/` in the app, the absolute base URL in
//! the build tool).

use crate::Kind;

/// The site index.
pub const SITE: &str = "content/site.json";

/// One article's file.
pub fn article(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// The front page: the site root itself.
pub const HOME_PAGE: &str = "";

/// Every story, newest first.
pub const LATEST_PAGE: &str = "latest";

/// The reader's offline library (its content exists only in the browser).
pub const LIBRARY_PAGE: &str = "library";

/// Search over the offline library (its content exists only in the browser).
pub const SEARCH_PAGE: &str = "search";

/// The page of one article.
pub fn article_page(slug: &str) -> String {
    format!("articles/{slug}")
}

/// The page of one section.
pub fn section_page(slug: &str) -> String {
    format!("sections/{slug}")
}

/// Every piece of one kind ("Analysis").
pub fn kind_page(kind: Kind) -> String {
    format!("kinds/{}", kind.slug())
}

/// Listing ids: every story, one section, one kind of piece, or the briefs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Listing {
    Latest,
    Section(String),
    Kind(Kind),
    Briefs,
}

impl Listing {
    /// The id written inside a listing page (`latest`, `section/<slug>`, `briefs`).
    pub fn id(&self) -> String {
        match self {
            Listing::Latest => "latest".to_owned(),
            Listing::Section(slug) => format!("section/{slug}"),
            Listing::Kind(kind) => format!("kind/{}", kind.slug()),
            Listing::Briefs => "briefs".to_owned(),
        }
    }

    /// The file of page `page` (1-based) of this listing.
    pub fn page(&self, page: u32) -> String {
        format!("content/listings/{}/{page}.json", self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_files_are_paged_per_listing() {
        assert_eq!(Listing::Latest.page(1), "content/listings/latest/1.json");
        assert_eq!(
            Listing::Section("middle-east".into()).page(3),
            "content/listings/section/middle-east/3.json"
        );
        assert_eq!(article("a-b"), "content/articles/a-b.json");
    }

    #[test]
    fn pages_are_relative_to_the_site_root() {
        assert_eq!(article_page("a-b"), "articles/a-b");
        assert_eq!(section_page("middle-east"), "sections/middle-east");
        assert_eq!(kind_page(Kind::Analysis), "kinds/analysis");
        for fixed in [HOME_PAGE, LATEST_PAGE, LIBRARY_PAGE, SEARCH_PAGE] {
            assert!(!fixed.starts_with('/') && !fixed.ends_with('/'), "{fixed}");
        }
    }
}
