//! The app loader that trunk writes (`dist/index.html`) as the template of
//! every entry page. An entry page must boot the app exactly as the loader
//! does, so everything is kept (stylesheets, preloads, the inline module
//! script, `<base href>`) except the tags that describe the page: `<title>`,
//! the description, robots, canonical and feed links, Open Graph and Twitter
//! tags. Those are removed wherever they are and the page's own are put where
//! the loader's `<title>` was.
//!
//! Trunk minifies release HTML (unquoted attributes, reordered attributes,
//! optional end tags left out), so the loader is read with a small tag
//! scanner rather than by matching literal strings. Removing every managed
//! tag, not just the loader's, makes the step idempotent: running it twice on
//! the same `dist/` (whose `index.html` it rewrites) gives the same pages.

use crate::escape::push_escaped;

/// The loader split around the point where page metadata goes.
#[derive(Debug)]
pub(crate) struct Template {
    before: String,
    after: String,
    /// The loader's `<base href>`: `/`, or `/news/` for a build made with
    /// `trunk build --public-url /news/`.
    pub(crate) base_href: Option<String>,
    /// The loader's own description, for a front page whose site has no tagline.
    pub(crate) description: Option<String>,
}

impl Template {
    /// Reads a loader, setting `<html lang>` to `lang`.
    pub(crate) fn parse(html: &str, lang: &str) -> Result<Template, String> {
        // ASCII lowercasing keeps byte offsets, so `lower` indexes `html`.
        let lower = html.to_ascii_lowercase();
        let mut out = String::with_capacity(html.len() + 2048);
        let mut insert_at = None;
        let mut base_href = None;
        let mut description = None;
        let mut i = 0;
        let mut head_end = None;
        while let Some(found) = html[i..].find('<') {
            let at = i + found;
            out.push_str(&html[i..at]);
            let rest = &lower[at..];
            if rest.starts_with("<!--") {
                let end = rest.find("-->").map_or(html.len(), |e| at + e + 3);
                out.push_str(&html[at..end]);
                i = end;
            } else if rest.starts_with("</head") || opens(rest, "body") {
                head_end = Some(at);
                break;
            } else if let Some(raw) = ["script", "style"].into_iter().find(|n| opens(rest, n)) {
                // Raw text: a `<` inside the boot script is not a tag.
                let end = element_end(&lower, at, raw).unwrap_or(html.len());
                out.push_str(&html[at..end]);
                i = end;
            } else if opens(rest, "title") {
                i = element_end(&lower, at, "title").ok_or("the <title> element is not closed")?;
                insert_at.get_or_insert(out.len());
            } else if let Some(tag) = Tag::parse(html, at) {
                match tag.name.as_str() {
                    "html" => tag.write_with_lang(&mut out, lang),
                    "meta" | "link" if tag.is_page_metadata() => {
                        if tag.name == "meta"
                            && tag
                                .attr("name")
                                .is_some_and(|n| n.eq_ignore_ascii_case("description"))
                        {
                            description = tag.attr("content").map(str::to_owned);
                        }
                    }
                    name => {
                        if name == "base" {
                            base_href = tag.attr("href").map(str::to_owned);
                        }
                        out.push_str(&html[at..tag.end]);
                    }
                }
                i = tag.end;
            } else {
                out.push('<');
                i = at + 1;
            }
        }
        let head_end = head_end.ok_or("no </head> or <body> found: is this trunk's index.html?")?;
        let insert_at = insert_at.unwrap_or(out.len());
        out.push_str(&html[head_end..]);
        let after = out.split_off(insert_at);
        Ok(Template {
            before: out,
            after,
            base_href,
            description,
        })
    }

    /// The loader with `metadata` (rendered tags) in place of its own.
    pub(crate) fn render(&self, metadata: &str) -> String {
        let mut page = String::with_capacity(self.before.len() + metadata.len() + self.after.len());
        page.push_str(&self.before);
        page.push_str(metadata);
        page.push_str(&self.after);
        page
    }
}

/// Whether `rest` starts with the start tag `<name` (not `<names`).
fn opens(rest: &str, name: &str) -> bool {
    rest.strip_prefix('<')
        .and_then(|r| r.strip_prefix(name))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/'))
}

/// The byte just past `</name ...>` for the element opened at `at`.
fn element_end(lower: &str, at: usize, name: &str) -> Option<usize> {
    let close = lower[at..].find(&format!("</{name}"))? + at;
    Some(lower[close..].find('>')? + close + 1)
}

/// A start tag with its attributes, values unescaped.
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
    /// The byte just past the tag's `>`.
    end: usize,
}

