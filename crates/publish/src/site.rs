//! The `site` step, run after `trunk build`: link-preview images, entry
//! pages, listings, the search index, feeds, sitemap, robots.txt and
//! precompressed siblings, written into `dist/`, with copies of the
//! articles and images. Incremental when `dist/` holds the manifest of a
//! build by the same tool, loader, `site.json` and options
//! (`manifest.rs`): only changed article files are read, only the files
//! that show something that changed are made again, only those whose bytes
//! differ are written and precompressed, and the files of removed articles
//! are removed. A full build (`--full`, or any other change) gives the same
//! bytes.

use crate::at;
use crate::compress::{self, Totals};
use crate::corpus::{self, Changes, Corpus, Known};
use crate::entry_pages::{self, Describer};
use crate::fingerprint::{self, hash_bytes, Key, Stamp};
use crate::image_sizes::ImageSizer;
use crate::listings::{self, Groups};
use crate::manifest::{self, Journal, Manifest, Previous};
use crate::og_images::{self, OgImages};
use crate::outputs::{Finished, Outputs};
use crate::related_index::RelatedIndex;
use crate::template::Template;
use crate::urls::Urls;
use crate::{feeds, search_index, sitemap};
use folio_content::listing::newest_first;
use folio_content::{ArticleSummary, Kind};
use folio_views::i18n::Locale;
use std::collections::HashSet;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    /// Makes everything again even when the last build could be reused.
    pub(crate) full: bool,
}

/// What the step wrote: files and bytes per kind of output.
#[derive(Clone, Debug, Default)]
pub(crate) struct Report {
    /// How many articles the corpus has, and how long reading it took.
    pub(crate) articles: usize,
    pub(crate) loaded: Duration,
    /// Whether the build reused the last one, and how many articles changed
    /// (added, edited or removed) since it.
    pub(crate) incremental: bool,
    pub(crate) changed: usize,
    pub(crate) pages: (usize, u64),
    pub(crate) feeds: (usize, u64),
    pub(crate) sitemap: (usize, u64),
    /// Files written (new or changed), kept as they were, and removed.
    pub(crate) written: usize,
    pub(crate) kept: usize,
    pub(crate) removed: usize,
    pub(crate) og_images: Option<og_images::Totals>,
    pub(crate) compressed: Option<Totals>,
    /// Things that look wrong but do not stop the build.
    pub(crate) warnings: Vec<String>,
}

/// The Content Security Policy header for this site, for the host
/// configurations (deploy/): one line.
pub(crate) const POLICY_FILE: &str = "security-policy.txt";

/// Directories only this step writes; a full build empties them first so
/// that a deleted article's page or a shrunken sitemap does not linger from
/// a previous run (an incremental one removes what the manifest lists).
const OWN_DIRS: [&str; 10] = [
    "articles",
    "sections",
    "kinds",
    "latest",
    "tags",
    "authors",
    "feeds",
    "sitemaps",
    "content/listings",
    "content/search",
];

/// Above this many changed articles, every article page is looked at
/// (their keys still spare the unchanged ones): finding the pages each
/// change reaches costs more than that.
const MANY_CHANGES: usize = 1_000;

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

/// How long each part of the step took, printed on stderr when
/// `FOLIO_BUILD_TIMINGS` is set (docs/performance.md).
struct Phases {
    started: Instant,
    print: bool,
}

impl Phases {
    fn start() -> Self {
        Phases {
            started: Instant::now(),
            print: std::env::var_os("FOLIO_BUILD_TIMINGS").is_some(),
        }
    }

    fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    fn mark(&self, what: &str) {
        if self.print {
            eprintln!("folio-publish: {:>9.2?}  {what}", self.elapsed());
        }
    }
}

/// What every output depends on: this tool (its executable's stamp), the
/// loader, `site.json` and the options that change bytes.
fn global_key(loader: &str, site: &[u8], options: &Options) -> u64 {
    let tool = std::env::current_exe().ok().and_then(|p| Stamp::read(&p));
    Key::new()
        .add(&manifest::VERSION)
        .add(&tool)
        .add(loader)
        .add(site)
        .add(&options.base_url)
        .add(&options.og_images)
        .finish()
}

/// The app loader: `dist/index.html` as trunk wrote it, or, when it is the
/// front page the last build wrote there, the loader that build kept.
fn read_loader(dist: &Path, previous: &Manifest) -> Result<String, String> {
    let index = dist.join("index.html");
    let text = std::fs::read_to_string(&index).map_err(|e| {
        format!(
            "{}: cannot read the app loader ({e}); run `trunk build` first",
            index.display()
        )
    })?;
    let ours = previous
        .outputs
        .get("index.html")
        .is_some_and(|b| b.1 == hash_bytes(text.as_bytes()));
    Ok(if ours && !previous.loader.is_empty() {
        previous.loader.clone()
    } else {
        text
    })
}

