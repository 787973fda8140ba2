//! Loading and validating the whole corpus.

use folio_content::{decode_article, decode_site, validate, ArticleSummary, Site};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// A validated corpus: the site index and every article's summary.
pub(crate) struct Corpus {
    pub(crate) site: Site,
    pub(crate) articles: Vec<ArticleSummary>,
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
    Problem { path: path.to_owned(), reason: reason.into() }
}

/// Whether a relative image path points at a file under the public root.
fn image_exists(public_root: &Path, src: &str) -> bool {
    if src.starts_with("http://") || src.starts_with("https://") {
        return true;
    }
    public_root.join(src.trim_start_matches('/')).is_file()
}

/// Reads `site.json` and `articles/*.json` under `content`, checking each
/// file alone and the corpus as a whole (unique slugs, known sections,
/// existing related articles and images). Returns every problem, not the first.
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
    let public_root = content.parent().unwrap_or(content);

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

    let mut articles = Vec::with_capacity(paths.len());
    let mut related = Vec::new();
    let mut slugs = HashSet::new();
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(problem(path, format!("cannot read: {e}")));
                continue;
            }
        };
        let article = match decode_article(&text) {
            Ok(a) => a,
            Err(e) => {
                problems.push(problem(path, e.to_string()));
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if stem != article.slug {
            problems.push(problem(path, format!("slug `{}` does not match the file name", article.slug)));
        }
        if let Some(site) = &site {
            for reason in validate::article_in_site(&article, site) {
                problems.push(problem(path, reason));
            }
        }
        if let Some(hero) = &article.hero {
            if !image_exists(public_root, &hero.src) {
                problems.push(problem(path, format!("hero image `{}` does not exist", hero.src)));
            }
        }
        if !slugs.insert(article.slug.clone()) {
            problems.push(problem(path, format!("slug `{}` is used by another article", article.slug)));
        }
        related.push((path.clone(), article.related.clone()));
        articles.push(article.summary());
    }
    for (path, slugs_wanted) in related {
        for slug in slugs_wanted {
            if !slugs.contains(&slug) {
                problems.push(problem(&path, format!("related article `{slug}` does not exist")));
            }
        }
    }
    match site {
        Some(site) if problems.is_empty() => Ok(Corpus { site, articles }),
        _ => Err(problems),
    }
}
