//! Whether the browser is online, kept in step with `online` and `offline`
//! events.

use crate::context::Online;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the browser currently believes it is online.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Keeps `online` in step with the browser; `on_return` runs each time the
/// connection comes back.
pub fn track(online: Online, on_return: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let up = Closure::<dyn Fn()>::new(move || {
        online.0.set(true);
        on_return();
    });
    let down = Closure::<dyn Fn()>::new(move || online.0.set(false));
    let _ = window.add_event_listener_with_callback("online", up.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("offline", down.as_ref().unchecked_ref());
    // The app lives as long as the page.
    up.forget();
    down.forget();
}
