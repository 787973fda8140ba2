//! Browser tests: the app's handlers and browser APIs in real headless
//! Chromium.
#![cfg(target_arch = "wasm32")]

use folio::actions::{self, Handles};
use folio::context;
use folio_content::paths::Links;
use folio_content::{ArticleSummary, Kind, Site, Timestamp};
use folio_views::Ctx;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// The app's document listeners, installed once for the whole test run
/// (each install adds listeners).
fn with_app_listeners() {
    thread_local!(static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if INSTALLED.replace(true) {
        return;
    }
    // Mounted like the app (which also starts Leptos's task executor), with
    // the app's shared state and listeners but none of its pages.
    let handle = leptos::mount::mount_to(container(), || {
        context::provide();
        actions::install(Handles {
            notices: context::notices(),
            marks: context::library_marks(),
            location: context::location(),
        });
    });
    handle.forget();
}

fn site() -> Site {
    folio::json::site(
        r#"{"name":"Folio","base_url":"https://folio.example/","sections":[{"slug":"europe","name":"Europe"}]}"#,
    )
    .unwrap()
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
fn a_brief_opens_and_closes_with_its_disclosure_button() {
    with_app_listeners();
    let root = container();
    let (site, links) = (site(), Links::new("/"));
    let ctx = Ctx {
        site: &site,
        links: &links,
        texts: &folio_views::i18n::Texts::english(),
    };
    root.set_inner_html(&folio_views::cards::brief(&ctx, &brief()).into_string());
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
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!more.has_attribute("hidden"));
    assert_eq!(button.text_content().as_deref(), Some("Show less"));

    button.click();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(more.has_attribute("hidden"));
    assert_eq!(button.text_content().as_deref(), Some("Keep reading"));
    root.remove();
}

#[wasm_bindgen_test]
fn a_link_to_a_place_on_the_page_moves_there_and_stays_on_the_page() {
    with_app_listeners();
    let root = container();
    root.set_inner_html(
        r##"<p><a id="to-note" href="#fn-1">1</a></p><div style="height:3000px"></div><div id="fn-1">The note.</div>"##,
    );
    let before = web_sys::window().unwrap().location().href().unwrap();
    let link: web_sys::HtmlElement = root
        .query_selector("#to-note")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        web_sys::window().unwrap().location().href().unwrap(),
        before,
        "no navigation"
    );
    assert_eq!(
        doc.active_element().map(|e| e.id()).as_deref(),
        Some("fn-1"),
        "focus follows"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn hostile_markdown_renders_inert_in_the_dom() {
    let root = container();
    let html = folio_content::markdown::render(
        "<script>window.pwned=1</script>\n\n<img src=x onerror=\"window.pwned=1\">\n\n[x](javascript:window.pwned=1)",
    );
    root.set_inner_html(&html);
    // Handlers run later, not during `innerHTML`: wait until a control
    // image with the same broken source has had its error event (any
    // `onerror` in the rendered HTML would have run by then), then a tick.
    let (fired, errored) = futures::channel::oneshot::channel::<()>();
    let fired = std::cell::Cell::new(Some(fired));
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = fired.take() {
            let _ = f.send(());
        }
    });
    let control: web_sys::HtmlImageElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("img")
        .unwrap()
        .unchecked_into();
    control.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    control.set_src("x");
    errored.await.expect("the control image fails to load");
    folio::net::sleep(50).await;
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a handler in the rendered HTML ran");
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("a").unwrap().is_none());
    root.remove();
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
