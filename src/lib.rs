//! Folio: an offline-first news reader. The library holds the whole app so
//! browser tests (`tests/web.rs`) can reach its parts.

pub mod actions;
pub mod app;
pub mod components;
pub mod context;
#[cfg(debug_assertions)]
pub mod dev;
pub mod i18n;
pub mod json;
pub mod loaders;
pub mod net;
pub mod offline;
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod reading;
pub mod routes;
pub mod store;

pub use app::App;
