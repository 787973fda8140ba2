//! Reusable views.

pub mod brief;
pub mod byline;
pub mod hero;
pub mod kicker;
pub mod masthead;
pub mod page_meta;
pub mod rail;
pub mod share;
pub mod shell_status;
pub mod status;
pub mod story_card;
