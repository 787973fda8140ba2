//! The device's storage as the browser manages it (`navigator.storage`):
//! how much the library takes, whether it is kept persistently, and whether
//! a write would run into the quota.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no StorageManager; reading it must not throw.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// Bytes used and the quota, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&value, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// Whether writing `bytes` more would run into the quota (with a margin for
/// IndexedDB's own overhead).
pub async fn nearly_full(bytes: usize) -> bool {
    match estimate().await {
        Some((usage, quota)) => usage + bytes as f64 * 3.0 + 64.0 * 1024.0 >= quota,
        None => false,
    }
}

/// Whether storage is already persistent.
pub async fn persisted() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's storage under pressure; the answer
/// is the browser's (Chromium decides from engagement, Firefox asks).
pub async fn request_persistence() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// "1.2 MB", "340 kB", "512 B". Integer arithmetic: formatting floats
/// would compile Rust's float printer into the wasm for this alone.
pub fn human_bytes(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    // One decimal, rounded half up.
    let tenths = |unit: u64| (bytes * 10 + unit / 2) / unit;
    if bytes >= 1_000_000_000 {
        let t = tenths(1_000_000_000);
        format!("{}.{} GB", t / 10, t % 10)
    } else if bytes >= 1_000_000 {
        let t = tenths(1_000_000);
        format!("{}.{} MB", t / 10, t % 10)
    } else if bytes >= 1_000 {
        format!("{} kB", (bytes + 500) / 1_000)
    } else {
        format!("{bytes} B")
    }
}
