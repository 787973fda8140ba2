//! Everything that makes Folio work without a network: connectivity state,
//! the service worker and its update flow, image caching for saved
//! articles, storage estimates, background refresh of saved articles, and
//! the notices that tell the reader about all of it.

pub mod images;
pub mod notices;
pub mod refresh;
pub mod saved;
pub mod status;
pub mod storage;
pub mod sw;
