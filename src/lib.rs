//! Folio: an offline-first news reader. The library holds the whole app so
//! browser tests (`tests/web.rs`) can mount its parts.

pub mod app;
pub mod components;
pub mod dates;
pub mod loaders;
pub mod net;
pub mod offline;
pub mod pages;
pub mod routes;
pub mod store;

pub use app::App;
