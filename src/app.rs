//! The application shell: shared state, the document's listeners, offline
//! services and the router, mounted into the page's `<main>`.

use crate::actions::{self, Handles};
use crate::components::frame::Frame;
use crate::components::notices::ShellStatus;
use crate::context;
use crate::offline::{connectivity, refresh, sw};
use crate::routes::{links, AppRoutes};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    context::provide();
    let notices = context::notices();
    let saved = context::saved();
    actions::install(Handles { notices, saved });
    connectivity::track(context::online(), move || {
        leptos::task::spawn_local(refresh::refresh_library(notices))
    });
    sw::register(context::update_ready());
    leptos::task::spawn_local(async move {
        if let Ok(library) = crate::store::shared().await {
            if let Ok(slugs) = library.slugs().await {
                saved.mark(slugs.iter().map(String::as_str));
            }
        }
        if connectivity::is_online() {
            refresh::refresh_library_if_due(notices).await;
        }
    });
    view! {
        <Router base=links().base().to_owned()>
            <Frame/>
            <AppRoutes/>
            <ShellStatus/>
        </Router>
    }
}
