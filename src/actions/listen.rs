//! Listen: the article on screen read aloud by the browser's speech
//! synthesis, one block (paragraph, heading, list item) at a time so a
//! pause, a new speed or a long article never loses the place; the block
//! being read is highlighted and kept in view. Offered only where the
//! browser has voices.

use crate::i18n::t;
use folio_views::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, SpeechSynthesis, SpeechSynthesisUtterance};

/// Where reading aloud stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum State {
    #[default]
    Idle,
    Playing,
    Paused,
}

/// The player: what is being read, at which block and speed. `run` changes
/// whenever reading starts again, so the events of a cancelled utterance
/// are recognised and ignored.
#[derive(Default)]
pub(super) struct Player {
    state: State,
    blocks: Vec<Element>,
    index: usize,
    rate: f32,
    run: u32,
}

pub(super) type PlayerHandle = StoredValue<Player, LocalStorage>;

pub(super) fn player() -> PlayerHandle {
    StoredValue::new_local(Player {
        rate: 1.0,
        ..Player::default()
    })
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// Whether this browser can read aloud: speech synthesis with at least one
/// voice (voices can arrive after the page loads; see [`watch_voices`]).
fn available() -> bool {
    synth().is_some_and(|s| s.get_voices().length() > 0)
}

/// Shows the Listen controls under `root` where the browser has voices.
pub(super) fn enhance(root: &Element) {
    if !available() {
        return;
    }
    if let Ok(list) = root.query_selector_all(".listen") {
        for i in 0..list.length() {
            if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.set_attribute("data-available", "");
            }
        }
    }
}

/// Voices often load after the page: offer Listen once they do.
pub(super) fn watch_voices() {
    let Some(synth) = synth() else { return };
    let on_voices = Closure::<dyn Fn()>::new(|| {
        if let Some(body) = super::document().and_then(|d| d.body()) {
            enhance(&body);
        }
    });
    let _ =
        synth.add_event_listener_with_callback("voiceschanged", on_voices.as_ref().unchecked_ref());
    on_voices.forget();
}

/// The blocks of the article on screen that have words to read.
fn blocks() -> Vec<Element> {
    let Some(list) = super::document().and_then(|d| {
        d.query_selector_all(
            "main .article-body > :is(p, h2, h3, h4, blockquote, pre), \
             main .article-body > :is(ul, ol) > li, main .article-body figcaption",
        )
        .ok()
    }) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .filter(|e| {
            e.text_content()
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        })
        .collect()
}

/// The first block at or below the top of the window: where the reader is.
fn first_in_view(blocks: &[Element]) -> usize {
    blocks
        .iter()
        .position(|b| b.get_bounding_client_rect().bottom() > 0.0)
        .unwrap_or(0)
}

/// Sets the controls (in every Listen group on the page) to the state.
fn show_state(state: State) {
    let Some(doc) = super::document() else { return };
    if let Ok(list) = doc.query_selector_all(".listen-toggle") {
        for i in 0..list.length() {
            if let Some(b) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                crate::i18n::set_text(
                    &b,
                    match state {
                        State::Idle => t(Msg::Listen),
                        State::Playing => t(Msg::Pause),
                        State::Paused => t(Msg::Resume),
                    },
                );
            }
        }
    }
    if let Ok(list) = doc.query_selector_all(".listen-stop") {
        for i in 0..list.length() {
            if let Some(b) = list.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                b.set_hidden(state == State::Idle);
            }
        }
    }
}

