//! Every URL the app serves, and the helpers that build links to them, in one
//! place so a link cannot drift from its route. The path of each page comes
//! from `folio_content::paths`, which the build tool's entry pages use too.
//! Route patterns (for the router) are relative to the deployment's base
//! path; links built here include it, so a site served under `/news/` links
//! within `/news/`.

use folio_content::paths::{self, Listing};
use folio_content::Kind;

thread_local! {
    static BASE: String = read_base_path();
}

/// The deployment's base path: empty at the site root, `/news` when the
/// site is deployed under `/news/`. Read from the document once.
pub fn base() -> String {
    BASE.with(String::clone)
}

/// A link to an app path (`/articles/x`), under the base path.
pub fn link(path: &str) -> String {
    BASE.with(|base| format!("{base}{path}"))
}

/// A link to a page given relative to the site root (`articles/x`, or
/// empty for the front page).
fn page(path: &str) -> String {
    link(&format!("/{path}"))
}

/// The front page.
pub fn home() -> String {
    page(paths::HOME_PAGE)
}

/// The reader's offline library.
pub fn library() -> String {
    page(paths::LIBRARY_PAGE)
}

/// Search over the offline library.
pub fn search() -> String {
    page(paths::SEARCH_PAGE)
}

/// Every story, newest first.
pub fn latest() -> String {
    page(paths::LATEST_PAGE)
}

/// The page of one article.
pub fn article(slug: &str) -> String {
    page(&paths::article_page(slug))
}

/// The page of one section.
pub fn section(slug: &str) -> String {
    page(&paths::section_page(slug))
}

/// Every piece of one kind ("Analysis").
pub fn kind(kind: Kind) -> String {
    page(&paths::kind_page(kind))
}

/// The page that shows a listing, where it has one.
pub fn listing(listing: &Listing) -> String {
    match listing {
        Listing::Latest => latest(),
        Listing::Section(slug) => section(slug),
        Listing::Kind(k) => kind(*k),
        Listing::Briefs => kind(Kind::Brief),
    }
}

/// The path of `<base href>`, without its trailing slash.
fn read_base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

/// A site-relative URL (`images/x.svg`, `/articles/a`) made absolute against
/// the deployment's base path, for `src` attributes outside the router.
pub fn asset(path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        return path.to_owned();
    }
    link(&format!("/{}", path.trim_start_matches('/')))
}
