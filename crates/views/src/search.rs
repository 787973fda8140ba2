//! The Search page's results: the whole site's (from the index the build
//! writes) and the saved library's. The app fetches and ranks; these only
//! render what they are given.

use crate::i18n::{Msg, Texts};
use crate::Markup;
use folio_content::paths::Links;
use folio_content::site_search::{SiteDoc, RESULTS};
use maud::html;

/// One saved article found by the library's full-text search.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryHit {
    pub slug: String,
    pub title: String,
    pub dek: String,
}

/// "On the site": the stories found for `query`, each marked when it is
/// saved on this device.
pub fn site_results(
    t: &Texts,
    links: &Links,
    query: &str,
    found: &[SiteDoc],
    saved: &dyn Fn(&str) -> bool,
    content_lang: Option<&str>,
) -> Markup {
    let n = found.len();
    let count = if n == RESULTS {
        t.fill(Msg::StoriesOther, &[&format!("{}+", t.number(n as u64))])
    } else {
        t.count(n as u64, Msg::StoriesOne, Msg::StoriesOther)
    };
    html! {
        section.search-site aria-labelledby="search-site-h" lang=(t.locale().tag()) {
            h2 #search-site-h .search-heading { (t.get(Msg::OnTheSite)) }
            p.search-count role="status" { (t.fill(Msg::StoriesFor, &[&count, query.trim()])) }
            ol.search-results.search-results-site {
                @for d in found {
                    li {
                        a.search-title href=(links.article(&d.slug)) lang=[content_lang] { (d.title) }
                        @if saved(&d.slug) { " " span.badge.badge-saved { (t.get(Msg::Saved)) } }
                        p.search-dek lang=[content_lang] { (d.dek) }
                        p.search-meta { time datetime=(d.published.as_str()) { (t.long_date(&d.published)) } }
                    }
                }
            }
        }
    }
}

/// "In your library": saved articles matching `query` by their full text
/// (those the site results show already left out: `more` says so); with
/// no query, how many there are to search.
pub fn library_results(
    t: &Texts,
    links: &Links,
    query: &str,
    total: usize,
    hits: &[LibraryHit],
    more: bool,
    content_lang: Option<&str>,
) -> Markup {
    let n = hits.len();
    html! {
        section.search-library aria-labelledby="search-library-h" lang=(t.locale().tag()) {
            h2 #search-library-h .search-heading { (t.get(Msg::InYourLibrary)) }
            p.search-count role="status" {
                @if query.trim().is_empty() {
                    (t.fill(Msg::SavedToSearch, &[&t.count(total as u64, Msg::SavedArticlesOne, Msg::SavedArticlesOther)]))
                } @else {
                    @let count = if more {
                        t.count(n as u64, Msg::MoreSavedArticlesOne, Msg::MoreSavedArticlesOther)
                    } else {
                        t.count(n as u64, Msg::SavedArticlesOne, Msg::SavedArticlesOther)
                    };
                    (t.fill(Msg::StoriesFor, &[&count, query.trim()]))
                }
            }
            ol.search-results.search-results-library {
                @for h in hits {
                    li {
                        a.search-title href=(links.article(&h.slug)) lang=[content_lang] { (h.title) }
                        p.search-dek lang=[content_lang] { (h.dek) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::{Kind, Timestamp};

    #[test]
    fn results_are_escaped_links_with_counts() {
        let links = Links::new("/news/");
        let doc = SiteDoc {
            slug: "a".into(),
            title: "<b>Ports</b>".into(),
            dek: "Dek".into(),
            section: "europe".into(),
            kind: Kind::News,
            published: Timestamp::from_unix(0),
        };
        let html = site_results(
            &Texts::english(),
            &links,
            " ports ",
            &[doc],
            &|s| s == "a",
            None,
        )
        .into_string();
        assert!(html.contains("1 story for “ports”"), "{html}");
        assert!(html.contains("href=\"/news/articles/a\">&lt;b&gt;Ports&lt;/b&gt;</a>"));
        assert!(html.contains("badge-saved"));
        let hit = LibraryHit {
            slug: "b".into(),
            title: "B".into(),
            dek: String::new(),
        };
        let lib = library_results(
            &Texts::english(),
            &links,
            "x",
            3,
            &[hit.clone(), hit],
            true,
            Some("pt"),
        )
        .into_string();
        assert!(lib.contains("2 more saved articles for “x”"), "{lib}");
        // The interface in its language, the stories in theirs.
        assert!(
            lib.contains(r#"lang="en""#)
                && lib.contains(r#"class="search-title" href="/news/articles/b" lang="pt""#),
            "{lib}"
        );
        let empty =
            library_results(&Texts::english(), &links, "", 3, &[], false, None).into_string();
        assert!(empty.contains("3 saved articles to search"));
    }
}
