//! Dates shown in the reader's own locale and time zone, via `Intl`.

use folio_content::Timestamp;
use wasm_bindgen::JsValue;

fn format(ts: &Timestamp, with_time: bool) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("dateStyle", "long");
    if with_time {
        set("timeStyle", "short");
    }
    let formatter = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    let date = js_sys::Date::new(&JsValue::from_f64(ts.unix_millis()));
    formatter
        .format()
        .call1(&formatter, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| ts.date_utc())
}

/// Milliseconds since the epoch as an ISO 8601 string for `datetime`.
pub fn iso(millis: f64) -> String {
    js_sys::Date::new(&JsValue::from_f64(millis))
        .to_iso_string()
        .into()
}

/// "27 November 2026" in the reader's locale.
pub fn long_date(ts: &Timestamp) -> String {
    format(ts, false)
}

/// "27 November 2026 at 09:30" in the reader's locale.
pub fn long_date_time(ts: &Timestamp) -> String {
    format(ts, true)
}
