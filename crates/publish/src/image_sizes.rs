//! Pixel sizes of the site's images, read from the files, so every page
//! reserves an image's space before it loads (no layout shift when it
//! arrives). SVG sizes come from the root element's `width`/`height` or
//! `viewBox`; raster formats from their headers (`imagesize`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Reads and remembers image sizes under one public root. Shared by the
/// threads that write pages: each file is read once.
pub(crate) struct ImageSizer {
    root: PathBuf,
    known: Mutex<HashMap<String, Option<[u32; 2]>>>,
}

impl ImageSizer {
    /// Sizes of images whose site-relative paths resolve under `root`.
    pub(crate) fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            known: Mutex::new(HashMap::new()),
        }
    }

    /// The directory image paths are relative to.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The size of the image at `src` as content writes it (`images/x.svg`,
    /// `/images/x.png`); `None` for remote images and unreadable files.
    pub(crate) fn size(&self, src: &str) -> Option<[u32; 2]> {
        let local = local(src)?;
        if let Some(known) = self.known.lock().ok()?.get(src) {
            return *known;
        }
        let path = self.root.join(local);
        let size = read_size(&path);
        self.known.lock().ok()?.insert(src.to_owned(), size);
        size
    }
}

/// The path under the public root of an image the site serves itself
/// (`images/x.svg` for `/images/x.svg`); `None` for remote images and for
/// paths that would leave the root.
pub(crate) fn local(src: &str) -> Option<&str> {
    if src.contains("://") || src.starts_with("//") || src.contains("..") {
        return None;
    }
    Some(src.trim_start_matches('/'))
}

fn read_size(path: &Path) -> Option<[u32; 2]> {
    let is_svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if is_svg {
        svg_size(&std::fs::read_to_string(path).ok()?)
    } else {
        let size = imagesize::size(path).ok()?;
        Some([
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        ])
    }
}

/// A length in user units (`120`, `120px`); other units say nothing about pixels.
fn length(value: &str) -> Option<f64> {
    let v = value.trim();
    let v = v.strip_suffix("px").unwrap_or(v);
    v.parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0)
}

/// The size an SVG draws at: `width` and `height`, else its `viewBox`.
pub(crate) fn svg_size(text: &str) -> Option<[u32; 2]> {
    let doc = roxmltree::Document::parse(text).ok()?;
    let root = doc.root_element();
    let from_attrs = root
        .attribute("width")
        .and_then(length)
        .zip(root.attribute("height").and_then(length));
    let (w, h) = from_attrs.or_else(|| {
        let parts: Vec<f64> = root
            .attribute("viewBox")?
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        match parts[..] {
            [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w, h)),
            _ => None,
        }
    })?;
    Some([w.round() as u32, h.round() as u32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes_come_from_attributes_or_the_view_box() {
        let svg = |attrs: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\" {attrs}></svg>");
        assert_eq!(
            svg_size(&svg(r#"width="1200" height="675""#)),
            Some([1200, 675])
        );
        assert_eq!(
            svg_size(&svg(r#"width="300px" height="150.4px""#)),
            Some([300, 150])
        );
        assert_eq!(svg_size(&svg(r#"viewBox="0 0 800 450""#)), Some([800, 450]));
        assert_eq!(
            svg_size(&svg(r#"width="100%" viewBox="0,0,640,360""#)),
            Some([640, 360])
        );
        assert_eq!(svg_size(&svg(r#"width="10em" height="5em""#)), None);
        assert_eq!(svg_size("not svg"), None);
    }

    #[test]
    fn sizes_are_read_from_files_under_the_root_only() {
        let dir = std::env::temp_dir().join(format!("folio-sizes-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("images")).unwrap();
        std::fs::write(
            dir.join("images/a.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"/>"#,
        )
        .unwrap();
        let sizer = ImageSizer::new(&dir);
        assert_eq!(sizer.size("images/a.svg"), Some([40, 30]));
        assert_eq!(sizer.size("/images/a.svg"), Some([40, 30]));
        assert_eq!(sizer.size("images/missing.png"), None);
        assert_eq!(sizer.size("../etc/passwd"), None);
        assert_eq!(sizer.size("https://cdn.example/a.png"), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
