//! The library page's contents: what is saved on purpose and what is in the
//! history, each article with where the reader got to and what can be done
//! with it. The app reads the library and acts on the buttons (their
//! `data-action`); this only renders what it is given.

use crate::i18n::{Msg, Texts};
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
    /// The stories' language, where it is not the interface's (`lang`).
    pub content_lang: Option<String>,
}

fn item(t: &Texts, links: &Links, item: &Item, lang: Option<&str>) -> Markup {
    let title = &item.headline;
    html! {
        li.library-item {
            div.library-item-text {
                a.library-title href=(links.article(&item.slug)) lang=[lang] { (title) }
                @if let Some(problem) = &item.problem {
                    p.library-damaged {
                        strong { (t.get(Msg::Damaged)) } (t.get(Msg::DamagedCopy))
                        span.library-problem { (problem) }
                    }
                }
                p.library-meta {
                    @if let Some(p) = item.progress {
                        span.progress-note { @if p >= 97 { (t.get(Msg::Read)) } @else { (t.fill(Msg::PercentRead, &[&p.to_string()])) } } " · "
                    }
                    span.library-section lang=[lang] { (item.section.replace('-', " ")) }
                    " · " span.library-size { (item.size) }
                    (t.get(if item.saved { Msg::SavedOn } else { Msg::OpenedOn }))
                    time datetime=(item.when.as_str()) { (t.long_date_time(&item.when)) }
                }
            }
            div.library-item-actions {
                @if item.problem.is_none() {
                    @if item.saved {
                        button.button-secondary type="button" data-action="library-move" data-slug=(item.slug)
                            data-shelf="history" aria-label=(t.fill(Msg::MoveTitleToHistory, &[title])) { (t.get(Msg::MoveToHistory)) }
                    } @else {
                        button.button-secondary type="button" data-action="library-move" data-slug=(item.slug)
                            data-shelf="saved" aria-label=(t.fill(Msg::SaveTitle, &[title])) { (t.get(Msg::Save)) }
                    }
                }
                button.button-secondary type="button" data-action="library-remove" data-slug=(item.slug)
                    aria-label=(t.fill(Msg::RemoveTitleFromLibrary, &[title])) { (t.get(Msg::Remove)) }
            }
        }
    }
}

/// The library: a summary, the saved articles, the history, and "Remove
/// all".
pub fn library(t: &Texts, links: &Links, library: &Library) -> Markup {
    let count = library.items.len();
    let saved: Vec<&Item> = library.items.iter().filter(|i| i.saved).collect();
    let history: Vec<&Item> = library.items.iter().filter(|i| !i.saved).collect();
    let damaged = library.items.iter().filter(|i| i.problem.is_some()).count();
    let tag = t.locale().tag();
    let lang = library.content_lang.as_deref();
    html! {
        section.library-summary aria-label=(t.get(Msg::LibrarySummary)) lang=(tag) {
            p.library-count {
                (t.fill(Msg::OnThisDevice, &[
                    &t.count(count as u64, Msg::ArticlesOne, Msg::ArticlesOther),
                    &t.number(saved.len() as u64),
                    &t.number(history.len() as u64),
                    &library.total_size,
                ]))
            }
            p { a href=(links.search()) { (t.get(Msg::SearchYourLibrary)) } }
            @if damaged == 1 {
                p.notice.notice-warning role="alert" { (t.get(Msg::DamagedOne)) }
            } @else if damaged > 1 {
                p.notice.notice-warning role="alert" { (t.fill(Msg::DamagedOther, &[&t.number(damaged as u64)])) }
            }
        }
        @if count == 0 {
            p.library-empty lang=(tag) { (t.get(Msg::LibraryEmpty)) }
        } @else {
            section.library-shelf aria-labelledby="saved-h" lang=(tag) {
                h2 #saved-h { (t.fill(Msg::SavedShelf, &[&t.number(saved.len() as u64)])) }
                p.library-shelf-note { (t.get(Msg::SavedShelfNote)) }
                @if saved.is_empty() {
                    p.library-empty { (t.get(Msg::NothingSaved)) }
                } @else {
                    ul.library-list { @for i in &saved { (item(t, links, i, lang)) } }
                }
            }
            section.library-shelf aria-labelledby="history-h" lang=(tag) {
                h2 #history-h { (t.fill(Msg::HistoryShelf, &[&t.number(history.len() as u64)])) }
                p.library-shelf-note { (t.fill(Msg::HistoryShelfNote, &[&t.number(library.history_cap as u64)])) }
                @if history.is_empty() {
                    p.library-empty { (t.get(Msg::NoHistory)) }
                } @else {
                    ul.library-list { @for i in &history { (item(t, links, i, lang)) } }
                }
            }
            div.library-actions lang=(tag) {
                @if library.confirming {
                    p role="alert" { (t.get(Msg::RemoveAllConfirm)) }
                    button.button type="button" data-action="library-remove-all" { (t.get(Msg::RemoveAllYes)) }
                    " "
                    button.button-secondary type="button" data-action="library-cancel" { (t.get(Msg::Cancel)) }
                } @else {
                    button.button-secondary type="button" data-action="library-confirm" { (t.get(Msg::RemoveAll)) }
                }
            }
        }
    }
}