/// Reads the corpus (only what changed, when the last build can be
/// reused) and writes everything into `options.dist`. Reads and checks the
/// loader and base URL before writing anything.
pub(crate) fn run(content: &Path, options: &Options) -> Result<Report, String> {
    let started = fingerprint::now();
    let phases = Phases::start();
    let dist = &options.dist;
    let index = dist.join("index.html");
    // The article files are listed and stamped while the manifest is read.
    let may_reuse = !options.full && manifest::exists(dist);
    let (scan, previous) = std::thread::scope(|threads| {
        let scan = threads.spawn(|| corpus::scan(content, may_reuse));
        let previous = manifest::take(dist);
        (scan.join(), previous)
    });
    let scan = scan.map_err(|_| "listing the articles failed".to_owned())?;
    let Previous {
        manifest: previous,
        journal,
    } = previous?.unwrap_or_default();
    phases.mark("manifest read, articles listed");
    let loader = read_loader(dist, &previous)?;
    let site_path = content.join(folio_content::paths::SITE.trim_start_matches("content/"));
    // A missing site.json is reported by the corpus.
    let site_json = std::fs::read(&site_path).unwrap_or_default();
    let global = global_key(&loader, &site_json, options);
    let incremental =
        !options.full && previous.version == manifest::VERSION && previous.global == global;
    let Manifest {
        corpus: cache,
        og: previews,
        outputs: before,
        ..
    } = previous;
    // The process ends right after this step: what a large site's build
    // holds (100,000 summaries, the records of 300,000 files) is left for
    // it to free, which would take a quarter of a second here.
    let before = ManuallyDrop::new(before);
    let (corpus, changes) = corpus::load_with(content, scan, incremental.then_some(cache))
        .map_err(|problems| {
            corpus::print_problems(&problems);
            String::new()
        })?;
    let corpus = ManuallyDrop::new(corpus);
    phases.mark("corpus read");
    let mut report = Report {
        articles: corpus.articles.len(),
        loaded: phases.elapsed(),
        incremental,
        changed: changes.count(),
        ..Report::default()
    };
    let template = Template::parse(&loader, &corpus.site.language).map_err(at(&index))?;
    let base_url = match &options.base_url {
        Some(url) => check_base_url(url)?,
        None => corpus.site.base_url.clone(),
    };
    let urls = Urls::new(&base_url);
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

    if !incremental {
        for dir in OWN_DIRS {
            let path = dist.join(dir);
            if path.exists() {
                std::fs::remove_dir_all(&path).map_err(at(&path))?;
            }
        }
    }
    let outputs = Outputs::new(dist, global, &before, incremental);
    let deployed = deployed_site(&site_json, options.base_url.is_some().then(|| urls.base()))
        .map_err(at(&site_path))?;
    outputs
        .write_made(folio_content::paths::SITE, &deployed)
        .map_err(at(dist))?;
    copy_sources(&corpus, &outputs).map_err(at(dist))?;
    phases.mark("articles and images copied");
    let og = if options.og_images {
        let since = incremental.then_some(og_images::Since {
            previews,
            changed: &changes.changed,
        });
        let og = og_images::write(&corpus, dist, options.og_cache.as_deref(), since)?;
        for (slug, png) in og.previews() {
            if let Some(png) = png {
                let source = corpus.source(slug);
                outputs.record(&png.file, Key::new().add(&source.hash).add(png).finish());
            }
        }
        report.og_images = Some(og.totals);
        report.warnings.extend_from_slice(&og.warnings);
        og
    } else {
        OgImages::default()
    };
    // Every listing, once: entry pages, feeds and the sitemap all read them.
    let groups = listings::groups(&corpus);
    let related = RelatedIndex::new(&corpus.articles);
    let describer = Describer {
        corpus: &corpus,
        groups: &groups,
        urls: &urls,
        fallback_description: template.description.as_deref().unwrap_or_default(),
        og_images: &og,
    };
    let (boot_file, boot) = &template.boot;
    outputs
        .write_made(boot_file, boot.as_bytes())
        .map_err(at(dist))?;
    // The header value the host configurations take (docs/security.md).
    let policy = folio_content::security::policy(
        &corpus.site.image_hosts,
        &crate::template::inline_scripts(),
        false,
    );
    outputs
        .write_made(POLICY_FILE, (policy + "\n").as_bytes())
        .map_err(at(dist))?;
    let sizer = ImageSizer::new(corpus.public_root());
    let affected = incremental
        .then(|| affected(&corpus, &changes, &groups, &related))
        .flatten();
    phases.mark("listings grouped, related stories indexed, pages to look at found");
    let (pages, warnings) = entry_pages::write(
        &describer,
        &template,
        &sizer,
        &related,
        &outputs,
        affected.as_ref(),
    )
    .map_err(at(dist))?;
    report.pages = pages;
    report.warnings.extend(warnings);
    report.pages.1 += outputs
        .write_made("content/404.html", CONTENT_NOT_FOUND.as_bytes())
        .map_err(at(dist))?;
    phases.mark("entry pages");
    report.feeds = feeds::write(&corpus, &groups, &urls, &outputs)?;
    report.sitemap = sitemap::write(&corpus, &groups, &urls, &outputs, sitemap::URLS_PER_FILE)?;
    phases.mark("feeds and sitemap");
    listings::write_into(&corpus, &groups, &outputs, "content/").map_err(at(dist))?;
    phases.mark("listings");
    // Only new articles, all newer than the others: the search index grows
    // at its end (its ids count from the oldest).
    let appended = incremental
        && changes.before.is_empty()
        && (corpus.articles.iter())
            .take(changes.changed.len())
            .all(|a| changes.changed.contains(&a.slug));
    let appended = appended.then(|| corpus.articles.len() - changes.changed.len());
    search_index::write_into(&corpus, &outputs, "content/", appended).map_err(at(dist))?;
    phases.mark("search index");
    write_language_files(&outputs).map_err(at(dist))?;

    let mut finished = ManuallyDrop::new(outputs.finish().map_err(at(dist))?);
    report.written = finished.written.len();
    report.removed = finished.removed.len();
    report.kept = finished.record.len() - report.written;
    let mut journal = journal;
    if incremental {
        journal.extend(changed(&corpus, &changes, &og, &finished, started));
    }
    // A journal past a tenth of the manifest is folded into a new one.
    if incremental && journal.len() <= finished.record.len() / 10 {
        manifest::write_journal(dist, &journal)?;
    } else {
        manifest::write(
            dist,
            &Manifest {
                version: manifest::VERSION,
                global,
                loader,
                corpus: corpus.cache(started),
                og: og.previews().clone(),
                outputs: std::mem::take(&mut finished.record),
            },
        )?;
    }
    compress::note_written(dist, &finished.written, !incremental)?;
    phases.mark("manifest written");
    if options.precompress {
        report.compressed = Some(compress::run(dist, !incremental)?);
    }
    Ok(report)
}

