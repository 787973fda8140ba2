//! Pages without content of their own: not found, and the wait for the app.

use crate::Markup;
use folio_content::paths::Links;
use maud::html;

/// The reader asked for something that does not exist.
pub fn not_found(links: &Links) -> Markup {
    html! {
        section.not-found role="alert" {
            h1 { "Page not found" }
            p { "This story may have moved, or the link may be mistyped." }
            p { a.button href=(links.home()) { "Back to the front page" } }
        }
    }
}

/// Shown while the app loads what a page shows. Hidden for the first
/// moments by CSS so fast loads do not flash it.
pub fn loading(label: &str) -> Markup {
    html! {
        div.loading role="status" aria-live="polite" {
            span.loading-bar aria-hidden="true" {}
            span.loading-label { (label) }
        }
    }
}

/// A page that only the app can show (the library, search): its heading,
/// and a note for readers whose browser does not run it.
pub fn app_page(title: &str, description: &str) -> Markup {
    html! {
        header.listing-header {
            h1 { (title) }
            p.listing-description { (description) }
        }
        noscript { p.noscript { "This page needs JavaScript: it shows what is stored in your browser." } }
        (loading("Loading…"))
    }
}

/// A warning in the page: something the reader should know went wrong.
pub fn warning(text: &str) -> Markup {
    html! { p.notice.notice-warning role="alert" { (text) } }
}