/// Why the library cannot be shown: the reader's sentence and the
/// browser's own words.
pub fn unavailable(t: &Texts, message: &str, detail: &str) -> Markup {
    html! {
        section.load-failure role="alert" lang=(t.locale().tag()) {
            h2 { (t.get(Msg::LibraryUnavailable)) }
            p { (message) }
            details { summary { (t.get(Msg::TechnicalDetails)) } code { (detail) } }
        }
    }
}

/// What the browser says of its storage, as far as it has answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageFacts {
    /// `None` until the browser answers; then the usage and quota ("2.1
    /// MB", "1.2 GB"), or `None` if it does not say.
    pub estimate: Option<Option<(String, String)>>,
    /// Whether storage is persistent; `None` where it cannot be.
    pub persisted: Option<bool>,
    /// Whether the reader asked for persistence in this visit.
    pub asked: bool,
}

/// The browser's storage estimate, persistence (with a button to ask for
/// it: `data-action="storage-ask"`), and an honest note on eviction.
pub fn storage_facts(t: &Texts, facts: &StorageFacts) -> Markup {
    let estimate = match &facts.estimate {
        Some(Some((usage, quota))) => t.fill(Msg::StorageUsage, &[usage, quota]),
        Some(None) => t.get(Msg::StorageUnknown).to_owned(),
        None => t.get(Msg::CheckingStorage).to_owned(),
    };
    let persistence = t.get(match (facts.persisted, facts.asked) {
        (Some(true), _) => Msg::StoragePersistent,
        (Some(false), true) => Msg::StorageDeclined,
        (Some(false), false) => Msg::StorageBestEffort,
        (None, _) => Msg::StorageCannotPersist,
    });
    html! {
        section.storage-facts aria-labelledby="storage-h" lang=(t.locale().tag()) {
            h2 #storage-h { (t.get(Msg::StorageOnThisDevice)) }
            p.storage-estimate { (estimate) }
            p.storage-persistence { (persistence) }
            @if facts.persisted == Some(false) {
                button.button-secondary type="button" data-action="storage-ask" { (t.get(Msg::AskToKeepLibrary)) }
            }
            p.storage-note { (t.get(Msg::StorageNote)) }
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
            &Texts::english(),
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
                content_lang: None,
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
            &Texts::english(),
            &links,
            &Library {
                items: vec![it("a", true, None)],
                confirming: true,
                ..Library::default()
            },
        )
        .into_string();
        assert!(confirming.contains("Yes, remove all") && confirming.contains("Cancel"));
        let empty = library(&Texts::english(), &links, &Library::default()).into_string();
        assert!(empty.contains("Nothing here yet"));
    }

    #[test]
    fn storage_facts_say_what_the_browser_answered() {
        let t = Texts::english();
        let waiting = storage_facts(&t, &StorageFacts::default()).into_string();
        assert!(waiting.contains("Checking storage…") && !waiting.contains("storage-ask"));
        let best_effort = storage_facts(
            &t,
            &StorageFacts {
                estimate: Some(Some(("2 MB".into(), "1 GB".into()))),
                persisted: Some(false),
                asked: false,
            },
        )
        .into_string();
        assert!(best_effort.contains("Folio is using 2 MB of the 1 GB this browser allows it."));
        assert!(best_effort.contains(r#"data-action="storage-ask""#));
    }
}