impl Tag {
    /// Parses the start tag at `html[at]` (a `<`), quoted or not.
    fn parse(html: &str, at: usize) -> Option<Tag> {
        let bytes = html.as_bytes();
        let mut i = at + 1;
        let name_end = i + html[i..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(html.len() - i);
        if name_end == i || !bytes[i].is_ascii_alphabetic() {
            return None;
        }
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => {
                    return Some(Tag {
                        name,
                        attrs,
                        end: i + 1,
                    })
                }
                _ => {
                    let n_end = i + html[i..]
                        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
                        .unwrap_or(html.len() - i);
                    let attr = html[i..n_end].to_ascii_lowercase();
                    i = n_end;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    if bytes.get(i) != Some(&b'=') {
                        attrs.push((attr, None));
                        continue;
                    }
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let (value, next) = match bytes.get(i)? {
                        q @ (b'"' | b'\'') => {
                            let close = i + 1 + html[i + 1..].find(*q as char)?;
                            (&html[i + 1..close], close + 1)
                        }
                        _ => {
                            let v_end = i + html[i..]
                                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                                .unwrap_or(html.len() - i);
                            (&html[i..v_end], v_end)
                        }
                    };
                    attrs.push((attr, Some(unescape(value))));
                    i = next;
                }
            }
        }
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Tags the entry page writes itself, so the loader's copies must go.
    fn is_page_metadata(&self) -> bool {
        let lower = |name| self.attr(name).unwrap_or_default().to_ascii_lowercase();
        if self.name == "meta" {
            let name = lower("name");
            let property = lower("property");
            matches!(name.as_str(), "description" | "robots" | "author")
                || name.starts_with("twitter:")
                || name.starts_with("og:")
                || property.starts_with("og:")
                || property.starts_with("article:")
        } else {
            let rel = lower("rel");
            let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
            rels.contains(&"canonical")
                || (rels.contains(&"alternate")
                    && matches!(
                        lower("type").as_str(),
                        "application/atom+xml" | "application/rss+xml"
                    ))
        }
    }

    /// Writes `<html>` again with `lang` set, other attributes kept.
    fn write_with_lang(&self, out: &mut String, lang: &str) {
        out.push_str("<html lang=\"");
        push_escaped(out, lang);
        out.push('"');
        for (name, value) in self.attrs.iter().filter(|(n, _)| n != "lang") {
            out.push(' ');
            out.push_str(name);
            if let Some(value) = value {
                out.push_str("=\"");
                push_escaped(out, value);
                out.push('"');
            }
        }
        out.push('>');
    }
}

/// Decodes the character references a minifier leaves in attribute values.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of trunk 0.21's minified release loader.
    const LOADER: &str = concat!(
        "<!doctype html><html lang=en><meta charset=utf-8>",
        "<meta content=\"width=device-width,initial-scale=1\" name=viewport><base href=/news/>",
        "<title>Folio</title><meta content=\"Independent &amp; offline.\" name=description>",
        "<link href=/news/base-b93a2a6f06f8ef7e.css integrity=sha384-x rel=stylesheet>",
        "<script type=module>import init from '/news/folio-1f0cadca543b9b46.js';",
        "if (1 < 2) { await init({ module_or_path: '/news/folio-1f0cadca543b9b46_bg.wasm' }); }</script>",
        "<link crossorigin href=/news/folio-1f0cadca543b9b46.js rel=modulepreload></head>",
        "<body><div id=boot>Folio</div></body></html>"
    );

    #[test]
    fn keeps_the_loader_and_replaces_the_page_metadata() {
        let t = Template::parse(LOADER, "pt-BR").unwrap();
        assert_eq!(t.base_href.as_deref(), Some("/news/"));
        assert_eq!(t.description.as_deref(), Some("Independent & offline."));
        let page = t.render("<title>X</title>");
        assert!(
            page.starts_with("<!doctype html><html lang=\"pt-BR\"><meta charset=utf-8>"),
            "{page}"
        );
        assert!(
            page.contains("<base href=/news/><title>X</title><link href=/news/base-"),
            "{page}"
        );
        assert!(!page.contains("name=description"));
        assert!(page.contains("if (1 < 2) { await init"));
        assert!(page.contains("rel=modulepreload></head><body><div id=boot>Folio</div>"));
    }

    #[test]
    fn running_twice_gives_the_same_page() {
        let meta = "<title>A &amp; B</title><meta name=\"description\" content=\"d\">\
                    <meta property=\"og:title\" content=\"A\"><link rel=\"canonical\" href=\"https://x/\">\
                    <link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://x/feed.xml\">";
        let once = Template::parse(LOADER, "en").unwrap().render(meta);
        let twice = Template::parse(&once, "en").unwrap().render(meta);
        assert_eq!(once, twice);
    }

    #[test]
    fn a_loader_without_a_head_is_refused() {
        assert!(Template::parse("<p>hello</p>", "en").is_err());
    }
}
