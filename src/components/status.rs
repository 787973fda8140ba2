//! Loading, failure and not-found states shared by every page.

use crate::net::LoadError;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown while a page's data loads. Hidden for the first moments by CSS so
/// fast loads do not flash it.
#[component]
pub fn Loading(#[prop(into, default = "Loading…".into())] label: String) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="loading-bar" aria-hidden="true"></span>
            <span class="loading-label">{label}</span>
        </div>
    }
}

/// A load that failed: the reason in plain words and, where it can help, a
/// retry button. The rest of the app keeps working around it.
#[component]
pub fn LoadFailure(error: LoadError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    if error == LoadError::NotFound {
        return view! { <NotFoundMessage/> }.into_any();
    }
    let retryable = error.is_retryable();
    let detail = error.to_string();
    let offline = !crate::offline::status::is_online()
        && matches!(error, LoadError::Network(_) | LoadError::NotSavedOffline);
    let heading = if offline {
        "Not available offline"
    } else {
        "Something went wrong"
    };
    let message = if offline && matches!(error, LoadError::Network(_)) {
        "You are offline and this page has not been saved on this device.".to_owned()
    } else {
        error.reader_message()
    };
    view! {
        <section class="load-failure" role="alert">
            <h1>{heading}</h1>
            <p class="load-failure-message">{message}</p>
            {offline.then(|| view! { <p><A href=routes::library()>"Open your offline library"</A></p> })}
            <Show when=move || retryable>
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    "Try again"
                </button>
            </Show>
            <details>
                <summary>"Technical details"</summary>
                <code>{detail.clone()}</code>
            </details>
        </section>
    }
    .into_any()
}

/// The reader asked for something that does not exist.
#[component]
pub fn NotFoundMessage() -> impl IntoView {
    view! {
        <section class="not-found" role="alert">
            <h1>"Page not found"</h1>
            <p>"This story may have moved, or the link may be mistyped."</p>
            <p><A href=routes::home() attr:class="button">"Back to the front page"</A></p>
        </section>
    }
}
