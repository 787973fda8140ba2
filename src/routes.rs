//! Every URL the app serves, in one place. `folio_content::paths` parses
//! them ([`Route`]) and builds them ([`links`]) for the app and the build
//! tool alike, so a link cannot drift from its page; this module follows the
//! browser's location: a link inside the app changes the page without
//! loading a document, and Back and Forward move between pages.

use crate::context::{Location, PageHistory};
use crate::pages::{article, library::LibraryPage, not_found, page, search::SearchPage};
use folio_content::paths::Links;
pub use folio_content::paths::Route;
use leptos::prelude::*;
use std::sync::OnceLock;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// The document's path (`/news/articles/x`).
pub fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The route of a document path (with the base path).
pub fn route_of(path: &str) -> Route {
    match path.strip_prefix(links().base()) {
        Some(below) if below.is_empty() || below.starts_with('/') => Route::parse(below),
        _ => Route::NotFound,
    }
}

/// Shows `path` (with the base path, maybe a query) as a new history entry,
/// keeping the page left for Back.
pub fn navigate(location: Location, pages: PageHistory, path: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    pages.leave();
    if let Ok(history) = window.history() {
        let state = crate::context::entry_state(pages.push());
        let _ = history.push_state_with_url(&state, "", Some(path));
    }
    location.0.set(current_path());
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Follows Back and Forward.
pub fn follow_history(location: Location) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let pages = crate::context::page_history();
    let on_pop = Closure::<dyn Fn()>::new(move || {
        // After a panic the app cannot draw the page: load it.
        if crate::panic::happened() {
            let _ = web_sys::window().map(|w| w.location().reload());
            return;
        }
        // The page left is kept for Forward; the one reached may have been
        // kept too.
        pages.leave();
        pages.popped();
        location.0.set(current_path())
    });
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    // The app lives as long as the page.
    on_pop.forget();
}

/// The path a click on a link should show inside the app, if it is one the
/// app draws: same site, under the base path, a page rather than a file,
/// and no request for a new tab or a download.
pub fn in_app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let a: web_sys::HtmlAnchorElement = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let target = a.target();
    if (!target.is_empty() && target != "_self")
        || a.has_attribute("download")
        || a.rel().split_ascii_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let url = web_sys::Url::new(&a.href()).ok()?;
    let here = web_sys::window()?.location().origin().ok()?;
    let path = url.pathname();
    let base = links().base();
    let in_base = base.is_empty() || path == base || path.starts_with(&format!("{base}/"));
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    (url.origin() == here && in_base && !is_file).then(|| format!("{path}{}", url.search()))
}

/// The page for the current route. Each route draws afresh: moving from one
/// article to another replaces the article page.
#[component]
pub fn AppRoutes() -> impl IntoView {
    let location = crate::context::location();
    let route = Memo::new(move |_| route_of(&location.0.get()));
    move || match route.get() {
        Route::Home => page::fetched(links().home()).into_any(),
        // Every page of every listing (latest, sections, kinds, tags,
        // authors) is the page the build wrote for it, fetched.
        Route::Listing(l, n) => page::fetched(links().listing(&l, n)).into_any(),
        Route::Article(slug) => article::page(slug).into_any(),
        Route::Library => view! { <LibraryPage/> }.into_any(),
        Route::Search => view! { <SearchPage/> }.into_any(),
        Route::NotFound => not_found::page().into_any(),
    }
}
