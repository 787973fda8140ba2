//! A listing page's controls: "More stories", which adds the next page of
//! the listing in place (without the app it is a link to that page), and
//! "Save <section> for offline".

use super::Handles;
use crate::i18n::{fill, t};
use crate::loaders;
use crate::net::PageRequest;
use crate::routes::links;
use crate::store::Shelf;
use folio_content::paths::Listing;
use folio_views::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
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
    crate::i18n::set_text(
        button,
        t(if busy { Msg::Loading } else { Msg::MoreStories }),
    );
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
                        .marks
                        .get()
                        .with_untracked(|m| super::mark_cards_in(&found, online, m));
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

/// Saves every article of the listing for offline reading, with progress
/// and a "Stop saving" button.
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
    let section = button.parent_element();
    let find = |selector: &str| {
        section
            .as_ref()
            .and_then(|p| p.query_selector(selector).ok().flatten())
    };
    let (Some(status), cancel) = (find(".save-progress"), find(".save-cancel")) else {
        return;
    };
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let _ = button.set_attribute("disabled", "");
    // "Stop saving" aborts the downloads; what completed stays saved.
    let stop = Closure::<dyn Fn()>::new({
        let controller = controller.clone();
        move || controller.abort()
    });
    if let Some(cancel) = &cancel {
        let _ = cancel.remove_attribute("hidden");
        let _ = cancel.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref());
    }
    let button = button.clone();
    let progress = {
        let status = status.clone();
        move |done: usize, total: usize| {
            status.set_inner_html(&format!(
                r#"<progress max="{}" value="{done}"></progress> <span></span>"#,
                total.max(1)
            ));
            if let Some(span) = status.last_element_child() {
                span.set_text_content(Some(&fill(
                    Msg::SavingCount,
                    &[&done.to_string(), &total.to_string()],
                )));
            }
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        progress(0, 0);
        let result = loaders::save_listing(&listing, Some(controller.signal()), progress).await;
        if let Some(cancel) = &cancel {
            let _ = cancel.set_attribute("hidden", "");
            let _ =
                cancel.remove_event_listener_with_callback("click", stop.as_ref().unchecked_ref());
        }
        drop(stop);
        match result {
            Ok(report) => {
                handles
                    .marks
                    .mark(report.saved.iter().map(String::as_str), Shelf::Saved);
                show_report(&status, &report);
            }
            Err(e) => {
                if let crate::net::LoadError::Storage(_) = &e {
                    handles.notices.push(
                        crate::context::Level::Warning,
                        e.reader_message(),
                        Some((links().library(), t(Msg::FreeUpSpace).to_owned())),
                    );
                }
                status.set_inner_html("");
                let message = match e {
                    crate::net::LoadError::Aborted => t(Msg::SavingStopped).to_owned(),
                    e => e.reader_message(),
                };
                append(&status, "span", "inline-error", &message);
            }
        }
        let _ = button.remove_attribute("disabled");
        if let Ok(b) = button.dyn_into::<HtmlElement>() {
            let _ = b.focus();
        }
    });
}

/// Appends a `tag` element of `class` with `text` to `parent`.
fn append(parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = super::document()?.create_element(tag).ok()?;
    el.set_class_name(class);
    el.set_text_content(Some(text));
    parent.append_child(&el).ok()?;
    Some(el)
}

/// What the save did, in a sentence, with what could not be saved.
fn show_report(status: &Element, report: &loaders::SaveReport) {
    let saved = report.saved.len();
    let texts = crate::i18n::texts();
    let articles = |n: usize| texts.count(n as u64, Msg::ArticlesOne, Msg::ArticlesOther);
    let summary = if report.stopped {
        fill(
            Msg::SavingStoppedCount,
            &[&saved.to_string(), &articles(report.total)],
        )
    } else if report.failed.is_empty() {
        fill(Msg::SavedCount, &[&articles(saved)])
    } else {
        fill(
            Msg::SavedCountOf,
            &[&saved.to_string(), &articles(report.total)],
        )
    };
    status.set_inner_html(&format!(
        r#"<span><span></span> <a href="{}"></a></span>"#,
        links().library()
    ));
    if let Ok(Some(span)) = status.query_selector("span span") {
        span.set_text_content(Some(&summary));
    }
    if let Ok(Some(a)) = status.query_selector("a") {
        a.set_text_content(Some(t(Msg::InYourLibraryLink)));
    }
    if report.failed.is_empty() {
        return;
    }
    let failed = report.failed.len();
    let _ = append(
        status,
        "p",
        "inline-error",
        &fill(Msg::CouldNotBeSaved, &[&articles(failed)]),
    );
    if let Some(list) = append(status, "ul", "save-failures", "") {
        for (headline, reason) in &report.failed {
            let _ = append(&list, "li", "", &format!("{headline}: {reason}"));
        }
    }
}
