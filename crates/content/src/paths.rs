//! Where content files live, relative to the site root. The app fetches these
//! and the build tool writes them: one definition keeps them in step.

/// The site index.
pub const SITE: &str = "content/site.json";

/// One article's file.
pub fn article(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// Listing ids: every story, one section, one kind of piece, or the briefs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Listing {
    Latest,
    Section(String),
    Kind(crate::Kind),
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
}
