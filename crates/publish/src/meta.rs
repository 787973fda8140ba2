//! The tags that describe one page to browsers, search engines and the
//! link-preview crawlers of social networks and chat apps (which do not run
//! JavaScript): title, description, canonical URL, Open Graph, Twitter card
//! and feed links.

use crate::escape::push_escaped;

/// A lead image for link previews.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PreviewImage {
    /// Absolute URL: crawlers do not apply the page's `<base href>`.
    pub(crate) url: String,
    pub(crate) alt: String,
    pub(crate) width: Option<u32>,
    pub(crate) height: Option<u32>,
    /// The media type (`image/png`), when known.
    pub(crate) mime: Option<&'static str>,
}

/// What Open Graph's `article:*` properties carry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ArticleFacts {
    pub(crate) published: String,
    pub(crate) modified: String,
    /// The section's display name.
    pub(crate) section: String,
    pub(crate) tags: Vec<String>,
    pub(crate) authors: Vec<String>,
}

/// A feed to advertise with `<link rel="alternate">`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FeedLink {
    pub(crate) title: String,
    pub(crate) url: String,
}

/// Everything one entry page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PageMeta {
    /// The document title, e.g. "Headline — Folio".
    pub(crate) title: String,
    /// The title a share card shows (the headline alone).
    pub(crate) share_title: String,
    pub(crate) description: String,
    /// Absolute canonical URL; `None` for pages that must not be indexed.
    pub(crate) canonical: Option<String>,
    pub(crate) image: Option<PreviewImage>,
    /// `Some` for an article (`og:type` article), `None` for other pages (website).
    pub(crate) article: Option<ArticleFacts>,
    pub(crate) feeds: Vec<FeedLink>,
    /// Asks search engines to leave the page out (the not-found page).
    pub(crate) noindex: bool,
}

impl PageMeta {
    /// The tags, ready to go where the loader's `<title>` was.
    pub(crate) fn to_html(&self, site_name: &str) -> String {
        let mut t = Tags(String::with_capacity(2048));
        t.0.push_str("<title>");
        push_escaped(&mut t.0, &self.title);
        t.0.push_str("</title>");
        if !self.description.is_empty() {
            t.meta("name", "description", &self.description);
        }
        if self.noindex {
            t.meta("name", "robots", "noindex");
        }
        if let Some(article) = self.article.as_ref().filter(|a| !a.authors.is_empty()) {
            t.meta("name", "author", &article.authors.join(", "));
        }
        if let Some(url) = &self.canonical {
            t.tag("link", &[("rel", "canonical"), ("href", url)]);
            self.share_tags(&mut t, site_name, url);
        }
        for feed in &self.feeds {
            t.tag(
                "link",
                &[
                    ("rel", "alternate"),
                    ("type", "application/atom+xml"),
                    ("title", &feed.title),
                    ("href", &feed.url),
                ],
            );
        }
        t.0
    }

    /// Open Graph (Facebook, LinkedIn, WhatsApp, Slack, Mastodon, Bluesky…)
    /// and Twitter card tags.
    fn share_tags(&self, t: &mut Tags, site_name: &str, url: &str) {
        t.meta(
            "property",
            "og:type",
            if self.article.is_some() {
                "article"
            } else {
                "website"
            },
        );
        t.meta("property", "og:site_name", site_name);
        t.meta("property", "og:title", &self.share_title);
        if !self.description.is_empty() {
            t.meta("property", "og:description", &self.description);
        }
        t.meta("property", "og:url", url);
        if let Some(image) = &self.image {
            t.meta("property", "og:image", &image.url);
            if let Some(mime) = image.mime {
                t.meta("property", "og:image:type", mime);
            }
            if let (Some(w), Some(h)) = (image.width, image.height) {
                t.meta("property", "og:image:width", &w.to_string());
                t.meta("property", "og:image:height", &h.to_string());
            }
            t.meta("property", "og:image:alt", &image.alt);
        }
        if let Some(article) = &self.article {
            t.meta("property", "article:published_time", &article.published);
            t.meta("property", "article:modified_time", &article.modified);
            t.meta("property", "article:section", &article.section);
            for tag in &article.tags {
                t.meta("property", "article:tag", tag);
            }
        }
        let card = if self.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        t.meta("name", "twitter:card", card);
        t.meta("name", "twitter:title", &self.share_title);
        if !self.description.is_empty() {
            t.meta("name", "twitter:description", &self.description);
        }
        if let Some(image) = &self.image {
            t.meta("name", "twitter:image", &image.url);
            t.meta("name", "twitter:image:alt", &image.alt);
        }
    }
}

/// Writes void elements with escaped attribute values.
struct Tags(String);

impl Tags {
    fn tag(&mut self, element: &str, attrs: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(element);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            push_escaped(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
    }

    /// `<meta {key}="{name}" content="{value}">`, key being `name` or `property`.
    fn meta(&mut self, key: &str, name: &str, value: &str) {
        self.tag("meta", &[(key, name), ("content", value)]);
    }
}

/// `text` cut to at most `max` characters at a word boundary, with an
/// ellipsis when cut: previews show about 200 characters of a description.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_canonical_gets_no_share_tags() {
        let meta = PageMeta {
            title: "Page not found — F".into(),
            noindex: true,
            ..Default::default()
        };
        let html = meta.to_html("F");
        assert_eq!(
            html,
            "<title>Page not found — F</title><meta name=\"robots\" content=\"noindex\">"
        );
    }

    #[test]
    fn clip_cuts_at_a_word() {
        assert_eq!(clip("alpha  beta\ngamma", 100), "alpha beta gamma");
        assert_eq!(clip("alpha beta, gamma delta", 14), "alpha beta…");
    }
}
