//! Entry point: panic hook, logging, the reader's language, and the app
//! mounted into the page's `<main>` (after the page the build wrote there,
//! which stays).

use wasm_bindgen::JsCast;

fn main() {
    folio::panic::install();
    let _ = console_log::init_with_level(log::Level::Warn);
    // The app draws in the reader's language, so it knows it first (a
    // file fetched only when that is not the page's, nor English).
    wasm_bindgen_futures::spawn_local(async {
        folio::i18n::start().await;
        mount();
    });
    #[cfg(debug_assertions)]
    folio::dev::reload_on_rebuild();
}

fn mount() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    match main {
        Some(main) => leptos::mount::mount_to(main, folio::App).forget(),
        None => leptos::mount::mount_to_body(folio::App),
    }
}
