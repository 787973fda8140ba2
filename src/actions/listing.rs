//! A listing page's controls: "More stories", which adds the next page of
//! the listing in place (without the app it is a link to that page), and
//! "Save <section> for offline".

use super::Handles;
use crate::loaders;
use crate::net::PageRequest;
use crate::routes::links;
use folio_content::paths::Listing;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Turns "More stories" links into buttons: in the app they add the next
/// page here rather than open it.
pub(super) fn enhance(root: &Element) {
    let Ok(list) = root.query_selector_all("a[data-action='more']") else {
        return;
    };
    let Some(doc) = super::document() else { return };
    for i in 0..list.length() {
        let Some(link) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Ok(button) = doc.create_element("button") else {
            continue;
        };
        let _ = button.set_attribute("type", "button");
        for name in ["class", "data-action", "data-listing", "data-next"] {
            if let Some(value) = link.get_attribute(name) {
                let _ = button.set_attribute(name, &value);
            }
        }
        button.set_text_content(link.text_content().as_deref());
        let _ = link.replace_with_with_node_1(&button);
    }
}

fn set_busy(button: &Element, busy: bool) {
    let _ = button.toggle_attribute_with_force("disabled", busy);
    let _ = button.set_attribute("aria-busy", if busy { "true" } else { "false" });
    button.set_text_content(Some(if busy { "Loading…" } else { "More stories" }));
}

/// Adds the stories of the listing's next page (as the build wrote it) to
/// those above the button.
pub(super) fn more(button: &Element, handles: Handles) {
    if button.has_attribute("disabled") {
        return;
    }
    let listing = button
        .get_attribute("data-listing")
        .and_then(|id| Listing::from_id(&id));
    let next: Option<u32> = button
        .get_attribute("data-next")
        .and_then(|n| n.parse().ok());
    let page = button.closest(".page").ok().flatten();
    let stories = page
        .as_ref()
        .and_then(|p| p.query_selector(".listing-stories").ok().flatten());
    let (Some(listing), Some(next), Some(stories)) = (listing, next, stories) else {
        return;
    };
    set_busy(button, true);
    let button = button.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(e) = page
            .as_ref()
            .and_then(|p| p.query_selector(".listing-error").ok().flatten())
        {
            e.remove();
        }
        let path = links().listing(&listing, next);
        match loaders::page(&path, PageRequest::Usual, None).await {
            Ok(more) => {
                if let Ok(Some(found)) = more.content.query_selector(".listing-stories") {
                    let online = crate::offline::connectivity::is_online();
                    handles
                        .saved
                        .get()
                        .with_untracked(|s| super::mark_cards_in(&found, online, s));
                    super::share::enhance(&found);
                    while let Some(child) = found.first_child() {
                        let _ = stories.append_child(&child);
                    }
                }
                // The fetched page says whether there is a page after it.
                let after = more
                    .content
                    .query_selector("[data-action='more']")
                    .ok()
                    .flatten()
                    .and_then(|a| a.get_attribute("data-next"));
                match after {
                    Some(n) => {
                        let _ = button.set_attribute("data-next", &n);
                        set_busy(&button, false);
                    }
                    None => button.remove(),
                }
            }
            Err(e) => {
                set_busy(&button, false);
                if let Some(p) = super::document().and_then(|d| d.create_element("p").ok()) {
                    p.set_class_name("inline-error listing-error");
                    let _ = p.set_attribute("role", "alert");
                    p.set_text_content(Some(&e.reader_message()));
                    let _ = stories.after_with_node_1(&p);
                }
            }
        }
    });
}

/// Saves every article of the listing for offline reading, with progress.
pub(super) fn save(button: &Element, handles: Handles) {
    if button.has_attribute("disabled") {
        return;
    }
    let Some(listing) = button
        .get_attribute("data-listing")
        .and_then(|id| Listing::from_id(&id))
    else {
        return;
    };
    let Some(status) = button
        .parent_element()
        .and_then(|p| p.query_selector(".save-progress").ok().flatten())
    else {
        return;
    };
    let _ = button.set_attribute("disabled", "");
    let button = button.clone();
    let progress = {
        let status = status.clone();
        move |done: usize, total: usize| {
            status.set_inner_html(&format!(
                r#"<progress max="{}" value="{done}"></progress> <span>Saving {done} of {total}…</span>"#,
                total.max(1)
            ));
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        progress(0, 0);
        match loaders::save_listing(&listing, progress).await {
            Ok(slugs) => {
                handles.saved.mark(slugs.iter().map(String::as_str));
                status.set_inner_html(&format!(
                    r#"<span>Saved {} articles. They are in your <a href="{}">library</a>.</span>"#,
                    slugs.len(),
                    links().library()
                ));
            }
            Err(e) => {
                if let crate::net::LoadError::Storage(_) = &e {
                    handles.notices.push(
                        crate::context::Level::Warning,
                        e.reader_message(),
                        Some((links().library(), "Free up space".to_owned())),
                    );
                }
                status.set_inner_html("");
                let span = super::document().and_then(|d| d.create_element("span").ok());
                if let Some(span) = span {
                    span.set_class_name("inline-error");
                    span.set_text_content(Some(&e.reader_message()));
                    let _ = status.append_child(&span);
                }
            }
        }
        let _ = button.remove_attribute("disabled");
        if let Ok(b) = button.dyn_into::<HtmlElement>() {
            let _ = b.focus();
        }
    });
}
