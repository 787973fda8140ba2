//! The app loader that trunk writes (`dist/index.html`) as the template of
//! every entry page. Its head is kept (stylesheets, icons, manifest,
//! `<base href>`) except the tags that describe a page (`<title>`, the
//! description, robots, canonical and feed links, Open Graph and Twitter
//! tags), which each page writes for itself where the loader's `<title>`
//! was. The body is the page itself, pre-rendered by `folio-views`.
//!
//! Trunk boots the wasm as soon as the document is parsed, with preloads
//! that make it compete with the page's own images. A pre-rendered page
//! does not need the app to be read, so trunk's boot script and preloads
//! are replaced by a loader file ([`boot_script`]) that starts the app once
//! the page has loaded and painted (see `docs/architecture.md`).
//!
//! Trunk minifies release HTML (unquoted attributes, reordered attributes,
//! optional end tags left out), so the loader is read with a small tag
//! scanner rather than by matching literal strings. Removing every managed
//! tag, not just the loader's, makes the step idempotent: running it twice on
//! the same `dist/` (whose `index.html` it rewrites) gives the same pages.

use crate::escape::push_escaped;

/// The app's two files, as site-absolute URLs (`/news/folio-….js`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AppFiles {
    pub(crate) js: String,
    pub(crate) wasm: String,
}

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
    /// The loader file every page loads: its name and content.
    pub(crate) boot: (String, String),
}

/// Marks the loader script this tool writes, so a second run recognises it.
const LOADER_MARK: &str = "data-folio-loader";

/// The script that starts the app once the page has loaded and its text
/// has been painted (the browser's `first-contentful-paint`; a page often
/// loads before it paints; 3 s where paint timing is not reported): the
/// page's text and images come first, the app's bytes after them. If the
/// app cannot start, `no-app` on `<html>` shows what its controls would have
/// revealed (`style/components.css`). It is a file, not inline, so the
/// site's security policy needs no exception for inline script.
pub(crate) fn boot_script(app: &AppFiles) -> String {
    // The URLs are trunk's hashed file names: no quote can occur in them.
    format!(
        "// Folio's loader, written by folio-publish (crates/publish/src/template.rs).\n\
const start = () => import('{js}')\n\
  .then((app) => app.default({{ module_or_path: '{wasm}' }}))\n\
  .then(() => {{}}, (e) => {{ document.documentElement.classList.add('no-app'); console.error('Folio could not start', e); }});\n\
let waiting = 2;\n\
const ready = () => {{ if (--waiting === 0) requestAnimationFrame(() => setTimeout(start, 0)); }};\n\
if (document.readyState === 'complete') ready(); else addEventListener('load', ready, {{ once: true }});\n\
let painted = false;\n\
const paint = () => {{ if (!painted) {{ painted = true; ready(); }} }};\n\
try {{\n\
  new PerformanceObserver((list, o) => {{\n\
    if (list.getEntriesByName('first-contentful-paint').length) {{ o.disconnect(); paint(); }}\n\
  }}).observe({{ type: 'paint', buffered: true }});\n\
}} catch (e) {{}}\n\
setTimeout(paint, 3000);\n",
        js = app.js,
        wasm = app.wasm
    )
}

