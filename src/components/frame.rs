//! The frame around pages (masthead, footer) is the build's, in every
//! document; this keeps it in step with the page shown as the reader moves.

use crate::actions;
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
    let saved = context::saved().get();
    Effect::new(move |_| {
        let online = online.get();
        saved.with(|set| actions::mark_cards(online, set));
    });
}
