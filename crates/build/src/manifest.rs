//! The build manifest, `dist/.folio-build/manifest.json`: what the last
//! site step built from what. It holds
//! - `global`: the fingerprint of what every file depends on (this tool's
//!   executable, the app loader, `site.json`, the options);
//! - `loader`: trunk's `index.html`, which the step replaces by the front
//!   page, so that the next build still has its template;
//! - `corpus`: each article's file stamp and hashes, summary, related
//!   picks and images, so that the next build reads only changed files;
//! - `og`: each SVG hero's preview PNG;
//! - `outputs`: every file the step owns, with the key of its inputs and
//!   the hash of its bytes.
//!
//! A build whose `global` matches is incremental; any other is full. The
//! manifest is removed when a build starts and written when it ends, so a
//! build that stops half way leaves none, and the next one is full.
//! `.folio-build/` is build state, not part of the site: precompression and
//! the service worker leave it out, and hosts need not serve it.

use crate::corpus::Cache;
use crate::og_images::Png;
use crate::outputs::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The build state directory under `dist/`.
pub(crate) const DIR: &str = ".folio-build";

/// The manifest's format; a manifest of another version is ignored.
pub(crate) const VERSION: u32 = 1;

/// What the last site step built from what. The corpus is a [`Cache`] when
/// read, and a view of the corpus when written.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest<C = Cache> {
    pub(crate) version: u32,
    pub(crate) global: u64,
    pub(crate) loader: String,
    pub(crate) corpus: C,
    pub(crate) og: BTreeMap<String, Option<Png>>,
    pub(crate) outputs: Record,
}

/// Where the manifest of `dist` is.
pub(crate) fn path(dist: &Path) -> PathBuf {
    dist.join(DIR).join("manifest.json")
}

/// Reads the manifest of `dist` and removes it (it is written again when
/// the build ends). `None` if there is none, or one this tool cannot use.
pub(crate) fn take(dist: &Path) -> Result<Option<Manifest>, String> {
    let path = path(dist);
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(None);
    };
    std::fs::remove_file(&path).map_err(crate::at(&path))?;
    Ok(serde_json::from_slice::<Manifest>(&bytes)
        .ok()
        .filter(|m| m.version == VERSION))
}

/// Writes the manifest of `dist`.
pub(crate) fn write<C: Serialize>(dist: &Path, manifest: &Manifest<C>) -> Result<(), String> {
    let path = path(dist);
    let at = crate::at(&path);
    std::fs::create_dir_all(dist.join(DIR)).map_err(&at)?;
    let tmp = path.with_extension("json.tmp");
    let bytes = serde_json::to_vec(manifest).map_err(crate::at(&path))?;
    std::fs::write(&tmp, bytes).map_err(&at)?;
    std::fs::rename(&tmp, &path).map_err(&at)
}
