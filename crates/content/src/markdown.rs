//! Markdown rendering for untrusted article bodies.
//!
//! Bodies are parsed with pulldown-cmark and every event passes through a
//! safety filter before HTML is written, instead of sanitising HTML after the
//! fact: a full HTML sanitiser costs on the order of 200 KiB of compressed
//! wasm, this filter a few KiB. The rules:
//! - raw HTML never reaches the page: inline tags are dropped (their text
//!   stays), HTML blocks are shown as plain text, comments vanish;
//! - links and images keep only `http`, `https`, `mailto` (links only) and
//!   relative URLs; anything else (`javascript:`, `data:`, `vbscript:` ...)
//!   loses its URL and keeps its text;
//! - external links open in a new tab with `rel="noopener noreferrer"`;
//! - headings start at `<h2>` (the page's `<h1>` is the headline) and lose
//!   author-supplied ids and classes; footnote ids are prefixed so content
//!   cannot clobber ids the app relies on.

use crate::ImageSizes;
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html, FmtWriter};

/// The CommonMark extensions a writer expects: GFM tables, footnotes,
/// strikethrough and task lists, plus typographic quotes and dashes. Heading
/// attributes stay off, so `{#id}` cannot set ids.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// How a body is rendered beyond the safety rules, which always apply.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions<'a> {
    /// The site's path prefix (`/news`), empty at the root: root-relative
    /// links and images (`/articles/x`) are kept inside it.
    pub base: &'a str,
    /// Pixel sizes of the body's images by URL as written; a known size is
    /// written as `width` and `height`, so the page keeps the image's place
    /// before it loads.
    pub image_sizes: Option<&'a ImageSizes>,
    /// When given, images on other hosts than these (the site's declared
    /// image hosts) are left out, their alt text kept: the site's security
    /// policy would block them anyway.
    pub image_hosts: Option<&'a [String]>,
}

/// Renders an untrusted markdown body to HTML that is safe for `inner_html`.
pub fn render(markdown: &str) -> String {
    render_with(markdown, &RenderOptions::default())
}

/// As [`render`], for a site served under `base` (`/news`).
pub fn render_under(markdown: &str, base: &str) -> String {
    render_with(
        markdown,
        &RenderOptions {
            base,
            ..RenderOptions::default()
        },
    )
}

/// As [`render`], with options.
pub fn render_with(markdown: &str, options: &RenderOptions<'_>) -> String {
    let events = filter(Parser::new_ext(markdown, self::options()), options);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The URLs of the images a body shows once filtered (unsafe ones are
/// dropped), in order and without repeats: what must be cached for the
/// article to be complete offline.
pub fn image_urls(markdown: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            let url = dest_url.to_string();
            if is_safe_url(&url)
                && !url.trim().to_ascii_lowercase().starts_with("mailto:")
                && !urls.contains(&url)
            {
                urls.push(url);
            }
        }
    }
    urls
}

/// Whether a URL may appear in an `href` or `src`: http, https, mailto, or
/// relative. Tabs and newlines are ignored the way browsers ignore them, so
/// `java\tscript:` is caught.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c.is_ascii_control() || c == ' ');
    match scheme(cleaned) {
        None => true,
        Some(s) => matches!(s.to_ascii_lowercase().as_str(), "http" | "https" | "mailto"),
    }
}

/// The URL's scheme, if it has one (`https` in `https://x`).
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

fn attr(out: &mut String, name: &str, value: &str, href: bool) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    // Writing into a String cannot fail.
    let _ = if href {
        escape_href(FmtWriter(&mut *out), value)
    } else {
        escape_html(FmtWriter(&mut *out), value)
    };
    out.push('"');
}

