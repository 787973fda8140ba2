//! The content model, format v1 (documented in `docs/content-format.md`).

use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn format_v1() -> u32 {
    crate::FORMAT_VERSION
}

fn default_page_size() -> u32 {
    12
}

fn default_language() -> String {
    "en".to_owned()
}

/// The site index: identity, social accounts and sections. Small and fetched
/// once; article lists live in paginated listings, never here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    #[serde(default = "format_v1")]
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    /// Canonical public URL of the site root, with a trailing slash
    /// (`https://magazine.example/news/`). Used for share links, feeds and
    /// link previews.
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub social: Vec<SocialAccount>,
    pub sections: Vec<Section>,
    /// Summaries per listing page.
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// Origins that images may also come from (`https://images.example.com`):
    /// the security policy allows them, and images from anywhere else are
    /// left out of pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image_hosts: Vec<String>,
}

impl Site {
    /// The section with this slug, if the site has it.
    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }

    /// The display name of a section, falling back to its slug.
    pub fn section_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.section(slug).map_or(slug, |s| s.name.as_str())
    }
}

/// One of the site's accounts on a social network, for the "follow us" block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SocialAccount {
    /// A known network id (`x`, `facebook`, `bluesky`, `mastodon`, `rss`, ...).
    pub network: String,
    /// What readers see, e.g. `@foliomag`.
    pub label: String,
    pub url: String,
}

/// A section of the magazine, such as "Latin America".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// What kind of piece an article is; shown in the kicker ("Analysis | ...").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Analysis,
    News,
    Opinion,
    Feature,
    Brief,
}

impl Kind {
    /// Every kind, in the order menus list them.
    pub const ALL: [Kind; 5] = [
        Kind::Analysis,
        Kind::News,
        Kind::Opinion,
        Kind::Feature,
        Kind::Brief,
    ];

    /// The id used in content files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Analysis => "analysis",
            Kind::News => "news",
            Kind::Opinion => "opinion",
            Kind::Feature => "feature",
            Kind::Brief => "brief",
        }
    }

    /// The kind with this id.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The plural readers see on a listing of this kind.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Analysis => "Analysis",
            Kind::News => "News",
            Kind::Opinion => "Opinion",
            Kind::Feature => "Features",
            Kind::Brief => "Briefs",
        }
    }

    /// The label readers see.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Analysis => "Analysis",
            Kind::News => "News",
            Kind::Opinion => "Opinion",
            Kind::Feature => "Feature",
            Kind::Brief => "Brief",
        }
    }
}

/// An image with the text a reader and a screen reader need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Relative to the site root (`images/port.svg`) or an absolute https URL.
    pub src: String,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// A whole article, one JSON file per article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(default = "format_v1")]
    pub version: u32,
    pub slug: String,
    pub section: String,
    pub kind: Kind,
    /// An optional running topic ("Israel-Gaza Crisis"), shown above the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    pub headline: String,
    #[serde(default)]
    pub dek: String,
    #[serde(default)]
    pub authors: Vec<String>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The body in CommonMark with GFM extras. Untrusted: always rendered
    /// through [`crate::markdown`].
    pub body: String,
    /// Slugs the editor chose as related, shown first in the rail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

/// The newest of `published` and `updated`: an `updated` earlier than
/// `published` (which validation refuses) never moves a date back.
fn newest<'a>(published: &'a Timestamp, updated: Option<&'a Timestamp>) -> &'a Timestamp {
    updated.filter(|u| *u > published).unwrap_or(published)
}

impl Article {
    /// The newest of published and updated.
    pub fn last_modified(&self) -> &Timestamp {
        newest(&self.published, self.updated.as_ref())
    }

    /// The summary that listings carry for this article.
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            slug: self.slug.clone(),
            section: self.section.clone(),
            kind: self.kind,
            kicker: self.kicker.clone(),
            headline: self.headline.clone(),
            dek: self.dek.clone(),
            authors: self.authors.clone(),
            published: self.published.clone(),
            updated: self.updated.clone(),
            hero: self.hero.clone(),
            tags: self.tags.clone(),
            reading_minutes: crate::text::reading_minutes(&self.body),
            teaser: (self.kind == Kind::Brief).then(|| crate::text::teaser(&self.body, 900)),
        }
    }
}

/// What a listing carries about an article: enough for cards, the rail and
/// ranking, without the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub section: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    pub headline: String,
    #[serde(default)]
    pub dek: String,
    #[serde(default)]
    pub authors: Vec<String>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub reading_minutes: u32,
    /// Plain-text paragraphs of a brief, for the rail's "keep reading" toggle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teaser: Option<String>,
}

impl ArticleSummary {
    /// The newest of published and updated, as [`Article::last_modified`]
    /// gives for the whole article (feeds and sitemaps date entries by it).
    pub fn last_modified(&self) -> &Timestamp {
        newest(&self.published, self.updated.as_ref())
    }
}

impl ArticleSummary {
    /// A summary with only what identifies and orders it (the headline is
    /// the slug): for synthetic corpora and tests.
    pub fn minimal(slug: &str, section: &str, kind: Kind, published: Timestamp) -> Self {
        Self {
            slug: slug.to_owned(),
            section: section.to_owned(),
            kind,
            kicker: None,
            headline: slug.to_owned(),
            dek: String::new(),
            authors: Vec::new(),
            published,
            updated: None,
            hero: None,
            tags: Vec::new(),
            reading_minutes: 1,
            teaser: None,
        }
    }
}

/// One page of a listing (latest, a section, or briefs), newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    #[serde(default = "format_v1")]
    pub version: u32,
    /// Which listing this page belongs to, e.g. `latest` or `section/middle-east`.
    pub listing: String,
    /// 1-based page number: 1 shows the newest stories, the others are
    /// numbered from the oldest (see `listing::PageSpan`).
    pub page: u32,
    /// The listing's pages and stories: on page 1 only (0 on the others,
    /// which do not change when a story is published).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pages: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub total: u32,
    /// The page with the next older stories, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<u32>,
    /// The page with the next newer stories, if any (none on page 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<u32>,
    pub items: Vec<ArticleSummary>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Pixel sizes (`[width, height]`) of images by their URL as the content
/// writes it, so pages reserve each image's space before it loads.
pub type ImageSizes = BTreeMap<String, [u32; 2]>;

impl ListingPage {
    /// Whether a page of older stories exists.
    pub fn has_more(&self) -> bool {
        self.older.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_modified_is_the_newest_date_for_articles_and_summaries() {
        let article = Article {
            version: 1,
            slug: "a".into(),
            section: "s".into(),
            kind: Kind::News,
            kicker: None,
            headline: "h".into(),
            dek: String::new(),
            authors: vec!["A".into()],
            published: Timestamp::from_unix(2_000),
            updated: None,
            hero: None,
            tags: vec![],
            body: "b".into(),
            related: vec![],
        };
        let dated = |updated: Option<i64>| {
            let a = Article {
                updated: updated.map(Timestamp::from_unix),
                ..article.clone()
            };
            let (whole, summary) = (a.last_modified().unix(), a.summary().last_modified().unix());
            assert_eq!(whole, summary);
            whole
        };
        assert_eq!(dated(None), 2_000);
        assert_eq!(dated(Some(3_000)), 3_000);
        assert_eq!(dated(Some(1_000)), 2_000, "an earlier update never wins");
    }
}