/// The interface in each language the app does not carry (it has English),
/// as `i18n/<tag>.json`: the app fetches one when the reader's language is
/// not the page's.
fn write_language_files(outputs: &Outputs<'_>) -> std::io::Result<()> {
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let file = folio_content::paths::language_file(locale.tag());
        outputs.write_made(&file, locale.builtin().json().as_bytes())?;
    }
    Ok(())
}

/// What an incremental build changed in the manifest: the articles read
/// again or removed, their previews, and the files whose record changed.
fn changed(
    corpus: &Corpus,
    changes: &Changes,
    og: &OgImages,
    finished: &Finished,
    started: (i64, u32),
) -> Journal {
    let removed: Vec<&String> = changes
        .before
        .keys()
        .filter(|slug| !corpus.sources.contains_key(*slug))
        .collect();
    let read = corpus
        .articles
        .iter()
        .filter(|a| changes.changed.contains(&a.slug))
        .map(|a| {
            let known = Known {
                source: corpus.source(&a.slug).clone(),
                summary: a.clone(),
            };
            (a.slug.clone(), Some(known))
        });
    let slugs = changes.changed.iter().chain(removed.iter().copied());
    Journal {
        started,
        articles: read
            .chain(removed.iter().map(|slug| ((*slug).clone(), None)))
            .collect(),
        images: corpus.images.clone(),
        og: slugs
            .map(|slug| (slug.clone(), og.preview(slug).map(|png| png.cloned())))
            .collect(),
        outputs: finished
            .changed
            .iter()
            .map(|(file, built)| (file.clone(), Some(*built)))
            .chain(finished.removed.iter().map(|file| (file.clone(), None)))
            .collect(),
    }
}

