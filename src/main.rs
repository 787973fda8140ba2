//! Entry point: panic hook, logging, and the app mounted into the page's
//! `<main>` (after the page the build wrote there, which stays).

use wasm_bindgen::JsCast;

fn main() {
    folio::panic::install();
    let _ = console_log::init_with_level(log::Level::Warn);
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    match main {
        Some(main) => leptos::mount::mount_to(main, folio::App).forget(),
        None => leptos::mount::mount_to_body(folio::App),
    }
}
