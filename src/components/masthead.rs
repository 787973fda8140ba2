//! The site header with section navigation, and the footer.

use crate::app::use_site;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// Site name and section navigation. Navigation appears once the site index
/// has loaded; if it fails, the name alone still leads home.
#[component]
pub fn Masthead() -> impl IntoView {
    let site = use_site();
    let name = move || {
        site.get()
            .and_then(|r| r.ok())
            .map_or_else(|| "Folio".to_owned(), |s| s.name.clone())
    };
    view! {
        <header class="masthead">
            <div class="masthead-inner">
                <A href=routes::home() attr:class="wordmark">{name}</A>
                <nav class="tools-nav" aria-label="Your library">
                    <A href=routes::library()>"Library"</A>
                    <A href=routes::search()>"Search"</A>
                </nav>
                <nav class="sections-nav" aria-label="Sections">
                    <ul>
                        {move || site.get().and_then(|r| r.ok()).map(|s| {
                            s.sections.iter().map(|sec| {
                                let name = sec.name.clone();
                                view! { <li><A href=routes::section(&sec.slug)>{name}</A></li> }
                            }).collect_view()
                        })}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// Footer with the site's tagline.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <p>
                {move || site.get().and_then(|r| r.ok()).map(|s| format!("{} — {}", s.name, s.tagline))}
            </p>
        </footer>
    }
}
