//! State shared by the whole app, provided once by the shell ([`provide`])
//! and read through the accessors here. Each piece is a small `Copy` handle
//! (signals inside), so async tasks take a handle with them instead of
//! reaching for a global.

use crate::store::records::LibraryEntry;
use crate::store::{Position, Shelf, StoreError};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The document's path (with the base path), as the app shows it.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<String>);

/// Whether the browser is online, following `online`/`offline` events.
#[derive(Clone, Copy)]
pub struct Online(pub RwSignal<bool>);

/// Set when a new deployment's service worker waits to take over.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// How serious a notice is; warnings use `role="alert"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
}

/// One short message to the reader ("3 saved articles were updated").
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub level: Level,
    pub text: String,
    /// An optional link (href, label) shown with the text.
    pub link: Option<(String, String)>,
}

/// The notices the shell shows.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

impl Notices {
    fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    /// The notices, for display.
    pub fn list(&self) -> RwSignal<Vec<Notice>> {
        self.list
    }

    /// Shows a notice; a repeat of the same text replaces the earlier one.
    pub fn push(&self, level: Level, text: impl Into<String>, link: Option<(String, String)>) {
        let text = text.into();
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|v| {
            v.retain(|n| n.text != text);
            v.push(Notice {
                id,
                level,
                text,
                link,
            });
        });
    }

    /// Dismisses a notice.
    pub fn dismiss(&self, id: u32) {
        self.list.update(|v| v.retain(|n| n.id != id));
    }

    /// Reports a storage problem, with a way to the library when space ran out.
    pub fn storage_problem(&self, error: &StoreError) {
        let link = matches!(error, StoreError::QuotaExceeded).then(|| {
            (
                crate::routes::links().library(),
                crate::i18n::t(folio_views::i18n::Msg::FreeUpSpace).to_owned(),
            )
        });
        self.push(Level::Warning, error.reader_message(), link);
    }
}

/// What the offline library holds of one article: why, and how far the
/// reader got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub shelf: Shelf,
    pub position: Option<Position>,
}

/// The articles in the offline library, by slug, so cards, Save buttons
/// and the front page can say what opens offline, what is saved and how
/// far the reader got, without asking IndexedDB for each.
#[derive(Clone, Copy)]
pub struct LibraryMarks(RwSignal<HashMap<String, Mark>>);

impl LibraryMarks {
    /// The marks, for reading reactively.
    pub fn get(&self) -> RwSignal<HashMap<String, Mark>> {
        self.0
    }

    /// Everything the library holds, as read from it.
    pub fn load(&self, entries: &[LibraryEntry]) {
        self.0.set(
            entries
                .iter()
                .filter(|e| e.problem.is_none())
                .map(|e| {
                    let mark = Mark {
                        shelf: e.shelf,
                        position: e.position,
                    };
                    (e.slug.clone(), mark)
                })
                .collect(),
        );
    }

    /// Records that these articles are now in the library; saving on
    /// purpose moves one from the history to the saved ones, never back.
    pub fn mark<'a>(&self, slugs: impl IntoIterator<Item = &'a str>, shelf: Shelf) {
        self.0.update(|map| {
            for slug in slugs {
                let mark = map.entry(slug.to_owned()).or_insert(Mark {
                    shelf,
                    position: None,
                });
                if shelf == Shelf::Saved {
                    mark.shelf = shelf;
                }
            }
        });
    }

    /// Moves an article to `shelf` (the reader's Save or Remove).
    pub fn set_shelf(&self, slug: &str, shelf: Shelf) {
        self.0.update(|map| {
            map.entry(slug.to_owned())
                .or_insert(Mark {
                    shelf,
                    position: None,
                })
                .shelf = shelf;
        });
    }

    /// Records where the reader left off, for an article in the library.
    pub fn set_position(&self, slug: &str, position: Position) {
        self.0.update(|map| {
            if let Some(mark) = map.get_mut(slug) {
                mark.position = Some(position);
            }
        });
    }

    /// Records that these articles were removed (all of them when `None`).
    pub fn unmark(&self, slugs: Option<&[String]>) {
        self.0.update(|map| match slugs {
            Some(slugs) => slugs.iter().for_each(|s| {
                map.remove(s);
            }),
            None => map.clear(),
        });
    }
}

