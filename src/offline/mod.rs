//! Everything that makes Folio work without a network: connectivity, the
//! service worker and its update flow, the caches that complete saved
//! articles, storage estimates and the background refresh of saved
//! articles.

pub mod caches;
pub mod connectivity;
pub mod refresh;
pub mod storage;
pub mod sw;
