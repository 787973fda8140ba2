//! Short messages to the reader ("3 saved articles were updated", "storage
//! is full"), shown in a polite live region by the app shell.

use leptos::prelude::*;
use std::cell::Cell;

/// How serious a notice is; errors use `role="alert"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
}

/// One notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub level: Level,
    pub text: String,
    /// An optional link ("Open library") shown with the text.
    pub link: Option<(String, String)>,
}

thread_local! {
    static NOTICES: Cell<Option<RwSignal<Vec<Notice>>>> = const { Cell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Creates the notice list; called once by the app shell.
pub fn provide() -> RwSignal<Vec<Notice>> {
    let list = RwSignal::new(Vec::new());
    NOTICES.set(Some(list));
    list
}

/// Shows a notice. Repeats of the same text replace the earlier one.
pub fn push(level: Level, text: impl Into<String>, link: Option<(String, String)>) {
    let Some(list) = NOTICES.get() else { return };
    let text = text.into();
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    list.update(|v| {
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
pub fn dismiss(id: u32) {
    if let Some(list) = NOTICES.get() {
        list.update(|v| v.retain(|n| n.id != id));
    }
}

/// Reports a storage problem once per kind, with a way to the library.
pub fn storage_problem(error: &crate::store::StoreError) {
    let link = matches!(error, crate::store::StoreError::QuotaExceeded)
        .then(|| (crate::routes::library(), "Free up space".to_owned()));
    push(Level::Warning, error.reader_message(), link);
}
