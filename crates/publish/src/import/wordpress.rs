//! `import wordpress FILE...`: posts from WordPress's REST API, saved page
//! by page (`/wp-json/wp/v2/posts?_embed&per_page=100&page=N`), each file
//! one JSON array of posts. `_embed` puts each post's authors, terms
//! (categories and tags) and featured image in its `_embedded` object.

use super::front_matter::parse_date;
use super::html_to_markdown::{self, plain_text};
use super::{Candidate, Importer, Skip, WantedSection};
use folio_content::paths::name_slug;
use folio_content::Image;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;
use url::Url;

/// Imports every post of every file, in the order given.
pub(super) fn import(files: &[impl AsRef<Path>], importer: &mut Importer) {
    for file in files {
        let file = file.as_ref();
        let origin = file.display().to_string();
        match read_posts(file) {
            Ok(posts) => {
                for (i, value) in posts.into_iter().enumerate() {
                    // Named by its id when it has one, else by its place.
                    let origin = match value.get("id").and_then(Value::as_u64) {
                        Some(id) => format!("{origin}#post-{id}"),
                        None => format!("{origin}#item-{}", i + 1),
                    };
                    match post(value, &origin) {
                        Ok(candidate) => importer.offer(candidate),
                        Err(skip) => importer.skip(&origin, skip),
                    }
                }
            }
            Err(skip) => importer.skip(&origin, skip),
        }
    }
}

fn read_posts(file: &Path) -> Result<Vec<Value>, Skip> {
    let text =
        std::fs::read_to_string(file).map_err(|e| Skip::failed(format!("cannot read: {e}")))?;
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(posts)) => Ok(posts),
        // What WordPress answers past the last page, or without rights.
        Ok(Value::Object(error)) if error.contains_key("code") => Err(Skip::failed(format!(
            "not a list of posts: WordPress answered `{}`: {}",
            error["code"].as_str().unwrap_or_default(),
            error
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
        ))),
        Ok(_) => Err(Skip::failed(
            "not a list of posts: expected the JSON array that /wp-json/wp/v2/posts returns",
        )),
        Err(e) => Err(Skip::failed(format!("not JSON: {e}"))),
    }
}

/// The fields of a post the importer reads.
#[derive(Deserialize)]
struct Post {
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    date_gmt: Option<String>,
    #[serde(default)]
    modified_gmt: Option<String>,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    featured_media: u64,
    #[serde(default)]
    title: Rendered,
    #[serde(default)]
    content: Rendered,
    #[serde(default)]
    excerpt: Rendered,
    #[serde(default, rename = "_embedded")]
    embedded: Option<Embedded>,
}

#[derive(Default, Deserialize)]
struct Rendered {
    #[serde(default)]
    rendered: String,
    #[serde(default)]
    protected: bool,
}

/// What `?_embed` adds. Entries are read loosely: WordPress puts an error
/// object where the reader may not see an author or an image.
#[derive(Default, Deserialize)]
struct Embedded {
    #[serde(default)]
    author: Vec<Value>,
    #[serde(default, rename = "wp:featuredmedia")]
    featured_media: Vec<Value>,
    #[serde(default, rename = "wp:term")]
    terms: Vec<Vec<Value>>,
}

