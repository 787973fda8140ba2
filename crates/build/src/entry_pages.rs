//! Static entry pages: one HTML file per article, section, kind, "latest",
//! the front page, the library, search and the not-found page. Each is the
//! app loader carrying its page's title, description, canonical URL and
//! share tags, so a crawler that does not run JavaScript sees the right
//! preview and a reader's browser boots the app on the same URL.

use crate::corpus::Corpus;
use crate::meta::{clip, ArticleFacts, FeedLink, PageMeta, PreviewImage};
use crate::og_images::{self, OgImages};
use crate::parallel;
use crate::template::Template;
use crate::urls::{Feed, Page, Urls};
use folio_content::{ArticleSummary, Kind};
use std::io;
use std::path::Path;

/// Descriptions longer than this are clipped; previews show about 200 characters.
const DESCRIPTION_CHARS: usize = 200;

/// Every page except articles and the not-found page: the front page,
/// "latest", each section, and each kind of piece that has a listing.
pub(crate) fn listing_pages(corpus: &Corpus) -> Vec<Page<'_>> {
    let mut pages = vec![Page::Home, Page::Latest];
    pages.extend(corpus.site.sections.iter().map(|s| Page::Section(&s.slug)));
    // Kind listings exist only for kinds with stories, except briefs, whose
    // listing is always written (see `listings::write`).
    pages.extend(
        Kind::ALL
            .into_iter()
            .filter(|&k| k == Kind::Brief || corpus.articles.iter().any(|a| a.kind == k))
            .map(Page::Kind),
    );
    pages
}

/// Builds page metadata from the corpus and public URLs.
pub(crate) struct Describer<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) urls: &'a Urls,
    /// The loader's own description, for a site without a tagline.
    pub(crate) fallback_description: &'a str,
    /// PNG previews of SVG heroes (empty when they are not rendered).
    pub(crate) og_images: &'a OgImages,
}

