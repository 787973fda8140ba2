//! Link-preview images. Social networks and chat apps (X, Facebook, LinkedIn,
//! WhatsApp…) do not show an SVG `og:image`, so the site step renders every
//! article's SVG hero to a PNG [`WIDTH`] pixels wide at
//! `images/og/<slug>.png`, and the entry page points at that. Heroes that
//! are already raster images (JPEG, PNG, WebP, GIF) and remote heroes are
//! used as they are.
//!
//! Heroes are untrusted. usvg runs no scripts and makes no network requests;
//! the options here also stop it from reading the local files an
//! `<image href>` names, and the output size is capped. An SVG that does not
//! parse (or makes the renderer panic) gives a warning and leaves its article
//! without an `og:image`; it never fails the build.
//!
//! Rendering costs milliseconds per image, so a PNG newer than both its SVG
//! and its article file is kept. `trunk build` empties `dist/`, so for that
//! to help from one build to the next the PNGs can be kept in a cache
//! directory (`--og-cache`) and linked into `dist/`.

use crate::corpus::Corpus;
use crate::parallel;
use resvg::{tiny_skia, usvg};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{self, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Component, Path};
use std::time::{Duration, Instant};

/// Where the PNGs go under `dist/`, which is also their path under the site
/// root. Reserved: stale PNGs there are removed.
pub(crate) const DIR: &str = "images/og";

/// The width previews are rendered at, the size Facebook, LinkedIn and X's
/// large card ask for.
pub(crate) const WIDTH: u32 = 1200;

/// The tallest PNG written: a taller SVG is scaled to fit, so no input can
/// make a pixmap larger than about 20 MB.
const MAX_HEIGHT: u32 = 4096;

/// Larger SVGs are not rendered: heroes are a few kilobytes, and parsing
/// time grows with size.
const MAX_SVG_BYTES: u64 = 8 * 1024 * 1024;

/// zlib level of the PNG data. On the sample heroes (RGB, adaptive filters)
/// level 2 writes about 15 KB in 5.5 ms, level 1 29 KB in 2.1 ms, the usual
/// level 6 15 KB in 6.4 ms.
const DEFLATE_LEVEL: u8 = 2;

/// A rendered preview.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) struct Png {
    /// The file under `dist/`, which is also its path under the site root.
    pub(crate) file: String,
    pub(crate) width: u32,
    pub(crate) height: u32,
}

/// How many previews were rendered, kept or refused, and how long it took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    pub(crate) rendered: usize,
    pub(crate) up_to_date: usize,
    pub(crate) failed: usize,
    pub(crate) elapsed: Duration,
}

/// The previews of one build.
#[derive(Debug, Default)]
pub(crate) struct OgImages {
    /// Every article whose hero is a local SVG: its PNG, or `None` when the
    /// SVG could not be rendered.
    by_slug: BTreeMap<String, Option<Png>>,
    pub(crate) totals: Totals,
    /// One `path: reason` line per problem.
    pub(crate) warnings: Vec<String>,
}

impl OgImages {
    /// `None` if the article's hero is used as it is (it is not a local
    /// SVG, or rendering is off); `Some(None)` if its SVG could not be
    /// rendered, so the article has no preview image; else its PNG.
    pub(crate) fn preview(&self, slug: &str) -> Option<Option<&Png>> {
        self.by_slug.get(slug).map(Option::as_ref)
    }

    /// Every preview, by slug, for the manifest.
    pub(crate) fn previews(&self) -> &BTreeMap<String, Option<Png>> {
        &self.by_slug
    }
}

/// The previews a previous build made, and the articles changed since
/// (whose previews are made again): an incremental build's starting point.
pub(crate) struct Since<'a> {
    pub(crate) previews: BTreeMap<String, Option<Png>>,
    pub(crate) changed: &'a BTreeSet<String>,
}

/// The media type of an image, from its file name or URL, for `og:image:type`.
pub(crate) fn image_type(src: &str) -> Option<&'static str> {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// The path under the public root of a hero that is a local SVG file.
fn local_svg(src: &str) -> Option<&str> {
    let src = src.trim();
    if src.contains(':') || src.starts_with("//") {
        return None; // http(s), data: and protocol-relative URLs
    }
    let path = src.trim_start_matches('/');
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
        .then_some(path)
}

/// A problem with one preview.
enum Failure {
    /// The SVG cannot be used: a warning, and no `og:image` for the article.
    Input(String),
    /// Writing the PNG failed (a full disk): the build fails.
    Output(String),
}

