//! Share actions on a share bar (`folio_views::share`): the system share
//! sheet where the browser has one, Mastodon (asking for the reader's
//! server once) and copy link with a fallback when the clipboard is refused.

use crate::i18n::t;
use folio_content::share;
use folio_views::i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Where the reader's Mastodon server is remembered.
const MASTODON_KEY: &str = "folio.mastodon-instance";

/// What one share bar shares.
struct Shared {
    bar: Element,
    url: String,
    title: String,
    text: String,
}

fn shared(el: &Element) -> Option<Shared> {
    let bar = el.closest(".share").ok()??;
    let attr = |name: &str| bar.get_attribute(name).unwrap_or_default();
    Some(Shared {
        url: attr("data-share-url"),
        title: attr("data-share-title"),
        text: attr("data-share-text"),
        bar,
    })
}

fn find(bar: &Element, selector: &str) -> Option<Element> {
    bar.query_selector(selector).ok().flatten()
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

fn function(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The data object for `navigator.share`.
fn share_data(s: &Shared) -> JsValue {
    let data = js_sys::Object::new();
    for (k, v) in [("title", &s.title), ("text", &s.text), ("url", &s.url)] {
        let _ = js_sys::Reflect::set(&data, &k.into(), &v.into());
    }
    data.into()
}

/// Whether the browser offers a share sheet for this data.
fn can_share_natively(data: &JsValue) -> bool {
    let Some(nav) = navigator() else { return false };
    if function(&nav, "share").is_none() {
        return false;
    }
    match function(&nav, "canShare") {
        None => true,
        Some(f) => f.call1(&nav, data).is_ok_and(|v| v.is_truthy()),
    }
}

fn remembered_instance() -> Option<String> {
    crate::prefs::local()?
        .get_item(MASTODON_KEY)
        .ok()
        .flatten()
        .and_then(|s| share::mastodon_instance(&s))
}

fn open_new_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
    }
}

fn show(el: Option<Element>, visible: bool) {
    if let Some(el) = el {
        let _ = el.toggle_attribute_with_force("hidden", !visible);
    }
}

/// Shows "Mastodon shares go to <server>" when a server is remembered.
fn show_instance(bar: &Element) {
    let instance = remembered_instance();
    if let Some(name) = find(bar, ".share-instance") {
        name.set_text_content(instance.as_deref());
    }
    show(find(bar, ".share-note"), instance.is_some());
}

/// Readies every share bar under `root`: the share-sheet button where the
/// browser has one, and the remembered Mastodon server.
pub(super) fn enhance(root: &Element) {
    let Ok(bars) = root.query_selector_all(".share") else {
        return;
    };
    for i in 0..bars.length() {
        let Some(bar) = bars.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(s) = shared(&bar) else { continue };
        if can_share_natively(&share_data(&s)) {
            show(find(&bar, ".share-native"), true);
            if let Some(toggle) = find(&bar, ".share-toggle") {
                crate::i18n::set_text(&toggle, t(Msg::MoreWaysToShare));
            }
        }
        show_instance(&bar);
    }
}

/// Opens the share sheet. The call happens in the click itself (user
/// activation); if the sheet fails, the menu opens instead.
pub(super) fn native(el: &Element) {
    let Some(s) = shared(el) else { return };
    let Some(nav) = navigator() else { return };
    let Some(share) = function(&nav, "share") else {
        return;
    };
    let Ok(promise) = share.call1(&nav, &share_data(&s)) else {
        return;
    };
    let promise: js_sys::Promise = promise.unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = JsFuture::from(promise).await {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            // The reader closing the sheet is not an error.
            if name != "AbortError" {
                log::warn!("share sheet failed ({name}); showing the menu");
                if let Some(toggle) = find(&s.bar, ".share-toggle") {
                    super::disclosure::set_open(&toggle, true);
                }
            }
        }
    });
}

async fn write_clipboard(text: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    if !js_sys::Reflect::has(&nav, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    // A browser that neither writes nor refuses (a permission prompt left
    // unanswered) gets the copy-by-hand field after a moment.
    let write = JsFuture::from(nav.clipboard().write_text(text));
    let give_up = crate::net::sleep(3000);
    futures::pin_mut!(write, give_up);
    matches!(
        futures::future::select(write, give_up).await,
        futures::future::Either::Left((Ok(_), _))
    )
}

/// Copies the link, or shows it selected for copying by hand.
pub(super) fn copy(el: &Element) {
    let Some(s) = shared(el) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let copied = write_clipboard(&s.url).await;
        let Some(status) = find(&s.bar, ".share-copy-status") else {
            return;
        };
        if copied {
            status.set_inner_html(r#"<p class="share-copied"></p>"#);
            if let Some(p) = status.first_element_child() {
                p.set_text_content(Some(t(Msg::LinkCopied)));
            }
            return;
        }
        status.set_inner_html(r#"<p></p><input class="share-url" type="text" readonly>"#);
        if let Some(p) = status.first_element_child() {
            p.set_text_content(Some(t(Msg::CopyByHand)));
        }
        if let Some(input) =
            find(&status, ".share-url").and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
        {
            input.set_value(&s.url);
            let _ = input.focus();
            input.select();
        }
    });
}

/// Shares on the remembered Mastodon server, or asks for one.
pub(super) fn mastodon(el: &Element) {
    let Some(s) = shared(el) else { return };
    match remembered_instance() {
        Some(host) => open_new_tab(&share::mastodon_url(&host, &s.url, &s.title)),
        None => ask_instance(el),
    }
}

/// Shows the "Your Mastodon server" form.
pub(super) fn ask_instance(el: &Element) {
    let Some(s) = shared(el) else { return };
    show(find(&s.bar, ".mastodon-form"), true);
    show(find(&s.bar, ".share-note"), false);
    if let Some(input) =
        find(&s.bar, ".mastodon-form input").and_then(|i| i.dyn_into::<HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// The server form was submitted: remember the server and share, or say
/// what is wrong.
pub(super) fn instance_submitted(form: &Element) {
    let Some(s) = shared(form) else { return };
    let input = find(form, "input").and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
    let typed = input.as_ref().map(|i| i.value()).unwrap_or_default();
    let valid = share::mastodon_instance(&typed);
    if let Some(input) = &input {
        let _ = input.set_attribute(
            "aria-invalid",
            if valid.is_some() { "false" } else { "true" },
        );
    }
    show(find(form, ".inline-error"), valid.is_none());
    let Some(host) = valid else { return };
    if let Some(storage) = crate::prefs::local() {
        let _ = storage.set_item(MASTODON_KEY, &host);
    }
    show(Some(form.clone()), false);
    show_instance(&s.bar);
    open_new_tab(&share::mastodon_url(&host, &s.url, &s.title));
}
