//! Share actions for an article or brief: the system share sheet where the
//! browser has one, and always a menu of networks, Mastodon and copy link.

use folio_content::share::{self, Network};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the reader's Mastodon server is remembered.
const MASTODON_KEY: &str = "folio.mastodon-instance";

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &name.into()).is_ok_and(|v| v.is_function())
}

/// The data object for `navigator.share`.
fn share_data(title: &str, text: &str, url: &str) -> JsValue {
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &k.into(), &v.into());
    }
    data.into()
}

/// Whether the browser offers a share sheet for this data.
fn can_share_natively(data: &JsValue) -> bool {
    let Some(nav) = navigator() else { return false };
    if !has(&nav, "share") {
        return false;
    }
    if !has(&nav, "canShare") {
        return true;
    }
    js_sys::Reflect::get(&nav, &"canShare".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&nav, data).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Opens the share sheet. It must be called from the click itself (user
/// activation), so the call happens before any await.
async fn share_natively(data: JsValue) -> Result<(), String> {
    let nav = navigator().ok_or("no navigator")?;
    let share = js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("no share")?;
    let promise: js_sys::Promise = share
        .call1(&nav, &data)
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            // The reader closing the sheet is not an error.
            if name == "AbortError" {
                Ok(())
            } else {
                Err(name)
            }
        }
    }
}

async fn copy_to_clipboard(text: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    if !js_sys::Reflect::has(&nav, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    JsFuture::from(nav.clipboard().write_text(text))
        .await
        .is_ok()
}

fn remembered_instance() -> Option<String> {
    crate::offline::storage::local()?
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

/// Share button and menu. `url` is the canonical article URL.
#[component]
pub fn ShareBar(
    #[prop(into)] url: String,
    #[prop(into)] title: String,
    #[prop(into, default = String::new())] text: String,
    /// A unique id prefix for the menu (several bars can share a page).
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let asking_mastodon = RwSignal::new(false);
    let instance = RwSignal::new(remembered_instance());
    let instance_error = RwSignal::new(false);
    let menu_id = format!("{id}-share-menu");
    let data = share_data(&title, &text, &url);
    let native = can_share_natively(&data);
    let data = StoredValue::new_local(data);
    let url = StoredValue::new(url);
    let title = StoredValue::new(title);

    let on_native = move |_| {
        let data = data.get_value();
        leptos::task::spawn_local(async move {
            if let Err(e) = share_natively(data).await {
                log::warn!("share sheet failed ({e}); showing the menu");
                menu_open.set(true);
            }
        });
    };
    let on_copy = move |_| {
        let link = url.get_value();
        leptos::task::spawn_local(async move { copied.set(Some(copy_to_clipboard(&link).await)) });
    };
    let on_mastodon = move |_| match instance.get_untracked() {
        Some(host) => open_new_tab(&share::mastodon_url(
            &host,
            &url.get_value(),
            &title.get_value(),
        )),
        None => asking_mastodon.set(true),
    };
    let on_instance = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|f| f.elements().named_item("instance"))
            .and_then(|e| e.dyn_into().ok());
        let typed = input.map(|i| i.value()).unwrap_or_default();
        match share::mastodon_instance(&typed) {
            Some(host) => {
                if let Some(s) = crate::offline::storage::local() {
                    let _ = s.set_item(MASTODON_KEY, &host);
                }
                instance.set(Some(host.clone()));
                instance_error.set(false);
                asking_mastodon.set(false);
                open_new_tab(&share::mastodon_url(
                    &host,
                    &url.get_value(),
                    &title.get_value(),
                ));
            }
            None => instance_error.set(true),
        }
    };

    view! {
        <div class="share">
            {native.then(|| view! {
                <button type="button" class="button share-native" on:click=on_native>"Share"</button>
            })}
            <button type="button" class="button-secondary share-toggle"
                aria-expanded=move || menu_open.get().to_string() aria-controls=menu_id.clone()
                on:click=move |_| menu_open.update(|o| *o = !*o)>
                {if native { "More ways to share" } else { "Share" }}
            </button>
            <div id=menu_id.clone() class="share-menu" hidden=move || !menu_open.get()>
                <ul class="share-targets">
                    {Network::ALL.into_iter().map(|n| {
                        let href = n.share_url(&url.get_value(), &title.get_value());
                        view! {
                            <li>
                                <a class=format!("share-link share-{}", n.id()) href=href
                                    target="_blank" rel="noopener noreferrer">{n.label()}</a>
                            </li>
                        }
                    }).collect_view()}
                    <li>
                        <button type="button" class="share-link share-mastodon" on:click=on_mastodon>"Mastodon"</button>
                    </li>
                    <li>
                        <button type="button" class="share-link share-copy" on:click=on_copy>"Copy link"</button>
                    </li>
                </ul>
                <Show when=move || asking_mastodon.get()>
                    <form class="mastodon-form" on:submit=on_instance>
                        <label for=format!("{id}-instance")>"Your Mastodon server"</label>
                        <input id=format!("{id}-instance") name="instance" type="text" inputmode="url"
                            autocomplete="off" placeholder="mastodon.social"
                            aria-invalid=move || instance_error.get().to_string()/>
                        <button type="submit" class="button">"Share on Mastodon"</button>
                        <Show when=move || instance_error.get()>
                            <p class="inline-error" role="alert">"That does not look like a server name, such as mastodon.social."</p>
                        </Show>
                    </form>
                </Show>
                <Show when=move || instance.get().is_some() && !asking_mastodon.get()>
                    <p class="share-note">
                        {move || format!("Mastodon shares go to {}. ", instance.get().unwrap_or_default())}
                        <button type="button" class="link-button" on:click=move |_| asking_mastodon.set(true)>"Change server"</button>
                    </p>
                </Show>
                <div class="share-copy-status" role="status" aria-live="polite">
                    {move || match copied.get() {
                        Some(true) => Some(view! { <p class="share-copied">"Link copied"</p> }.into_any()),
                        Some(false) => Some(view! {
                            <p>"Copying was not allowed here. Select the link and copy it:"</p>
                            <input class="share-url" type="text" readonly value=url.get_value()
                                on:focus=|ev| { if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); } }/>
                        }.into_any()),
                        None => None,
                    }}
                </div>
            </div>
        </div>
    }
}
