//! The `site` step, run after `trunk build`: link-preview images, entry
//! pages, feeds, sitemap, robots.txt and precompressed siblings, written into
//! `dist/`.

use crate::at;
use crate::compress::{self, Totals};
use crate::corpus::Corpus;
use crate::entry_pages::{self, Describer};
use crate::image_sizes::ImageSizer;
use crate::og_images::{self, OgImages};
use crate::template::Template;
use crate::urls::Urls;
use crate::{feeds, listings, sitemap};
use folio_views::i18n::Locale;
use std::path::{Path, PathBuf};

/// How the site step runs.
#[derive(Clone, Debug)]
pub(crate) struct Options {
    /// Trunk's output directory, holding the app loader `index.html`.
    pub(crate) dist: PathBuf,
    /// Overrides `site.json`'s `base_url` for this deployment.
    pub(crate) base_url: Option<String>,
    /// Whether to write `.gz` and `.br` siblings.
    pub(crate) precompress: bool,
    /// Whether to render PNG previews of SVG heroes (`images/og/`); without
    /// them, entry pages name the SVG itself.
    pub(crate) og_images: bool,
    /// Where rendered previews are kept between builds (`trunk build`
    /// empties `dist/`); `None` renders straight into `dist/images/og/`.
    pub(crate) og_cache: Option<PathBuf>,
}

/// What the step wrote: files and bytes per kind of output.
#[derive(Clone, Debug, Default)]
pub(crate) struct Report {
    pub(crate) pages: (usize, u64),
    pub(crate) feeds: (usize, u64),
    pub(crate) sitemap: (usize, u64),
    pub(crate) og_images: Option<og_images::Totals>,
    pub(crate) compressed: Option<Totals>,
    /// Things that look wrong but do not stop the build.
    pub(crate) warnings: Vec<String>,
}

/// The Content Security Policy header for this site, for the host
/// configurations (deploy/): one line.
pub(crate) const POLICY_FILE: &str = "security-policy.txt";

/// Directories only this step writes; emptied first so that a deleted
/// article's page or a shrunken sitemap does not linger from a previous run.
const OWN_DIRS: [&str; 8] = [
    "articles", "sections", "kinds", "latest", "tags", "authors", "feeds", "sitemaps",
];

/// A base URL from the command line or environment: absolute http(s), with a
/// trailing slash added when missing.
pub(crate) fn check_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => {
            Ok(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
        }
        _ => Err(format!("--base-url `{url}` must be an absolute http(s) URL such as https://magazine.example/news/")),
    }
}

/// Writes everything into `options.dist`. Reads and checks the loader and
/// base URL before writing anything.
pub(crate) fn build(corpus: &Corpus, options: &Options) -> Result<Report, String> {
    let dist = &options.dist;
    let index = dist.join("index.html");
    let loader = std::fs::read_to_string(&index).map_err(|e| {
        format!(
            "{}: cannot read the app loader ({e}); run `trunk build` first",
            index.display()
        )
    })?;
    let template = Template::parse(&loader, &corpus.site.language).map_err(at(&index))?;
    let base_url = match &options.base_url {
        Some(url) => check_base_url(url)?,
        None => corpus.site.base_url.clone(),
    };
    let urls = Urls::new(&base_url);
    let mut report = Report::default();
    if let Some(href) = template
        .base_href
        .as_deref()
        .filter(|&h| h != urls.base_path())
    {
        report.warnings.push(format!(
            "{}: <base href=\"{href}\"> but the base URL {base_url} has path {}; \
             build with `trunk build --public-url {}` or pass --base-url",
            index.display(),
            urls.base_path(),
            urls.base_path()
        ));
    }

    for dir in OWN_DIRS {
        let path = dist.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(at(&path))?;
        }
    }
    if options.base_url.is_some() {
        set_deployed_base_url(dist, urls.base())?;
    }
    let og = if options.og_images {
        let og = og_images::write(corpus, dist, options.og_cache.as_deref())?;
        report.og_images = Some(og.totals);
        report.warnings.extend_from_slice(&og.warnings);
        og
    } else {
        OgImages::default()
    };
    // Every listing, once: entry pages, feeds and the sitemap all read them.
    let groups = listings::groups(corpus);
    let describer = Describer {
        corpus,
        groups: &groups,
        urls: &urls,
        fallback_description: template.description.as_deref().unwrap_or_default(),
        og_images: &og,
    };
    let (boot_file, boot) = &template.boot;
    let boot_path = dist.join(boot_file);
    std::fs::write(&boot_path, boot).map_err(at(&boot_path))?;
    // The header value the host configurations take (docs/security.md).
    let policy_path = dist.join(POLICY_FILE);
    let policy = folio_content::security::policy(
        &corpus.site.image_hosts,
        &crate::template::inline_scripts(),
        false,
    );
    std::fs::write(&policy_path, policy + "\n").map_err(at(&policy_path))?;
    let sizer = ImageSizer::new(corpus.public_root());
    let (pages, warnings) =
        entry_pages::write(&describer, &template, &sizer, dist).map_err(at(dist))?;
    report.pages = pages;
    report.warnings.extend(warnings);
    let not_found = dist.join("content/404.html");
    if not_found.parent().is_some_and(Path::is_dir) {
        std::fs::write(&not_found, CONTENT_NOT_FOUND).map_err(at(&not_found))?;
        report.pages.0 += 1;
    }
    write_language_files(dist)?;
    report.feeds = feeds::write(corpus, &groups, &urls, dist)?;
    report.sitemap = sitemap::write(corpus, &groups, &urls, dist, sitemap::URLS_PER_FILE)?;
    if options.precompress {
        report.compressed = Some(compress::precompress(dist)?);
    }
    Ok(report)
}

/// The interface in each language the app does not carry (it has English),
/// as `i18n/<tag>.json`: the app fetches one when the reader's language is
/// not the page's.
fn write_language_files(dist: &Path) -> Result<(), String> {
    let dir = dist.join(folio_content::paths::LANGUAGES_DIR);
    std::fs::create_dir_all(&dir).map_err(at(&dir))?;
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let path = dir.join(format!("{}.json", locale.tag()));
        std::fs::write(&path, locale.builtin().json()).map_err(at(&path))?;
    }
    Ok(())
}

/// What hosts that look for the nearest `404.html` (Cloudflare Pages) or are
/// told to (Netlify) serve, with status 404, for a missing content file: the
/// app then reports "not found" instead of failing to parse a page of HTML.
const CONTENT_NOT_FOUND: &str = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
<meta name=\"robots\" content=\"noindex\"><title>Not found</title><p>Not found.</p></html>\n";

/// Puts the deployment's base URL into the copy of `site.json` in `dist/`,
/// so share links built by the app agree with the canonical URLs of the
/// entry pages. The source `site.json` is left alone.
fn set_deployed_base_url(dist: &Path, base_url: &str) -> Result<(), String> {
    let path = dist.join(folio_content::paths::SITE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    let mut site: serde_json::Value = serde_json::from_str(&text).map_err(at(&path))?;
    site["base_url"] = serde_json::Value::String(base_url.to_owned());
    let text = serde_json::to_string_pretty(&site).map_err(at(&path))?;
    std::fs::write(&path, text + "\n").map_err(at(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_must_be_absolute_and_get_a_slash() {
        assert_eq!(
            check_base_url("https://m.example/news").unwrap(),
            "https://m.example/news/"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080/"
        );
        assert!(check_base_url("/news/").is_err());
        assert!(check_base_url("https://").is_err());
        assert!(check_base_url("ftp://m.example/").is_err());
    }
}