/// Copies what trunk copies from `public/` and the site step may have to
/// copy again between trunk builds: the articles (`content/articles/`) and
/// `images/` (but `images/og/`, which the step writes).
fn copy_sources(corpus: &Corpus, outputs: &Outputs<'_>) -> std::io::Result<()> {
    for summary in &corpus.articles {
        let source = corpus.source(&summary.slug);
        let file = format!("content/articles/{}.json", summary.slug);
        outputs.copy(
            &file,
            source.hash,
            &corpus.article_file(&summary.slug),
            source.stamp,
        )?;
    }
    let images = corpus.public_root().join("images");
    let mut dirs = vec![images.clone()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let rel = path.strip_prefix(corpus.public_root()).unwrap_or(&path);
            let Some(file) = rel.to_str().map(|f| f.replace('\\', "/")) else {
                continue;
            };
            if file.starts_with(og_images::DIR) {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() {
                let stamp = Stamp::of(&entry.metadata()?);
                let key = Key::new().add("image").add(&stamp).finish();
                outputs.copy(&file, key, &path, stamp)?;
            }
        }
    }
    Ok(())
}

/// The article pages that can show something that changed, `None` for
/// all: the changed articles themselves; the articles near them (before
/// and after the change), whose related stories draw on them; those that
/// pick them; and their neighbours in their sections' listings. (The
/// site's newest stories are not in article pages: see
/// `folio_views::rail`.)
fn affected<'a>(
    corpus: &'a Corpus,
    changes: &Changes,
    groups: &Groups<'_>,
    now: &RelatedIndex<'a>,
) -> Option<HashSet<&'a str>> {
    if changes.count() > MANY_CHANGES {
        return None;
    }
    // The corpus as the last build had it, newest first.
    let mut before: Vec<&ArticleSummary> = corpus
        .articles
        .iter()
        .filter(|a| !changes.changed.contains(&a.slug))
        .chain(changes.before.values().map(|k| &k.summary))
        .collect();
    before.sort_by(|a, b| newest_first(a, b));
    let then = RelatedIndex::new(before.iter().copied());
    let mut pickers: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for a in &corpus.articles {
        for pick in &corpus.source(&a.slug).related {
            pickers.entry(pick).or_default().push(&a.slug);
        }
    }
    let slug_now = |s: &str| corpus.sources.get_key_value(s).map(|(k, _)| k.as_str());
    let mut affected = HashSet::new();
    for slug in changes.changed.iter().chain(changes.before.keys()) {
        let mut reach: Vec<&str> = now.near(slug);
        reach.extend(then.near(slug));
        reach.extend(pickers.get(slug.as_str()).into_iter().flatten());
        let now_group = corpus
            .articles
            .iter()
            .find(|a| a.slug == *slug)
            .and_then(|a| {
                groups.get(&folio_content::paths::Listing::Section(a.section.clone()).id())
            })
            .map(|g| g.items.as_slice());
        reach.extend(section_neighbours(now_group.unwrap_or_default(), slug));
        if let Some(old) = changes.before.get(slug) {
            let section: Vec<&ArticleSummary> = before
                .iter()
                .copied()
                .filter(|a| a.section == old.summary.section && a.kind != Kind::Brief)
                .collect();
            reach.extend(section_neighbours(&section, slug));
        }
        reach.push(slug);
        // Pages of the corpus as it is now; removed ones are removed.
        affected.extend(reach.into_iter().filter_map(slug_now));
    }
    Some(affected)
}

/// The articles before and after `slug` in a section's listing.
fn section_neighbours<'a>(listing: &[&'a ArticleSummary], slug: &str) -> Vec<&'a str> {
    let Some(i) = listing.iter().position(|a| a.slug == slug) else {
        return Vec::new();
    };
    let before = i.checked_sub(1).map(|j| listing[j]);
    let after = listing.get(i + 1).copied();
    before
        .into_iter()
        .chain(after)
        .map(|a| a.slug.as_str())
        .collect()
}

/// `site.json` as deployed: the source, or, for a deployment with a base
/// URL of its own, the source with that URL, so that share links built by
/// the app agree with the canonical URLs of the entry pages. The source
/// `site.json` is left alone.
fn deployed_site(source: &[u8], base_url: Option<&str>) -> Result<Vec<u8>, String> {
    let Some(base_url) = base_url else {
        return Ok(source.to_vec());
    };
    let mut site: serde_json::Value = serde_json::from_slice(source).map_err(|e| e.to_string())?;
    site["base_url"] = serde_json::Value::String(base_url.to_owned());
    let text = serde_json::to_string_pretty(&site).map_err(|e| e.to_string())?;
    Ok((text + "\n").into_bytes())
}

/// What hosts that look for the nearest `404.html` (Cloudflare Pages) or are
/// told to (Netlify) serve, with status 404, for a missing content file: the
/// app then reports "not found" instead of failing to parse a page of HTML.
const CONTENT_NOT_FOUND: &str = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
<meta name=\"robots\" content=\"noindex\"><title>Not found</title><p>Not found.</p></html>\n";

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
