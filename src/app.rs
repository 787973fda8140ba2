//! The application shell: meta context, site index, router and layout.

use crate::components::masthead::{Masthead, SiteFooter};
use crate::components::shell_status::ShellStatus;
use crate::loaders;
use crate::net::LoadError;
use crate::offline::{notices, refresh, saved, status, sw};
use crate::pages::{
    article::ArticlePage,
    home::Home,
    library::LibraryPage,
    listing::{KindPage, LatestPage, SectionPage},
    not_found::NotFound,
    search::SearchPage,
};
use crate::routes;
use folio_content::Site;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

/// The site index, loaded once and shared by every page.
#[derive(Clone, Copy)]
pub struct SiteIndex(pub LocalResource<Result<Arc<Site>, LoadError>>);

/// The site index from context.
pub fn use_site() -> LocalResource<Result<Arc<Site>, LoadError>> {
    expect_context::<SiteIndex>().0
}

/// The site index if it is provided and loaded (components rendered outside
/// the app shell, as in browser tests, get `None`).
pub fn loaded_site() -> Option<Arc<Site>> {
    use_context::<SiteIndex>()?.0.get()?.ok()
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site = LocalResource::new(|| loaders::site(None));
    provide_context(SiteIndex(site));
    let notice_list = notices::provide();
    saved::provide();
    provide_context(status::track(|| {
        leptos::task::spawn_local(refresh::refresh_library())
    }));
    provide_context(sw::register());
    if status::is_online() {
        leptos::task::spawn_local(refresh::refresh_library_if_due());
    }

    view! {
        <Html attr:lang="en"/>
        <Router base=routes::base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Masthead/>
            <ShellStatus notices=notice_list/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/latest") view=LatestPage/>
                    <Route path=path!("/sections/:slug") view=SectionPage/>
                    <Route path=path!("/kinds/:kind") view=KindPage/>
                    <Route path=path!("/articles/:slug") view=ArticlePage/>
                    <Route path=path!("/library") view=LibraryPage/>
                    <Route path=path!("/search") view=SearchPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
