//! Development builds only (`./x dev`): the open page reloads itself when
//! trunk has rebuilt the app or the content. `tools/dev-site.sh` writes a
//! new stamp into `dev-reload.txt` after each rebuild; this polls it.

/// Polls the stamp once a second and reloads the page when it changes.
pub fn reload_on_rebuild() {
    wasm_bindgen_futures::spawn_local(async {
        let first = stamp().await;
        loop {
            crate::net::sleep(1000).await;
            let now = stamp().await;
            if now.is_some() && now != first {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
                return;
            }
        }
    });
}

/// The stamp of the last rebuild (past every cache: the time in the URL).
async fn stamp() -> Option<String> {
    let path = format!("dev-reload.txt?{}", js_sys::Date::now() as u64);
    crate::net::fetch_text(&path, None).await.ok()
}
