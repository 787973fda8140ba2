//! The rail's newest briefs and stories. They change with every
//! publication, so the build writes them once (`folio_views::rail::news`,
//! at `paths::RAIL_NEWS`) rather than into every article's page, and the
//! app puts them in the rail of the article on screen. Each block holds one
//! story more than it shows (the spare, hidden by the stylesheet); if the
//! article on screen is among them, it leaves and the spare takes its place.
//! Until then, or if they cannot be fetched, the rail links to them.

use folio_content::paths::RAIL_NEWS;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Fills the rail of the article `slug`, shown in `root`.
pub fn fill(root: &Element, slug: &str) {
    let Ok(Some(slot)) = root.query_selector("[data-rail-news]") else {
        return;
    };
    let own = format!("[data-rail-item=\"{slug}\"]");
    // The task runs outside the page's component: it takes the state that
    // readying the blocks reads.
    let (online, marks) = (crate::context::online(), crate::context::library_marks());
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
        if let Ok(slot) = slot.dyn_into::<HtmlElement>() {
            super::enhance_with(&slot, online, marks);
        }
    });
}