/// The page the build wrote into the document (`div.page[data-page]` in
/// `<main>`), which the app keeps on screen, untouched, for as long as the
/// URL is the one it shows. Once the reader goes elsewhere it is removed and
/// the app draws every page itself.
#[derive(Clone, Copy)]
pub struct Prerendered(RwSignal<Option<String>>);

fn prerendered_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector("main > .page[data-page]")
        .ok()
        .flatten()
}

/// `/news/` and `/news` are the same page.
fn same_page(page: &str, path: &str) -> bool {
    page.trim_end_matches('/') == path.trim_end_matches('/')
}

impl Prerendered {
    fn read() -> Self {
        let path = prerendered_element()
            .and_then(|e| e.get_attribute(folio_views::PAGE_ATTR))
            .map(|page| {
                // The not-found page is the right one for the URL it was
                // served at, and only that one.
                if page == folio_views::ANY_PAGE {
                    web_sys::window()
                        .and_then(|w| w.location().pathname().ok())
                        .unwrap_or(page)
                } else {
                    page
                }
            });
        Self(RwSignal::new(path))
    }

    /// Whether the document shows the pre-rendered page of `path`. Not a
    /// tracked read: a page decides once, when it is created, whether it
    /// keeps the build's page; releasing it later must not re-create pages.
    pub fn shows(&self, path: &str) -> bool {
        self.0
            .with_untracked(|p| p.as_deref().is_some_and(|p| same_page(p, path)))
    }

    /// The pre-rendered page's element while it is on screen.
    pub fn element(&self) -> Option<web_sys::HtmlElement> {
        self.0
            .with_untracked(Option::is_some)
            .then(prerendered_element)?
            .and_then(|e| e.dyn_into().ok())
    }

    /// Removes the pre-rendered page; the app draws pages from now on.
    pub fn release(&self) {
        if self.0.with_untracked(Option::is_some) {
            if let Some(element) = prerendered_element() {
                element.remove();
            }
            self.0.set(None);
        }
    }
}

/// A page the reader left, as they left it: its content (with every "More
/// stories" page they added, disclosures as they set them) and where they
/// had scrolled, so Back shows it again exactly so.
#[derive(Clone)]
pub struct Snapshot {
    pub path: String,
    pub title: String,
    pub description: String,
    pub content: web_sys::Element,
    pub scroll_y: f64,
}

/// How many left pages are kept for Back and Forward.
const SNAPSHOTS: usize = 8;

/// The history entries of this session: each gets a key in its
/// `history.state`, and the pages left are kept by key.
#[derive(Clone, Copy)]
pub struct PageHistory {
    left: StoredValue<Vec<(u32, Snapshot)>, LocalStorage>,
    /// The key of the entry on screen, and the next one to give.
    shown: StoredValue<Option<u32>>,
    next: StoredValue<u32>,
    /// Whether the reader has moved since the document loaded.
    moved: StoredValue<bool>,
}

impl PageHistory {
    fn new() -> Self {
        let history = Self {
            left: StoredValue::new_local(Vec::new()),
            shown: StoredValue::new(None),
            next: StoredValue::new(1),
            moved: StoredValue::new(false),
        };
        history
            .shown
            .set_value(Some(history.entry_key().unwrap_or_else(|| {
                // The document's own entry.
                let key = history.take_key();
                set_entry_key(key);
                key
            })));
        history
    }

    fn take_key(&self) -> u32 {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        key
    }

