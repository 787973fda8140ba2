//! Loading and validating the whole corpus, reading again only the article
//! files that changed since a previous build ([`Cache`]).

use crate::at;
use crate::fingerprint::{hash_bytes, FastMap, Key, Stamp};
use crate::image_sizes::{self, ImageSizer};
use crate::parallel;
use folio_content::listing::sort_newest_first;
use folio_content::related::Reading;
use folio_content::{
    decode_article, decode_site, markdown, validate, Article, ArticleSummary, Site,
};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// A validated corpus: the site index and every article's summary, newest
/// first. Bodies are not kept: at 100,000 articles they would be gigabytes,
/// and only the feeds need a few of them again ([`Corpus::article`]).
pub(crate) struct Corpus {
    pub(crate) site: Site,
    pub(crate) articles: Vec<ArticleSummary>,
    /// What else the build knows of each article file, by slug.
    pub(crate) sources: FastMap<String, Source>,
    /// The stamps of the local images articles show (`None`: missing).
    pub(crate) images: BTreeMap<String, Option<Stamp>>,
    /// The hash of each summary, in the order of `articles`.
    summary_hashes: Vec<u64>,
    content: PathBuf,
}

/// What the build knows of one article file besides its summary: enough
/// to tell whether it changed, and to rank and size without reading it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Source {
    /// The file's stamp when it was read.
    pub(crate) stamp: Stamp,
    /// The hash of the file's bytes (its page and feed entries show them).
    pub(crate) hash: u64,
    /// The hash of its summary (what listings, cards and feeds show of it).
    pub(crate) summary: u64,
    /// The editor's related picks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) related: Vec<String>,
    /// The local images its page and summary give sizes of (hero, body),
    /// as paths under the public root.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) images: Vec<String>,
}

/// One article as a build knew it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Known {
    pub(crate) source: Source,
    pub(crate) summary: ArticleSummary,
}

/// What a build knew of the corpus, kept in its manifest so that the next
/// build reads only the files that changed.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Cache {
    /// When that build started: files written that close to it are read
    /// again ([`Stamp::racy`]).
    pub(crate) started: (i64, u32),
    /// Every article, by slug.
    pub(crate) articles: BTreeMap<String, Known>,
    /// The images they show.
    pub(crate) images: BTreeMap<String, Option<Stamp>>,
}

/// What changed since the cache a corpus was loaded with.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    /// Articles that are new or whose file, or an image they show, changed.
    pub(crate) changed: BTreeSet<String>,
    /// The previous version of every changed or removed article that the
    /// cache knew.
    pub(crate) before: BTreeMap<String, Known>,
}

impl Changes {
    /// How many articles were added, edited or removed.
    pub(crate) fn count(&self) -> usize {
        let edited = self
            .changed
            .iter()
            .filter(|s| self.before.contains_key(*s))
            .count();
        self.changed.len() + self.before.len() - edited
    }
}

impl Corpus {
    /// The file of one article.
    pub(crate) fn article_file(&self, slug: &str) -> PathBuf {
        self.content.join("articles").join(format!("{slug}.json"))
    }

    /// The directory that content paths such as `images/port.svg` are
    /// relative to: the parent of the content directory (`public/`).
    pub(crate) fn public_root(&self) -> &Path {
        public_root(&self.content)
    }

    /// Reads one article again, body included.
    pub(crate) fn article(&self, slug: &str) -> Result<Article, String> {
        let path = self.article_file(slug);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        decode_article(&text).map_err(at(&path))
    }

    /// The source facts of an article of this corpus.
    pub(crate) fn source(&self, slug: &str) -> &Source {
        &self.sources[slug]
    }

