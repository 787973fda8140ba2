//! The rail's newest briefs and stories. They change with every
//! publication, so the build writes them once (`folio_views::rail::news`,
//! at `paths::RAIL_NEWS`) rather than into every article's page, and the
//! app puts them in the rail of the article on screen. Each block holds one
//! story more than it shows (the spare, hidden by the stylesheet); if the
//! article on screen is among them, it leaves and the spare takes its place.
//! Until then, or if they cannot be fetched, the rail links to them.

use crate::context::LibraryMarks;
use folio_content::paths::RAIL_NEWS;
use leptos::prelude::*;
use web_sys::Element;

/// Fills the rail of the article `slug`, shown in `root`; its cards say
/// what `marks` knows of their articles.
pub fn fill(root: &Element, slug: &str, marks: LibraryMarks) {
    let Ok(Some(slot)) = root.query_selector("[data-rail-news]") else {
        return;
    };
    let own = format!("[data-rail-item=\"{slug}\"]");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(html) = crate::net::fetch_text(RAIL_NEWS, None).await else {
            return;
        };
        slot.set_inner_html(&html);
        if let Ok(Some(own)) = slot.query_selector(&own) {
            if let Some(Ok(Some(spare))) = own
                .parent_element()
                .map(|block| block.query_selector("[data-rail-spare]"))
            {
                let _ = spare.remove_attribute("data-rail-spare");
            }
            own.remove();
        }
        // As `enhance` does for a page, without the app's context, which
        // is not there once the fetch is done.
        super::share::enhance(&slot);
        let online = crate::offline::connectivity::is_online();
        marks
            .get()
            .with_untracked(|m| super::mark_cards_in(&slot, online, m));
    });
}
