//! HTML (a WordPress post's `content.rendered`, a raw HTML block in a
//! markdown file) to the markdown of article bodies, by walking the tree
//! html5ever parses, as a browser would.
//!
//! What a reader sees is kept: headings, paragraphs, emphasis, links, lists,
//! block quotes, code, tables, images with their captions, footnotes
//! (`<sup><a href="#note">` references). Embedded players become plain links
//! to the video. Whatever could run or load something (scripts, styles,
//! frames from unknown hosts, event handlers, `javascript:` and `data:`
//! URLs) is dropped and counted in [`Dropped`]; block-editor comments
//! (`<!-- wp:paragraph -->`) and form controls are dropped quietly.

use folio_content::markdown::is_safe_url;
use scraper::{ElementRef, Html, Node};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use url::Url;

/// Hostile fragments left out, by kind (`script`, `event handler`,
/// `unsafe URL` ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dropped(BTreeMap<&'static str, usize>);

impl Dropped {
    pub(crate) fn add(&mut self, kind: &'static str) {
        *self.0.entry(kind).or_default() += 1;
    }

    pub(crate) fn merge(&mut self, other: &Dropped) {
        for (kind, n) in &other.0 {
            *self.0.entry(kind).or_default() += n;
        }
    }

    pub(crate) fn total(&self) -> usize {
        self.0.values().sum()
    }

    /// How many of one kind.
    #[cfg(test)]
    pub(crate) fn count(&self, kind: &str) -> usize {
        self.0.get(kind).copied().unwrap_or(0)
    }
}

impl fmt::Display for Dropped {
    /// `event handler 2, script 1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, n)| format!("{k} {n}")).collect();
        f.write_str(&parts.join(", "))
    }
}

/// A converted body and what was left out of it.
pub(crate) struct Converted {
    pub(crate) markdown: String,
    pub(crate) dropped: Dropped,
}

/// Converts an HTML fragment. Relative links and images are resolved
/// against `base` (the post's own URL) when given, so they keep pointing at
/// the site they came from.
pub(crate) fn convert(html: &str, base: Option<&Url>) -> Converted {
    let document = Html::parse_fragment(html);
    let root = document.root_element();
    let mut converter = Converter {
        base,
        dropped: Dropped::default(),
        footnotes: Footnotes::find(root),
        definitions: Vec::new(),
        table_depth: 0,
        caption: None,
    };
    let mut blocks = converter.blocks(root, false);
    converter.definitions.sort();
    for (label, text) in &converter.definitions {
        blocks.push(format!("[^{label}]: {text}"));
    }
    Converted {
        markdown: blocks.join("\n\n"),
        dropped: converter.dropped,
    }
}

/// The plain text of an HTML fragment (a title or an excerpt), entities
/// decoded and whitespace collapsed; scripts and styles are not text.
pub(crate) fn plain_text(html: &str) -> String {
    let document = Html::parse_fragment(html);
    let mut text = String::new();
    collect_text(document.root_element(), &mut text);
    collapse(&text).trim().to_owned()
}

