//! Where the reader is in an article: the progress bar, the position kept
//! per article (anchored to the text, not to pixels) and restored when
//! they come back, online or offline, after a reload or with another text
//! size.

use crate::context::LibraryMarks;
use crate::store::{self, Position};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How long scrolling must pause before the position is written.
const SAVE_AFTER_MS: i32 = 1200;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The article body on screen.
fn body() -> Option<Element> {
    window()?
        .document()?
        .query_selector("main .article-body")
        .ok()?
}

/// The blocks of the body: paragraphs, headings, figures, lists…
fn blocks(body: &Element) -> Vec<Element> {
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .collect()
}

/// Where the top of the window is in the article's text, and how much of
/// it has been read.
pub fn capture() -> Option<Position> {
    let body = body()?;
    let window = window()?;
    let view_height = window.inner_height().ok()?.as_f64()?;
    let rect = body.get_bounding_client_rect();
    let progress = if rect.height() <= 0.0 {
        0.0
    } else {
        ((view_height - rect.top()) / rect.height()).clamp(0.0, 1.0)
    };
    let (mut block, mut within) = (0, 0.0);
    for (i, el) in blocks(&body).iter().enumerate() {
        let r = el.get_bounding_client_rect();
        if r.bottom() > 0.0 {
            block = i as u32;
            within = if r.height() > 0.0 {
                (-r.top() / r.height()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            break;
        }
    }
    Some(Position {
        block,
        within: within as f32,
        progress: progress as f32,
        at: js_sys::Date::now(),
    })
}

/// Scrolls so the window's top is where `position` says, in today's layout.
pub fn restore(position: &Position) {
    let (Some(body), Some(window)) = (body(), window()) else {
        return;
    };
    let Some(el) = blocks(&body).into_iter().nth(position.block as usize) else {
        return;
    };
    let r = el.get_bounding_client_rect();
    let y = window.scroll_y().unwrap_or(0.0) + r.top() + f64::from(position.within) * r.height();
    window.scroll_to_with_x_and_y(0.0, y.round());
}

/// Runs `change` (a new text size, font or column width) keeping the text
/// at the top of the window where it is.
pub fn keep_place(change: impl FnOnce()) {
    let before = capture().filter(|p| p.block > 0 || p.within > 0.0);
    change();
    if let Some(position) = before {
        restore(&position);
    }
}

/// Shows how far the reader is, on the article's progress bar.
fn show_progress(progress: f32) {
    let Some(bar) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main .reading-progress").ok().flatten())
    else {
        return;
    };
    // Whole numbers: formatting a float would bring float formatting into
    // the wasm (about 20 KiB).
    let percent = (progress.clamp(0.0, 1.0) * 100.0).round() as u32;
    let _ = bar.set_attribute("aria-valuenow", &percent.to_string());
    if let Some(fill) = bar
        .first_element_child()
        .and_then(|f| f.dyn_into::<HtmlElement>().ok())
    {
        let permille = (progress.clamp(0.0, 1.0) * 1000.0).round() as u32;
        let _ = fill.style().set_property(
            "transform",
            &format!("scaleX({}.{:03})", permille / 1000, permille % 1000),
        );
    }
}

/// Takes the reader back to where they left off, unless they have moved
/// already, the URL names a place, or they had finished the article.
pub fn resume(last: &Position) {
    let Some(window) = window() else { return };
    let at_top = window.scroll_y().unwrap_or(0.0) < 40.0;
    let no_fragment = window.location().hash().unwrap_or_default().is_empty();
    if at_top && no_fragment && !last.finished() && (last.block > 0 || last.within > 0.05) {
        restore(last);
        if let Some(p) = capture() {
            show_progress(p.progress);
        }
    }
}

/// Follows the reader through an article while it is on screen (until
/// dropped): keeps the progress bar current and writes the position to the
/// library when scrolling pauses, when the page is hidden, and when the
/// reader leaves.
pub struct Following {
    window: web_sys::Window,
    on_scroll: Closure<dyn Fn()>,
    on_hide: Closure<dyn Fn()>,
    /// Kept alive for the timers and frames that call them.
    _on_frame: std::rc::Rc<Closure<dyn Fn()>>,
    _write_later: std::rc::Rc<Closure<dyn Fn()>>,
    timer: std::rc::Rc<std::cell::Cell<Option<i32>>>,
    write: std::rc::Rc<dyn Fn(bool)>,
}

/// Starts following the reader through the article `slug`.
pub fn follow(slug: String, marks: LibraryMarks) -> Option<Following> {
    use std::cell::Cell;
    use std::rc::Rc;
    let window = window()?;
    let latest = Rc::new(Cell::new(capture()));
    if let Some(p) = latest.get() {
        show_progress(p.progress);
    }
    // Where the reader arrived counts as written: nothing is stored until
    // they move.
    let written = Rc::new(Cell::new(latest.get()));
    // `stash`: the page is being hidden (maybe unloaded, maybe frozen in the
    // back/forward cache): the position goes to `localStorage` at once, not
    // into an IndexedDB transaction that may never finish. In WebKit one
    // left unfinished by a page going away holds up the library's reads in
    // the next page until it ends. The stash is written to the library when
    // the page shows again or the app next starts ([`flush_stashed`]).
    let write: Rc<dyn Fn(bool)> = {
        let latest = latest.clone();
        Rc::new(move |stash_only: bool| {
            let Some(position) = latest.get() else { return };
            // (Past the end of the body every block is above the window:
            // block and fraction read 0, progress tells the end apart.)
            let unchanged = written.get().is_some_and(|w| {
                w.block == position.block
                    && (w.within - position.within).abs() < 0.01
                    && (w.progress - position.progress).abs() < 0.01
            });
            if unchanged {
                return;
            }
            written.set(Some(position));
            marks.set_position(&slug, position);
            if stash_only {
                stash(&slug, position);
                return;
            }
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                let saved = async { store::shared().await?.set_position(&slug, position).await };
                if let Err(e) = saved.await {
                    log::warn!("could not keep the reading position of {slug}: {e}");
                }
            });
        })
    };
    let timer = Rc::new(Cell::new(None::<i32>));
    let queued = Rc::new(Cell::new(false));
    let write_later = Rc::new(Closure::<dyn Fn()>::new({
        let write = write.clone();
        move || write(false)
    }));
    let on_frame = Rc::new(Closure::<dyn Fn()>::new({
        let (queued, latest) = (queued.clone(), latest.clone());
        move || {
            queued.set(false);
            if let Some(p) = capture() {
                latest.set(Some(p));
                show_progress(p.progress);
            }
        }
    }));
    let on_scroll = Closure::<dyn Fn()>::new({
        let (window, timer, on_frame, write_later) = (
            window.clone(),
            timer.clone(),
            on_frame.clone(),
            write_later.clone(),
        );
        move || {
            if !queued.replace(true) {
                let _ = window.request_animation_frame((*on_frame).as_ref().unchecked_ref());
            }
            if let Some(id) = timer.take() {
                window.clear_timeout_with_handle(id);
            }
            timer.set(
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        (*write_later).as_ref().unchecked_ref(),
                        SAVE_AFTER_MS,
                    )
                    .ok(),
            );
        }
    });
    let on_hide = Closure::<dyn Fn()>::new({
        let write = write.clone();
        move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                write(true);
            } else {
                leptos::task::spawn_local(flush_stashed());
            }
        }
    });
    for event in ["scroll", "resize"] {
        let _ = window.add_event_listener_with_callback(event, on_scroll.as_ref().unchecked_ref());
    }
    // Hiding the page (switching away, closing the tab, leaving it) comes
    // before `pagehide`, while a write can still finish.
    if let Some(doc) = window.document() {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    }
    Some(Following {
        window,
        on_scroll,
        on_hide,
        _on_frame: on_frame,
        _write_later: write_later,
        timer,
        write,
    })
}

