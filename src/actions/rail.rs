//! The rail's newest briefs and stories. They change with every
//! publication, so the build writes them once (`folio_views::rail::news`,
//! at `paths::RAIL_NEWS`) rather than into every article's page, and the
//! app puts them in the rail of the article on screen, without the article
//! itself. Until then, or if they cannot be fetched, the rail links to them.

use folio_content::paths::RAIL_NEWS;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Fills the rail of the article `slug`, shown in `root`.
pub fn fill(root: &Element, slug: &str) {
    let Ok(Some(slot)) = root.query_selector("[data-rail-news]") else {
        return;
    };
    let own = format!("[data-rail-item=\"{slug}\"]");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(html) = crate::net::fetch_text(RAIL_NEWS, None).await else {
            return;
        };
        let Some(news) = super::element_from_html(&html) else {
            return;
        };
        let Ok(blocks) = news.query_selector_all(":scope > section") else {
            return;
        };
        for i in 0..blocks.length() {
            let Some(block) = blocks.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            // Each block holds one story more than it shows: the article
            // leaves itself out, or the spare goes.
            let gone = block
                .query_selector(&own)
                .ok()
                .flatten()
                .or_else(|| block.query_selector("[data-rail-spare]").ok().flatten());
            if let Some(gone) = gone {
                gone.remove();
            }
            if block
                .query_selector("[data-rail-item]")
                .ok()
                .flatten()
                .is_none()
            {
                block.remove();
            }
        }
        // The reader may have moved on.
        if slot.is_connected() && slot.replace_with_with_node_1(&news).is_ok() {
            if let Ok(news) = news.dyn_into::<HtmlElement>() {
                super::enhance(&news);
            }
        }
    });
}