/// Highlights the block being read, and brings it into view if it is not.
fn highlight(block: Option<&Element>) {
    if let Some(doc) = super::document() {
        if let Ok(list) = doc.query_selector_all(".listening") {
            for i in 0..list.length() {
                if let Some(e) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.class_list().remove_1("listening");
                }
            }
        }
    }
    let Some(block) = block else { return };
    let _ = block.class_list().add_1("listening");
    let r = block.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if r.top() < 0.0 || r.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        let reduced = web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches());
        options.set_behavior(if reduced {
            web_sys::ScrollBehavior::Instant
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        block.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Speaks block `index` of the current run, then the next, to the end.
fn speak(player: PlayerHandle, index: usize) {
    let Some(synth) = synth() else { return };
    let Some((block, rate, run)) =
        player.with_value(|p| p.blocks.get(index).map(|b| (b.clone(), p.rate, p.run)))
    else {
        stop(player);
        return;
    };
    // The article was left (the app drew another page).
    if !block.is_connected() {
        stop(player);
        return;
    }
    let text = block.text_content().unwrap_or_default();
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
        return;
    };
    utterance.set_rate(rate);
    if let Some(lang) = super::document()
        .and_then(|d| d.document_element())
        .and_then(|h| h.get_attribute("lang"))
    {
        utterance.set_lang(&lang);
    }
    let current =
        move || player.try_with_value(|p| p.run == run && p.state != State::Idle) == Some(true);
    let on_start = Closure::once_into_js({
        let block = block.clone();
        move || {
            if current() {
                highlight(Some(&block));
            }
        }
    });
    let on_end = Closure::once_into_js(move || {
        if current() {
            player.update_value(|p| p.index = index + 1);
            speak(player, index + 1);
        }
    });
    utterance.set_onstart(Some(on_start.unchecked_ref()));
    utterance.set_onend(Some(on_end.unchecked_ref()));
    player.update_value(|p| p.index = index);
    synth.speak(&utterance);
}

/// Starts a new run from block `index` (after a cancel).
fn start_at(player: PlayerHandle, index: usize) {
    player.update_value(|p| {
        p.run += 1;
        p.state = State::Playing;
    });
    if let Some(synth) = synth() {
        synth.cancel();
    }
    show_state(State::Playing);
    speak(player, index);
}

/// Listen / Pause / Resume.
pub(super) fn toggle(player: PlayerHandle) {
    let Some(synth) = synth() else { return };
    // Reading stopped from outside (the reader left that article).
    let stale = player.with_value(|p| {
        p.state != State::Idle && !p.blocks.first().is_some_and(|b| b.is_connected())
    });
    if stale {
        stop(player);
    }
    match player.with_value(|p| p.state) {
        State::Idle => {
            let blocks = blocks();
            if blocks.is_empty() {
                return;
            }
            let from = first_in_view(&blocks);
            player.update_value(|p| p.blocks = blocks);
            start_at(player, from);
        }
        State::Playing => {
            synth.pause();
            player.update_value(|p| p.state = State::Paused);
            show_state(State::Paused);
        }
        State::Paused => {
            synth.resume();
            player.update_value(|p| p.state = State::Playing);
            show_state(State::Playing);
        }
    }
}

/// Stop: reading ends and the highlight goes.
pub(super) fn stop(player: PlayerHandle) {
    let _ = player.try_update_value(|p| {
        p.run += 1;
        p.state = State::Idle;
        p.blocks.clear();
    });
    if let Some(synth) = synth() {
        synth.cancel();
    }
    highlight(None);
    show_state(State::Idle);
}

/// A new speed: the block being read starts again at it.
pub(super) fn set_rate(player: PlayerHandle, value: &str) {
    // The speeds the view offers (no float parser in the wasm for this).
    let rate = match value {
        "0.8" => 0.8,
        "1" => 1.0,
        "1.25" => 1.25,
        "1.5" => 1.5,
        "2" => 2.0,
        _ => return,
    };
    player.update_value(|p| p.rate = rate);
    if player.with_value(|p| p.state) == State::Playing {
        let index = player.with_value(|p| p.index);
        start_at(player, index);
    }
}

/// Leaving the article stops reading it.
pub fn stop_any() {
    if let Some(synth) = synth() {
        if synth.speaking() || synth.pending() {
            synth.cancel();
        }
    }
}
