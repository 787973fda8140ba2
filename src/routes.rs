//! Every URL the app serves, and the helpers that build links to them, in one
//! place so a link cannot drift from its route.

use folio_content::paths::Listing;
use folio_content::Kind;

/// `/` — the front page.
pub const HOME: &str = "/";

/// The reader's offline library.
pub const LIBRARY: &str = "/library";

/// Search over the offline library.
pub const SEARCH: &str = "/search";

/// Every story, newest first.
pub const LATEST: &str = "/latest";

/// The page of one article.
pub fn article(slug: &str) -> String {
    format!("/articles/{slug}")
}

/// The page of one section.
pub fn section(slug: &str) -> String {
    format!("/sections/{slug}")
}

/// Every piece of one kind ("Analysis").
pub fn kind(kind: Kind) -> String {
    format!("/kinds/{}", kind.slug())
}

/// The page that shows a listing, where it has one.
pub fn listing(listing: &Listing) -> String {
    match listing {
        Listing::Latest => LATEST.to_owned(),
        Listing::Section(slug) => section(slug),
        Listing::Kind(k) => kind(*k),
        Listing::Briefs => kind(Kind::Brief),
    }
}

/// The router's base path, from `<base href>`: empty at the site root,
/// `/news` when the site is deployed under `/news/`.
pub fn base_path() -> String {
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
    format!("{}/{}", base_path(), path.trim_start_matches('/'))
}
