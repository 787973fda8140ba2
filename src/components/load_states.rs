//! Loading and failure states of a page the app draws.

use crate::i18n::{t, texts};
use crate::net::LoadError;
use crate::routes::links;
use folio_views::i18n::Msg;
use leptos::prelude::*;
use std::rc::Rc;

/// Shown while a page's data loads (the same markup the build writes into
/// pages that wait for the app). Hidden for the first moments by CSS, so
/// fast loads do not flash it.
#[component]
pub fn Loading(#[prop(default = Msg::Loading)] label: Msg) -> impl IntoView {
    view! { <div inner_html=folio_views::states::loading_with(texts(), label).into_string()></div> }
}

/// A load that failed: the reason in plain words and, where it can help, a
/// retry button. The rest of the app keeps working around it.
pub fn load_failure(error: LoadError, retry: Rc<dyn Fn()>) -> impl IntoView {
    if error == LoadError::NotFound {
        let html = folio_views::states::not_found(texts(), links()).into_string();
        return view! { <div inner_html=html></div> }.into_any();
    }
    let retryable = error.is_retryable();
    let detail = error.to_string();
    let unreachable = matches!(error, LoadError::Network(_) | LoadError::NotSavedOffline);
    let offline = !crate::offline::connectivity::is_online() && unreachable;
    let heading = if offline {
        t(Msg::NotAvailableOffline)
    } else {
        t(Msg::SomethingWentWrong)
    };
    let message = if offline && matches!(error, LoadError::Network(_)) {
        t(Msg::OfflineNotSaved).to_owned()
    } else {
        error.reader_message()
    };
    view! {
        <section class="load-failure" role="alert" lang=crate::i18n::lang()>
            <h1>{heading}</h1>
            <p class="load-failure-message">{message}</p>
            // Offline, or a server that cannot be reached: what is saved
            // can still be read.
            {unreachable.then(|| view! { <p><a href=links().library()>{t(Msg::OpenOfflineLibrary)}</a></p> })}
            {retryable.then(|| view! {
                <button type="button" class="button" on:click=move |_| retry()>{t(Msg::TryAgain)}</button>
            })}
            <details>
                <summary>{t(Msg::TechnicalDetails)}</summary>
                <code>{detail}</code>
            </details>
        </section>
    }
    .into_any()
}