/// A preview that exists: its size, and whether it was rendered just now.
struct Done {
    width: u32,
    height: u32,
    rendered: bool,
    /// Something the PNG leaves out, worth a warning.
    note: Option<&'static str>,
}

/// Renders the preview of every article with a local SVG hero into
/// `dist/images/og/` (through `cache` when given), on every core, and removes
/// PNGs there that belong to no article any more. With `since`, only the
/// changed articles' previews are made; the others are taken from it (and
/// removed articles' PNGs are left to the caller).
pub(crate) fn write(
    corpus: &Corpus,
    dist: &Path,
    cache: Option<&Path>,
    since: Option<Since<'_>>,
) -> Result<OgImages, String> {
    let started = Instant::now();
    let out_dir = dist.join(DIR);
    let render_dir = cache.unwrap_or(&out_dir);
    for dir in [&out_dir, render_dir] {
        std::fs::create_dir_all(dir).map_err(crate::at(dir))?;
    }
    let mut og = OgImages::default();
    let changed = since.as_ref().map(|s| s.changed);
    if let Some(since) = since {
        og.by_slug = since.previews;
        og.by_slug
            .retain(|slug, _| corpus.sources.contains_key(slug) && !since.changed.contains(slug));
    }
    let jobs: Vec<(&str, &str)> = corpus
        .articles
        .iter()
        .filter(|a| changed.is_none_or(|c| c.contains(&a.slug)))
        .filter_map(|a| Some((a.slug.as_str(), local_svg(&a.hero.as_ref()?.src)?)))
        .collect();
    let options = options();
    let results = parallel::map(&jobs, |&(slug, svg)| {
        if !is_contained(svg) {
            return Err(Failure::Input("the hero is outside the site".to_owned()));
        }
        let name = format!("{slug}.png");
        let png = render_dir.join(&name);
        let done = render_or_keep(
            &corpus.public_root().join(svg),
            &corpus.article_file(slug),
            &png,
            &options,
        )?;
        if cache.is_some() {
            let target = out_dir.join(&name);
            link(&png, &target)
                .map_err(|e| Failure::Output(format!("{}: {e}", target.display())))?;
        }
        Ok(done)
    });

    let mut keep = HashSet::with_capacity(jobs.len());
    for (&(slug, svg), result) in jobs.iter().zip(results) {
        let source = corpus.public_root().join(svg);
        let png = match result {
            Ok(done) => {
                if done.rendered {
                    og.totals.rendered += 1;
                } else {
                    og.totals.up_to_date += 1;
                }
                if let Some(note) = done.note {
                    og.warnings.push(format!("{}: {note}", source.display()));
                }
                let file = format!("{DIR}/{slug}.png");
                keep.insert(format!("{slug}.png"));
                Some(Png {
                    file,
                    width: done.width,
                    height: done.height,
                })
            }
            Err(Failure::Input(reason)) => {
                og.totals.failed += 1;
                og.warnings.push(format!(
                    "{}: {reason}; article `{slug}` gets no og:image",
                    source.display()
                ));
                None
            }
            Err(Failure::Output(e)) => return Err(e),
        };
        og.by_slug.insert(slug.to_owned(), png);
    }
    if changed.is_none() {
        prune(&out_dir, &keep).map_err(crate::at(&out_dir))?;
    }
    og.totals.elapsed = started.elapsed();
    Ok(og)
}

/// usvg options for untrusted files. usvg never fetches URLs, but its
/// default resolver opens any local path an `<image href>` names (relative to
/// `resources_dir`, or absolute), so that resolver is replaced by one that
/// loads nothing. Data URLs stay: their bytes are in the file already.
fn options() -> usvg::Options<'static> {
    usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// The preview of one SVG at `png`: kept if newer than the SVG and the
/// article file, else rendered.
fn render_or_keep(
    svg: &Path,
    article: &Path,
    png: &Path,
    options: &usvg::Options<'_>,
) -> Result<Done, Failure> {
    if let Some((width, height)) = up_to_date(png, &[svg, article]) {
        return Ok(Done {
            width,
            height,
            rendered: false,
            note: None,
        });
    }
    let data = read_svg(svg).map_err(Failure::Input)?;
    let (bytes, width, height) = catch_unwind(AssertUnwindSafe(|| rasterise(&data, options)))
        .unwrap_or_else(|_| Err("the SVG renderer panicked on this file".to_owned()))
        .map_err(Failure::Input)?;
    write_whole(png, &bytes).map_err(|e| Failure::Output(format!("{}: {e}", png.display())))?;
    Ok(Done {
        width,
        height,
        rendered: true,
        note: left_out(&data),
    })
}

