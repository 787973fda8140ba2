//! The reader's interface language (`folio_views::i18n`): the one chosen in
//! Display settings, else the first of the browser's languages Folio is
//! written in, else the page's own. Pages arrive in the site's language;
//! when the reader's differs, the marked interface text of every page the
//! app shows is rewritten in it (`lang` set on what was rewritten, so the
//! story text keeps the site's language), and the app draws its own parts
//! in it. The texts are fixed for the life of the page, like the links:
//! choosing another language reloads the page.

use folio_views::i18n::{Locale, Msg, Texts, ARG_SEPARATOR};
use folio_views::settings::LANGUAGE;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;
use web_sys::Element;

static TEXTS: OnceLock<Texts> = OnceLock::new();

/// The reader's texts (English until [`start`] has chosen).
pub fn texts() -> &'static Texts {
    TEXTS.get_or_init(Texts::english)
}

/// One message's text in the reader's language.
pub fn t(m: Msg) -> &'static str {
    texts().get(m)
}

/// A message with `{0}`, `{1}`… filled, in the reader's language.
pub fn fill(m: Msg, args: &[&str]) -> String {
    texts().fill(m, args)
}

/// The language the page was written in: `<html lang>`, the site's.
fn page_language() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}

/// The browser's languages, most wanted first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// The reader's language: chosen, else the browser's, else the page's.
pub fn chosen() -> Locale {
    let stored = crate::actions::settings::stored();
    if let Some(locale) = stored.get(LANGUAGE).and_then(Locale::of) {
        return locale;
    }
    let page = page_language();
    Locale::negotiate(browser_languages().iter().map(String::as_str))
        .or_else(|| page.as_deref().and_then(Locale::of))
        .unwrap_or(Locale::En)
}

/// Chooses the reader's language and loads its texts (English is built
/// in; the others are the build's `i18n/<tag>.json`, which the worker
/// keeps for offline use), then rewrites the document's interface in it.
/// A language file that cannot be had leaves the interface as written.
pub async fn start() {
    let locale = chosen();
    let texts = if locale == Locale::En {
        Some(Texts::english())
    } else {
        load(locale).await
    };
    let Some(texts) = texts else {
        return;
    };
    let _ = TEXTS.set(texts);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        localize(&root);
    }
}

async fn load(locale: Locale) -> Option<Texts> {
    let path = folio_content::paths::language_file(locale.tag());
    let text = crate::net::fetch_text(&path, None).await.ok()?;
    let object = js_sys::JSON::parse(&text).ok()?;
    if !object.is_object() {
        return None;
    }
    Some(Texts::read(locale, |name| {
        js_sys::Reflect::get(&object, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    }))
}

/// Whether the page's interface needs rewriting: the reader's language is
/// not the one the page was written in.
fn differs() -> bool {
    let page = page_language()
        .as_deref()
        .and_then(Locale::of)
        .unwrap_or(Locale::En);
    texts().locale() != page
}

/// Rewrites the marked interface text under `root` (`data-t`, `data-t-label`,
/// `data-t-date`, a disclosure's two labels) in the reader's language.
pub fn localize(root: &Element) {
    if !differs() {
        return;
    }
    let texts = texts();
    let tag = texts.locale().tag();
    let args_of = |el: &Element, attr: &str| el.get_attribute(attr).unwrap_or_default();
    let fill = |name: &str, args: &str| {
        let m = Msg::from_name(name)?;
        let args: Vec<&str> = if args.is_empty() {
            Vec::new()
        } else {
            args.split(ARG_SEPARATOR).collect()
        };
        Some(texts.fill(m, &args))
    };
    each(root, "[data-t]", |el| {
        if let Some(text) = el
            .get_attribute("data-t")
            .and_then(|n| fill(&n, &args_of(el, "data-t-args")))
        {
            el.set_text_content(Some(&text));
            let _ = el.set_attribute("lang", tag);
        }
    });
    each(root, "[data-t-label]", |el| {
        if let Some(text) = el
            .get_attribute("data-t-label")
            .and_then(|n| fill(&n, &args_of(el, "data-t-label-args")))
        {
            let _ = el.set_attribute("aria-label", &text);
        }
    });
    each(root, "time[data-t-date]", |el| {
        let Some(when) = el
            .get_attribute("datetime")
            .and_then(|d| folio_content::Timestamp::parse(&d).ok())
        else {
            return;
        };
        let text = if el.get_attribute("data-t-date").as_deref() == Some("datetime") {
            texts.long_date_time(&when)
        } else {
            texts.long_date(&when)
        };
        el.set_text_content(Some(&text));
        let _ = el.set_attribute("lang", tag);
    });
    for (mark, attr) in [
        ("data-t-expanded", "data-expanded-text"),
        ("data-t-collapsed", "data-collapsed-text"),
    ] {
        each(root, &format!("[{mark}]"), |el| {
            if let Some(text) = el.get_attribute(mark).and_then(|n| fill(&n, "")) {
                let _ = el.set_attribute(attr, &text);
            }
        });
    }
}

/// `root` itself if it matches `selector`, and its descendants that do.
fn each(root: &Element, selector: &str, mut f: impl FnMut(&Element)) {
    if root.matches(selector).unwrap_or(false) {
        f(root);
    }
    let Ok(found) = root.query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(&el);
        }
    }
}

/// The stories' language (the page's), where it is not the interface's:
/// what the app draws of them (titles in the library and search) says so.
pub fn content_lang() -> Option<String> {
    page_language().filter(|_| differs())
}

/// Sets an interface element's text in the reader's language, marked as
/// such where the page's is another.
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
    if differs() {
        let _ = el.set_attribute("lang", lang());
    }
}

/// The `lang` of what the app draws in the reader's language.
pub fn lang() -> &'static str {
    texts().locale().tag()
}

/// A sentence for readers about a content file that could not be used.
pub fn content_message(e: &folio_content::ContentError) -> String {
    use folio_content::ContentError;
    t(match e {
        ContentError::Malformed { .. } | ContentError::Invalid { .. } => Msg::ContentDamaged,
        ContentError::UnsupportedVersion { .. } => Msg::ContentNeedsNewerApp,
    })
    .to_owned()
}
