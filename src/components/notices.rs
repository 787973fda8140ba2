//! The reader's notices: offline state, a new version waiting, and news
//! about the library. They float over the page's foot instead of pushing
//! the page down, so nothing moves when one appears.

use crate::context::{self, Level};
use crate::i18n::t;
use crate::offline::sw;
use crate::routes::links;
use folio_views::i18n::Msg;
use leptos::prelude::*;

/// Offline indicator, update prompt and notices, announced politely.
#[component]
pub fn ShellStatus() -> impl IntoView {
    let online = context::online().0;
    let update = context::update_ready().0;
    let notices = context::notices();
    view! {
        <div class="shell-status" aria-live="polite" lang=crate::i18n::lang()>
            <Show when=move || !online.get()>
                <p class="status-offline">
                    <span class="status-dot" aria-hidden="true"></span>
                    {t(Msg::YouAreOffline)}
                    <a href=links().library()>{t(Msg::YourLibraryInline)}</a>"."
                </p>
            </Show>
            <Show when=move || update.get()>
                <p class="status-update">
                    {t(Msg::NewVersionReady)}
                    <button type="button" class="link-button" on:click=|_| sw::apply_update()>{t(Msg::ReloadToUpdate)}</button>
                </p>
            </Show>
            <For each=move || notices.list().get() key=|n| n.id let:notice>
                <p class=if notice.level == Level::Warning { "notice notice-warning" } else { "notice" }
                    role=if notice.level == Level::Warning { "alert" } else { "status" }>
                    <span>{notice.text.clone()}</span>
                    {notice.link.clone().map(|(href, label)| view! { " " <a href=href>{label}</a> })}
                    <button type="button" class="notice-close" aria-label=t(Msg::Dismiss)
                        on:click=move |_| notices.dismiss(notice.id)>"×"</button>
                </p>
            </For>
        </div>
    }
}