fn collect_text(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            // Themes end excerpts with a "Continue reading" link.
            Node::Element(e) if e.classes().any(|c| c == "more-link") => {}
            Node::Element(e) if !HOSTILE.contains(&e.name()) && !QUIET.contains(&e.name()) => {
                if let Some(child) = ElementRef::wrap(child) {
                    let block = !INLINE.contains(&e.name());
                    if block {
                        out.push(' ');
                    }
                    collect_text(child, out);
                    if block {
                        out.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
}

/// Elements dropped with everything inside them, and counted: they run
/// script, restyle the page or load from elsewhere.
const HOSTILE: &[&str] = &[
    "script", "style", "object", "embed", "applet", "frame", "frameset", "base", "meta", "link",
];

/// Elements dropped quietly: no reading content, nothing a markdown body
/// could show.
const QUIET: &[&str] = &[
    "noscript", "template", "form", "input", "button", "select", "textarea", "svg", "math",
    "canvas", "head", "title", "map", "area", "source", "track", "param",
];

/// Phrasing elements: they continue the paragraph around them.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "picture", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Stands for a hard line break inside a paragraph until the paragraph is
/// tidied (then `\` and a newline, or nothing at either end).
const BREAK: char = '\u{1}';

/// Footnote references found before the walk: `<sup><a href="#id">` whose
/// target exists in the document.
#[derive(Default)]
struct Footnotes {
    /// Target element id and its label (1, 2 ... in order of reference).
    targets: HashMap<String, usize>,
    /// Ids of the references themselves: links back to them are dropped.
    back: HashSet<String>,
}

impl Footnotes {
    fn find(root: ElementRef<'_>) -> Self {
        let ids: HashSet<&str> = root
            .descendent_elements()
            .filter_map(|e| e.value().id())
            .collect();
        let mut notes = Footnotes::default();
        for sup in root
            .descendent_elements()
            .filter(|e| e.value().name() == "sup")
        {
            let links: Vec<ElementRef<'_>> = sup
                .descendent_elements()
                .filter(|e| e.value().name() == "a")
                .collect();
            let [link] = links[..] else { continue };
            let Some(target) = link.attr("href").and_then(|h| h.trim().strip_prefix('#')) else {
                continue;
            };
            if !ids.contains(target) {
                continue;
            }
            let next = notes.targets.len() + 1;
            notes.targets.entry(target.to_owned()).or_insert(next);
            for id in [link.value().id(), sup.value().id()].into_iter().flatten() {
                notes.back.insert(id.to_owned());
            }
        }
        notes
    }

    /// The label of a `<sup>` that refers to a footnote.
    fn reference(&self, sup: ElementRef<'_>) -> Option<usize> {
        let link = sup
            .descendent_elements()
            .find(|e| e.value().name() == "a")?;
        let target = link.attr("href")?.trim().strip_prefix('#')?;
        self.targets.get(target).copied()
    }
}

struct Converter<'a> {
    base: Option<&'a Url>,
    dropped: Dropped,
    footnotes: Footnotes,
    /// Footnote texts by label, collected where their targets are met.
    definitions: Vec<(usize, String)>,
    /// Inside a table cell, line breaks are spaces: a GFM row is one line.
    table_depth: usize,
    /// The caption of the figure being converted, for its one image's title.
    caption: Option<String>,
}

impl Converter<'_> {
    /// Counts what an element carries that is dropped with its attributes:
    /// event handlers (`onerror`, `onclick` ...).
    fn check_attributes(&mut self, el: ElementRef<'_>) {
        for (name, _) in el.value().attrs() {
            if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
                self.dropped.add("event handler");
            }
        }
    }

    /// Whether `el` is dropped whole; counts it if it is hostile.
    fn dropped_whole(&mut self, el: ElementRef<'_>) -> bool {
        let name = el.value().name();
        if let Some(kind) = HOSTILE.iter().find(|&&h| h == name) {
            self.dropped.add(kind);
            true
        } else {
            QUIET.contains(&name)
        }
    }

    /// If `el` is the target of a footnote reference, keeps its text as the
    /// footnote's definition (it is not shown where it stands).
    fn footnote_definition(&mut self, el: ElementRef<'_>) -> bool {
        let Some(label) = el
            .value()
            .id()
            .and_then(|id| self.footnotes.targets.get(id).copied())
        else {
            return false;
        };
        let text = tidy(&self.inline_children(el)).replace("\\\n", " ");
        self.definitions.push((label, text));
        true
    }

    /// The children of `el` as markdown blocks; runs of text and phrasing
    /// elements become paragraphs.
    fn blocks(&mut self, el: ElementRef<'_>, skip_figcaption: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut inline = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => inline.push_str(&escape(&collapse(t))),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if skip_figcaption && e.name() == "figcaption" {
                        continue;
                    }
                    if INLINE.contains(&e.name()) {
                        inline.push_str(&self.inline(child));
                    } else {
                        paragraph(&mut out, &inline);
                        inline.clear();
                        out.extend(self.block(child));
                    }
                }
                // Comments (the block editor's `<!-- wp:... -->`) and
                // anything else that is not content.
                _ => {}
            }
        }
        paragraph(&mut out, &inline);
        out
    }

    /// One block-level element as markdown blocks.
    fn block(&mut self, el: ElementRef<'_>) -> Vec<String> {
        self.check_attributes(el);
        if self.dropped_whole(el) || self.footnote_definition(el) {
            return Vec::new();
        }
        let name = el.value().name();
        let mut out = Vec::new();
        match name {
            "p" | "dt" | "dd" | "summary" | "address" | "figcaption" | "caption" => {
                paragraph(&mut out, &self.inline_children(el));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = usize::from(name.as_bytes()[1] - b'0');
                let text = tidy(&self.inline_children(el)).replace("\\\n", " ");
                if !text.is_empty() {
                    out.push(format!("{} {text}", "#".repeat(level)));
                }
            }
            "ul" | "ol" if has_class(el, "gallery") => return self.blocks(el, false),
            "ul" | "ol" => out.extend(self.list(el, name == "ol")),
            "blockquote" => {
                let inner = self.blocks(el, false).join("\n\n");
                if !inner.is_empty() {
                    out.push(prefix_lines(&inner, "> ", ">"));
                }
            }
            "pre" => out.extend(code_block(el)),
            "hr" => out.push("---".to_owned()),
            "table" => out.extend(self.table(el)),
            "figure" => out.extend(self.figure(el)),
            "iframe" | "video" | "audio" => paragraph(&mut out, &self.inline(el)),
            _ => return self.blocks(el, false),
        }
        out
    }

    /// The phrasing content of `el` as one markdown line (hard breaks kept
    /// as [`BREAK`] until tidied).
    fn inline_children(&mut self, el: ElementRef<'_>) -> String {
        let mut out = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => out.push_str(&escape(&collapse(t))),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        out.push_str(&self.inline(child));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// One element met inside a paragraph.
    fn inline(&mut self, el: ElementRef<'_>) -> String {
        self.check_attributes(el);
        if self.dropped_whole(el) || self.footnote_definition(el) {
            return String::new();
        }
        match el.value().name() {
            "br" if self.table_depth > 0 => " ".to_owned(),
            "br" => BREAK.to_string(),
            "strong" | "b" => wrap(&self.inline_children(el), "**"),
            "em" | "i" | "cite" | "dfn" | "var" => wrap(&self.inline_children(el), "*"),
            "del" | "s" | "strike" => wrap(&self.inline_children(el), "~~"),
            "code" | "kbd" | "samp" | "tt" => code_span(&collapse(&text_of(el))),
            "a" => self.link(el),
            "img" => self.image(el),
            "sup" => match self.footnotes.reference(el) {
                Some(label) => format!("[^{label}]"),
                None => self.inline_children(el),
            },
            "iframe" => self.embed_link(el),
            "video" | "audio" => self.media_link(el),
            name if INLINE.contains(&name) => self.inline_children(el),
            // A block inside a paragraph (or a table cell, a footnote):
            // flattened, with a space either side.
            _ => format!(" {} ", self.inline_children(el)),
        }
    }

    /// A URL as the body may keep it: resolved against the post's URL,
    /// `None` (and counted) when its scheme is not http, https or mailto.
    fn url(&mut self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        if !is_safe_url(raw) {
            self.dropped.add("unsafe URL");
            return None;
        }
        if raw.starts_with('#') {
            return Some(raw.to_owned());
        }
        Some(match self.base.and_then(|base| base.join(raw).ok()) {
            Some(url) => url.to_string(),
            None => raw.to_owned(),
        })
    }

    fn link(&mut self, el: ElementRef<'_>) -> String {
        let href = el.attr("href").unwrap_or_default().trim();
        if href
            .strip_prefix('#')
            .is_some_and(|id| self.footnotes.back.contains(id))
        {
            // A footnote's link back to its reference: markdown footnotes
            // make their own.
            return String::new();
        }
        let text = self.inline_children(el);
        match self.url(href) {
            Some(url) if !text.trim().is_empty() => {
                let (before, inner, after) = split_spaces(&text);
                format!("{before}[{inner}]({}){after}", destination(&url))
            }
            _ => text,
        }
    }

    fn image(&mut self, el: ElementRef<'_>) -> String {
        // Lazy-loading plugins put a placeholder (often a `data:` URL) in
        // `src` and the image in `data-src`.
        let lazy = ["data-src", "data-lazy-src", "data-orig-file"]
            .iter()
            .find_map(|a| el.attr(a).filter(|v| !v.trim().is_empty()));
        let src = match (el.attr("src"), lazy) {
            (Some(src), Some(lazy)) if src.trim_start().starts_with("data:") => lazy,
            (None, Some(lazy)) => lazy,
            (Some(src), _) => src,
            (None, None) => return String::new(),
        };
        let Some(url) = self.url(src) else {
            return String::new();
        };
        let caption = self.caption.take();
        let alt = collapse(el.attr("alt").unwrap_or_default())
            .trim()
            .to_owned();
        let alt = if alt.is_empty() {
            caption.clone().unwrap_or_default()
        } else {
            alt
        };
        let title = match caption {
            Some(caption) => format!(
                " \"{}\"",
                caption.replace('\\', "\\\\").replace('"', "\\\"")
            ),
            None => String::new(),
        };
        format!("![{}]({}{title})", escape(&alt), destination(&url))
    }

    /// A player from a known video or audio host as a link to the piece on
    /// that host; any other frame is dropped and counted.
    fn embed_link(&mut self, el: ElementRef<'_>) -> String {
        let src = el
            .attr("src")
            .or_else(|| el.attr("data-src"))
            .unwrap_or_default();
        let Some(url) = self.url(src) else {
            self.dropped.add("iframe");
            return String::new();
        };
        let Some((provider, target)) = Url::parse(&url).ok().and_then(|u| known_player(&u)) else {
            self.dropped.add("iframe");
            return String::new();
        };
        let title = collapse(el.attr("title").unwrap_or_default())
            .trim()
            .to_owned();
        let text = if title.is_empty() {
            format!("{provider} player")
        } else {
            format!("{title} ({provider})")
        };
        format!("[{}]({})", escape(&text), destination(&target))
    }

    /// `<video>` and `<audio>` as a link to the file.
    fn media_link(&mut self, el: ElementRef<'_>) -> String {
        let src = el.attr("src").map(str::to_owned).or_else(|| {
            el.descendent_elements()
                .find(|e| e.value().name() == "source")
                .and_then(|s| s.attr("src"))
                .map(str::to_owned)
        });
        let Some(url) = src.and_then(|s| self.url(&s)) else {
            return String::new();
        };
        let what = if el.value().name() == "video" {
            "Video"
        } else {
            "Audio"
        };
        format!("[{what}]({})", destination(&url))
    }

    fn list(&mut self, el: ElementRef<'_>, ordered: bool) -> Vec<String> {
        let mut number: u64 = el
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        let mut items = Vec::new();
        for item in el.child_elements() {
            if item.value().name() != "li" {
                items.extend(self.block(item));
                continue;
            }
            self.check_attributes(item);
            if self.footnote_definition(item) {
                continue;
            }
            let blocks = self.blocks(item, false);
            if blocks.is_empty() {
                continue;
            }
            let mut body = String::new();
            for (i, block) in blocks.iter().enumerate() {
                if i > 0 {
                    // A nested list stays tight under its item's text.
                    let nested = block.starts_with("- ") || starts_with_number(block);
                    body.push_str(if nested { "\n" } else { "\n\n" });
                }
                body.push_str(block);
            }
            let marker = if ordered {
                format!("{number}. ")
            } else {
                "- ".to_owned()
            };
            let indent = " ".repeat(marker.len());
            items.push(format!(
                "{marker}{}",
                prefix_lines(&body, &indent, "").trim_start()
            ));
            number += 1;
        }
        if items.is_empty() {
            Vec::new()
        } else {
            vec![items.join("\n")]
        }
    }

    fn table(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut caption = Vec::new();
        self.table_depth += 1;
        for part in el.child_elements() {
            match part.value().name() {
                "caption" => caption = self.block(part),
                "thead" | "tbody" | "tfoot" => {
                    for tr in part.child_elements() {
                        rows.push(self.row(tr));
                    }
                }
                "tr" => rows.push(self.row(part)),
                _ => {}
            }
        }
        self.table_depth -= 1;
        rows.retain(|r| !r.is_empty());
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return caption;
        }
        let line = |cells: &[String]| {
            let mut padded = cells.to_vec();
            padded.resize(width, String::new());
            format!("| {} |", padded.join(" | "))
        };
        // GFM needs a header row: the first row is it, whether or not the
        // HTML marked it with <th>.
        let mut lines = vec![line(&rows[0]), line(&vec!["---".to_owned(); width])];
        lines.extend(rows[1..].iter().map(|r| line(r)));
        let mut out = vec![lines.join("\n")];
        out.extend(caption.into_iter().map(|c| wrap(&c, "_")));
        out
    }

    fn row(&mut self, tr: ElementRef<'_>) -> Vec<String> {
        let mut cells = Vec::new();
        for cell in tr.child_elements() {
            if !matches!(cell.value().name(), "td" | "th") {
                continue;
            }
            self.check_attributes(cell);
            let text = tidy(&self.inline_children(cell)).replace("\\\n", " ");
            cells.push(text);
            let span: usize = cell
                .attr("colspan")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            for _ in 1..span.clamp(1, 50) {
                cells.push(String::new());
            }
        }
        cells
    }

    fn figure(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let figcaption = el
            .child_elements()
            .find(|c| c.value().name() == "figcaption");
        let caption_title = figcaption
            .map(|c| plain_text(&c.inner_html()))
            .filter(|c| !c.is_empty());
        let images = el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
            .count();
        // (The first of the descendants is the figure itself.)
        let nested = el
            .descendent_elements()
            .skip(1)
            .any(|e| e.value().name() == "figure");
        // The one image of a figure carries its caption as its title, the
        // content format's way of writing a captioned image.
        self.caption = caption_title.filter(|_| images == 1 && !nested);
        let mut out = if has_class(el, "wp-block-embed") {
            self.embed_figure(el)
        } else {
            self.blocks(el, true)
        };
        self.caption = None;
        if let Some(figcaption) = figcaption {
            self.check_attributes(figcaption);
            let caption = tidy(&self.inline_children(figcaption));
            if !caption.is_empty() {
                out.push(wrap(&caption, "_"));
            }
        }
        out
    }

    /// A block-editor embed: the player as a link, or, where WordPress left
    /// the bare URL (the provider was not reached when it rendered), that
    /// URL as a link.
    fn embed_figure(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let wrapper = el
            .descendent_elements()
            .find(|e| has_class(*e, "wp-block-embed__wrapper"));
        if let Some(wrapper) = wrapper.filter(|w| w.child_elements().next().is_none()) {
            let text = collapse(&text_of(wrapper)).trim().to_owned();
            return match self.url(&text) {
                Some(url) if url.starts_with("http") => vec![format!("<{url}>")],
                _ => Vec::new(),
            };
        }
        self.blocks(el, true)
    }
}

