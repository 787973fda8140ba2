//! Everything that makes Folio work without a network, one job per module:
//! connectivity, the service worker and its update flow, the caches that
//! complete saved articles, and the refresh of saved articles. (The library
//! itself is [`crate::store`]; this module uses it, never the reverse.)

pub mod caches;
pub mod connectivity;
pub mod refresh;
pub mod sw;
