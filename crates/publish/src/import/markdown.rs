//! `import markdown DIR`: a folder of `.md` files with front matter, as
//! Hugo, Jekyll and Zola keep them (sub-folders and page bundles
//! included). Bodies are markdown already; raw HTML in them is turned into
//! markdown the way WordPress posts are (what the safety filter would drop
//! is dropped here and counted), and links it would disarm are counted.

use super::front_matter::{self, Fields};
use super::html_to_markdown::{self, Dropped};
use super::{Candidate, Importer, Skip, WantedSection};
use folio_content::markdown::is_safe_url;
use folio_content::paths::name_slug;
use folio_content::{Image, Kind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Imports every markdown file under `dir` in path order. Hugo's and
/// Zola's `_index.md` (a section's list page, not an article) are passed
/// over.
pub(super) fn import(dir: &Path, importer: &mut Importer) {
    let mut files = Vec::new();
    if let Err(e) = collect(dir, &mut files) {
        importer.skip(
            &dir.display().to_string(),
            Skip::failed(format!("cannot read the folder: {e}")),
        );
        return;
    }
    files.sort();
    if files.is_empty() {
        importer.skip(
            &dir.display().to_string(),
            Skip::failed("no .md or .markdown files in the folder"),
        );
        return;
    }
    for path in files {
        let origin = path.display().to_string();
        match read(&path, dir, importer) {
            Ok(candidate) => importer.offer(candidate),
            Err(skip) => importer.skip(&origin, skip),
        }
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|x| x == "md" || x == "markdown")
            && path.file_stem().is_none_or(|s| s != "_index")
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Front matter keys, in the order they are tried.
const DEK: &[&str] = &["dek", "description", "summary", "excerpt", "subtitle"];
const DATE: &[&str] = &["date", "publishdate", "pubdate", "published"];
const UPDATED: &[&str] = &["updated", "lastmod", "modified", "last_modified_at"];
const SECTION: &[&str] = &["section", "category", "categories", "taxonomies.categories"];
const AUTHORS: &[&str] = &["authors", "author", "taxonomies.authors"];
const TAGS: &[&str] = &["tags", "taxonomies.tags"];
const IMAGE: &[&str] = &[
    "hero.src",
    "hero.image",
    "hero",
    "cover.image",
    "cover",
    "image.src",
    "image.url",
    "image.path",
    "image",
    "featured_image",
    "featuredimage",
];
const ALT: &[&str] = &[
    "hero.alt",
    "cover.alt",
    "image.alt",
    "image_alt",
    "hero_alt",
    "featured_image_alt",
    "alt",
];
const CAPTION: &[&str] = &[
    "hero.caption",
    "cover.caption",
    "image.caption",
    "image_caption",
    "hero_caption",
    "caption",
];
const CREDIT: &[&str] = &[
    "hero.credit",
    "cover.credit",
    "image.credit",
    "image_credit",
    "hero_credit",
    "credit",
];

/// Hugo shortcodes (`{{< >}}`, `{{% %}}`) and Jekyll's Liquid tags
/// (`{% %}`): the site generator expanded them; Folio shows them as they
/// are written. (`{%` finds `{{%` too.)
const TEMPLATE_TAGS: &[&str] = &["{{<", "{%"];

fn read(path: &Path, dir: &Path, importer: &Importer) -> Result<Candidate, Skip> {
    let bytes = std::fs::read(path).map_err(|e| Skip::failed(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Skip::failed(format!(
            "not UTF-8 text (invalid byte at offset {}): save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let front = front_matter::parse(&text).map_err(Skip::failed)?;
    let fields = &front.fields;
    if fields.flag(&["draft"]) == Some(true) {
        return Err(Skip::not_published("skipped: a draft (draft: true)"));
    }
    if fields.flag(&["published"]) == Some(false) {
        return Err(Skip::not_published(
            "skipped: not published (published: false)",
        ));
    }
    let headline = fields
        .text(&["title"])
        .ok_or_else(|| Skip::failed("no title in the front matter"))?;
    let (file_date, file_slug) = name_parts(path);
    // Jekyll's `published: true` is a flag, not a date.
    let date = fields
        .text(DATE)
        .filter(|d| fields.flag(&["published"]).is_none() || d != "true");
    let published = match date {
        Some(text) => front_matter::parse_date(&text)
            .ok_or_else(|| Skip::failed(format!("date `{text}` is not a date")))?,
        None => file_date.ok_or_else(|| {
            Skip::failed(
                "no date: give `date` in the front matter (or start the file name with one)",
            )
        })?,
    };
    let mut notes = Vec::new();
    let updated = fields.text(UPDATED).and_then(|text| {
        let date = front_matter::parse_date(&text);
        if date.is_none() {
            notes.push(format!("updated date `{text}` is not a date; left out"));
        }
        date
    });
    let slug = match fields.text(&["slug"]) {
        Some(slug) => name_slug(&slug),
        None => name_slug(&file_slug),
    };
    let kind = fields.text(&["kind"]).and_then(|k| {
        let kind = Kind::from_slug(&k.to_ascii_lowercase());
        if kind.is_none() {
            notes.push(format!(
                "kind `{k}` is not analysis, news, opinion, feature or brief; the default is used"
            ));
        }
        kind
    });
    let section = fields
        .list(SECTION, true)
        .first()
        .and_then(|c| WantedSection::from_name(c));
    let mut candidate = Candidate {
        origin: path.display().to_string(),
        hero: None,
        body: String::new(),
        dropped: Dropped::default(),
        slug,
        kind,
        kicker: fields.text(&["kicker"]),
        headline,
        dek: fields.text(DEK).unwrap_or_default(),
        authors: fields.list(AUTHORS, false),
        published,
        updated,
        tags: fields.list(TAGS, true),
        section,
        notes,
        copies: Vec::new(),
    };
    candidate.hero = hero(fields, path, dir, importer, &mut candidate);
    let (body, dropped) = clean_body(front.body);
    let templates: usize = TEMPLATE_TAGS.iter().map(|t| body.matches(t).count()).sum();
    if templates > 0 {
        candidate.notes.push(format!(
            "{templates} shortcode or template tag(s) (`{{{{<`, `{{{{%`, `{{%`) are not expanded: \
             they show as text; replace them with markdown"
        ));
    }
    candidate.body = body;
    candidate.dropped = dropped;
    Ok(candidate)
}

/// The date and the slug a file name gives: Jekyll's
/// `2024-05-01-harbour-tides.md` is dated and named `harbour-tides`; a page
/// bundle's `harbour-tides/index.md` is named by its folder.
fn name_parts(path: &Path) -> (Option<folio_content::Timestamp>, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = if stem == "index" {
        path.parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(stem)
    } else {
        stem
    };
    match stem.get(..10).and_then(front_matter::parse_date) {
        Some(date) if stem[10..].starts_with(['-', '_']) => (Some(date), stem[11..].to_owned()),
        _ => (None, stem),
    }
}

/// The hero image from the front matter. An absolute URL is kept; a path
/// is looked for under the site's public folder (`images/x.jpg`, as Hugo's
/// `static/` would serve it) and then beside the file (a page bundle),
/// from where it is copied to `images/<slug>/`. Without alt text, or when
/// the file is nowhere, the article is imported without it and a note says
/// why.
fn hero(
    fields: &Fields,
    path: &Path,
    dir: &Path,
    importer: &Importer,
    candidate: &mut Candidate,
) -> Option<Image> {
    let src = fields.text(IMAGE)?;
    let Some(alt) = fields.text(ALT) else {
        candidate.notes.push(format!(
            "hero image `{src}` left out: no alt text (give `image_alt`, or `alt` under `cover`)"
        ));
        return None;
    };
    let lower = src.to_ascii_lowercase();
    let src = if lower.starts_with("https://") || lower.starts_with("http://") {
        src
    } else if !is_safe_url(&src) || lower.starts_with("//") {
        candidate.notes.push(format!(
            "hero image `{src}` left out: not an http(s) URL or a path"
        ));
        candidate.dropped.add("unsafe URL");
        return None;
    } else {
        let relative = src.trim_start_matches('/');
        let public = importer.public_root();
        let beside = [path.parent().unwrap_or(dir), dir]
            .into_iter()
            .map(|d| d.join(relative))
            .find(|p| p.is_file());
        if relative.split(['/', '\\']).any(|s| s == "..") {
            candidate.notes.push(format!(
                "hero image `{src}` left out: the path leaves the folder (`..`)"
            ));
            return None;
        } else if public.join(relative).is_file() {
            relative.to_owned()
        } else if let Some(file) = beside {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let target = format!("images/{}/{name}", candidate.slug);
            candidate
                .notes
                .push(format!("hero image copied to {target}"));
            candidate.copies.push((file.clone(), target.clone()));
            target
        } else {
            candidate.notes.push(format!(
                "hero image `{src}` left out: not found in the site's public folder or beside the file"
            ));
            return None;
        }
    };
    Some(Image {
        src,
        alt,
        caption: fields.text(CAPTION),
        credit: fields.text(CREDIT),
        width: None,
        height: None,
    })
}

/// A markdown body made to keep what it shows once rendered: raw HTML
/// blocks become markdown (so a `<figure>` shows its image instead of its
/// source text), inline tags go (their text stays, as the safety filter
/// would have it), inline `<script>` and `<style>` go with their content,
/// links and images with URLs the filter would disarm keep only their
/// text, and every hostile fragment is counted.
pub(super) fn clean_body(body: &str) -> (String, Dropped) {
    let mut dropped = Dropped::default();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    // Block quotes, lists and footnotes around the event: HTML blocks inside
    // them carry the container's markers in their text, so they are left
    // to the safety filter (shown as text).
    let mut containers = 0usize;
    // An inline `<script>` or `<style>` being removed: its closing tag and
    // where it started.
    let mut open: Option<(&'static str, usize)> = None;
    // Open links and images: whether the URL is unsafe, the whole link's
    // source and its text's.
    type Link = (bool, Range<usize>, Option<Range<usize>>);
    let mut links: Vec<Link> = Vec::new();
    let parser = Parser::new_ext(body, folio_content::markdown::options()).into_offset_iter();
    for (event, range) in parser {
        if let Some((closer, start)) = open {
            if let Event::InlineHtml(html) = &event {
                if html.trim_start().to_ascii_lowercase().starts_with(closer) {
                    edits.push((start..range.end, String::new()));
                    open = None;
                }
            }
            continue;
        }
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => {
                containers += 1
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition) => {
                containers = containers.saturating_sub(1)
            }
            Event::Start(Tag::HtmlBlock) if containers == 0 => {
                let converted = html_to_markdown::convert(&body[range.clone()], None);
                dropped.merge(&converted.dropped);
                let mut markdown = converted.markdown;
                let rest = &body[range.end..];
                let mut range = range.clone();
                if markdown.is_empty() {
                    // Nothing left (a comment): its blank line goes too.
                    if rest.starts_with('\n') {
                        range.end += 1;
                    }
                } else {
                    // A block must end at a blank line; the HTML block may
                    // have ended on its closing tag's line.
                    markdown.push('\n');
                    if !rest.is_empty() && !rest.starts_with('\n') {
                        markdown.push('\n');
                    }
                }
                edits.push((range, markdown));
            }
            Event::InlineHtml(html) => {
                let lower = html.trim_start().to_ascii_lowercase();
                let converted = html_to_markdown::convert(&html, None);
                dropped.merge(&converted.dropped);
                if lower.starts_with("<script") {
                    open = Some(("</script", range.start));
                } else if lower.starts_with("<style") {
                    open = Some(("</style", range.start));
                } else {
                    edits.push((range.clone(), converted.markdown));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let unsafe_url = !is_safe_url(&dest_url);
                links.push((unsafe_url, range.clone(), None));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let unsafe_url = !is_safe_url(&dest_url)
                    || dest_url.trim().to_ascii_lowercase().starts_with("mailto:");
                links.push((unsafe_url, range.clone(), None));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((true, whole, text)) = links.pop() {
                    dropped.add("unsafe URL");
                    let text = text.map_or("", |t: Range<usize>| &body[t]);
                    edits.push((whole, text.to_owned()));
                }
            }
            _ => {}
        }
        // The source of a link's text, kept when its URL goes.
        for (_, whole, text) in &mut links {
            if range.start > whole.start && range.end < whole.end {
                let t = text.get_or_insert(range.clone());
                *t = t.start.min(range.start)..t.end.max(range.end);
            }
        }
    }
    if let Some((_, start)) = open {
        edits.push((start..body.len(), String::new()));
    }
    // Outer edits first; an edit inside one already made is passed over.
    edits.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&body[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&body[at..]);
    (out.trim().to_owned(), dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_a_body_becomes_markdown_and_hostile_parts_are_counted() {
        let body = "Intro with <sup>1</sup> and <kbd>Ctrl</kbd> <script>steal()</script>done.\n\n\
                    <figure><img src=\"images/a.svg\" alt=\"A\" onerror=\"x()\"><figcaption>Cap</figcaption></figure>\n\n\
                    [bad](javascript:alert(1)) and ![i](data:image/png;base64,AA)\n\n\
                    <!--more-->\n\nEnd.";
        let (out, dropped) = clean_body(body);
        assert_eq!(
            out,
            "Intro with 1 and Ctrl done.\n\n![A](images/a.svg \"Cap\")\n\n_Cap_\n\n\
             bad and i\n\nEnd."
        );
        assert_eq!(dropped.count("script"), 1);
        assert_eq!(dropped.count("event handler"), 1);
        assert_eq!(dropped.count("unsafe URL"), 2);
        assert_eq!(dropped.total(), 4);
    }

    #[test]
    fn file_names_give_dates_and_slugs() {
        let (date, slug) = name_parts(Path::new("posts/2024-05-01-harbour-tides.md"));
        assert_eq!(date.map(|d| d.unix()), Some(1_714_521_600));
        assert_eq!(slug, "harbour-tides");
        let (date, slug) = name_parts(Path::new("posts/river-notes/index.md"));
        assert!(date.is_none());
        assert_eq!(slug, "river-notes");
    }
}
