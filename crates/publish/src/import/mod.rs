//! `folio-publish import`: articles from a WordPress export
//! ([`wordpress`]) or a folder of markdown files with front matter
//! ([`markdown`]), written into a content directory.
//!
//! Each source turns its items into [`Candidate`]s; the [`Importer`] here
//! gives them what the source lacked (kind, byline, section from the
//! command line), adds sections the site does not have to `site.json`,
//! refuses slugs that exist unless told to update them, checks each article
//! with the content format's own rules before writing it, and validates the
//! whole corpus at the end as `folio-publish content` does. Every item not
//! written gets one `origin: reason` line; the rest still imports.

mod args;
mod front_matter;
pub(crate) mod html_to_markdown;
mod markdown;
mod site_file;
mod wordpress;

use crate::corpus;
use folio_content::paths::name_slug;
use folio_content::{decode_article, decode_site, Article, Image, Kind, Section, Site, Timestamp};
use html_to_markdown::Dropped;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub(crate) use args::parse;

/// Where articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// WordPress REST API exports (`/wp-json/wp/v2/posts?_embed`), one JSON
    /// array of posts per file.
    WordPress(Vec<PathBuf>),
    /// A folder of `.md` files with YAML or TOML front matter.
    Markdown(PathBuf),
}

/// What an import was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    pub(crate) source: Source,
    /// The content directory (`public/content`), holding `site.json`.
    pub(crate) content: PathBuf,
    /// Whether an article whose slug exists is replaced.
    pub(crate) update: bool,
    /// The kind of piece for items that do not say (`kind:` in front matter).
    pub(crate) kind: Kind,
    /// The byline of items that have no author.
    pub(crate) author: Option<String>,
    /// The section of items that have no category.
    pub(crate) section: Option<String>,
}

/// A section an item asks for: its slug and the name a new one gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WantedSection {
    pub(crate) slug: String,
    pub(crate) name: String,
}

impl WantedSection {
    /// From a category as a writer wrote it: `Science notes`, or a slug
    /// such as `science-notes` (then named `Science notes`).
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        let slug = name_slug(name);
        if slug.is_empty() {
            return None;
        }
        let name = if name == slug {
            let spaced = slug.replace('-', " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        } else {
            name.to_owned()
        };
        Some(WantedSection { slug, name })
    }
}

/// One article as a source read it, before the importer checks it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Where it came from, for report lines: `posts-1.json#post-12`.
    pub(crate) origin: String,
    pub(crate) slug: String,
    pub(crate) kind: Option<Kind>,
    pub(crate) kicker: Option<String>,
    pub(crate) headline: String,
    pub(crate) dek: String,
    pub(crate) authors: Vec<String>,
    pub(crate) published: Timestamp,
    pub(crate) updated: Option<Timestamp>,
    pub(crate) hero: Option<Image>,
    pub(crate) tags: Vec<String>,
    pub(crate) body: String,
    pub(crate) section: Option<WantedSection>,
    /// Hostile fragments left out of the body.
    pub(crate) dropped: Dropped,
    /// Things a writer should know that did not stop the import.
    pub(crate) notes: Vec<String>,
    /// Files to copy once the article is accepted: from, and to (relative
    /// to the public folder, as the hero names it).
    pub(crate) copies: Vec<(PathBuf, String)>,
}

/// Why an item was not written: a kind, counted in the summary, and the
/// reason on its report line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Skip {
    pub(crate) kind: SkipKind,
    pub(crate) reason: String,
}

/// The kinds of skip the summary counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SkipKind {
    /// A draft, a private or password-protected post: left out on purpose.
    NotPublished,
    /// Its slug exists and `--update` was not given.
    Exists,
    /// Another item of this import has its slug.
    Duplicate,
    /// Broken: unreadable, malformed, or breaks the content format's rules.
    Failed,
}

impl SkipKind {
    fn label(self) -> &'static str {
        match self {
            SkipKind::NotPublished => "not published",
            SkipKind::Exists => "existing",
            SkipKind::Duplicate => "duplicate",
            SkipKind::Failed => "failed",
        }
    }
}