/// The size of `png` if it was written after every file in `sources`.
fn up_to_date(png: &Path, sources: &[&Path]) -> Option<(u32, u32)> {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let built = modified(png)?;
    if sources
        .iter()
        .any(|source| modified(source).is_none_or(|t| t >= built))
    {
        return None;
    }
    let mut header = [0; 24];
    std::fs::File::open(png)
        .and_then(|mut f| f.read_exact(&mut header))
        .ok()?;
    png_size(&header)
}

/// Width and height from the start of a PNG file: the signature, then the
/// IHDR chunk (length, type, width, height, big-endian).
pub(crate) fn png_size(header: &[u8]) -> Option<(u32, u32)> {
    if header.get(..8)? != b"\x89PNG\r\n\x1a\n" || header.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |at: usize| Some(u32::from_be_bytes(header.get(at..at + 4)?.try_into().ok()?));
    Some((be(16)?, be(20)?)).filter(|&(w, h)| w > 0 && h > 0)
}

fn read_svg(path: &Path) -> Result<Vec<u8>, String> {
    let len = std::fs::metadata(path)
        .map_err(|e| format!("cannot read: {e}"))?
        .len();
    if len > MAX_SVG_BYTES {
        return Err(format!(
            "{len} bytes, over the {MAX_SVG_BYTES} byte limit for a preview"
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read: {e}"))
}

/// Renders an SVG on white (previews are shown on any background, and
/// networks draw transparency black or white) to a PNG [`WIDTH`] pixels wide,
/// keeping its aspect ratio; returns the PNG, its width and height.
fn rasterise(svg: &[u8], options: &usvg::Options<'_>) -> Result<(Vec<u8>, u32, u32), String> {
    let tree =
        usvg::Tree::from_data(svg, options).map_err(|e| format!("not a readable SVG ({e})"))?;
    let size = tree.size();
    let scale = (WIDTH as f32 / size.width()).min(MAX_HEIGHT as f32 / size.height());
    // `as` saturates (and maps NaN to 0), so the clamps bound every input.
    let width = ((size.width() * scale).round() as u32).clamp(1, WIDTH);
    let height = ((size.height() * scale).round() as u32).clamp(1, MAX_HEIGHT);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}x{height} image"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let png = encode(&pixmap).map_err(|e| format!("cannot encode the PNG ({e})"))?;
    Ok((png, width, height))
}

/// The pixmap as an RGB PNG. It is opaque (drawn on white), so its
/// premultiplied RGBA pixels are plain RGB plus an alpha of 255.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for pixel in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&pixel[..3]);
    }
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(DEFLATE_LEVEL));
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// What the PNG of this SVG leaves out: folio-publish has no fonts and no
/// decoders for raster images inside an SVG.
fn left_out(svg: &[u8]) -> Option<&'static str> {
    let has = |tag: &[u8]| svg.windows(tag.len()).any(|w| w == tag);
    match (has(b"<text"), has(b"<image")) {
        (false, false) => None,
        (true, false) => {
            Some("the preview PNG leaves out its text (folio-publish renders no fonts)")
        }
        (false, true) => {
            Some("the preview PNG may leave out embedded images (only SVG ones are drawn)")
        }
        (true, true) => Some(
            "the preview PNG leaves out its text and may leave out embedded images \
             (folio-publish renders no fonts and only SVG images)",
        ),
    }
}

/// Writes `path` through a temporary file, so a build stopped halfway never
/// leaves a truncated PNG that looks up to date.
fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path)
}

/// Puts the cached PNG `from` at `to`: a hard link, or a copy across file
/// systems. The cache replaces files (never rewrites them), so a link never
/// changes under a deployed copy.
fn link(from: &Path, to: &Path) -> io::Result<()> {
    match std::fs::remove_file(to) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::hard_link(from, to).or_else(|_| std::fs::copy(from, to).map(drop))
}

