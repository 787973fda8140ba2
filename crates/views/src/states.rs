//! Pages without content of their own: not found, and the wait for the app.

use crate::i18n::{Msg, Texts};
use crate::Markup;
use folio_content::paths::Links;
use maud::html;

/// The reader asked for something that does not exist.
pub fn not_found(t: &Texts, links: &Links) -> Markup {
    html! {
        section.not-found role="alert" {
            h1 { (t.t(Msg::PageNotFound)) }
            p { (t.t(Msg::PageNotFoundText)) }
            p { a.button href=(links.home()) { (t.t(Msg::BackToFront)) } }
        }
    }
}

/// Shown while the app loads what a page shows. Hidden for the first
/// moments by CSS so fast loads do not flash it.
pub fn loading(t: &Texts) -> Markup {
    loading_with(t, Msg::Loading)
}

/// [`loading`] saying what is loading.
pub fn loading_with(t: &Texts, label: Msg) -> Markup {
    html! {
        div.loading role="status" aria-live="polite" {
            span.loading-bar aria-hidden="true" {}
            span.loading-label { (t.t(label)) }
        }
    }
}

/// A page that only the app can show (the library, search): its heading,
/// and a note for readers whose browser does not run it.
pub fn app_page(t: &Texts, title: Msg, description: Msg) -> Markup {
    html! {
        header.listing-header {
            h1 { (t.t(title)) }
            p.listing-description { (t.t(description)) }
        }
        noscript { p.noscript { (t.t(Msg::NeedsJavaScript)) } }
        (loading(t))
    }
}

/// A warning in the page: something the reader should know went wrong.
pub fn warning(text: &str) -> Markup {
    html! { p.notice.notice-warning role="alert" { (text) } }
}

/// A note in the page.
pub fn note(text: &str) -> Markup {
    html! { p.notice { (text) } }
}

/// A status line that is announced as it changes.
pub fn status(text: &str) -> Markup {
    html! { p.search-count role="status" { (text) } }
}