fn text_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn post(value: Value, origin: &str) -> Result<Candidate, Skip> {
    let post: Post =
        serde_json::from_value(value).map_err(|e| Skip::failed(format!("malformed post: {e}")))?;
    if !post.status.is_empty() && post.status != "publish" {
        return Err(Skip::not_published(format!(
            "skipped: status is `{}`",
            post.status
        )));
    }
    if post.content.protected {
        return Err(Skip::not_published("skipped: password-protected"));
    }
    let headline = plain_text(&post.title.rendered);
    if headline.is_empty() {
        return Err(Skip::failed("no title"));
    }
    let mut notes = Vec::new();
    let published = match (&post.date_gmt, &post.date) {
        (Some(gmt), _) => parse_date(gmt),
        (None, Some(local)) => {
            notes.push("no date_gmt: the site's local date is taken as UTC".to_owned());
            parse_date(local)
        }
        (None, None) => None,
    }
    .ok_or_else(|| Skip::failed("no valid date_gmt or date"))?;
    let updated = post.modified_gmt.as_deref().and_then(parse_date);
    let slug = match name_slug(&percent_decode(&post.slug)) {
        slug if slug.is_empty() => name_slug(&headline),
        slug => slug,
    };
    let base = Url::parse(&post.link).ok();
    let body = html_to_markdown::convert(&post.content.rendered, base.as_ref());
    let embedded = post.embedded.unwrap_or_default();
    let terms = |taxonomy: &str| -> Vec<&Value> {
        embedded
            .terms
            .iter()
            .flatten()
            .filter(|t| text_of(t, "taxonomy") == taxonomy)
            .collect()
    };
    let section = terms("category").first().and_then(|category| {
        let name = plain_text(text_of(category, "name"));
        let slug = name_slug(&percent_decode(text_of(category, "slug")));
        match WantedSection::from_name(&name) {
            Some(wanted) if !slug.is_empty() => Some(WantedSection { slug, ..wanted }),
            other => other,
        }
    });
    let mut tags: Vec<String> = Vec::new();
    for tag in terms("post_tag") {
        let name = plain_text(text_of(tag, "name"));
        if !name.is_empty() && !tags.contains(&name) {
            tags.push(name);
        }
    }
    let authors: Vec<String> = embedded
        .author
        .iter()
        .map(|a| plain_text(text_of(a, "name")))
        .filter(|n| !n.is_empty())
        .collect();
    let hero = featured_image(&embedded, post.featured_media, &mut notes);
    Ok(Candidate {
        origin: origin.to_owned(),
        slug,
        kind: None,
        kicker: None,
        headline,
        dek: excerpt(&post.excerpt.rendered),
        authors,
        published,
        updated,
        hero,
        tags,
        body: body.markdown,
        section,
        dropped: body.dropped,
        notes,
        copies: Vec::new(),
    })
}

/// The excerpt as a standfirst: plain text, without the "Continue reading"
/// link themes add, and `[…]` (WordPress's mark of a cut) as `…`.
fn excerpt(html: &str) -> String {
    let text = plain_text(html);
    match text.strip_suffix("[\u{2026}]") {
        Some(cut) => format!("{}\u{2026}", cut.trim_end()),
        None => text,
    }
}

/// The featured image as the hero: its URL, alt text (the caption when the
/// alt text is empty), caption, credit and size.
fn featured_image(embedded: &Embedded, id: u64, notes: &mut Vec<String>) -> Option<Image> {
    let media = embedded
        .featured_media
        .iter()
        .find(|m| m.get("source_url").is_some());
    let Some(media) = media else {
        if id != 0 {
            notes.push(
                "the featured image is not in the export (save the posts with ?_embed)".to_owned(),
            );
        }
        return None;
    };
    let src = text_of(media, "source_url").trim().to_owned();
    if !(src.starts_with("https://") || src.starts_with("http://")) {
        notes.push(format!(
            "featured image `{src}` left out: not an http(s) URL"
        ));
        return None;
    }
    let caption = media
        .get("caption")
        .map(|c| plain_text(text_of(c, "rendered")))
        .filter(|c| !c.is_empty());
    let alt = plain_text(text_of(media, "alt_text"));
    let alt = if alt.is_empty() {
        match &caption {
            Some(caption) => caption.clone(),
            None => {
                notes.push(format!(
                    "featured image `{src}` left out: it has neither alt text nor a caption"
                ));
                return None;
            }
        }
    } else {
        alt
    };
    let details = media.get("media_details");
    let size = |key: &str| {
        details
            .and_then(|d| d.get(key))
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n > 0)
    };
    let credit = details
        .and_then(|d| d.get("image_meta"))
        .map(|m| text_of(m, "credit").trim().to_owned())
        .filter(|c| !c.is_empty());
    Some(Image {
        src,
        alt,
        caption,
        credit,
        width: size("width"),
        height: size("height"),
    })
}

/// WordPress keeps slugs with letters outside ASCII percent-encoded
/// (`%c3%a9t%c3%a9`).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_slugs_are_read_as_text() {
        assert_eq!(percent_decode("%c3%a9t%c3%a9-au-port"), "été-au-port");
        assert_eq!(
            name_slug(&percent_decode("%c3%a9t%c3%a9-au-port")),
            "ete-au-port"
        );
        assert_eq!(percent_decode("100%-sure%zz"), "100%-sure%zz");
    }

    #[test]
    fn excerpts_lose_the_cut_mark() {
        assert_eq!(
            excerpt("<p>Tides rise &#8211; and fall [&hellip;]</p>\n"),
            "Tides rise \u{2013} and fall\u{2026}"
        );
    }
}