impl Skip {
    pub(crate) fn failed(reason: impl Into<String>) -> Self {
        Skip {
            kind: SkipKind::Failed,
            reason: reason.into(),
        }
    }

    pub(crate) fn not_published(reason: impl Into<String>) -> Self {
        Skip {
            kind: SkipKind::NotPublished,
            reason: reason.into(),
        }
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// `origin: reason` for every item not written, and notes, in order.
    pub(crate) lines: Vec<String>,
    /// Sections added to `site.json`.
    pub(crate) sections_added: Vec<Section>,
    pub(crate) imported: usize,
    pub(crate) updated: usize,
    pub(crate) skipped: BTreeMap<SkipKind, usize>,
    pub(crate) dropped: Dropped,
    /// Origins of absolute image URLs the site's security policy does not
    /// allow (`image_hosts`).
    pub(crate) image_origins: BTreeSet<String>,
    /// Problems `folio-publish content` would report after the import (none,
    /// unless the importer has a bug).
    pub(crate) problems: Vec<String>,
}

impl Report {
    /// The closing line: `imported 3, updated 1, skipped 4 (2 not
    /// published, 1 existing, 1 failed), hostile fragments dropped 5
    /// (event handler 3, script 2)`.
    pub(crate) fn summary(&self) -> String {
        let skipped: usize = self.skipped.values().sum();
        let mut line = format!(
            "folio-publish: import: imported {}, updated {}, skipped {skipped}",
            self.imported, self.updated
        );
        if skipped > 0 {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(kind, n)| format!("{n} {}", kind.label()))
                .collect();
            let _ = write!(line, " ({})", parts.join(", "));
        }
        let _ = write!(line, ", hostile fragments dropped {}", self.dropped.total());
        if self.dropped.total() > 0 {
            let _ = write!(line, " ({})", self.dropped);
        }
        if !self.sections_added.is_empty() {
            let _ = write!(line, ", sections added {}", self.sections_added.len());
        }
        line
    }

    /// Whether nothing could be done: something failed and nothing was
    /// written (the tool then exits non-zero), or the result does not
    /// validate.
    pub(crate) fn failed(&self) -> bool {
        let failures = self.skipped.get(&SkipKind::Failed).copied().unwrap_or(0);
        (failures > 0 && self.imported + self.updated == 0) || !self.problems.is_empty()
    }

    fn skip(&mut self, origin: &str, skip: Skip) {
        *self.skipped.entry(skip.kind).or_default() += 1;
        self.lines.push(format!("{origin}: {}", skip.reason));
    }

    fn note(&mut self, origin: &str, note: &str) {
        self.lines.push(format!("{origin}: note: {note}"));
    }
}

/// Runs an import. `Err` means nothing could be started (the content
/// directory is missing or does not validate); everything else is in the
/// report.
pub(crate) fn run(options: &Options) -> Result<Report, String> {
    let mut importer = Importer::open(options)?;
    match &options.source {
        Source::WordPress(files) => wordpress::import(files, &mut importer),
        Source::Markdown(dir) => markdown::import(dir, &mut importer),
    }
    Ok(importer.finish())
}

/// Checks and writes candidates into one content directory.
pub(crate) struct Importer {
    content: PathBuf,
    site_path: PathBuf,
    site: Site,
    /// Slugs that were in the corpus before the import.
    existing: BTreeSet<String>,
    /// Slugs written by this import, and where each came from.
    written: HashMap<String, String>,
    options: Options,
    report: Report,
}

