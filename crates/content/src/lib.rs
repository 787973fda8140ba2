//! Folio's content layer: the article model, its decoding and validation,
//! markdown rendering with a safety filter, listings and related-story
//! ranking. Pure Rust with no browser calls, so the wasm app and the native
//! build tool share one definition and native `cargo test` covers it.

pub mod decode;
pub mod listing;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod related;
pub mod search;
pub mod security;
pub mod share;
pub mod site_search;
pub mod text;
pub mod timestamp;
pub mod validate;

pub use decode::ContentError;
#[cfg(feature = "json")]
pub use decode::{decode_article, decode_listing, decode_site};
pub use model::{
    Article, ArticleSummary, Image, ImageSizes, Kind, ListingPage, Section, Site, SocialAccount,
};
pub use timestamp::{Civil, Timestamp};

/// The content format version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;
