//! The frame around pages (masthead, footer) is the build's, in every
//! document; this keeps it in step with the page shown as the reader moves.

use crate::actions;
use crate::components::resume;
use crate::context;
use leptos::prelude::*;

/// Marks the current page in the masthead, lets the build's page give way
/// when the URL is no longer its own, and keeps the cards' offline marks
/// current.
#[component]
pub fn Frame() -> impl IntoView {
    let location = context::location().0;
    let prerendered = context::prerendered();
    Effect::new(move |_| {
        let path = location.get();
        actions::mark_current_page(&path);
        if !prerendered.shows(&path) {
            prerendered.release();
        }
    });
    let online = context::online().0;
    let marks = context::library_marks().get();
    Effect::new(move |_| {
        let online = online.get();
        marks.with(|marks| actions::mark_cards(online, marks));
    });
    // "Continue reading" on the front page only.
    let on_front = move || {
        let home = crate::routes::links().home();
        location.with_untracked(|p| p.trim_end_matches('/') == home.trim_end_matches('/'))
    };
    Effect::new(move |_| {
        let here = location.with(|p| {
            p.trim_end_matches('/') == crate::routes::links().home().trim_end_matches('/')
        });
        if here {
            marks.with(|marks| resume::show(marks, on_front));
        } else {
            resume::hide();
        }
    });
}
