//! Whether the browser is online, as a signal that follows `online` and
//! `offline` events.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The connectivity signal, provided by the app shell.
#[derive(Clone, Copy)]
pub struct Online(pub RwSignal<bool>);

/// Whether the browser currently believes it is online.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Creates the signal and keeps it in step with the browser; `on_return` runs
/// each time the connection comes back.
pub fn track(on_return: impl Fn() + 'static) -> Online {
    let online = RwSignal::new(is_online());
    if let Some(window) = web_sys::window() {
        let up = Closure::<dyn Fn()>::new(move || {
            online.set(true);
            on_return();
        });
        let down = Closure::<dyn Fn()>::new(move || online.set(false));
        let _ = window.add_event_listener_with_callback("online", up.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("offline", down.as_ref().unchecked_ref());
        // The app shell lives as long as the page.
        up.forget();
        down.forget();
    }
    Online(online)
}

/// The connectivity signal from context.
pub fn use_online() -> RwSignal<bool> {
    use_context::<Online>().map_or_else(|| RwSignal::new(is_online()), |o| o.0)
}
