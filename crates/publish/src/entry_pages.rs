//! Static entry pages: one HTML file per article, page of a listing (front
//! page, "latest", sections, kinds, tags, authors), the library, search and
//! the not-found page. Each holds its page's complete readable content, pre-rendered with
//! the views the app renders (`folio-views`), and its title, description,
//! canonical URL and share tags; the app loader then takes over on the same
//! URL without redrawing what is there, and shows later pages as written
//! here. The rail's related stories are ranked over the whole site, and
//! images get their sizes from the files.

use crate::corpus::Corpus;
use crate::escape::push_escaped;
use crate::feeds;
use crate::image_sizes::ImageSizer;
use crate::listings::{self, Groups};
use crate::meta::{clip, ArticleFacts, FeedLink, PageMeta, PreviewImage};
use crate::og_images::{self, OgImages};
use crate::outputs::Outputs;
use crate::parallel;
use crate::related_index::RelatedIndex;
use crate::template::Template;
use crate::urls::{Feed, Page, Urls};
use folio_content::markdown;
use folio_content::paths::{self, Links, Listing};
use folio_content::security::image_allowed;
use folio_content::{ArticleSummary, ImageSizes, Kind, ListingPage};
use folio_views::article::{article_page, ArticleView, Neighbours};
use folio_views::front::{front_page, FrontPage};
use folio_views::i18n::{Msg, Texts};
use folio_views::listing::Heading;
use folio_views::listing::{listing_page, ListingView};
use folio_views::rail::{self, RELATED};
use folio_views::{shell, states, Ctx, Markup};
use std::collections::{HashMap, HashSet};
use std::io;

/// Descriptions longer than this are clipped; previews show about 200 characters.
const DESCRIPTION_CHARS: usize = 200;

/// Every page except articles and the not-found page: the front page,
/// "latest", each section, each kind of piece that has a listing, then each
/// tag and each author.
pub(crate) fn listing_pages<'a>(corpus: &'a Corpus, groups: &'a Groups<'_>) -> Vec<Page<'a>> {
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
    let listings = || groups.values().map(|g| &g.listing);
    pages.extend(listings().filter_map(|l| match l {
        Listing::Tag(slug) => Some(Page::Tag(slug)),
        _ => None,
    }));
    pages.extend(listings().filter_map(|l| match l {
        Listing::Author(slug) => Some(Page::Author(slug)),
        _ => None,
    }));
    pages
}

/// Builds page metadata from the corpus and public URLs.
pub(crate) struct Describer<'a> {
    pub(crate) corpus: &'a Corpus,
    /// Every listing, built once for the whole step.
    pub(crate) groups: &'a Groups<'a>,
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

    /// The site feed, and the feed of the page's section, tag or author.
    fn feeds(&self, own: Option<Feed<'_>>) -> Vec<FeedLink> {
        [Some(Feed::Site), own]
            .into_iter()
            .flatten()
            .map(|feed| FeedLink {
                title: feeds::heading(self.corpus, self.groups, feed).0,
                url: self.urls.feed(feed),
            })
            .collect()
    }

    /// The title and description of a listing's page.
    pub(crate) fn heading(&self, listing: &Listing) -> Heading {
        match self.groups.get(&listing.id()) {
            Some(group) => group.heading(&self.corpus.site),
            None => folio_views::listing::heading(
                &Texts::of_language(&self.corpus.site.language),
                &self.corpus.site,
                listing,
                None,
            ),
        }
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
            Page::Latest | Page::Kind(_) | Page::Tag(_) | Page::Author(_) => {
                let heading = listing_of(page)
                    .map(|l| self.heading(&l))
                    .unwrap_or_else(|| self.heading(&Listing::Latest));
                (
                    self.titled(&heading.title),
                    heading.title,
                    heading.description,
                )
            }
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
            Page::Paged(listing, n) => {
                let first = self.page(first_page(listing));
                let share_title = Texts::of_language(&site.language)
                    .fill(Msg::PageNumbered, &[&first.share_title, &n.to_string()]);
                return PageMeta {
                    title: self.titled(&share_title),
                    share_title,
                    canonical: Some(self.urls.page(page)),
                    ..first
                };
            }
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
                    Page::Library => Msg::YourLibrary,
                    Page::Search => Msg::Search,
                    _ => Msg::PageNotFound,
                };
                return PageMeta {
                    title: self.titled(Texts::of_language(&site.language).get(title)),
                    noindex: true,
                    ..PageMeta::default()
                };
            }
        };
        let own_feed = match page {
            Page::Section(slug) => Some(Feed::Section(slug)),
            Page::Tag(slug) => Some(Feed::Tag(slug)),
            Page::Author(slug) => Some(Feed::Author(slug)),
            _ => None,
        };
        PageMeta {
            title,
            share_title,
            description: clip(&description, DESCRIPTION_CHARS),
            canonical: Some(self.urls.page(page)),
            feeds: self.feeds(own_feed),
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
            feeds: self.feeds(Some(Feed::Section(&a.section))),
            noindex: false,
        }
    }
}