impl Describer<'_> {
    fn titled(&self, title: &str) -> String {
        format!("{title} — {}", self.corpus.site.name)
    }

    fn site_description(&self) -> String {
        let tagline = self.corpus.site.tagline.trim();
        if tagline.is_empty() {
            self.fallback_description
        } else {
            tagline
        }
        .to_owned()
    }

    /// The site feed, and a section's feed when the page belongs to one.
    fn feeds(&self, section: Option<&str>) -> Vec<FeedLink> {
        let site = &self.corpus.site;
        let mut feeds = vec![FeedLink {
            title: site.name.clone(),
            url: self.urls.feed(Feed::Site),
        }];
        if let Some(slug) = section {
            feeds.push(FeedLink {
                title: format!("{} — {}", site.name, site.section_name(slug)),
                url: self.urls.feed(Feed::Section(slug)),
            });
        }
        feeds
    }

    /// The metadata of any page (articles are found by slug).
    pub(crate) fn page(&self, page: Page<'_>) -> PageMeta {
        let site = &self.corpus.site;
        let (title, share_title, description) = match page {
            Page::Home => (
                site.name.clone(),
                site.name.clone(),
                self.site_description(),
            ),
            Page::Latest => (
                self.titled("Latest"),
                "Latest".to_owned(),
                "Every story, newest first.".to_owned(),
            ),
            Page::Section(slug) => {
                let section = site.section(slug);
                let name = site.section_name(slug).to_owned();
                let description = section
                    .map(|s| s.description.clone())
                    .filter(|d| !d.trim().is_empty());
                (
                    self.titled(&name),
                    name,
                    description.unwrap_or_else(|| self.site_description()),
                )
            }
            Page::Kind(kind) => (
                self.titled(kind.plural()),
                kind.plural().to_owned(),
                format!("Every {} piece, newest first.", kind.label().to_lowercase()),
            ),
            Page::Article(slug) => {
                return match self.corpus.articles.iter().find(|a| a.slug == slug) {
                    Some(a) => self.article(a),
                    None => self.page(Page::NotFound),
                }
            }
            // Pages whose content exists only in the reader's browser: a
            // title for the tab, kept out of search engines.
            Page::Library | Page::Search | Page::NotFound => {
                let title = match page {
                    Page::Library => "Your library",
                    Page::Search => "Search",
                    _ => "Page not found",
                };
                return PageMeta {
                    title: self.titled(title),
                    noindex: true,
                    ..PageMeta::default()
                };
            }
        };
        let section = match page {
            Page::Section(slug) => Some(slug),
            _ => None,
        };
        PageMeta {
            title,
            share_title,
            description: clip(&description, DESCRIPTION_CHARS),
            canonical: Some(self.urls.page(page)),
            feeds: self.feeds(section),
            ..PageMeta::default()
        }
    }

    /// The image a link preview shows: the PNG rendered from an SVG hero,
    /// none if that SVG could not be rendered, else the hero as it is.
    fn preview_image(&self, a: &ArticleSummary) -> Option<PreviewImage> {
        let hero = a.hero.as_ref()?;
        let (url, width, height, mime) = match self.og_images.preview(&a.slug) {
            Some(Some(png)) => (
                self.urls.asset(&png.file),
                Some(png.width),
                Some(png.height),
                Some("image/png"),
            ),
            Some(None) => return None,
            None => (
                self.urls.asset(&hero.src),
                hero.width,
                hero.height,
                og_images::image_type(&hero.src),
            ),
        };
        Some(PreviewImage {
            url,
            alt: hero.alt.clone(),
            width,
            height,
            mime,
        })
    }

    /// The metadata of an article's page.
    pub(crate) fn article(&self, a: &ArticleSummary) -> PageMeta {
        let site = &self.corpus.site;
        let description = if !a.dek.trim().is_empty() {
            a.dek.clone()
        } else if let Some(teaser) = a.teaser.as_deref().filter(|t| !t.trim().is_empty()) {
            teaser.to_owned()
        } else {
            self.site_description()
        };
        PageMeta {
            title: self.titled(&a.headline),
            share_title: a.headline.clone(),
            description: clip(&description, DESCRIPTION_CHARS),
            canonical: Some(self.urls.page(Page::Article(&a.slug))),
            image: self.preview_image(a),
            article: Some(ArticleFacts {
                published: a.published.as_str().to_owned(),
                modified: a.last_modified().as_str().to_owned(),
                section: site.section_name(&a.section).to_owned(),
                tags: a.tags.clone(),
                authors: a.authors.clone(),
            }),
            feeds: self.feeds(Some(&a.section)),
            noindex: false,
            preload: Some(folio_content::paths::article(&a.slug)),
        }
    }
}

/// Writes every entry page under `dist`, returning how many files and bytes.
pub(crate) fn write(
    describer: &Describer<'_>,
    template: &Template,
    dist: &Path,
) -> io::Result<(usize, u64)> {
    let site_name = &describer.corpus.site.name;
    let write_page = |page: Page<'_>, meta: PageMeta| -> io::Result<u64> {
        let html = template.render(&meta.to_html(site_name));
        std::fs::write(dist.join(page.file()), &html)?;
        Ok(html.len() as u64)
    };
    for dir in ["articles", "sections", "kinds"] {
        std::fs::create_dir_all(dist.join(dir))?;
    }
    let mut files = 0;
    let mut bytes = 0;
    let mut others = listing_pages(describer.corpus);
    // Every route of the app gets a file, so a static host answers each with
    // status 200 and keeps 404.html (also the app) for unknown paths.
    others.extend([Page::Library, Page::Search, Page::NotFound]);
    for page in others {
        bytes += write_page(page, describer.page(page))?;
        files += 1;
    }
    let written = parallel::map(&describer.corpus.articles, |a| {
        write_page(Page::Article(&a.slug), describer.article(a))
    });
    for result in written {
        bytes += result?;
        files += 1;
    }
    Ok((files, bytes))
}