    /// `key` with the summaries of `items` added, then their number (so
    /// that lists added one after another cannot run into each other):
    /// what a page or file showing them depends on.
    pub(crate) fn with_summaries<'s>(
        &self,
        key: Key,
        items: impl IntoIterator<Item = &'s ArticleSummary>,
    ) -> Key {
        let (key, n) = items.into_iter().fold((key, 0usize), |(key, n), a| {
            (key.add(&self.summary_hash(a)), n + 1)
        });
        key.add(&n)
    }

    /// The hash of an article's summary. Listings and pages borrow the
    /// corpus's own summaries, hundreds of thousands of times per build:
    /// those are found by their place in it, copies by their slug.
    fn summary_hash(&self, a: &ArticleSummary) -> u64 {
        let offset =
            (a as *const ArticleSummary as usize).wrapping_sub(self.articles.as_ptr() as usize);
        let at = offset / std::mem::size_of::<ArticleSummary>().max(1);
        match self.articles.get(at) {
            Some(own) if std::ptr::eq(own, a) => self.summary_hashes[at],
            _ => self.source(&a.slug).summary,
        }
    }

    /// What ranking its related stories needs of an article.
    pub(crate) fn reading<'a>(&'a self, summary: &'a ArticleSummary) -> Reading<'a> {
        reading(summary, &self.sources[summary.slug.as_str()].related)
    }

    /// What this corpus lets the next build skip reading, as a [`Cache`]
    /// is written (borrowed: a large corpus is not copied to be saved).
    pub(crate) fn cache(&self, started: (i64, u32)) -> CacheView<'_> {
        CacheView {
            started,
            articles: ArticlesView(self),
            images: &self.images,
        }
    }
}

/// A [`Cache`] to be written, borrowed from a corpus.
#[derive(Serialize)]
pub(crate) struct CacheView<'a> {
    started: (i64, u32),
    articles: ArticlesView<'a>,
    images: &'a BTreeMap<String, Option<Stamp>>,
}

/// A corpus's articles as [`Cache::articles`] reads them.
pub(crate) struct ArticlesView<'a>(&'a Corpus);

impl Serialize for ArticlesView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct KnownView<'a> {
            source: &'a Source,
            summary: &'a ArticleSummary,
        }
        let corpus = self.0;
        serializer.collect_map(corpus.articles.iter().map(|a| {
            let known = KnownView {
                source: corpus.source(&a.slug),
                summary: a,
            };
            (&a.slug, known)
        }))
    }
}

/// What ranking needs of an article: its summary and the editor's picks
/// (the same fields as `Reading::of` takes from the whole article).
pub(crate) fn reading<'a>(summary: &'a ArticleSummary, picks: &'a [String]) -> Reading<'a> {
    Reading {
        slug: &summary.slug,
        section: &summary.section,
        tags: &summary.tags,
        published_unix: summary.published.unix(),
        explicit: picks,
    }
}

