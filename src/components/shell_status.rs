//! The strip under the masthead: offline state, a new version waiting, and
//! notices about the library.

use crate::offline::notices::{self, Level, Notice};
use crate::offline::status::use_online;
use crate::offline::sw::{self, UpdateReady};
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// Offline indicator, update prompt and notices, announced politely.
#[component]
pub fn ShellStatus(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    let online = use_online();
    let update = use_context::<UpdateReady>().map(|u| u.0);
    view! {
        <div class="shell-status" aria-live="polite">
            <Show when=move || !online.get()>
                <p class="status-offline">
                    <span class="status-dot" aria-hidden="true"></span>
                    "You are offline. Saved articles are still available in "
                    <A href=routes::library()>"your library"</A>"."
                </p>
            </Show>
            <Show when=move || update.is_some_and(|u| u.get())>
                <p class="status-update">
                    "A new version of Folio is ready. "
                    <button type="button" class="link-button" on:click=|_| sw::apply_update()>"Reload to update"</button>
                </p>
            </Show>
            <For each=move || notices.get() key=|n| n.id let:notice>
                <p class=if notice.level == Level::Warning { "notice notice-warning" } else { "notice" }
                    role=if notice.level == Level::Warning { "alert" } else { "status" }>
                    <span>{notice.text.clone()}</span>
                    {notice.link.clone().map(|(href, label)| view! { " " <A href=href>{label}</A> })}
                    <button type="button" class="notice-close" aria-label="Dismiss"
                        on:click=move |_| notices::dismiss(notice.id)>"×"</button>
                </p>
            </For>
        </div>
    }
}
