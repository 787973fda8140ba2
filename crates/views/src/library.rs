//! The library page's contents: what is saved on purpose and what is in the
//! history, each article with where the reader got to and what can be done
//! with it. The app reads the library and acts on the buttons (their
//! `data-action`); this only renders what it is given.

use crate::Markup;
use folio_content::paths::Links;
use folio_content::Timestamp;
use maud::html;

/// One article of the library.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub slug: String,
    pub headline: String,
    pub section: String,
    /// "12 kB".
    pub size: String,
    /// When it was saved, or first opened.
    pub when: Timestamp,
    /// Saved on purpose (else in the history).
    pub saved: bool,
    /// How much was read, in percent.
    pub progress: Option<u32>,
    /// Why the saved copy cannot be read, for one that cannot.
    pub problem: Option<String>,
}

/// The whole library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub items: Vec<Item>,
    /// "1.2 MB".
    pub total_size: String,
    /// How many the history keeps.
    pub history_cap: usize,
    /// Whether "Remove all" is asking for confirmation.
    pub confirming: bool,
}

fn item(links: &Links, item: &Item) -> Markup {
    let title = &item.headline;
    html! {
        li.library-item {
            div.library-item-text {
                a.library-title href=(links.article(&item.slug)) { (title) }
                @if let Some(problem) = &item.problem {
                    p.library-damaged {
                        strong { "Damaged: " } "this saved copy cannot be read. "
                        span.library-problem { (problem) }
                    }
                }
                p.library-meta {
                    @if let Some(p) = item.progress {
                        span.progress-note { @if p >= 97 { "Read" } @else { (p) "% read" } } " · "
                    }
                    span.library-section { (item.section.replace('-', " ")) }
                    " · " span.library-size { (item.size) }
                    (if item.saved { " · saved " } else { " · opened " })
                    time datetime=(item.when.as_str()) { (item.when.long_date_time()) }
                }
            }
            div.library-item-actions {
                @if item.problem.is_none() {
                    @if item.saved {
                        button.button-secondary type="button" data-action="library-move" data-slug=(item.slug)
                            data-shelf="history" aria-label=(format!("Move “{title}” to history")) { "Move to history" }
                    } @else {
                        button.button-secondary type="button" data-action="library-move" data-slug=(item.slug)
                            data-shelf="saved" aria-label=(format!("Save “{title}” for later")) { "Save" }
                    }
                }
                button.button-secondary type="button" data-action="library-remove" data-slug=(item.slug)
                    aria-label=(format!("Remove “{title}” from the library")) { "Remove" }
            }
        }
    }
}

/// The library: a summary, the saved articles, the history, and "Remove
/// all".
pub fn library(links: &Links, library: &Library) -> Markup {
    let count = library.items.len();
    let saved: Vec<&Item> = library.items.iter().filter(|i| i.saved).collect();
    let history: Vec<&Item> = library.items.iter().filter(|i| !i.saved).collect();
    let damaged = library.items.iter().filter(|i| i.problem.is_some()).count();
    html! {
        section.library-summary aria-label="Library summary" {
            p.library-count {
                (count) " " (if count == 1 { "article" } else { "articles" }) " on this device ("
                (saved.len()) " saved, " (history.len()) " in history) · " (library.total_size)
            }
            p { a href=(links.search()) { "Search your library" } }
            @if damaged == 1 {
                p.notice.notice-warning role="alert" { "1 saved article is damaged and cannot be read. Open it again while online to replace it, or remove it." }
            } @else if damaged > 1 {
                p.notice.notice-warning role="alert" { (damaged) " saved articles are damaged and cannot be read. Open them again while online to replace them, or remove them." }
            }
        }
        @if count == 0 {
            p.library-empty { "Nothing here yet. Articles you open are kept in your history; press Save on an article, or save a whole section from its page, to keep it until you remove it." }
        } @else {
            section.library-shelf aria-labelledby="saved-h" {
                h2 #saved-h { "Saved (" (saved.len()) ")" }
                p.library-shelf-note { "Kept on this device until you remove them." }
                @if saved.is_empty() {
                    p.library-empty { "Nothing saved yet: press Save on an article or a card." }
                } @else {
                    ul.library-list { @for i in &saved { (item(links, i)) } }
                }
            }
            section.library-shelf aria-labelledby="history-h" {
                h2 #history-h { "History (" (history.len()) ")" }
                p.library-shelf-note { "Articles you opened, kept for reading offline: the latest " (library.history_cap) ", older ones make room." }
                @if history.is_empty() {
                    p.library-empty { "No history yet." }
                } @else {
                    ul.library-list { @for i in &history { (item(links, i)) } }
                }
            }
            div.library-actions {
                @if library.confirming {
                    p role="alert" { "Remove every saved article from this device?" }
                    button.button type="button" data-action="library-remove-all" { "Yes, remove all" }
                    " "
                    button.button-secondary type="button" data-action="library-cancel" { "Cancel" }
                } @else {
                    button.button-secondary type="button" data-action="library-confirm" { "Remove all" }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it(slug: &str, saved: bool, progress: Option<u32>) -> Item {
        Item {
            slug: slug.into(),
            headline: format!("<{slug}>"),
            section: "latin-america".into(),
            size: "2 kB".into(),
            when: Timestamp::from_unix(0),
            saved,
            progress,
            problem: None,
        }
    }

    #[test]
    fn saved_and_history_apart_with_progress_and_named_buttons() {
        let links = Links::new("/");
        let html = library(
            &links,
            &Library {
                items: vec![
                    it("a", true, Some(40)),
                    it("b", false, Some(100)),
                    it("c", false, None),
                ],
                total_size: "6 kB".into(),
                history_cap: 200,
                confirming: false,
            },
        )
        .into_string();
        assert!(
            html.contains("3 articles on this device (1 saved, 2 in history) · 6 kB"),
            "{html}"
        );
        assert!(html.contains("Saved (1)") && html.contains("History (2)"));
        assert!(html.contains("40% read") && html.contains(">Read<"));
        assert!(html.contains("aria-label=\"Move “&lt;a&gt;” to history\""));
        assert!(html.contains("aria-label=\"Save “&lt;b&gt;” for later\""));
        assert!(html.contains("aria-label=\"Remove “&lt;c&gt;” from the library\""));
        assert!(html.contains("latin america"));
        assert!(html.contains("data-action=\"library-confirm\""));
        let confirming = library(
            &links,
            &Library {
                items: vec![it("a", true, None)],
                confirming: true,
                ..Library::default()
            },
        )
        .into_string();
        assert!(confirming.contains("Yes, remove all") && confirming.contains("Cancel"));
        let empty = library(&links, &Library::default()).into_string();
        assert!(empty.contains("Nothing here yet"));
    }
}
