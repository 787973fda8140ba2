//! Small preferences kept in `localStorage` (the reader's Mastodon server,
//! when the library was last refreshed).

/// `localStorage`, where small preferences live; `None` where it is blocked.
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