impl Drop for Following {
    fn drop(&mut self) {
        let w = &self.window;
        for event in ["scroll", "resize"] {
            let _ = w.remove_event_listener_with_callback(
                event,
                self.on_scroll.as_ref().unchecked_ref(),
            );
        }
        if let Some(doc) = w.document() {
            let _ = doc.remove_event_listener_with_callback(
                "visibilitychange",
                self.on_hide.as_ref().unchecked_ref(),
            );
        }
        if let Some(id) = self.timer.take() {
            w.clear_timeout_with_handle(id);
        }
        // Leaving the article for another page of the app: where the
        // reader was.
        (self.write)(false);
    }
}

/// Where positions wait, by slug, between a page being hidden and the
/// library taking them.
const STASH_KEY: &str = "folio.positions";

/// The stash as stored: an object from slug to position.
fn read_stash(storage: &web_sys::Storage) -> Option<wasm_bindgen::JsValue> {
    let text = storage.get_item(STASH_KEY).ok().flatten()?;
    js_sys::JSON::parse(&text).ok().filter(|v| v.is_object())
}

/// Keeps `position` of `slug` in `localStorage` (synchronous: it is kept
/// even if the page is gone a moment later).
fn stash(slug: &str, position: Position) {
    let Some(storage) = crate::prefs::local() else {
        return;
    };
    let stashed = read_stash(&storage).unwrap_or_else(|| js_sys::Object::new().into());
    let Ok(value) = serde_wasm_bindgen::to_value(&position) else {
        return;
    };
    let _ = js_sys::Reflect::set(&stashed, &slug.into(), &value);
    if let Some(text) = js_sys::JSON::stringify(&stashed)
        .ok()
        .and_then(|t| t.as_string())
    {
        let _ = storage.set_item(STASH_KEY, &text);
    }
}

/// The stashed position of `slug`, newer than the library's while a flush
/// is on its way.
pub fn stashed(slug: &str) -> Option<Position> {
    let stashed = read_stash(&crate::prefs::local()?)?;
    let value = js_sys::Reflect::get(&stashed, &slug.into()).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Writes the stashed positions to the library, then forgets them (those
/// of articles no longer in the library are dropped).
pub async fn flush_stashed() {
    let Some(storage) = crate::prefs::local() else {
        return;
    };
    let Some(stashed) = read_stash(&storage) else {
        return;
    };
    let _ = storage.remove_item(STASH_KEY);
    let Ok(library) = store::shared().await else {
        return;
    };
    let entries = js_sys::Object::entries(stashed.unchecked_ref());
    for pair in entries.iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        let (Some(slug), Ok(position)) = (
            pair.get(0).as_string(),
            serde_wasm_bindgen::from_value::<Position>(pair.get(1)),
        ) else {
            continue;
        };
        if let Err(e) = library.set_position(&slug, position).await {
            log::warn!("could not keep the reading position of {slug}: {e}");
        }
    }
}