/// The entry page that shows page 1 of a listing.
fn first_page(listing: &Listing) -> Page<'_> {
    match listing {
        Listing::Latest => Page::Latest,
        Listing::Section(slug) => Page::Section(slug),
        Listing::Kind(kind) => Page::Kind(*kind),
        Listing::Briefs => Page::Kind(Kind::Brief),
        Listing::Tag(slug) => Page::Tag(slug),
        Listing::Author(slug) => Page::Author(slug),
    }
}

/// The listing an entry page shows page 1 of.
pub(crate) fn listing_of(page: Page<'_>) -> Option<Listing> {
    match page {
        Page::Latest => Some(Listing::Latest),
        Page::Section(slug) => Some(Listing::Section(slug.to_owned())),
        Page::Kind(Kind::Brief) => Some(Listing::Briefs),
        Page::Kind(kind) => Some(Listing::Kind(kind)),
        Page::Tag(slug) => Some(Listing::Tag(slug.to_owned())),
        Page::Author(slug) => Some(Listing::Author(slug.to_owned())),
        _ => None,
    }
}

/// Writes every entry page through `outputs`, returning how many files
/// and bytes were written, and warnings (images left out because their
/// host is not declared). Listing pages are made again only when what they
/// show changed; article pages are looked at only if `articles` names
/// them (all when `None`), and made again only when what they show
/// changed. The others stay as the last build wrote them.
pub(crate) fn write(
    describer: &Describer<'_>,
    template: &Template,
    sizer: &ImageSizer,
    index: &RelatedIndex<'_>,
    outputs: &Outputs<'_>,
    articles: Option<&HashSet<&str>>,
) -> io::Result<((usize, u64), Vec<String>)> {
    let corpus = describer.corpus;
    let site = &corpus.site;
    let links = Links::new(describer.urls.base_path());
    let texts = Texts::of_language(&site.language);
    let ctx = Ctx {
        site,
        links: &links,
        texts: &texts,
    };
    let site_name = &site.name;
    // Every page carries the site's security policy as its first tag, and
    // its referrer policy: hosts that cannot send headers (GitHub Pages)
    // still get both (docs/security.md). Then the reader's display settings,
    // applied before anything is painted (the policy allows that one inline
    // script by its digest).
    let mut policy = String::from("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    push_escaped(
        &mut policy,
        &folio_content::security::policy(
            &site.image_hosts,
            &crate::template::inline_scripts(),
            true,
        ),
    );
    policy.push_str("\"><meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">");
    policy.push_str(&folio_views::settings::prepaint_script());
    let head = |meta: &PageMeta| format!("{policy}{}", meta.to_html(site_name));
    let render = |page: Page<'_>, meta: PageMeta, content: Markup| -> Vec<u8> {
        // The not-found page is served for any path without a file: it is
        // the right page whatever the URL.
        let path = match page {
            Page::NotFound => folio_views::ANY_PAGE.to_owned(),
            _ => links.page(&page.path()),
        };
        let body = shell::body(&ctx, &path, content).into_string();
        template.render(&head(&meta), &body).into_bytes()
    };
    let mut files = 0;
    let mut bytes = 0;
    let mut tally = |written: u64| {
        files += usize::from(written > 0);
        bytes += written;
    };

    let groups = describer.groups;
    let page_of = |listing: &Listing, n: usize| -> ListingPage {
        let items = groups
            .get(&listing.id())
            .map_or(&[][..], |g| g.items.as_slice());
        listings::page_of(listing, items, site.page_size, n)
    };
    let latest = page_of(&Listing::Latest, 1);
    let briefs = page_of(&Listing::Briefs, 1);

    let sections: Vec<_> = site
        .sections
        .iter()
        .map(|s| (s, page_of(&Listing::Section(s.slug.clone()), 1)))
        .collect();
    let front = FrontPage {
        latest: &latest.items,
        briefs: &briefs.items,
        sections: sections
            .iter()
            .map(|(s, p)| (*s, p.items.as_slice()))
            .collect(),
    };
    let home = render(
        Page::Home,
        describer.page(Page::Home),
        front_page(&ctx, &front),
    );
    tally(outputs.write_made(&Page::Home.file(), &home)?);
    // What every article's rail shows besides its own stories: written
    // once, put in place by the app (see `folio_views::rail`).
    let news = rail::news(&ctx, &latest.items, &briefs.items).into_string();
    tally(outputs.write_made(paths::RAIL_NEWS, news.as_bytes())?);

    // Every page of every listing, each its own task on the pool: tags and
    // authors bring thousands of pages at 100,000 articles.
    let shown: Vec<(Page<'_>, Listing, Heading)> = listing_pages(corpus, groups)
        .into_iter()
        .filter_map(|page| {
            let listing = listing_of(page)?;
            let heading = describer.heading(&listing);
            Some((page, listing, heading))
        })
        .collect();
    let jobs: Vec<(usize, usize)> = shown
        .iter()
        .enumerate()
        .flat_map(|(i, (_, listing, _))| {
            let pages = groups
                .get(&listing.id())
                .map_or(1, |g| listings::pages(&g.items, site.page_size));
            (1..=pages).map(move |n| (i, n))
        })
        .collect();
    let written = parallel::map(&jobs, |&(i, n)| -> io::Result<u64> {
        let (first, listing, heading) = &shown[i];
        let page = if n == 1 {
            *first
        } else {
            Page::Paged(listing, n as u32)
        };
        let all = groups
            .get(&listing.id())
            .map_or(&[][..], |g| g.items.as_slice());
        let key = outputs
            .key()
            .add("listing page")
            .add(&page.file())
            .add(heading);
        let key = listings::page_key(corpus, key, all, site.page_size, n).finish();
        outputs.make(&page.file(), key, || {
            let one = page_of(listing, n);
            let view = ListingView {
                listing,
                heading,
                page: &one,
            };
            Ok::<_, io::Error>(render(
                page,
                describer.page(page),
                listing_page(&ctx, &view),
            ))
        })
    });
    for page in written {
        tally(page?);
    }

    for (page, content) in [
        (
            Page::Library,
            states::app_page(&texts, Msg::YourOfflineLibrary, Msg::LibraryDescription),
        ),
        (
            Page::Search,
            states::app_page(&texts, Msg::Search, Msg::SearchMeta),
        ),
        (Page::NotFound, states::not_found(&texts, &links)),
    ] {
        let html = render(page, describer.page(page), content);
        tally(outputs.write_made(&page.file(), &html)?);
    }

    // The page the service worker falls back to offline, and static hosts
    // for paths without a file: the frame with an empty page, which the
    // app fills.
    let shell = template.render(
        &head(&describer.page(Page::NotFound)),
        &shell::body_without_page(&ctx, states::loading(&texts)).into_string(),
    );
    tally(outputs.write_made(SHELL, shell.as_bytes())?);

    // Each article's neighbours in its section, newest first (briefs are in
    // no section listing).
    let neighbours = neighbours(corpus, groups);
    let scope: Vec<&ArticleSummary> = match articles {
        None => corpus.articles.iter().collect(),
        Some(only) => {
            for a in corpus
                .articles
                .iter()
                .filter(|a| !only.contains(a.slug.as_str()))
            {
                outputs.keep(&Page::Article(&a.slug).file());
            }
            corpus
                .articles
                .iter()
                .filter(|a| only.contains(a.slug.as_str()))
                .collect()
        }
    };
    let written = parallel::map(&scope, |&summary| -> io::Result<(u64, Vec<String>)> {
        let slug = summary.slug.as_str();
        let source = corpus.source(slug);
        let related = index.related(&corpus.reading(summary), RELATED);
        let around = neighbours.get(slug).copied().unwrap_or_default();
        let images: Vec<_> = source.images.iter().map(|i| corpus.images.get(i)).collect();
        let key = outputs
            .key()
            .add("article")
            .add(slug)
            .add(&source.hash)
            .add(&source.summary)
            .add(&describer.og_images.preview(slug))
            .add(&images);
        let key = corpus.with_summaries(key, around.previous);
        let key = corpus.with_summaries(key, around.next);
        let key = corpus.with_summaries(key, &related).finish();
        let mut left_out = Vec::new();
        let page = outputs.make(&Page::Article(slug).file(), key, || {
            let article = corpus.article(slug).map_err(io::Error::other)?;
            left_out = article
                .hero
                .iter()
                .map(|h| h.src.clone())
                .chain(markdown::image_urls(&article.body))
                .filter(|src| !image_allowed(src, &site.image_hosts))
                .map(|src| {
                    format!(
                        "{}: image `{src}` is on a host site.json does not declare in image_hosts; it is left out",
                        corpus.article_file(slug).display()
                    )
                })
                .collect();
            let mut image_sizes = ImageSizes::new();
            let hero = article.hero.as_ref().map(|h| h.src.clone());
            for src in hero.into_iter().chain(markdown::image_urls(&article.body)) {
                if let Some(size) = sizer.size(&src) {
                    image_sizes.insert(src, size);
                }
            }
            let view = ArticleView {
                article: &article,
                image_sizes: Some(&image_sizes),
                related: &related,
                neighbours: around,
            };
            Ok::<_, io::Error>(render(
                Page::Article(slug),
                describer.article(summary),
                article_page(&ctx, &view),
            ))
        })?;
        Ok((page, left_out))
    });
    let mut warnings = Vec::new();
    for result in written {
        let (page, left_out) = result?;
        tally(page);
        warnings.extend(left_out);
    }
    Ok(((files, bytes), warnings))
}

/// Each article's neighbours in its section's listing, newest first.
fn neighbours<'a>(corpus: &Corpus, groups: &'a Groups<'_>) -> HashMap<&'a str, Neighbours<'a>> {
    let mut neighbours: HashMap<&str, Neighbours<'_>> = HashMap::new();
    for section in &corpus.site.sections {
        let Some(group) = groups.get(&Listing::Section(section.slug.clone()).id()) else {
            continue;
        };
        for (i, item) in group.items.iter().enumerate() {
            let around = Neighbours {
                previous: i.checked_sub(1).map(|j| group.items[j]),
                next: group.items.get(i + 1).copied(),
            };
            neighbours.insert(&item.slug, around);
        }
    }
    neighbours
}

/// The app frame without a page (`shell.html`).
pub(crate) const SHELL: &str = "shell.html";
