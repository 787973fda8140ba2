//! The application shell: shared state, the document's listeners, offline
//! services and the page for the current route, mounted into `<main>`.

use crate::actions::{self, Handles};
use crate::components::frame::Frame;
use crate::components::notices::ShellStatus;
use crate::context;
use crate::offline::{connectivity, refresh, sw};
use crate::routes::{self, AppRoutes};
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    context::provide();
    let notices = context::notices();
    let marks = context::library_marks();
    let location = context::location();
    actions::install(Handles {
        notices,
        marks,
        location,
    });
    routes::follow_history(location);
    connectivity::track(context::online(), move || {
        leptos::task::spawn_local(refresh::refresh_library(notices))
    });
    sw::register(context::update_ready());
    leptos::task::spawn_local(async move {
        // Positions kept while a page went away (src/reading.rs).
        crate::reading::flush_stashed().await;
        if let Ok(library) = crate::store::shared().await {
            if let Ok(entries) = library.entries().await {
                marks.load(&entries);
            }
        }
        if connectivity::is_online() {
            refresh::refresh_library_if_due(notices).await;
        }
    });
    view! {
        <Frame/>
        <AppRoutes/>
        <ShellStatus/>
    }
}
