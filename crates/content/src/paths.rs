//! Where content files and app pages live, relative to the site root. The app
//! fetches the files and links to the pages; the build tool writes both, with
//! an entry page and a canonical URL per page: one definition keeps them in
//! step. Paths have no leading slash (`articles/port-plan`), so each side can
//! put its own base in front (`/news/` in the app, the absolute base URL in
//! the build tool).

use crate::Kind;

/// The site index.
pub const SITE: &str = "content/site.json";

/// Where the interface's language files are (`i18n/es.json`).
pub const LANGUAGES_DIR: &str = "i18n";

/// The interface's texts in one language (a BCP 47 tag such as `es`).
pub fn language_file(tag: &str) -> String {
    format!("{LANGUAGES_DIR}/{tag}.json")
}

/// One article's file.
pub fn article(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// The site's newest briefs and stories, as every article's rail shows
/// them (HTML, written by the build with each publication).
pub const RAIL_NEWS: &str = "content/listings/rail.html";

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

/// Every article with one tag, by the tag's slug ([`name_slug`]).
pub fn tag_page(slug: &str) -> String {
    format!("tags/{slug}")
}

/// Every article by one author, by the name's slug ([`name_slug`]).
pub fn author_page(slug: &str) -> String {
    format!("authors/{slug}")
}

/// The slug of a tag or author name, which names its page and listing:
/// letters folded to lowercase ASCII (`José Álvarez` is `jose-alvarez`,
/// `ß` is `ss`, `ø` is `o`; other scripts are transliterated, `北京` is
/// `bei-jing`), every run of anything else one hyphen, none at either end,
/// at most 120 characters. Names that differ only in case, accents or
/// punctuation share a slug, and so a page. Empty for a name without a
/// letter or digit: such a name gets no page. Always a valid slug
/// ([`crate::validate::is_slug`]) when not empty.
pub fn name_slug(name: &str) -> String {
    const MAX: usize = 120;
    let mut slug = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        // Characters deunicode does not know are separators, like
        // punctuation.
        let folded = if c.is_ascii() {
            None
        } else {
            deunicode::deunicode_char(c)
        };
        let mut one = [0; 4];
        let ascii = match folded {
            Some(s) => s,
            None if c.is_ascii() => c.encode_utf8(&mut one),
            None => " ",
        };
        for b in ascii.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                gap = false;
                slug.push(b.to_ascii_lowercase() as char);
            } else {
                gap = true;
            }
        }
        if slug.len() >= MAX {
            break;
        }
    }
    slug.truncate(MAX);
    let end = slug.trim_end_matches('-').len();
    slug.truncate(end);
    slug
}

/// Page `n` (2 and up) of a listing's pages; page 1 is the listing's page
/// itself (`latest`, `sections/europe`).
pub fn numbered_page(first: &str, n: u32) -> String {
    if n <= 1 {
        first.to_owned()
    } else {
        format!("{first}/{n}")
    }
}

/// Links to every page of the site under one deployment's base path: the
/// app, the entry pages the build writes and the links inside them all come
/// from here, so a link cannot drift from its page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// Empty at the site root, `/news` for a site deployed under `/news/`.
    base: String,
}

