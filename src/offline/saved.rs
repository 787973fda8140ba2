//! Which articles are saved, as a signal, so cards can mark what is
//! available offline without asking IndexedDB for every card.

use leptos::prelude::*;
use std::cell::Cell;
use std::collections::HashSet;

thread_local! {
    static SAVED: Cell<Option<RwSignal<HashSet<String>>>> = const { Cell::new(None) };
}

/// Creates the signal and fills it from the library; called by the app shell.
pub fn provide() -> RwSignal<HashSet<String>> {
    let saved = RwSignal::new(HashSet::new());
    SAVED.set(Some(saved));
    leptos::task::spawn_local(async move {
        if let Ok(library) = crate::store::shared().await {
            if let Ok(slugs) = library.slugs().await {
                saved.set(slugs.into_iter().collect());
            }
        }
    });
    saved
}

/// The signal (empty and inert outside the app shell, as in component tests).
pub fn signal() -> Option<RwSignal<HashSet<String>>> {
    SAVED.get()
}

/// Records that these articles are now saved.
pub fn mark<'a>(slugs: impl IntoIterator<Item = &'a str>) {
    if let Some(s) = SAVED.get() {
        s.update(|set| set.extend(slugs.into_iter().map(str::to_owned)));
    }
}

/// Records that these articles were removed (all of them when `None`).
pub fn unmark(slugs: Option<&[String]>) {
    if let Some(s) = SAVED.get() {
        s.update(|set| match slugs {
            Some(slugs) => slugs.iter().for_each(|slug| {
                set.remove(slug);
            }),
            None => set.clear(),
        });
    }
}
