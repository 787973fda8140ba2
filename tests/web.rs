//! Browser tests: components and browser APIs in real headless Chromium.
#![cfg(target_arch = "wasm32")]

use folio::components::brief::Brief;
use folio_content::{ArticleSummary, Kind, Timestamp};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn brief() -> ArticleSummary {
    ArticleSummary {
        headline: "A test brief".into(),
        teaser: Some("First paragraph.\n\nSecond paragraph.".into()),
        ..ArticleSummary::minimal(
            "test-brief",
            "europe",
            Kind::Brief,
            Timestamp::parse("2026-11-02T09:30:00Z").unwrap(),
        )
    }
}

#[wasm_bindgen_test]
async fn brief_toggle_is_an_accessible_disclosure() {
    let root = container();
    // The headline is a router link, so the brief needs a router around it.
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <Router><Brief story=brief()/></Router> },
    );
    let button: web_sys::HtmlElement = root
        .query_selector("button.brief-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let more = root.query_selector(".brief-more").unwrap().unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(button.get_attribute("aria-controls"), Some(more.id()));
    assert!(more.has_attribute("hidden"));

    button.click();
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!more.has_attribute("hidden"));
    assert_eq!(button.text_content().as_deref(), Some("Show less"));

    button.click();
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(more.has_attribute("hidden"));
}

#[wasm_bindgen_test]
fn hostile_markdown_renders_inert_in_the_dom() {
    let root = container();
    let html = folio_content::markdown::render(
        "<script>window.pwned=1</script>\n\n<img src=x onerror=\"window.pwned=1\">\n\n[x](javascript:window.pwned=1)",
    );
    root.set_inner_html(&html);
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("a").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
fn dates_use_the_readers_locale() {
    let ts = Timestamp::parse("2026-11-02T12:00:00Z").unwrap();
    let shown = folio::dates::long_date(&ts);
    assert!(shown.contains("2026"), "{shown}");
    assert!(shown.contains('2'), "{shown}");
}

#[wasm_bindgen_test]
fn a_new_request_aborts_the_previous_one_and_dropping_aborts_the_last() {
    let inflight = folio::net::Inflight::default();
    let first = inflight.next().unwrap();
    assert!(!first.aborted());
    let second = inflight.next().unwrap();
    assert!(first.aborted(), "starting a new load cancels the old one");
    assert!(!second.aborted());
    drop(inflight);
    assert!(second.aborted(), "leaving the page cancels its load");
}