impl Links {
    /// Links under `base` (`/news/`, `/news` or `/`: a trailing slash is
    /// dropped).
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// The base path without its trailing slash (empty at the root).
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A link to a page given relative to the site root (`articles/x`, or
    /// empty for the front page).
    pub fn page(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    /// The front page.
    pub fn home(&self) -> String {
        self.page(HOME_PAGE)
    }

    /// Every story, newest first.
    pub fn latest(&self) -> String {
        self.page(LATEST_PAGE)
    }

    /// The reader's offline library.
    pub fn library(&self) -> String {
        self.page(LIBRARY_PAGE)
    }

    /// Search.
    pub fn search(&self) -> String {
        self.page(SEARCH_PAGE)
    }

    /// One article.
    pub fn article(&self, slug: &str) -> String {
        self.page(&article_page(slug))
    }

    /// One section.
    pub fn section(&self, slug: &str) -> String {
        self.page(&section_page(slug))
    }

    /// Every piece of one kind.
    pub fn kind(&self, kind: Kind) -> String {
        self.page(&kind_page(kind))
    }

    /// Every article with the tag `name` (as written in an article); none
    /// for a name without a page ([`name_slug`] is empty).
    pub fn tag(&self, name: &str) -> Option<String> {
        Listing::tag(name).map(|l| self.listing(&l, 1))
    }

    /// Every article by the author `name` (as written in a byline); none
    /// for a name without a page.
    pub fn author(&self, name: &str) -> Option<String> {
        Listing::author(name).map(|l| self.listing(&l, 1))
    }

    /// Page `n` of the page that shows a listing.
    pub fn listing(&self, listing: &Listing, n: u32) -> String {
        self.page(&numbered_page(&listing.page_path(), n))
    }

    /// A site-relative asset (`images/x.svg`) under the base path; absolute
    /// http(s) URLs are returned as they are.
    pub fn asset(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            return path.to_owned();
        }
        // Browsers read `\` as `/` and skip tabs and newlines: none of them
        // may follow the `/` written here, or `/\host/x` names another host.
        self.page(path.trim_start_matches(['/', '\\', '\t', '\n', '\r']))
    }
}

/// A page of the app, as its URL names it: the app's route table, the
/// inverse of [`Links`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// Page `n` (1-based) of a listing's page.
    Listing(Listing, u32),
    Article(String),
    Library,
    Search,
    NotFound,
}

impl Route {
    /// The route of a URL path below the base path (`/articles/x`,
    /// `/sections/europe/2`; a trailing slash is ignored).
    pub fn parse(path: &str) -> Route {
        let path = path.trim_matches('/');
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        // Page 1 has no number; a number is 2 or more.
        let numbered = |n: Option<&&str>| match n {
            None => Some(1),
            Some(n) => n.parse::<u32>().ok().filter(|&n| n >= 2),
        };
        let listing = |listing: Option<Listing>, n: Option<&&str>| match (listing, numbered(n)) {
            (Some(l), Some(n)) => Route::Listing(l, n),
            _ => Route::NotFound,
        };
        let slug = |s: &str| crate::validate::is_slug(s).then(|| s.to_owned());
        match parts.as_slice() {
            [] => Route::Home,
            [LATEST_PAGE, rest @ ..] if rest.len() <= 1 => {
                listing(Some(Listing::Latest), rest.first())
            }
            ["sections", s, rest @ ..] if rest.len() <= 1 => {
                listing(slug(s).map(Listing::Section), rest.first())
            }
            ["tags", s, rest @ ..] if rest.len() <= 1 => {
                listing(slug(s).map(Listing::Tag), rest.first())
            }
            ["authors", s, rest @ ..] if rest.len() <= 1 => {
                listing(slug(s).map(Listing::Author), rest.first())
            }
            ["kinds", k, rest @ ..] if rest.len() <= 1 => {
                let kind = Kind::from_slug(k).map(|k| match k {
                    Kind::Brief => Listing::Briefs,
                    k => Listing::Kind(k),
                });
                listing(kind, rest.first())
            }
            ["articles", s] => slug(s).map_or(Route::NotFound, Route::Article),
            [LIBRARY_PAGE] => Route::Library,
            [SEARCH_PAGE] => Route::Search,
            _ => Route::NotFound,
        }
    }
}

/// Listing ids: every story, one section, one kind of piece, the briefs,
/// or every article with one tag or by one author.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Listing {
    Latest,
    Section(String),
    Kind(Kind),
    Briefs,
    /// Every article (briefs too) with a tag, by the tag's [`name_slug`].
    Tag(String),
    /// Every article (briefs too) by an author, by the name's [`name_slug`].
    Author(String),
}

impl Listing {
    /// The listing of the tag `name` as written; none when its slug is empty.
    pub fn tag(name: &str) -> Option<Listing> {
        Some(name_slug(name))
            .filter(|s| !s.is_empty())
            .map(Listing::Tag)
    }

    /// The listing of the author `name` as written; none when its slug is
    /// empty.
    pub fn author(name: &str) -> Option<Listing> {
        Some(name_slug(name))
            .filter(|s| !s.is_empty())
            .map(Listing::Author)
    }

