//! Every page and file the site step writes: where it lives in `dist/` and its
//! absolute public URL. Page paths come from `folio_content::paths`, which
//! the app's links (`src/routes.rs`) use too, so an entry page and the route
//! it boots cannot drift apart.

use folio_content::paths::{self, Listing};
use folio_content::Kind;

/// A page of the app that gets a static entry page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Page<'a> {
    /// The front page, `/`.
    Home,
    /// Every story, `/latest`.
    Latest,
    /// One section, `/sections/<slug>`.
    Section(&'a str),
    /// One kind of piece, `/kinds/<kind>`.
    Kind(Kind),
    /// Every article with one tag, `/tags/<slug>`.
    Tag(&'a str),
    /// Every article by one author, `/authors/<slug>`.
    Author(&'a str),
    /// Page 2 and later of the page that shows a listing
    /// (`/sections/<slug>/2`, `/tags/<slug>/2`).
    Paged(&'a Listing, u32),
    /// One article, `/articles/<slug>`.
    Article(&'a str),
    /// The reader's saved stories, `/library` (client-only content).
    Library,
    /// Search, `/search` (client-only content).
    Search,
    /// What static hosts serve, with status 404, for any path without a
    /// file (`404.html`): the app shell, which shows its own "not found".
    NotFound,
}

impl Page<'_> {
    /// The URL path relative to the site root, without a leading slash
    /// (`articles/port-plan`; empty for the front page).
    pub(crate) fn path(self) -> String {
        match self {
            Page::Home => paths::HOME_PAGE.to_owned(),
            Page::Latest => paths::LATEST_PAGE.to_owned(),
            Page::Section(slug) => paths::section_page(slug),
            Page::Kind(kind) => paths::kind_page(kind),
            Page::Tag(slug) => paths::tag_page(slug),
            Page::Author(slug) => paths::author_page(slug),
            Page::Paged(listing, n) => paths::numbered_page(&listing.page_path(), n),
            Page::Article(slug) => paths::article_page(slug),
            Page::Library => paths::LIBRARY_PAGE.to_owned(),
            Page::Search => paths::SEARCH_PAGE.to_owned(),
            // Not an app route: the file static hosts serve for unknown paths.
            Page::NotFound => "404".to_owned(),
        }
    }

    /// The file under `dist/`. Entry pages are `<path>.html`, never
    /// `<path>/index.html`: GitHub Pages, Netlify and Cloudflare Pages serve
    /// `/articles/a` from `articles/a.html` but answer a directory with a
    /// redirect to `/articles/a/`, which would break canonical URLs.
    pub(crate) fn file(self) -> String {
        match self {
            Page::Home => "index.html".to_owned(),
            other => format!("{}.html", other.path()),
        }
    }
}

/// An Atom feed the site step writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Feed<'a> {
    /// Every article, `feed.xml`.
    Site,
    /// One section's articles, `feeds/<slug>.xml`. Not `sections/<slug>/…`:
    /// a directory next to `sections/<slug>.html` makes some hosts redirect.
    Section(&'a str),
    /// One tag's articles, `feeds/tags/<slug>.xml`.
    Tag(&'a str),
    /// One author's articles, `feeds/authors/<slug>.xml`.
    Author(&'a str),
}

impl<'a> Feed<'a> {
    /// The file under `dist/`, which is also its path under the site root.
    pub(crate) fn file(self) -> String {
        match self {
            Feed::Site => "feed.xml".to_owned(),
            Feed::Section(slug) => format!("feeds/{slug}.xml"),
            Feed::Tag(slug) => format!("feeds/tags/{slug}.xml"),
            Feed::Author(slug) => format!("feeds/authors/{slug}.xml"),
        }
    }

    /// The page that shows what the feed carries.
    pub(crate) fn page(self) -> Page<'a> {
        match self {
            Feed::Site => Page::Home,
            Feed::Section(slug) => Page::Section(slug),
            Feed::Tag(slug) => Page::Tag(slug),
            Feed::Author(slug) => Page::Author(slug),
        }
    }
}

/// The sitemap (or sitemap index) and the robots file, at the site root.
pub(crate) const SITEMAP: &str = "sitemap.xml";

/// Builds absolute URLs from the site's canonical base URL.
#[derive(Clone, Debug)]
pub(crate) struct Urls {
    base: String,
}

impl Urls {
    /// `base` is an absolute http(s) URL; a missing trailing slash is added.
    pub(crate) fn new(base: &str) -> Self {
        let mut base = base.trim().to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        Self { base }
    }

    /// The base URL, ending in `/`.
    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    /// The path part of the base URL (`/news/` for `https://x.example/news/`).
    pub(crate) fn base_path(&self) -> &str {
        let after_scheme = self
            .base
            .split_once("://")
            .map_or(self.base.as_str(), |(_, rest)| rest);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }

    /// The canonical URL of a page.
    pub(crate) fn page(&self, page: Page<'_>) -> String {
        self.resolve(&page.path())
    }

    /// The URL of a feed.
    pub(crate) fn feed(&self, feed: Feed<'_>) -> String {
        self.resolve(&feed.file())
    }

    /// An image or file URL as written in content (`images/port.svg`, or an
    /// absolute `https://` URL) made absolute, for crawlers that do not know
    /// the page's base. Characters a URL may not carry are percent-encoded.
    pub(crate) fn asset(&self, src: &str) -> String {
        let src = src.trim();
        if src.starts_with("https://") || src.starts_with("http://") {
            return encode_url(src);
        }
        self.resolve(&encode_url(src.trim_start_matches('/')))
    }

    fn resolve(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Percent-encodes the bytes that may not appear in a URL (spaces, quotes,
/// non-ASCII), leaving reserved characters and existing `%xx` escapes alone.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_map_to_app_routes_and_html_files() {
        let urls = Urls::new("https://magazine.example/news");
        assert_eq!(urls.base(), "https://magazine.example/news/");
        assert_eq!(urls.base_path(), "/news/");
        assert_eq!(urls.page(Page::Home), "https://magazine.example/news/");
        assert_eq!(
            urls.page(Page::Article("a-b")),
            "https://magazine.example/news/articles/a-b"
        );
        assert_eq!(
            urls.page(Page::Kind(Kind::Brief)),
            "https://magazine.example/news/kinds/brief"
        );
        assert_eq!(Page::Home.file(), "index.html");
        assert_eq!(Page::Section("europe").file(), "sections/europe.html");
        assert_eq!(Page::Latest.file(), "latest.html");
        assert_eq!(Page::NotFound.file(), "404.html");
        assert_eq!(Page::Library.file(), "library.html");
        let europe = Listing::Section("europe".into());
        assert_eq!(Page::Paged(&europe, 2).file(), "sections/europe/2.html");
        assert_eq!(
            urls.page(Page::Paged(&Listing::Briefs, 3)),
            "https://magazine.example/news/kinds/brief/3"
        );
        assert_eq!(
            urls.feed(Feed::Section("europe")),
            "https://magazine.example/news/feeds/europe.xml"
        );
        assert_eq!(
            Page::Tag("brasil-mercosur").file(),
            "tags/brasil-mercosur.html"
        );
        assert_eq!(
            urls.page(Page::Author("jose-alvarez")),
            "https://magazine.example/news/authors/jose-alvarez"
        );
        let tag = Listing::Tag("trade".into());
        assert_eq!(Page::Paged(&tag, 2).file(), "tags/trade/2.html");
        assert_eq!(
            urls.feed(Feed::Tag("trade")),
            "https://magazine.example/news/feeds/tags/trade.xml"
        );
        assert_eq!(Feed::Author("ana").file(), "feeds/authors/ana.xml");
        assert_eq!(Feed::Author("ana").page(), Page::Author("ana"));
    }

    #[test]
    fn assets_become_absolute_and_encoded() {
        let urls = Urls::new("https://m.example/");
        assert_eq!(
            urls.asset("images/port.svg"),
            "https://m.example/images/port.svg"
        );
        assert_eq!(
            urls.asset("/images/a b é.png"),
            "https://m.example/images/a%20b%20%C3%A9.png"
        );
        assert_eq!(
            urls.asset("https://cdn.example/x.jpg"),
            "https://cdn.example/x.jpg"
        );
        assert_eq!(Urls::new("http://localhost:8080/").base_path(), "/");
    }
}