fn open_link(link_type: LinkType, dest: &str, title: &str) -> String {
    let href = if link_type == LinkType::Email {
        format!("mailto:{dest}")
    } else {
        dest.to_owned()
    };
    let mut tag = String::from("<a");
    attr(&mut tag, "href", &href, true);
    if !title.is_empty() {
        attr(&mut tag, "title", title, false);
    }
    if is_external(&href) {
        tag.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    tag.push('>');
    tag
}

fn image_tag(src: &str, alt: &str, title: &str, size: Option<[u32; 2]>) -> String {
    let mut tag = String::from("<img");
    attr(&mut tag, "src", src, true);
    attr(&mut tag, "alt", alt, false);
    if !title.is_empty() {
        attr(&mut tag, "title", title, false);
    }
    if let Some([width, height]) = size {
        tag.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    }
    tag.push_str(" loading=\"lazy\" decoding=\"async\">");
    tag
}

fn prefixed_footnote(label: &str) -> CowStr<'static> {
    CowStr::from(format!("fn-{label}"))
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 {
        HeadingLevel::H2
    } else {
        level
    }
}

/// An image being collected: its alt text arrives as events before its end.
struct PendingImage {
    src: Option<String>,
    size: Option<[u32; 2]>,
    title: String,
    alt: String,
}

/// Prefixes root-relative URLs (not protocol-relative ones) with `base`.
fn under(base: &str, url: &str) -> String {
    if !base.is_empty() && url.starts_with('/') && !url.starts_with("//") {
        format!("{base}{url}")
    } else {
        url.to_owned()
    }
}

/// Applies the safety rules to a parsed event stream.
pub fn filter<'a>(
    events: impl Iterator<Item = Event<'a>>,
    options: &RenderOptions<'_>,
) -> Vec<Event<'a>> {
    let base = options.base.trim_end_matches('/');
    let mut out = Vec::new();
    // For each open link: whether its opening tag was written.
    let mut links: Vec<bool> = Vec::new();
    // Images nest (an image inside an image's alt is legal markdown).
    let mut images: Vec<PendingImage> = Vec::new();

    for event in events {
        if let Some(img) = images.last_mut() {
            match &event {
                Event::End(TagEnd::Image) => {}
                Event::Start(Tag::Image { .. }) => {}
                Event::Text(t) | Event::Code(t) => {
                    img.alt.push_str(t);
                    continue;
                }
                Event::SoftBreak | Event::HardBreak => {
                    img.alt.push(' ');
                    continue;
                }
                _ => continue,
            }
        }
        match event {
            Event::Html(raw) => {
                if !raw.trim_start().starts_with("<!--") {
                    out.push(Event::Text(raw));
                }
            }
            Event::InlineHtml(_) => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let safe = is_safe_url(&dest_url);
                if safe {
                    out.push(Event::Html(
                        open_link(link_type, &under(base, &dest_url), &title).into(),
                    ));
                }
                links.push(safe);
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::Html("</a>".into()));
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let safe = is_safe_url(&dest_url)
                    && !dest_url.trim().to_ascii_lowercase().starts_with("mailto:")
                    && options
                        .image_hosts
                        .is_none_or(|hosts| crate::security::image_allowed(&dest_url, hosts));
                images.push(PendingImage {
                    src: safe.then(|| under(base, &dest_url)),
                    size: options
                        .image_sizes
                        .and_then(|sizes| sizes.get(dest_url.as_ref()).copied()),
                    title: title.to_string(),
                    alt: String::new(),
                });
            }
            Event::End(TagEnd::Image) => {
                if let Some(img) = images.pop() {
                    if let Some(parent) = images.last_mut() {
                        parent.alt.push_str(&img.alt);
                    } else {
                        out.push(match img.src {
                            Some(src) => {
                                Event::Html(image_tag(&src, &img.alt, &img.title, img.size).into())
                            }
                            None => Event::Text(img.alt.into()),
                        });
                    }
                }
            }
            Event::Start(Tag::Heading { level, .. }) => out.push(Event::Start(Tag::Heading {
                level: demote(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(demote(level))))
            }
            Event::FootnoteReference(label) => {
                out.push(Event::FootnoteReference(prefixed_footnote(&label)))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => out.push(Event::Start(
                Tag::FootnoteDefinition(prefixed_footnote(&label)),
            )),
            other => out.push(other),
        }
    }
    // Malformed input cannot leave an anchor open: the parser balances tags,
    // but close any we opened if it ever did not.
    for opened in links.into_iter().rev() {
        if opened {
            out.push(Event::Html("</a>".into()));
        }
    }
    out
}
