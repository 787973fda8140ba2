//! Folio's views as plain functions of their data, written as HTML with
//! [maud]. The build tool writes them into every entry page, so a page reads
//! fully from its first HTML response (and without JavaScript); the app
//! renders the same functions when the reader moves between pages, so a page
//! looks the same whichever side produced it. Nothing here fetches, stores or
//! calls the browser: native tests cover every view.
//!
//! Interactive parts (disclosures, share actions, "More stories") are plain
//! markup too, marked with `data-action` attributes that the app handles;
//! without the app they degrade to what HTML does alone (links, visible
//! text).

pub mod article;
pub mod cards;
pub mod front;
pub mod i18n;
pub mod library;
pub mod listing;
pub mod rail;
pub mod search;
pub mod settings;
pub mod share;
pub mod shell;
pub mod shortcuts;
pub mod states;

use folio_content::paths::Links;
use folio_content::Site;
pub use maud::{Markup, PreEscaped};

/// What every view needs besides its own data: the site index (names of
/// sections, accounts, the canonical base URL) and links under the
/// deployment's base path, and the interface texts of the page's language.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub links: &'a Links,
    pub texts: &'a i18n::Texts,
}

/// `text` escaped for HTML, for the few places that build markup by hand.
pub fn escape(text: &str) -> String {
    maud::html! { (text) }.into_string()
}

/// The `data-page` value that marks a rendered page, so the app knows which
/// URL the page in the document shows.
pub const PAGE_ATTR: &str = "data-page";

/// The `data-page` of a page that is right for any URL: the not-found page,
/// which static hosts serve for every path without a file.
pub const ANY_PAGE: &str = "*";

#[cfg(test)]
pub(crate) mod fixtures;
