//! Save and Remove, on articles and cards: saving on purpose keeps an
//! article until the reader removes it; removing it from the saved ones
//! leaves it in the history (the offline library's two shelves).

use super::Handles;
use crate::context::{Level, Mark};
use crate::i18n::{fill, t};
use crate::loaders;
use crate::store::Shelf;
use folio_views::i18n::Msg;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement};

/// Sets every Save button under `root` to what it will do for its article.
pub(super) fn mark_buttons(root: &Element, marks: &HashMap<String, Mark>) {
    let Ok(list) = root.query_selector_all("[data-action=save-toggle][data-slug]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(button) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let slug = button.get_attribute("data-slug").unwrap_or_default();
        let saved = marks.get(&slug).is_some_and(|m| m.shelf == Shelf::Saved);
        set_label(&button, saved);
    }
}

/// "Save" or "Remove", with the article's title in the accessible name
/// when the button is on a card.
fn set_label(button: &Element, saved: bool) {
    let on_card = button.class_list().contains("card-save");
    let text = match (saved, on_card) {
        (false, true) => t(Msg::Save),
        (true, true) => t(Msg::Remove),
        (false, false) => t(Msg::SaveForLater),
        (true, false) => t(Msg::RemoveFromSaved),
    };
    crate::i18n::set_text(button, text);
    if let Some(title) = button.get_attribute("data-title") {
        let label = fill(
            if saved {
                Msg::RemoveTitle
            } else {
                Msg::SaveTitle
            },
            &[&title],
        );
        let _ = button.set_attribute("aria-label", &label);
    }
    let _ = button.set_attribute("data-saved", if saved { "true" } else { "false" });
}

/// A Save button was pressed: save the article, or take it out of the
/// saved ones.
pub(super) fn toggle(button: &Element, handles: Handles) {
    let Some(slug) = button.get_attribute("data-slug") else {
        return;
    };
    let Ok(button) = button.clone().dyn_into::<HtmlButtonElement>() else {
        return;
    };
    if button.disabled() {
        return;
    }
    let saved = button.get_attribute("data-saved").as_deref() == Some("true");
    button.set_disabled(true);
    let _ = button.set_attribute("aria-busy", "true");
    leptos::task::spawn_local(async move {
        let result = if saved {
            loaders::unsave_article(&slug).await.map(|evicted| {
                handles.marks.set_shelf(&slug, Shelf::History);
                handles.marks.unmark(Some(&evicted));
            })
        } else {
            loaders::save_article(&slug)
                .await
                .map(|()| handles.marks.set_shelf(&slug, Shelf::Saved))
        };
        button.set_disabled(false);
        let _ = button.remove_attribute("aria-busy");
        match result {
            Ok(()) => {
                handles.notices.push(
                    Level::Info,
                    t(if saved {
                        Msg::RemovedNotice
                    } else {
                        Msg::SavedNotice
                    }),
                    Some((
                        crate::routes::links().library(),
                        t(Msg::YourLibrary).to_owned(),
                    )),
                );
            }
            Err(e) => handles.notices.push(
                Level::Warning,
                format!(
                    "{} {}",
                    t(if saved {
                        Msg::RemoveFailed
                    } else {
                        Msg::SaveFailed
                    }),
                    e.reader_message()
                ),
                None,
            ),
        }
    });
}