/// Removes the PNGs (and leftover temporary files) in `dir` that are not in
/// `keep`: previews of deleted articles, or of heroes that failed this time.
fn prune(dir: &Path, keep: &HashSet<String>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name.ends_with(".png") || name.ends_with(".png.tmp");
        if ours && !keep.contains(name) && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Whether `path` stays inside the directory it is joined to.
fn is_contained(path: &str) -> bool {
    Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TempDir;

    fn render(svg: &str) -> Result<(Vec<u8>, u32, u32), String> {
        rasterise(svg.as_bytes(), &options())
    }

    /// The RGB pixels of a PNG this module wrote.
    fn pixels(png: &[u8]) -> (png::OutputInfo, Vec<u8>) {
        let mut reader = png::Decoder::new(io::Cursor::new(png)).read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info, buf)
    }

    #[test]
    fn renders_1200_wide_keeping_the_aspect_ratio_on_white() {
        let (png, w, h) = render(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="8" height="9" fill="#f00"/></svg>"##,
        )
        .unwrap();
        assert_eq!((w, h), (1200, 675));
        assert_eq!(png_size(&png), Some((1200, 675)));
        let (info, rgb) = pixels(&png);
        assert_eq!((info.width, info.height), (1200, 675));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(&rgb[..3], [255, 0, 0], "left half red");
        assert_eq!(&rgb[rgb.len() - 3..], [255, 255, 255], "the rest white");
    }

    #[test]
    fn extreme_shapes_stay_within_bounds() {
        let tall = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100000"/>"#;
        let (_, w, h) = render(tall).unwrap();
        assert_eq!((w, h), (1, MAX_HEIGHT));
        let wide = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="1"/>"#;
        assert_eq!(render(wide).map(|(_, w, h)| (w, h)), Ok((WIDTH, 1)));
    }

    #[test]
    fn malformed_svgs_are_errors_not_panics() {
        for bad in [
            "",
            "not xml",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"",
            "<html><body>hi</body></html>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"/>",
        ] {
            assert!(render(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn text_is_left_out_with_a_note_instead_of_failing() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><text x="10" y="50" font-size="40">Headline</text></svg>"#;
        let (png, ..) = render(svg).unwrap();
        let (_, rgb) = pixels(&png);
        assert!(rgb.iter().all(|&b| b == 255), "no fonts: nothing drawn");
        assert!(left_out(svg.as_bytes()).unwrap().contains("text"));
        assert_eq!(left_out(b"<svg><rect/></svg>"), None);
    }

    #[test]
    fn files_named_in_the_svg_are_never_read() {
        // The default resolver would draw this red SVG from disk.
        let temp = TempDir::new("og-href");
        let red = temp.path().join("red.svg");
        std::fs::write(
            &red,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#,
        )
        .unwrap();
        for href in [red.display().to_string(), "red.svg".to_owned()] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><image href="{href}" width="10" height="10"/><image xlink:href="https://example.org/x.png" width="10" height="10"/></svg>"#
            );
            let mut options = options();
            options.resources_dir = Some(temp.path().to_owned());
            let (png, ..) = rasterise(svg.as_bytes(), &options).unwrap();
            assert!(pixels(&png).1.iter().all(|&b| b == 255), "{href}");
        }
        // An SVG embedded as a data URL is drawn: its bytes are in the file.
        let data = "data:image/svg+xml;utf8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'%3E%3Crect width='10' height='10' fill='red'/%3E%3C/svg%3E";
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="{data}" width="10" height="10"/></svg>"#
        );
        let (png, ..) = render(&svg).unwrap();
        assert_eq!(&pixels(&png).1[..3], [255, 0, 0]);
    }

    #[test]
    fn only_local_svg_heroes_are_rendered() {
        assert_eq!(local_svg("images/port.svg"), Some("images/port.svg"));
        assert_eq!(local_svg("/images/Port.SVG"), Some("images/Port.SVG"));
        assert_eq!(local_svg("images/port.png"), None);
        assert_eq!(local_svg("https://cdn.example/port.svg"), None);
        assert_eq!(local_svg("//cdn.example/port.svg"), None);
        assert_eq!(local_svg("data:image/svg+xml,x.svg"), None);
        assert!(is_contained("images/a/b.svg"));
        assert!(!is_contained("../secret.svg") && !is_contained("images/../../x.svg"));
    }

    #[test]
    fn image_types_come_from_the_extension() {
        assert_eq!(image_type("images/a.JPG"), Some("image/jpeg"));
        assert_eq!(
            image_type("https://cdn.example/a.webp?w=1200#x"),
            Some("image/webp")
        );
        assert_eq!(image_type("images/a.svg"), Some("image/svg+xml"));
        assert_eq!(image_type("images/photo"), None);
    }

    #[test]
    fn png_headers_are_checked() {
        let (png, ..) =
            render(r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>"#).unwrap();
        assert_eq!(png_size(&png), Some((1200, 900)));
        assert_eq!(png_size(&png[..20]), None);
        assert_eq!(png_size(b"GIF89a............................"), None);
    }
}
