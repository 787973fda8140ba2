//! Every URL the app serves, in one place: the route table, and the links
//! to each page ([`links`]), built by `folio_content::paths::Links` like the
//! build tool's entry pages, so a link cannot drift from its page. Route
//! patterns are relative to the deployment's base path; links include it,
//! so a site served under `/news/` links within `/news/`.

use crate::pages::{
    article::ArticlePage,
    home::Home,
    library::LibraryPage,
    listing::{KindPage, LatestPage, SectionPage},
    not_found::NotFound,
    search::SearchPage,
};
use folio_content::paths::Links;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use std::sync::OnceLock;

/// Links under the deployment's base path, read from `<base href>` once:
/// it is fixed for the life of the page.
pub fn links() -> &'static Links {
    static LINKS: OnceLock<Links> = OnceLock::new();
    LINKS.get_or_init(|| Links::new(&read_base_path()))
}

/// The path of `<base href>` (`/`, `/news/`).
fn read_base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default()
}

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Home/>
            <Route path=path!("/latest") view=LatestPage/>
            <Route path=path!("/latest/:page") view=LatestPage/>
            <Route path=path!("/sections/:slug") view=SectionPage/>
            <Route path=path!("/sections/:slug/:page") view=SectionPage/>
            <Route path=path!("/kinds/:kind") view=KindPage/>
            <Route path=path!("/kinds/:kind/:page") view=KindPage/>
            <Route path=path!("/articles/:slug") view=ArticlePage/>
            <Route path=path!("/library") view=LibraryPage/>
            <Route path=path!("/search") view=SearchPage/>
        </Routes>
    }
}
