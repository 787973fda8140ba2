//! JSON in the browser: content files are parsed by the browser's own
//! `JSON.parse` and read into Rust types with serde-wasm-bindgen (already
//! there for IndexedDB), so no JSON parser is compiled into the wasm.
//! Validation is `folio_content`'s, the same as the build tool's.

use folio_content::decode::{self, Parser};
use folio_content::{Article, ContentError, ListingPage, Site};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

/// The browser's parser.
pub struct BrowserJson;

impl Parser for BrowserJson {
    fn parse<T: DeserializeOwned>(json: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(json).map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "not JSON".to_owned(), |e| String::from(e.message()))
        })?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    }
}

/// One article file, decoded and validated.
pub fn article(json: &str) -> Result<Article, ContentError> {
    decode::article_with::<BrowserJson>(json)
}

/// An article file validated when it was stored (the offline library):
/// decoded, its format version checked, today's rules not applied again.
pub fn validated_article(json: &str) -> Result<Article, ContentError> {
    decode::validated_article_with::<BrowserJson>(json)
}

/// The site index, decoded and validated.
pub fn site(json: &str) -> Result<Site, ContentError> {
    decode::site_with::<BrowserJson>(json)
}

/// One listing page, decoded and validated.
pub fn listing(json: &str) -> Result<ListingPage, ContentError> {
    decode::listing_with::<BrowserJson>(json)
}

/// A file of the whole-site search index (`folio_content::site_search`):
/// plain data the build wrote, decoded.
pub fn search_file<T: DeserializeOwned>(json: &str) -> Result<T, ContentError> {
    BrowserJson::parse(json).map_err(|detail| ContentError::Malformed {
        what: "search index",
        detail,
    })
}