impl Importer {
    /// Opens a content directory that validates as it stands, so that what
    /// the import adds is all a later problem could come from.
    fn open(options: &Options) -> Result<Self, String> {
        let content = options.content.clone();
        // A new site may have its site.json and no articles yet.
        if content.join("site.json").is_file() {
            let _ = std::fs::create_dir_all(content.join("articles"));
        }
        let corpus = corpus::load(&content).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!(
                "the content directory must validate before an import; nothing imported:\n{}",
                lines.join("\n")
            )
        })?;
        Ok(Importer {
            site_path: content.join("site.json"),
            existing: corpus.articles.iter().map(|a| a.slug.clone()).collect(),
            site: corpus.site,
            content,
            written: HashMap::new(),
            options: options.clone(),
            report: Report::default(),
        })
    }

    /// The folder that site-relative image paths (`images/x.jpg`) are in.
    pub(crate) fn public_root(&self) -> &Path {
        self.content.parent().unwrap_or(&self.content)
    }

    /// Records an item that was not imported.
    pub(crate) fn skip(&mut self, origin: &str, skip: Skip) {
        self.report.skip(origin, skip);
    }

    /// Checks one candidate and writes it, or records why not.
    pub(crate) fn offer(&mut self, candidate: Candidate) {
        let origin = candidate.origin.clone();
        match self.accept(candidate) {
            Ok(()) => {}
            Err(skip) => self.report.skip(&origin, skip),
        }
    }

    fn accept(&mut self, c: Candidate) -> Result<(), Skip> {
        if !folio_content::validate::is_slug(&c.slug) {
            return Err(Skip::failed(format!(
                "no usable slug (`{}`): give one in the front matter",
                c.slug
            )));
        }
        if let Some(first) = self.written.get(&c.slug) {
            return Err(Skip {
                kind: SkipKind::Duplicate,
                reason: format!("slug `{}` is also imported from {first}", c.slug),
            });
        }
        let exists = self.existing.contains(&c.slug);
        if exists && !self.options.update {
            return Err(Skip {
                kind: SkipKind::Exists,
                reason: format!("article `{}` already exists (--update replaces it)", c.slug),
            });
        }
        let kind = c.kind.unwrap_or(self.options.kind);
        let mut authors = c.authors;
        if authors.is_empty() {
            authors.extend(self.options.author.clone());
        }
        if authors.is_empty() && kind != Kind::Brief {
            return Err(Skip::failed(
                "no author: give one with --author (every article except a brief needs a byline)",
            ));
        }
        let wanted = c.section.or_else(|| {
            self.options
                .section
                .as_deref()
                .and_then(WantedSection::from_name)
        });
        let Some(wanted) = wanted else {
            return Err(Skip::failed(
                "no category or section: give one with --section",
            ));
        };
        let (section, new_section) = self.resolve_section(&wanted);
        let mut article = Article {
            version: folio_content::FORMAT_VERSION,
            slug: c.slug,
            section,
            kind,
            kicker: c.kicker,
            headline: c.headline,
            dek: c.dek,
            authors,
            updated: c.updated.filter(|u| u.unix() > c.published.unix()),
            published: c.published,
            hero: c.hero,
            tags: c.tags,
            body: c.body,
            related: Vec::new(),
        };
        if exists {
            // What only the editor set is kept: their picks and kicker.
            let old = self.read_existing(&article.slug)?;
            article.related = old.related;
            article.kicker = article.kicker.or(old.kicker);
        }
        let json = serde_json::to_string_pretty(&article)
            .map_err(|e| Skip::failed(format!("cannot write JSON: {e}")))?
            + "\n";
        // The content format's own rules, exactly as `folio-publish content`
        // applies them to the file.
        decode_article(&json).map_err(|e| Skip::failed(e.to_string()))?;
        if let Some(hero) = &article.hero {
            let copied = c.copies.iter().any(|(_, to)| *to == hero.src);
            if !copied && !corpus::image_exists(self.public_root(), &hero.src) {
                return Err(Skip::failed(format!(
                    "hero image `{}` does not exist",
                    hero.src
                )));
            }
        }
        for (from, to) in &c.copies {
            let target = self.public_root().join(to);
            target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::copy(from, &target))
                .map_err(|e| Skip::failed(format!("cannot copy {}: {e}", from.display())))?;
        }
        if let Some(section) = new_section {
            self.add_section(section)?;
        }
        let dir = self.content.join("articles");
        let path = dir.join(format!("{}.json", article.slug));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, json))
            .map_err(|e| Skip::failed(format!("{}: cannot write: {e}", path.display())))?;
        for note in &c.notes {
            self.report.note(&c.origin, note);
        }
        self.note_image_origins(&article);
        self.report.dropped.merge(&c.dropped);
        if exists {
            self.report.updated += 1;
        } else {
            self.report.imported += 1;
        }
        self.written.insert(article.slug, c.origin);
        Ok(())
    }

    fn read_existing(&self, slug: &str) -> Result<Article, Skip> {
        let path = self.content.join("articles").join(format!("{slug}.json"));
        std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| decode_article(&text).map_err(|e| e.to_string()))
            .map_err(|e| Skip::failed(format!("{}: {e}", path.display())))
    }

    /// The site's section for `wanted`: the one with its slug, else the one
    /// with its name ("Global Economy" is `economy` if the site calls that
    /// section so), else a new one to add.
    fn resolve_section(&self, wanted: &WantedSection) -> (String, Option<Section>) {
        if self.site.section(&wanted.slug).is_some() {
            return (wanted.slug.clone(), None);
        }
        let by_name = self.site.sections.iter().find(|s| {
            let name = name_slug(&s.name);
            name == wanted.slug || name == name_slug(&wanted.name)
        });
        match by_name {
            Some(section) => (section.slug.clone(), None),
            None => (
                wanted.slug.clone(),
                Some(Section {
                    slug: wanted.slug.clone(),
                    name: wanted.name.clone(),
                    description: String::new(),
                }),
            ),
        }
    }

    fn add_section(&mut self, section: Section) -> Result<(), Skip> {
        let failed = |e: String| Skip::failed(format!("{}: {e}", self.site_path.display()));
        let text = std::fs::read_to_string(&self.site_path).map_err(|e| failed(e.to_string()))?;
        let text = site_file::add_section(&text, &section).map_err(failed)?;
        let site = decode_site(&text).map_err(|e| failed(e.to_string()))?;
        std::fs::write(&self.site_path, text).map_err(|e| failed(e.to_string()))?;
        self.site = site;
        self.report.sections_added.push(section);
        Ok(())
    }

    /// Remembers the hosts of images that pages will leave out because the
    /// site does not list them in `image_hosts`.
    fn note_image_origins(&mut self, article: &Article) {
        let hero = article.hero.iter().map(|h| h.src.clone());
        for src in hero.chain(folio_content::markdown::image_urls(&article.body)) {
            if folio_content::security::image_allowed(&src, &self.site.image_hosts) {
                continue;
            }
            if let Ok(url) = url::Url::parse(&src) {
                self.report
                    .image_origins
                    .insert(url.origin().ascii_serialization());
            }
        }
    }

    /// Validates the corpus as `folio-publish content` does and hands back
    /// the report.
    fn finish(mut self) -> Report {
        if let Err(problems) = corpus::load(&self.content) {
            self.report.problems = problems.iter().map(ToString::to_string).collect();
        }
        self.report
    }
}

/// The lines an import prints: per-item lines and notes (stderr), then the
/// sections added, the image hosts to allow, and the summary (stdout).
pub(crate) fn print(report: &Report) {
    for line in &report.lines {
        eprintln!("{line}");
    }
    for problem in &report.problems {
        eprintln!("{problem}");
    }
    for section in &report.sections_added {
        println!(
            "folio-publish: section `{}` ({}) added to site.json",
            section.slug, section.name
        );
    }
    if !report.image_origins.is_empty() {
        let origins: Vec<&str> = report.image_origins.iter().map(String::as_str).collect();
        println!(
            "folio-publish: note: images from {} are left out of pages until site.json's image_hosts lists them (https only) or they are copied under images/",
            origins.join(", ")
        );
    }
    println!("{}", report.summary());
    if !report.problems.is_empty() {
        eprintln!(
            "folio-publish: the imported corpus does not validate ({} problem(s))",
            report.problems.len()
        );
    }
}