    /// The id written inside a listing page (`latest`, `section/<slug>`,
    /// `briefs`, `tag/<slug>`, `author/<slug>`).
    pub fn id(&self) -> String {
        match self {
            Listing::Latest => "latest".to_owned(),
            Listing::Section(slug) => format!("section/{slug}"),
            Listing::Kind(kind) => format!("kind/{}", kind.slug()),
            Listing::Briefs => "briefs".to_owned(),
            Listing::Tag(slug) => format!("tag/{slug}"),
            Listing::Author(slug) => format!("author/{slug}"),
        }
    }

    /// The page that shows this listing, relative to the site root
    /// (`latest`, `sections/europe`, `kinds/analysis`, `tags/trade`,
    /// `authors/ana-souza`; briefs are the `brief` kind's page).
    pub fn page_path(&self) -> String {
        match self {
            Listing::Latest => LATEST_PAGE.to_owned(),
            Listing::Section(slug) => section_page(slug),
            Listing::Kind(kind) => kind_page(*kind),
            Listing::Briefs => kind_page(Kind::Brief),
            Listing::Tag(slug) => tag_page(slug),
            Listing::Author(slug) => author_page(slug),
        }
    }

    /// The listing with this id (the inverse of [`Listing::id`]).
    pub fn from_id(id: &str) -> Option<Listing> {
        match id.split_once('/') {
            None if id == "latest" => Some(Listing::Latest),
            None if id == "briefs" => Some(Listing::Briefs),
            Some(("section", slug)) if crate::validate::is_slug(slug) => {
                Some(Listing::Section(slug.to_owned()))
            }
            Some(("kind", kind)) => Kind::from_slug(kind).map(Listing::Kind),
            Some(("tag", slug)) if crate::validate::is_slug(slug) => {
                Some(Listing::Tag(slug.to_owned()))
            }
            Some(("author", slug)) if crate::validate::is_slug(slug) => {
                Some(Listing::Author(slug.to_owned()))
            }
            _ => None,
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
    fn links_carry_the_base_path() {
        let root = Links::new("/");
        let news = Links::new("/news/");
        assert_eq!(root.home(), "/");
        assert_eq!(news.home(), "/news/");
        assert_eq!(news.article("a"), "/news/articles/a");
        assert_eq!(
            root.listing(&Listing::Section("e".into()), 1),
            "/sections/e"
        );
        assert_eq!(news.listing(&Listing::Latest, 3), "/news/latest/3");
        assert_eq!(root.listing(&Listing::Briefs, 2), "/kinds/brief/2");
        assert_eq!(news.asset("/images/x.svg"), "/news/images/x.svg");
        assert_eq!(
            news.asset("https://cdn.example/x.png"),
            "https://cdn.example/x.png"
        );
    }

    #[test]
    fn routes_are_the_inverse_of_links() {
        let links = Links::new("/");
        let europe = Listing::Section("europe".into());
        let tag = Listing::Tag("brasil-mercosur".into());
        let author = Listing::Author("jose-alvarez".into());
        for route in [
            Route::Home,
            Route::Listing(tag.clone(), 1),
            Route::Listing(tag.clone(), 2),
            Route::Listing(author.clone(), 1),
            Route::Listing(author.clone(), 4),
            Route::Listing(Listing::Latest, 1),
            Route::Listing(Listing::Latest, 3),
            Route::Listing(europe.clone(), 1),
            Route::Listing(europe.clone(), 2),
            Route::Listing(Listing::Kind(Kind::Analysis), 2),
            Route::Listing(Listing::Briefs, 1),
            Route::Article("port-plan".into()),
            Route::Library,
            Route::Search,
        ] {
            let link = match &route {
                Route::Home => links.home(),
                Route::Listing(l, n) => links.listing(l, *n),
                Route::Article(s) => links.article(s),
                Route::Library => links.library(),
                Route::Search => links.search(),
                Route::NotFound => unreachable!(),
            };
            assert_eq!(Route::parse(&link), route, "{link}");
        }
        assert_eq!(
            Route::parse("/articles/port-plan/"),
            Route::Article("port-plan".into())
        );
        assert_eq!(
            links.tag("Brasil & Mercosur").as_deref(),
            Some("/tags/brasil-mercosur")
        );
        assert_eq!(
            Route::parse("/tags/brasil-mercosur"),
            Route::Listing(tag, 1)
        );
        assert_eq!(
            Links::new("/news/").author("José Álvarez").as_deref(),
            Some("/news/authors/jose-alvarez")
        );
        assert_eq!(
            Route::parse("/authors/jose-alvarez/2"),
            Route::Listing(author, 2)
        );
        assert_eq!(links.tag("&&"), None);
        assert_eq!(links.author(" "), None);
        for unknown in [
            "/nope",
            "/latest/1",
            "/latest/two",
            "/latest/2/3",
            "/articles/../x",
            "/articles/a/b",
            "/kinds/poem",
            "/sections/Bad",
            "/tags",
            "/tags/Trade",
            "/tags/a--b",
            "/tags/trade/1",
            "/tags/trade/2/3",
            "/authors/jos%C3%A9",
            "/authors/-ana",
            "/tag/trade",
            "/author/ana",
        ] {
            assert_eq!(Route::parse(unknown), Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn listing_ids_round_trip() {
        for l in [
            Listing::Latest,
            Listing::Briefs,
            Listing::Section("middle-east".into()),
            Listing::Kind(Kind::Opinion),
            Listing::Tag("brasil-mercosur".into()),
            Listing::Author("jose-alvarez".into()),
        ] {
            assert_eq!(Listing::from_id(&l.id()), Some(l));
        }
        assert_eq!(
            Listing::Tag("trade".into()).page(2),
            "content/listings/tag/trade/2.json"
        );
        assert_eq!(Listing::Author("a-b".into()).id(), "author/a-b");
        assert_eq!(Listing::from_id("section/../x"), None);
        assert_eq!(Listing::from_id("kind/poem"), None);
        for bad in [
            "tag/../x",
            "tag/",
            "tag/Trade",
            "author/a/b",
            "author/-a",
            "tags/a",
        ] {
            assert_eq!(Listing::from_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn pages_are_relative_to_the_site_root() {
        assert_eq!(article_page("a-b"), "articles/a-b");
        assert_eq!(section_page("middle-east"), "sections/middle-east");
        assert_eq!(kind_page(Kind::Analysis), "kinds/analysis");
        assert_eq!(tag_page("trade"), "tags/trade");
        assert_eq!(author_page("ana-souza"), "authors/ana-souza");
        for fixed in [HOME_PAGE, LATEST_PAGE, LIBRARY_PAGE, SEARCH_PAGE] {
            assert!(!fixed.starts_with('/') && !fixed.ends_with('/'), "{fixed}");
        }
    }

    #[test]
    fn names_become_slugs() {
        for (name, slug) in [
            ("brasil & mercosur", "brasil-mercosur"),
            ("José Álvarez", "jose-alvarez"),
            ("trade", "trade"),
            ("  Central   Banks ", "central-banks"),
            ("São Paulo", "sao-paulo"),
            ("Straße", "strasse"),
            ("Jørgen Ødegård", "jorgen-odegard"),
            ("Núñez", "nunez"),
            ("Björn Ekström", "bjorn-ekstrom"),
            ("Linh Trần", "linh-tran"),
            ("Aïssatou Ndiaye", "aissatou-ndiaye"),
            ("Łukasz Żółć", "lukasz-zolc"),
            ("Æsir", "aesir"),
            ("O'Brien-Smith", "o-brien-smith"),
            ("COVID-19", "covid-19"),
            ("--a--b--", "a-b"),
            ("e\u{301}tude", "etude"),
            ("北京", "bei-jing"),
            ("a/../b", "a-b"),
            ("", ""),
            ("&", ""),
            (" - ", ""),
            ("\u{0}·—“”", ""),
            // Symbols with a name are spelled out.
            ("\u{1F600}", "grinning"),
        ] {
            let got = name_slug(name);
            assert_eq!(got, slug, "{name:?}");
            assert!(got.is_empty() || crate::validate::is_slug(&got), "{name:?}");
        }
        // Long names are cut to a valid slug, never ending in a hyphen.
        let long = name_slug(&"ab ".repeat(100));
        assert!(
            long.len() <= 120 && crate::validate::is_slug(&long),
            "{long}"
        );
        let long = name_slug(&"é".repeat(300));
        assert_eq!(long, "e".repeat(120));
        assert_eq!(Listing::tag("&"), None);
        assert_eq!(
            Listing::author("Ana Souza"),
            Some(Listing::Author("ana-souza".into()))
        );
    }
}
