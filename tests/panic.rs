//! A panic hands the page back to the browser, in a real browser. Its own
//! test binary: the panic flag is global and would switch off the app's
//! listeners for every other browser test.
#![cfg(target_arch = "wasm32")]

use folio::actions::{self, Handles};
use folio::context;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Clicks `link` and returns whether the app took the click over.
fn app_took(link: &web_sys::HtmlElement) -> bool {
    let taken = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = taken.clone();
    // After the document's listener (bubbling): note its verdict, then stop
    // the browser from actually leaving the test page.
    let after = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        seen.set(ev.default_prevented());
        ev.prevent_default();
    });
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    link.click();
    window
        .remove_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    taken.get()
}

#[wasm_bindgen_test]
fn after_a_panic_the_page_is_the_browsers_again_with_a_way_to_reload() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), || {
        context::provide();
        actions::install(Handles {
            notices: context::notices(),
            marks: context::library_marks(),
            location: context::location(),
        });
    })
    .forget();
    let html = document().document_element().unwrap();
    assert!(html.class_list().contains("app"));
    // A link the app would show in place.
    host.set_inner_html(r#"<a id="story" href="/articles/some-story">A story</a>"#);
    let link: web_sys::HtmlElement = document()
        .get_element_by_id("story")
        .unwrap()
        .unchecked_into();

    folio::panic::report("panicked at src/somewhere.rs:1:1: boom");
    folio::panic::report("a second panic adds nothing");

    let notices = document()
        .query_selector_all("[role=alert].app-failure")
        .unwrap();
    assert_eq!(notices.length(), 1, "one notice");
    let notice: web_sys::Element = notices.get(0).unwrap().unchecked_into();
    assert_eq!(
        notice
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Something went wrong"
    );
    let reload = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(reload.text_content().unwrap(), "Reload");
    assert_eq!(
        reload.get_attribute("href").unwrap(),
        web_sys::window().unwrap().location().href().unwrap(),
        "a plain link to this page: it reloads with the app dead"
    );
    assert!(notice.text_content().unwrap().contains("boom"));
    assert!(
        !html.class_list().contains("app"),
        "the app's controls hide"
    );
    assert!(!app_took(&link), "links navigate as ordinary links");
    host.remove();
}