/// Whether the element's class list has `class`.
fn has_class(el: ElementRef<'_>, class: &str) -> bool {
    el.value().classes().any(|c| c == class)
}

/// All the text under an element, as it stands.
fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// A known player and the page of the piece it plays:
/// `youtube.com/embed/ID` is `youtube.com/watch?v=ID`.
fn known_player(url: &Url) -> Option<(&'static str, String)> {
    let host = url.host_str()?.trim_start_matches("www.");
    let path: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let found = match (host, path.as_slice()) {
        ("youtube.com" | "youtube-nocookie.com", ["embed", id]) => {
            ("YouTube", format!("https://www.youtube.com/watch?v={id}"))
        }
        ("player.vimeo.com", ["video", id]) => ("Vimeo", format!("https://vimeo.com/{id}")),
        ("dailymotion.com", ["embed", "video", id]) => (
            "Dailymotion",
            format!("https://www.dailymotion.com/video/{id}"),
        ),
        ("videopress.com", ["embed", id]) => {
            ("VideoPress", format!("https://videopress.com/v/{id}"))
        }
        ("w.soundcloud.com", ["player"]) => {
            let track = url.query_pairs().find(|(k, _)| k == "url")?.1;
            if !track.starts_with("https://") {
                return None;
            }
            ("SoundCloud", track.into_owned())
        }
        ("open.spotify.com", ["embed", rest @ ..]) => (
            "Spotify",
            format!("https://open.spotify.com/{}", rest.join("/")),
        ),
        _ => return None,
    };
    Some(found)
}