/// The loader file's name: `boot-<16 hex of its content>.js`, so it is
/// cached for good like trunk's bundles (the same naming rule).
pub(crate) fn boot_file_name(script: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(script.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("boot-{hex}.js")
}

/// The SHA-256 digest (base64) of an inline script, as a security policy
/// names it (`'sha256-…'`).
pub(crate) fn inline_script_digest(script: &str) -> String {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
}

/// The digests of the scripts every page inlines: the reading settings'
/// pre-paint script.
pub(crate) fn inline_scripts() -> Vec<String> {
    vec![inline_script_digest(&folio_views::settings::prepaint())]
}

/// The `<script>` element that loads the loader, relative to `<base href>`;
/// it names the app's files so a second run recognises it.
fn loader_element(app: &AppFiles, file: &str) -> String {
    let mut out = String::from("<script type=\"module\" ");
    out.push_str(LOADER_MARK);
    for (name, value) in [
        ("src", file),
        ("data-js", &app.js),
        ("data-wasm", &app.wasm),
    ] {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_escaped(&mut out, value);
        out.push('"');
    }
    out.push_str("></script>");
    out
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
        let (mut js, mut wasm) = (None, None);
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
            } else if opens(rest, "script") {
                // Raw text: a `<` inside a script is not a tag.
                let end = element_end(&lower, at, "script").unwrap_or(html.len());
                let tag = Tag::parse(html, at);
                let script = &html[at..end];
                if let Some(tag) = tag.as_ref().filter(|t| t.has(LOADER_MARK)) {
                    js = js.or_else(|| tag.attr("data-js").map(str::to_owned));
                    wasm = wasm.or_else(|| tag.attr("data-wasm").map(str::to_owned));
                } else if tag
                    .as_ref()
                    .is_some_and(|t| t.has(folio_views::settings::PREPAINT_ATTR))
                {
                    // Page metadata: each page writes its own.
                } else if !script.contains("module_or_path") {
                    out.push_str(script);
                }
                i = end;
            } else if opens(rest, "style") {
                let end = element_end(&lower, at, "style").unwrap_or(html.len());
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
                    "link" if tag.is_preload() => {
                        let href = tag.attr("href").map(str::to_owned);
                        if tag.rel_has("modulepreload") {
                            js = js.or(href);
                        } else if tag
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/wasm"))
                        {
                            wasm = wasm.or(href);
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
        head_end.ok_or("no </head> or <body> found: is this trunk's index.html?")?;
        let (Some(js), Some(wasm)) = (js, wasm) else {
            return Err(
                "the app's module and wasm were not found (trunk's modulepreload and \
                        wasm preload links): is this trunk's index.html?"
                    .to_owned(),
            );
        };
        let app = AppFiles { js, wasm };
        let insert_at = insert_at.unwrap_or(out.len());
        let boot = boot_script(&app);
        let boot_file = boot_file_name(&boot);
        out.push_str(&loader_element(&app, &boot_file));
        let after = out.split_off(insert_at);
        Ok(Template {
            before: out,
            after,
            base_href,
            description,
            boot: (boot_file, boot),
        })
    }

    /// A whole page: the loader's head with `metadata` (rendered tags) in
    /// place of its own, and `body` (the inside of `<body>`).
    pub(crate) fn render(&self, metadata: &str, body: &str) -> String {
        let mut page = String::with_capacity(
            self.before.len() + metadata.len() + self.after.len() + body.len() + 32,
        );
        page.push_str(&self.before);
        page.push_str(metadata);
        page.push_str(&self.after);
        page.push_str("</head><body>");
        page.push_str(body);
        page.push_str("</body></html>\n");
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

    fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(n, _)| n == name)
    }

    fn rel_has(&self, rel: &str) -> bool {
        self.attr("rel")
            .unwrap_or_default()
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case(rel))
    }

    /// Preloads: trunk's (the app's module and wasm) and the loader's
    /// content files, which a pre-rendered page does not need first.
    fn is_preload(&self) -> bool {
        self.rel_has("preload") || self.rel_has("modulepreload")
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
            lower("http-equiv") == "content-security-policy"
                || matches!(
                    name.as_str(),
                    "description" | "robots" | "author" | "referrer"
                )
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

    /// Writes `<html>` again with `lang` set and the direction its script
    /// is written in (`dir="rtl"` for Arabic, Hebrew…), other attributes
    /// kept.
    fn write_with_lang(&self, out: &mut String, lang: &str) {
        out.push_str("<html lang=\"");
        push_escaped(out, lang);
        out.push('"');
        if folio_content::text::is_right_to_left(lang) {
            out.push_str(" dir=\"rtl\"");
        }
        for (name, value) in self.attrs.iter().filter(|(n, _)| n != "lang" && n != "dir") {
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
        "<link as=fetch crossorigin=anonymous href=content/site.json rel=preload>",
        "<link href=/news/base-b93a2a6f06f8ef7e.css integrity=sha384-x rel=stylesheet>",
        "<noscript><style>.x{display:block}</style></noscript>",
        "<script type=module>import init, * as bindings from '/news/folio-1f0cadca543b9b46.js';",
        "if (1 < 2) { await init({ module_or_path: '/news/folio-1f0cadca543b9b46_bg.wasm' }); }</script>",
        "<link crossorigin href=/news/folio-1f0cadca543b9b46.js rel=modulepreload>",
        "<link as=fetch crossorigin href=/news/folio-1f0cadca543b9b46_bg.wasm rel=preload type=application/wasm></head>",
        "<body><div id=boot>Folio</div></body></html>"
    );

    #[test]
    fn keeps_the_head_and_replaces_metadata_boot_and_body() {
        let t = Template::parse(LOADER, "pt-BR").unwrap();
        assert_eq!(t.base_href.as_deref(), Some("/news/"));
        assert_eq!(t.description.as_deref(), Some("Independent & offline."));
        let page = t.render("<title>X</title>", "<main>hi</main>");
        assert!(
            page.starts_with("<!doctype html><html lang=\"pt-BR\"><meta charset=utf-8>"),
            "{page}"
        );
        assert!(
            page.contains("<base href=/news/><title>X</title><link href=/news/base-"),
            "{page}"
        );
        assert!(!page.contains("name=description"));
        assert!(
            !page.contains("rel=preload") && !page.contains("modulepreload"),
            "{page}"
        );
        assert!(
            !page.contains("await init") && !page.contains("id=boot"),
            "{page}"
        );
        assert!(page.contains("<noscript><style>.x{display:block}</style></noscript>"));
        let (file, script) = &t.boot;
        assert!(
            file.starts_with("boot-") && file.len() == "boot-".len() + 16 + ".js".len(),
            "{file}"
        );
        assert!(
            page.contains(&format!(
                "<script type=\"module\" data-folio-loader src=\"{file}\""
            )),
            "{page}"
        );
        assert!(!page.contains("import("), "no inline script: {page}");
        assert!(script.contains("import('/news/folio-1f0cadca543b9b46.js')"));
        assert!(script.contains("module_or_path: '/news/folio-1f0cadca543b9b46_bg.wasm'"));
        assert!(script.contains("addEventListener('load', ready"));
        assert!(script.contains("getEntriesByName('first-contentful-paint')"));
        assert!(
            page.ends_with("</script></head><body><main>hi</main></body></html>\n"),
            "{page}"
        );
    }

    #[test]
    fn running_twice_gives_the_same_page() {
        let meta = "<title>A &amp; B</title><meta name=\"description\" content=\"d\">\
                    <meta property=\"og:title\" content=\"A\"><link rel=\"canonical\" href=\"https://x/\">\
                    <link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://x/feed.xml\">";
        let once = Template::parse(LOADER, "en")
            .unwrap()
            .render(meta, "<p>1</p>");
        let again = Template::parse(&once, "en").unwrap();
        assert_eq!(again.render(meta, "<p>1</p>"), once);
    }

    #[test]
    fn a_loader_without_a_head_or_app_is_refused() {
        assert!(Template::parse("<p>hello</p>", "en").is_err());
        let err =
            Template::parse("<html><head><title>x</title></head><body></body>", "en").unwrap_err();
        assert!(err.contains("wasm"), "{err}");
    }
}
