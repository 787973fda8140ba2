//! The front page's "Continue reading": the article the reader left
//! part-way most recently, read from the library and shown over the foot
//! of the window (added after the page is on screen, it must not move it).

use crate::context::Mark;
use crate::routes::links;
use crate::store;
use folio_views::front::{continue_reading, Resume};
use std::collections::HashMap;
use web_sys::Element;

/// Where the last dismissed one is remembered, so it does not come back.
const DISMISSED_KEY: &str = "folio.resume-dismissed";

fn existing() -> Option<Element> {
    crate::actions::document()?
        .query_selector("body > aside.resume")
        .ok()?
}

/// Removes it (the reader left the front page).
pub fn hide() {
    if let Some(el) = existing() {
        el.remove();
    }
}

/// The article to offer: the most recently read one left part-way, unless
/// the reader dismissed it.
fn candidate(marks: &HashMap<String, Mark>) -> Option<(String, store::Position)> {
    let dismissed = crate::prefs::local().and_then(|s| s.get_item(DISMISSED_KEY).ok().flatten());
    marks
        .iter()
        .filter_map(|(slug, m)| Some((slug, m.position?)))
        .filter(|(_, p)| !p.finished() && p.progress >= 0.02 && (p.block > 0 || p.within > 0.05))
        .max_by(|a, b| a.1.at.total_cmp(&b.1.at))
        .filter(|(slug, p)| dismissed.as_deref() != Some(&dismissal(slug, p)))
        .map(|(slug, p)| (slug.clone(), p))
}

fn dismissal(slug: &str, p: &store::Position) -> String {
    format!("{slug}@{}", p.at as i64)
}

/// Shows "Continue reading" on the front page, if there is something to
/// continue.
pub fn show(marks: &HashMap<String, Mark>, still_here: impl Fn() -> bool + 'static) {
    let Some((slug, position)) = candidate(marks) else {
        hide();
        return;
    };
    if existing()
        .is_some_and(|el| el.get_attribute("data-key") == Some(dismissal(&slug, &position)))
    {
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(Some(entry)) = async { store::shared().await?.entry(&slug).await }.await else {
            return;
        };
        if !still_here() {
            return;
        }
        let href = links().article(&slug);
        let html = continue_reading(
            crate::i18n::texts(),
            &Resume {
                href: &href,
                headline: &entry.headline,
                percent: position.percent(),
            },
        )
        .into_string();
        let (Some(body), Some(aside)) = (
            crate::actions::document().and_then(|d| d.body()),
            crate::actions::element_from_html(&html),
        ) else {
            return;
        };
        let _ = aside.set_attribute("data-key", &dismissal(&slug, &position));
        hide();
        let _ = body.append_child(&aside);
    });
}

/// The reader dismissed it: it stays away until another article is left
/// part-way.
pub fn dismiss(button: &Element) {
    if let Some(aside) = button.closest("aside.resume").ok().flatten() {
        if let (Some(key), Some(storage)) = (aside.get_attribute("data-key"), crate::prefs::local())
        {
            let _ = storage.set_item(DISMISSED_KEY, &key);
        }
        aside.remove();
    }
}