/// One thing wrong with one file, printed as `path: reason`.
pub(crate) struct Problem {
    path: PathBuf,
    reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Prints every problem, then how many, on stderr.
pub(crate) fn print_problems(problems: &[Problem]) {
    for p in problems {
        eprintln!("{p}");
    }
    eprintln!(
        "folio-publish: {} problem(s); nothing written",
        problems.len()
    );
}

fn problem(path: &Path, reason: impl Into<String>) -> Problem {
    Problem {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

fn public_root(content: &Path) -> &Path {
    content.parent().unwrap_or(content)
}

/// Whether a relative image path points at a file under the public root.
pub(crate) fn image_exists(public_root: &Path, src: &str) -> bool {
    if src.starts_with("http://") || src.starts_with("https://") {
        return true;
    }
    public_root.join(src.trim_start_matches('/')).is_file()
}

/// What one article file yields: what the build keeps of it if it could
/// be decoded, and every problem found in it alone.
struct FileResult {
    article: Option<Known>,
    problems: Vec<Problem>,
}

/// Decodes and checks one article file: everything that needs no other
/// article (uniqueness and related links are checked afterwards).
fn check_file(path: &Path, site: Option<&Site>, sizer: &ImageSizer) -> FileResult {
    let public_root = sizer.root();
    let mut problems = Vec::new();
    let failed = |reason: String| FileResult {
        article: None,
        problems: vec![problem(path, reason)],
    };
    // Stamped before reading: a write while it is read makes the next
    // build read it again.
    let stamp = match std::fs::metadata(path) {
        Ok(meta) => Stamp::of(&meta),
        Err(e) => return failed(format!("cannot read: {e}")),
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return failed(format!("cannot read: {e}")),
    };
    let article = match decode_article(&text) {
        Ok(a) => a,
        Err(e) => return failed(e.to_string()),
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != article.slug {
        problems.push(problem(
            path,
            format!("slug `{}` does not match the file name", article.slug),
        ));
    }
    if let Some(site) = site {
        for reason in validate::article_in_site(&article, site) {
            problems.push(problem(path, reason));
        }
    }
    if let Some(hero) = &article.hero {
        if !image_exists(public_root, &hero.src) {
            problems.push(problem(
                path,
                format!("hero image `{}` does not exist", hero.src),
            ));
        }
    }
    let mut summary = article.summary();
    // Cards reserve the hero's space: its size from the file when the
    // article does not give it.
    if let Some(hero) = summary
        .hero
        .as_mut()
        .filter(|h| h.width.is_none() || h.height.is_none())
    {
        if let Some([w, h]) = sizer.size(&hero.src) {
            (hero.width, hero.height) = (Some(w), Some(h));
        }
    }
    let mut images: Vec<String> = article
        .hero
        .iter()
        .map(|h| h.src.clone())
        .chain(markdown::image_urls(&article.body))
        .filter_map(|src| image_sizes::local(&src).map(str::to_owned))
        .collect();
    images.sort();
    images.dedup();
    let summary_json = serde_json::to_vec(&summary).unwrap_or_default();
    let source = Source {
        stamp,
        hash: hash_bytes(text.as_bytes()),
        summary: hash_bytes(&summary_json),
        related: article.related,
        images,
    };
    FileResult {
        article: Some(Known { source, summary }),
        problems,
    }
}

/// Reads `site.json` and `articles/*.json` under `content`, checking each
/// file alone and the corpus as a whole (unique slugs, known sections,
/// existing related articles and images). Returns every problem, not the
/// first, in file-name order. Files are decoded on every core.
pub(crate) fn load(content: &Path) -> Result<Corpus, Vec<Problem>> {
    load_with(content, scan(content, false), None).map(|(corpus, _)| corpus)
}

/// The article files of a corpus, in file-name order, with their stamps
/// if asked: the part of loading that needs no cache, which a build does
/// while it reads its manifest.
pub(crate) struct Scan {
    paths: Vec<PathBuf>,
    stamps: Option<Vec<Option<Stamp>>>,
    problem: Option<Problem>,
}

/// Lists (and, if `stamp`, stamps) the article files under `content`.
pub(crate) fn scan(content: &Path, stamp: bool) -> Scan {
    let dir = content.join("articles");
    let (mut paths, problem) = match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            (paths, None)
        }
        Err(e) => (
            Vec::new(),
            Some(problem(&dir, format!("cannot list articles: {e}"))),
        ),
    };
    // As strings: comparing paths component by component is slower.
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    let stamps = stamp.then(|| stamp_all(&paths));
    Scan {
        paths,
        stamps,
        problem,
    }
}

/// [`load`], reading only the article files that changed since `cache`
/// was made (by their stamps, and the stamps of the images they show);
/// the others are taken from it as they were checked then. The cache must
/// come from a build with the same `site.json` (articles are checked
/// against it).
pub(crate) fn load_with(
    content: &Path,
    scan: Scan,
    cache: Option<Cache>,
) -> Result<(Corpus, Changes), Vec<Problem>> {
    let mut problems = Vec::new();
    let site_path = content.join("site.json");
    let site = match std::fs::read_to_string(&site_path) {
        Ok(text) => match decode_site(&text) {
            Ok(site) => Some(site),
            Err(e) => {
                problems.push(problem(&site_path, e.to_string()));
                None
            }
        },
        Err(e) => {
            problems.push(problem(&site_path, format!("cannot read: {e}")));
            None
        }
    };
    let public_root = public_root(content);

    problems.extend(scan.problem);
    let paths = scan.paths;

    let mut cache = cache.unwrap_or_default();
    let image_stamps = stamp_images(public_root, cache.images.keys());
    let moved: BTreeSet<&str> = image_stamps
        .iter()
        .filter(|(path, stamp)| cache.images.get(*path) != Some(stamp))
        .map(|(path, _)| path.as_str())
        .collect();
    // The cached articles still to be trusted: same stamp, not written
    // near the last build, showing no image that changed.
    let stamps = match scan.stamps {
        Some(stamps) => stamps,
        // Nothing to compare them with.
        None if cache.articles.is_empty() => vec![None; paths.len()],
        None => stamp_all(&paths),
    };
    let started = cache.started;
    let mut reuse = vec![false; paths.len()];
    for ((path, stamp), reuse) in paths.iter().zip(&stamps).zip(&mut reuse) {
        let slug = slug_of(path);
        *reuse = cache.articles.get(slug).is_some_and(|k| {
            Some(k.source.stamp) == *stamp
                && !k.source.stamp.racy(started)
                && !k.source.images.iter().any(|i| moved.contains(i.as_str()))
        });
    }
    let sizer = ImageSizer::new(public_root);
    let jobs: Vec<usize> = (0..paths.len()).filter(|&i| !reuse[i]).collect();
    let decoded = parallel::map(&jobs, |&i| check_file(&paths[i], site.as_ref(), &sizer));
    let mut decoded = jobs.into_iter().zip(decoded);

    let mut changes = Changes::default();
    let mut known = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        let slug = slug_of(path);
        let cached = cache.articles.remove(slug);
        if reuse[i] {
            known.push((path, cached.expect("reused articles are cached")));
            continue;
        }
        let Some((_, result)) = decoded.next() else {
            unreachable!("every article not reused is decoded")
        };
        problems.extend(result.problems);
        let Some(article) = result.article else {
            continue;
        };
        let same = cached.as_ref().is_some_and(|c| {
            let (mut was, now) = (c.source.clone(), &article.source);
            was.stamp = now.stamp;
            was == *now && !now.images.iter().any(|i| moved.contains(i.as_str()))
        });
        if !same {
            changes.changed.insert(article.summary.slug.clone());
            if let Some(cached) = cached {
                changes.before.insert(slug.to_owned(), cached);
            }
        }
        known.push((path, article));
    }
    // What is left in the cache was removed.
    changes.before.append(&mut cache.articles);

    let mut articles = Vec::with_capacity(known.len());
    let mut sources = FastMap::with_capacity_and_hasher(known.len(), Default::default());
    // Each slug and the file that has it.
    let mut slugs: HashMap<String, &Path> = HashMap::with_capacity(known.len());
    let mut order = Vec::with_capacity(known.len());
    for (path, Known { source, summary }) in known {
        if let Some(first) = slugs.insert(summary.slug.clone(), path) {
            let name = first.file_name().unwrap_or_default().to_string_lossy();
            problems.push(problem(
                path,
                format!("slug `{}` is also used by {name}", summary.slug),
            ));
        }
        order.push((path, summary.slug.clone()));
        sources.insert(summary.slug.clone(), source);
        articles.push(summary);
    }
    for (path, slug) in &order {
        for pick in &sources[slug].related {
            if !slugs.contains_key(pick) {
                problems.push(problem(
                    path,
                    format!("related article `{pick}` does not exist"),
                ));
            }
        }
    }
    match site {
        Some(site) if problems.is_empty() => {
            sort_newest_first(&mut articles);
            let summary_hashes = articles.iter().map(|a| sources[&a.slug].summary).collect();
            let mut images = image_stamps;
            let shown: BTreeSet<&String> = sources.values().flat_map(|s| &s.images).collect();
            images.retain(|path, _| shown.contains(path));
            let new: Vec<&String> = shown
                .into_iter()
                .filter(|p| !images.contains_key(*p))
                .collect();
            images.extend(stamp_images(public_root, new));
            Ok((
                Corpus {
                    site,
                    articles,
                    sources,
                    images,
                    summary_hashes,
                    content: content.to_owned(),
                },
                changes,
            ))
        }
        _ => Err(problems),
    }
}

/// The stamps of many files. When the file system's records are not in
/// memory (after a restart), stamping 100,000 article files one after
/// another waits on the disk for about 3 s: many threads wait together.
fn stamp_all(paths: &[PathBuf]) -> Vec<Option<Stamp>> {
    const THREADS: usize = 32;
    let mut stamps = vec![None; paths.len()];
    let chunk = paths.len().div_ceil(THREADS).max(1);
    std::thread::scope(|scope| {
        for (paths, stamps) in paths.chunks(chunk).zip(stamps.chunks_mut(chunk)) {
            scope.spawn(move || {
                for (path, stamp) in paths.iter().zip(stamps) {
                    *stamp = Stamp::read(path);
                }
            });
        }
    });
    stamps
}

/// The file stem of an article path: its slug, if it is valid.
fn slug_of(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// The stamps of images under the public root.
fn stamp_images<'a>(
    root: &Path,
    paths: impl IntoIterator<Item = &'a String>,
) -> BTreeMap<String, Option<Stamp>> {
    paths
        .into_iter()
        .map(|p| (p.clone(), Stamp::read(&root.join(p))))
        .collect()
}
