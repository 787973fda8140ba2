//! The reader's notices: offline state, a new version waiting, and news
//! about the library. They float over the page's foot instead of pushing
//! the page down, so nothing moves when one appears.

use crate::context::{self, Level};
use crate::offline::sw;
use crate::routes::links;
use leptos::prelude::*;

/// Offline indicator, update prompt and notices, announced politely.
#[component]
pub fn ShellStatus() -> impl IntoView {
    let online = context::online().0;
    let update = context::update_ready().0;
    let notices = context::notices();
    view! {
        <div class="shell-status" aria-live="polite">
            <Show when=move || !online.get()>
                <p class="status-offline">
                    <span class="status-dot" aria-hidden="true"></span>
                    "You are offline. Saved articles are still available in "
                    <a href=links().library()>"your library"</a>"."
                </p>
            </Show>
            <Show when=move || update.get()>
                <p class="status-update">
                    "A new version of Folio is ready. "
                    <button type="button" class="link-button" on:click=|_| sw::apply_update()>"Reload to update"</button>
                </p>
            </Show>
            <For each=move || notices.list().get() key=|n| n.id let:notice>
                <p class=if notice.level == Level::Warning { "notice notice-warning" } else { "notice" }
                    role=if notice.level == Level::Warning { "alert" } else { "status" }>
                    <span>{notice.text.clone()}</span>
                    {notice.link.clone().map(|(href, label)| view! { " " <a href=href>{label}</a> })}
                    <button type="button" class="notice-close" aria-label="Dismiss"
                        on:click=move |_| notices.dismiss(notice.id)>"×"</button>
                </p>
            </For>
        </div>
    }
}