    /// The key in the current entry's `history.state`.
    fn entry_key(&self) -> Option<u32> {
        let state = web_sys::window()?.history().ok()?.state().ok()?;
        let key = js_sys::Reflect::get(&state, &"folio".into())
            .ok()?
            .as_f64()? as u32;
        // Keys of an earlier document (after a reload) are not this
        // session's: continue after them.
        if key >= self.next.get_value() {
            self.next.set_value(key + 1);
        }
        Some(key)
    }

    /// Keeps the page on screen as the reader leaves it.
    pub fn leave(&self) {
        let (Some(key), Some(doc)) = (self.shown.get_value(), crate::actions::document()) else {
            return;
        };
        let Some(page) = doc.query_selector("main > .page[data-page]").ok().flatten() else {
            return;
        };
        let Ok(content) = page.clone_node_with_deep(true) else {
            return;
        };
        let Ok(content) = content.dyn_into::<web_sys::Element>() else {
            return;
        };
        let snapshot = Snapshot {
            path: page
                .get_attribute(folio_views::PAGE_ATTR)
                .unwrap_or_default(),
            title: doc.title(),
            description: doc
                .query_selector("meta[name=description]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .unwrap_or_default(),
            content,
            scroll_y: web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .unwrap_or(0.0),
        };
        self.left.update_value(|left| {
            left.retain(|(k, _)| *k != key);
            left.push((key, snapshot));
            if left.len() > SNAPSHOTS {
                left.remove(0);
            }
        });
    }

    /// A new entry for a page the reader moves to: its key for
    /// `history.pushState`.
    pub fn push(&self) -> u32 {
        let key = self.take_key();
        self.shown.set_value(Some(key));
        self.moved.set_value(true);
        key
    }

    /// Whether the page on screen is one the reader moved to in the app
    /// (not the document's first).
    pub fn moved(&self) -> bool {
        self.moved.get_value()
    }

    /// Back or Forward reached the current entry.
    pub fn popped(&self) {
        let key = self.entry_key();
        self.shown.set_value(key);
        self.moved.set_value(true);
    }

    /// The page left at the current entry, if it shows `path`.
    pub fn restore(&self, path: &str) -> Option<Snapshot> {
        let key = self.shown.get_value()?;
        let snapshot = self.left.with_value(|left| {
            left.iter()
                .find(|(k, s)| *k == key && s.path == path)
                .map(|(_, s)| s.clone())
        })?;
        // A copy: showing it moves its nodes, and Forward may want it again.
        let content = snapshot
            .content
            .clone_node_with_deep(true)
            .ok()?
            .dyn_into()
            .ok()?;
        Some(Snapshot {
            content,
            ..snapshot
        })
    }
}

/// The `history.state` of the entry with `key`.
pub fn entry_state(key: u32) -> wasm_bindgen::JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"folio".into(), &f64::from(key).into());
    state.into()
}

/// Gives the current entry `key` (keeping its URL).
fn set_entry_key(key: u32) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(&entry_state(key), "");
    }
}

/// Provides every piece of shared state; called once by the shell.
pub fn provide() {
    provide_context(Location(RwSignal::new(crate::routes::current_path())));
    provide_context(Online(RwSignal::new(
        crate::offline::connectivity::is_online(),
    )));
    provide_context(UpdateReady(RwSignal::new(false)));
    provide_context(Notices::new());
    provide_context(LibraryMarks(RwSignal::new(HashMap::new())));
    provide_context(Prerendered::read());
    provide_context(PageHistory::new());
}

/// The document's path.
pub fn location() -> Location {
    expect_context()
}

/// Connectivity.
pub fn online() -> Online {
    expect_context()
}

/// The update flag.
pub fn update_ready() -> UpdateReady {
    expect_context()
}

/// The shell's notices.
pub fn notices() -> Notices {
    expect_context()
}

/// What the offline library holds.
pub fn library_marks() -> LibraryMarks {
    expect_context()
}

/// The build's page in the document.
pub fn prerendered() -> Prerendered {
    expect_context()
}

/// The pages left, for Back and Forward.
pub fn page_history() -> PageHistory {
    expect_context()
}
