//! One module per screen; `page` is how content pages reach the screen.

pub mod article;
pub mod library;
pub mod not_found;
pub mod page;
pub mod search;
