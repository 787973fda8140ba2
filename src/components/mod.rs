//! The app's own views: what only the app shows (loading and failure
//! states, notices, the tab's title) and the component that keeps the
//! page frame in step with the route. Pages' content comes from
//! `folio-views`.

pub mod frame;
pub mod load_states;
pub mod notices;
pub mod page_meta;
pub mod resume;
