//! One module per screen.

pub mod article;
pub mod home;
pub mod library;
pub mod listing;
pub mod not_found;
pub mod search;
