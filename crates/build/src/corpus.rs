//! Loading and validating the whole corpus.

use crate::at;
use crate::image_sizes::ImageSizer;
use crate::parallel;
use folio_content::listing::sort_newest_first;
use folio_content::{decode_article, decode_site, validate, Article, ArticleSummary, Site};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A validated corpus: the site index and every article's summary, newest
/// first. Bodies are not kept: at 100,000 articles they would be gigabytes,
/// and only the feeds need a few of them again ([`Corpus::article`]).
pub(crate) struct Corpus {
    pub(crate) site: Site,
    pub(crate) articles: Vec<ArticleSummary>,
    content: PathBuf,
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

/// What one article file yields: its summary and editor's picks if it could
/// be decoded, and every problem found in it alone.
struct FileResult {
    article: Option<(ArticleSummary, Vec<String>)>,
    problems: Vec<Problem>,
}

/// Decodes and checks one article file: everything that needs no other
/// article (uniqueness and related links are checked afterwards).
fn check_file(path: &Path, site: Option<&Site>, sizer: &ImageSizer) -> FileResult {
    let public_root = sizer.root();
    let mut problems = Vec::new();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return FileResult {
                article: None,
                problems: vec![problem(path, format!("cannot read: {e}"))],
            }
        }
    };
    let article = match decode_article(&text) {
        Ok(a) => a,
        Err(e) => {
            return FileResult {
                article: None,
                problems: vec![problem(path, e.to_string())],
            }
        }
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
    FileResult {
        article: Some((summary, article.related)),
        problems,
    }
}

/// Reads `site.json` and `articles/*.json` under `content`, checking each
/// file alone and the corpus as a whole (unique slugs, known sections,
/// existing related articles and images). Returns every problem, not the
/// first, in file-name order. Files are decoded on every core.
pub(crate) fn load(content: &Path) -> Result<Corpus, Vec<Problem>> {
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

    let dir = content.join("articles");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            problems.push(problem(&dir, format!("cannot list articles: {e}")));
            Vec::new()
        }
    };
    paths.sort();

    let sizer = ImageSizer::new(public_root);
    let results = parallel::map(&paths, |path| check_file(path, site.as_ref(), &sizer));
    let mut articles = Vec::with_capacity(paths.len());
    let mut related = Vec::new();
    // Each slug and the file that has it.
    let mut slugs: HashMap<String, &Path> = HashMap::with_capacity(paths.len());
    for (path, result) in paths.iter().zip(results) {
        problems.extend(result.problems);
        let Some((summary, picks)) = result.article else {
            continue;
        };
        if let Some(first) = slugs.insert(summary.slug.clone(), path) {
            let name = first.file_name().unwrap_or_default().to_string_lossy();
            problems.push(problem(
                path,
                format!("slug `{}` is also used by {name}", summary.slug),
            ));
        }
        if !picks.is_empty() {
            related.push((path, picks));
        }
        articles.push(summary);
    }
    for (path, picks) in related {
        for slug in picks {
            if !slugs.contains_key(&slug) {
                problems.push(problem(
                    path,
                    format!("related article `{slug}` does not exist"),
                ));
            }
        }
    }
    match site {
        Some(site) if problems.is_empty() => {
            sort_newest_first(&mut articles);
            Ok(Corpus {
                site,
                articles,
                content: content.to_owned(),
            })
        }
        _ => Err(problems),
    }
}