/// Collapses runs of HTML whitespace to one space and drops control
/// characters (the break marker among them).
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else if !c.is_control() {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Escapes text so markdown reads it as text: emphasis and code markers,
/// brackets, `<` (raw HTML would be dropped) and what looks like an entity.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

/// `&amp;`, `&#38;`: text that markdown would read as an entity.
fn looks_like_entity(rest: &str) -> bool {
    let name: String = rest[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .take(33)
        .collect();
    !name.is_empty() && rest[1 + name.len()..].starts_with(';')
}

/// Escapes what would start a heading, quote, list or rule at the start of
/// a line of paragraph text.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '>', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

/// A paragraph's phrasing content made tidy: single spaces, no space around
/// line breaks, no break at either end, each line's start escaped.
fn tidy(inline: &str) -> String {
    let mut text = String::with_capacity(inline.len());
    for c in inline.chars() {
        if c == ' ' && (text.ends_with(' ') || text.ends_with(BREAK)) {
            continue;
        }
        if c == BREAK && text.ends_with(' ') {
            text.pop();
        }
        text.push(c);
    }
    let text = text.trim_matches(|c: char| c == BREAK || c.is_whitespace());
    text.split(BREAK)
        .map(|line| escape_line_start(line.trim()))
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Adds `inline` as a paragraph unless it has no text.
fn paragraph(out: &mut Vec<String>, inline: &str) {
    let text = tidy(inline);
    if !text.is_empty() {
        out.push(text);
    }
}

/// Leading space, the rest, trailing space: markers must touch the text.
fn split_spaces(text: &str) -> (&str, &str, &str) {
    let inner = text.trim();
    let start = text.len() - text.trim_start().len();
    (&text[..start], inner, &text[start + inner.len()..])
}

/// `**text**`, with surrounding spaces kept outside the markers.
fn wrap(text: &str, marker: &str) -> String {
    let (before, inner, after) = split_spaces(text);
    if inner.is_empty() {
        return text.to_owned();
    }
    format!("{before}{marker}{inner}{marker}{after}")
}

/// A code span fenced with more backticks than it contains.
fn code_span(code: &str) -> String {
    let code = code.trim();
    if code.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// `<pre>` as a fenced code block, its language from a `language-x` class.
fn code_block(el: ElementRef<'_>) -> Option<String> {
    let code = text_of(el);
    let code = code.strip_suffix('\n').unwrap_or(&code);
    if code.trim().is_empty() {
        return None;
    }
    let language = std::iter::once(el)
        .chain(
            el.descendent_elements()
                .filter(|e| e.value().name() == "code"),
        )
        .flat_map(|e| e.value().classes())
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '+')
        })
        .unwrap_or_default();
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    Some(format!("{fence}{language}\n{code}\n{fence}"))
}

/// Every line of `text` with `prefix` (blank lines get `blank`).
fn prefix_lines(text: &str, prefix: &str, blank: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                blank.to_owned()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn starts_with_number(block: &str) -> bool {
    let digits = block.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && block[digits..].starts_with(". ")
}

/// A URL as a link destination: characters that would end it early are
/// percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        convert(html, None).markdown
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        assert_eq!(
            md("<h2>Tides</h2>\n<p>The <strong>ebb</strong> and <em> flow </em>.</p><p>&nbsp;</p>"),
            "## Tides\n\nThe **ebb** and *flow* ."
        );
        assert_eq!(md("<p>a<br>b<br></p>"), "a\\\nb");
    }

    #[test]
    fn text_that_looks_like_markdown_stays_text() {
        assert_eq!(
            md("<p>1. Not a list, *not* &lt;b&gt; &amp;amp; x_y</p>"),
            "1\\. Not a list, \\*not\\* \\<b> \\&amp; x\\_y"
        );
        assert_eq!(md("<p># not a heading</p>"), "\\# not a heading");
    }

    #[test]
    fn nested_lists_and_quotes() {
        let html = "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>\
                    <ol start=\"3\"><li>three</li></ol><blockquote><p>Said.</p><p>Again.</p></blockquote>";
        assert_eq!(
            md(html),
            "- one\n  - inner\n- two\n\n3. three\n\n> Said.\n>\n> Again."
        );
    }

    #[test]
    fn tables_become_gfm_tables() {
        let html = "<figure class=\"wp-block-table\"><table><thead><tr><th>Port</th><th>Days</th></tr></thead>\
            <tbody><tr><td>North | pier</td><td colspan=\"1\">4<br>avg</td></tr><tr><td>South</td></tr></tbody></table>\
            <figcaption>Clearance times</figcaption></figure>";
        assert_eq!(
            md(html),
            "| Port | Days |\n| --- | --- |\n| North \\| pier | 4 avg |\n| South |  |\n\n_Clearance times_"
        );
    }

    #[test]
    fn unsafe_urls_scripts_and_handlers_are_dropped_and_counted() {
        let out = convert(
            "<p><a href=\"javascript:alert(1)\">click</a><img src=x onerror=\"alert(1)\" alt=\"x\">\
             <script>alert(2)</script></p><style>p{}</style><iframe src=\"https://evil.example/\"></iframe>",
            None,
        );
        assert_eq!(out.markdown, "click![x](x)");
        assert_eq!(out.dropped.count("unsafe URL"), 1);
        assert_eq!(out.dropped.count("event handler"), 1);
        assert_eq!(out.dropped.count("script"), 1);
        assert_eq!(out.dropped.count("style"), 1);
        assert_eq!(out.dropped.count("iframe"), 1);
        assert_eq!(out.dropped.total(), 5);
    }

    #[test]
    fn relative_urls_are_resolved_against_the_post() {
        let base = Url::parse("https://blog.example/2024/05/post/").unwrap();
        let out = convert("<p><a href=\"/about (us)/\">About</a></p>", Some(&base));
        assert_eq!(
            out.markdown,
            "[About](https://blog.example/about%20%28us%29/)"
        );
    }

    #[test]
    fn footnotes_become_markdown_footnotes() {
        let html = "<p>Claim<sup id=\"r1\"><a href=\"#n1\">1</a></sup> and<sup><a href=\"#n2\">2</a></sup>.</p>\
            <ol class=\"footnotes\"><li id=\"n1\">First source. <a href=\"#r1\">↩</a></li><li id=\"n2\">Second.</li></ol>";
        assert_eq!(
            md(html),
            "Claim[^1] and[^2].\n\n[^1]: First source.\n\n[^2]: Second."
        );
    }

    #[test]
    fn figures_embeds_and_code() {
        let html = "<figure class=\"wp-block-image\"><img src=\"https://b.example/a.jpg\" alt=\"\">\
            <figcaption>Dawn, <em>west pier</em></figcaption></figure>\
            <figure class=\"wp-block-embed is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">\
            <iframe title=\"Harbour tour\" src=\"https://www.youtube.com/embed/abc123?feature=oembed\"></iframe></div></figure>\
            <pre class=\"wp-block-code\"><code class=\"language-rust\">let a = `b`;\n</code></pre>";
        assert_eq!(
            md(html),
            "![Dawn, west pier](https://b.example/a.jpg \"Dawn, west pier\")\n\n_Dawn, *west pier*_\n\n\
             [Harbour tour (YouTube)](https://www.youtube.com/watch?v=abc123)\n\n```rust\nlet a = `b`;\n```"
        );
    }

    #[test]
    fn plain_text_decodes_entities_and_drops_tags() {
        assert_eq!(
            plain_text("<p>Ports &amp; tides&#8217; <em>edge</em>&hellip;</p>\n<script>x</script>"),
            "Ports & tides\u{2019} edge\u{2026}"
        );
    }
}
