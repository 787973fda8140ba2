//! `folio-build import`: articles from a WordPress export or a folder of
//! markdown files.

pub(crate) mod html_to_markdown;
