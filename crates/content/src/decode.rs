//! Turning JSON text into checked content, with errors a reader can follow.

use crate::model::{Article, ListingPage, Site};
use crate::validate;
use serde::de::DeserializeOwned;
use std::fmt;

/// Why a content file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// Not JSON, cut short, or a field of the wrong type or missing.
    Malformed { what: &'static str, detail: String },
    /// Written for a newer content format than this app reads.
    UnsupportedVersion { what: &'static str, version: u32 },
    /// Well-formed, but breaks the format's rules.
    Invalid {
        what: &'static str,
        problems: Vec<String>,
    },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Malformed { what, detail } => write!(f, "malformed {what}: {detail}"),
            ContentError::UnsupportedVersion { what, version } => write!(
                f,
                "{what} uses content format {version}, this build reads up to {}",
                crate::FORMAT_VERSION
            ),
            ContentError::Invalid { what, problems } => {
                write!(f, "invalid {what}: {}", problems.join("; "))
            }
        }
    }
}

impl std::error::Error for ContentError {}

/// A JSON parser: serde_json natively ([`decode_article`] and friends), the
/// browser's own `JSON.parse` in the app (which then needs no JSON parser
/// compiled into its wasm). Errors are the parser's message.
pub trait Parser {
    /// Parses `json` into a `T`.
    fn parse<T: DeserializeOwned>(json: &str) -> Result<T, String>;
}

/// serde_json.
#[cfg(feature = "json")]
pub struct SerdeJson;

#[cfg(feature = "json")]
impl Parser for SerdeJson {
    fn parse<T: DeserializeOwned>(json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

fn parse<P: Parser, T: DeserializeOwned>(
    what: &'static str,
    json: &str,
) -> Result<T, ContentError> {
    P::parse(json).map_err(|detail| ContentError::Malformed { what, detail })
}

fn check(what: &'static str, version: u32, problems: Vec<String>) -> Result<(), ContentError> {
    if version > crate::FORMAT_VERSION {
        return Err(ContentError::UnsupportedVersion { what, version });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ContentError::Invalid { what, problems })
    }
}

/// Decodes and validates one article file with the parser `P`.
pub fn article_with<P: Parser>(json: &str) -> Result<Article, ContentError> {
    let article: Article = parse::<P, _>("article", json)?;
    check("article", article.version, validate::article(&article))?;
    Ok(article)
}

/// Decodes an article file that was validated when it was stored (the
/// offline library): its format version is checked, today's validation
/// rules are not applied again, so a release that tightens a rule cannot
/// turn a saved library into damaged copies.
pub fn validated_article_with<P: Parser>(json: &str) -> Result<Article, ContentError> {
    let article: Article = parse::<P, _>("article", json)?;
    check("article", article.version, Vec::new())?;
    Ok(article)
}

/// Decodes and validates the site index with the parser `P`.
pub fn site_with<P: Parser>(json: &str) -> Result<Site, ContentError> {
    let site: Site = parse::<P, _>("site index", json)?;
    check("site index", site.version, validate::site(&site))?;
    Ok(site)
}

/// Decodes and validates one listing page with the parser `P`.
pub fn listing_with<P: Parser>(json: &str) -> Result<ListingPage, ContentError> {
    let page: ListingPage = parse::<P, _>("listing", json)?;
    check("listing", page.version, validate::listing(&page))?;
    Ok(page)
}

/// Decodes and validates one article file.
#[cfg(feature = "json")]
pub fn decode_article(json: &str) -> Result<Article, ContentError> {
    article_with::<SerdeJson>(json)
}

/// Decodes and validates the site index.
#[cfg(feature = "json")]
pub fn decode_site(json: &str) -> Result<Site, ContentError> {
    site_with::<SerdeJson>(json)
}

/// Decodes and validates one listing page.
#[cfg(feature = "json")]
pub fn decode_listing(json: &str) -> Result<ListingPage, ContentError> {
    listing_with::<SerdeJson>(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "slug": "port-plan", "section": "middle-east", "kind": "analysis",
        "headline": "A port plan", "dek": "Why it matters", "authors": ["A. Writer"],
        "published": "2026-11-02T09:30:00Z", "tags": ["aid"], "body": "Hello **world**."
    }"#;

    #[test]
    fn decodes_a_valid_article_with_defaults() {
        let a = decode_article(GOOD).unwrap();
        assert_eq!(a.slug, "port-plan");
        assert_eq!(a.version, 1);
        assert!(a.related.is_empty());
        assert!(a.hero.is_none());
    }

    #[test]
    fn truncated_json_is_malformed_not_a_panic() {
        let cut = &GOOD[..GOOD.len() / 2];
        let err = decode_article(cut).unwrap_err();
        assert!(matches!(err, ContentError::Malformed { .. }), "{err}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let err = decode_article(&GOOD.replace(r#""headline": "A port plan","#, "")).unwrap_err();
        assert!(
            err.to_string().contains("missing field `headline`"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_date_and_unknown_kind_are_reported() {
        let err = decode_article(&GOOD.replace("2026-11-02T09:30:00Z", "2 Nov")).unwrap_err();
        assert!(err.to_string().contains("RFC 3339"), "{err}");
        let err = decode_article(&GOOD.replace("analysis", "rumour")).unwrap_err();
        assert!(
            err.to_string().contains("unknown variant `rumour`"),
            "{err}"
        );
    }

    #[test]
    fn stored_articles_are_not_validated_again_but_their_version_is_checked() {
        // Stored under rules since tightened (here: a related list naming
        // the article itself).
        let loose = GOOD.replacen('{', r#"{"related": ["port-plan"],"#, 1);
        assert!(decode_article(&loose).is_err());
        let kept = validated_article_with::<SerdeJson>(&loose).expect("read back as stored");
        assert_eq!(kept.related, ["port-plan"]);
        let newer = GOOD.replacen('{', r#"{"version": 7,"#, 1);
        assert!(matches!(
            validated_article_with::<SerdeJson>(&newer),
            Err(ContentError::UnsupportedVersion { version: 7, .. })
        ));
        assert!(matches!(
            validated_article_with::<SerdeJson>("{\"slug\": 3}"),
            Err(ContentError::Malformed { .. })
        ));
    }

    #[test]
    fn newer_format_versions_are_refused_clearly() {
        let err = decode_article(&GOOD.replacen('{', r#"{"version": 7,"#, 1)).unwrap_err();
        assert_eq!(
            err,
            ContentError::UnsupportedVersion {
                what: "article",
                version: 7
            }
        );
    }

    #[test]
    fn rule_breaks_are_listed() {
        let err = decode_article(&GOOD.replace("port-plan", "../etc/passwd")).unwrap_err();
        assert!(matches!(err, ContentError::Invalid { .. }));
        assert!(err.to_string().contains("slug"), "{err}");
    }
}
