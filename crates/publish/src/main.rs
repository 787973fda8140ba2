//! `folio-publish`: Folio's native content step, run by `./x` around `trunk build`.
//!
//! ```text
//! folio-publish [content] [--content DIR] [--out DIR]                 before trunk build
//! folio-publish site [--content DIR] [--dist DIR] [--base-url URL]    after trunk build
//!                  [--no-precompress] [--no-og-images] [--og-cache DIR] [--full]
//! folio-publish compress [--dist DIR] [--full]                        after the service worker
//! folio-publish import wordpress FILE... | markdown DIR [--content DIR] [--update] ...
//! ```
//!
//! - `content` (the default; no arguments at all means `content --content
//!   public/content`) validates the whole corpus and writes the paginated
//!   listings into `<out>/listings/` (default `public/content/listings/`,
//!   generated and git-ignored), which `trunk build` then copies into `dist/`.
//! - `site` validates the corpus again and, using trunk's `dist/index.html` as
//!   the template, writes into `dist/`: an entry page per article, section,
//!   kind of piece, `latest`, the front page (`index.html` is rewritten),
//!   `library`, `search` and `404.html`, with title, description, canonical
//!   URL, Open Graph and Twitter card tags; `content/404.html`; Atom feeds `feed.xml` and
//!   `feeds/<section>.xml`; `sitemap.xml` (an index over `sitemaps/<n>.xml`
//!   above 50,000 URLs) and `robots.txt`; then `.gz` and `.br` siblings of
//!   every text file of 1 KiB or more. Absolute URLs come from `site.json`'s
//!   `base_url`, or `--base-url` / `FOLIO_BASE_URL` for one deployment (which
//!   is also written into `dist/content/site.json`). Without a subcommand,
//!   `--dist` selects `site`. `FOLIO_PRECOMPRESS=0` is `--no-precompress`.
//!   Social networks do not show SVG images, so an article whose hero is an
//!   SVG gets a 1200-pixel-wide PNG, `images/og/<slug>.png`, as its preview
//!   image (`og:image`); a PNG newer than its SVG and article is kept, and
//!   `--og-cache DIR` (`FOLIO_OG_CACHE`) keeps them across builds, since
//!   `trunk build` empties `dist/`. `--no-og-images` (`FOLIO_OG_IMAGES=0`)
//!   skips them and names the SVG itself.
//!   The site step also writes `dist/content/`'s listings and search index,
//!   and copies changed articles and images there. It is incremental when
//!   `dist/.folio-publish/` holds the manifest of a build by the same tool,
//!   loader, `site.json` and options (`manifest.rs`): it reads only changed
//!   articles, makes again only the files that show something that changed,
//!   writes only those whose bytes differ, and removes removed articles'
//!   files; the result is what a full build (`--full`) gives.
//! - `compress` writes only the `.gz`/`.br` siblings, for builds that change
//!   `dist/` after the site step (the service worker): `site --no-precompress`,
//!   then the other tool, then `compress`. It compresses only the files
//!   written since the last time (all with `--full`, or after a full build).
//!
//! - `import` writes articles from a WordPress export or a folder of
//!   markdown files into the content directory (see `import/mod.rs`).
//!
//! Validation reports every problem as one `path: reason` line on stderr and
//! exits 1 without writing anything. Usage errors exit 2.

mod cli;
mod compress;
mod corpus;
mod entry_pages;
mod escape;
mod feeds;
mod fingerprint;
mod image_sizes;
mod import;
mod listings;
mod manifest;
mod meta;
mod og_images;
mod outputs;
mod parallel;
mod related_index;
mod search_index;
mod site;
mod sitemap;
mod template;
#[cfg(test)]
mod test_support;
mod urls;

use cli::Command;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Turns an error about `path` (I/O, JSON, template) into the `path: reason`
/// line every message of this tool uses.
pub(crate) fn at<E: std::fmt::Display>(path: &Path) -> impl Fn(E) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// Loads and validates the corpus, printing every problem on failure.
fn load(content: &Path) -> Option<corpus::Corpus> {
    corpus::load(content)
        .map_err(|problems| corpus::print_problems(&problems))
        .ok()
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn print_compressed(t: &compress::Totals) {
    println!(
        "folio-publish: precompressed {} files: {} raw, {} gzip, {} brotli",
        t.files,
        mib(t.raw),
        mib(t.gzip),
        mib(t.brotli)
    );
}

fn run(command: Command) -> Result<(), String> {
    let started = Instant::now();
    match command {
        Command::Help => println!("{}", cli::USAGE),
        Command::Content { content, out } => {
            let corpus = load(&content).ok_or("")?;
            let files = listings::write(&corpus, &out)
                .map_err(|e| format!("writing listings failed: {e}"))?;
            let search = search_index::write(&corpus, &out)
                .map_err(|e| format!("writing the search index failed: {e}"))?;
            println!(
                "folio-publish: {} articles valid, {files} listing files and {search} search index files written in {:.2?}",
                corpus.articles.len(),
                started.elapsed()
            );
        }
        Command::Site { content, options } => {
            let report = site::run(&content, &options)?;
            for warning in &report.warnings {
                eprintln!("folio-publish: warning: {warning}");
            }
            if report.incremental {
                println!(
                    "folio-publish: incremental: {} articles changed; {} files written, {} unchanged, {} removed",
                    report.changed, report.written, report.kept, report.removed
                );
            }
            println!(
                "folio-publish: {} articles valid ({:.2?}); wrote {} entry pages ({}), {} feeds ({}), {} sitemap/robots files ({})",
                report.articles,
                report.loaded,
                report.pages.0,
                mib(report.pages.1),
                report.feeds.0,
                mib(report.feeds.1),
                report.sitemap.0,
                mib(report.sitemap.1),
            );
            if let Some(og) = &report.og_images {
                println!(
                    "folio-publish: preview images: {} rendered, {} up to date, {} failed, in {:.2?}",
                    og.rendered, og.up_to_date, og.failed, og.elapsed
                );
            }
            if let Some(totals) = &report.compressed {
                print_compressed(totals);
            }
            println!("folio-publish: site step done in {:.2?}", started.elapsed());
        }
        Command::Import(options) => {
            let report = import::run(&options)?;
            import::print(&report);
            if report.failed() {
                return Err(String::new());
            }
        }
        Command::Compress {
            dist,
            enabled,
            full,
        } => {
            if !enabled {
                println!("folio-publish: precompression skipped (FOLIO_PRECOMPRESS=0)");
                return Ok(());
            }
            print_compressed(&compress::run(&dist, full)?);
            println!(
                "folio-publish: compress step done in {:.2?}",
                started.elapsed()
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    parallel::configure();
    let command = match cli::parse(std::env::args().skip(1), |key| std::env::var(key).ok()) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("folio-publish: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An empty message means the problems are already printed.
            if !e.is_empty() {
                eprintln!("folio-publish: {e}");
            }
            ExitCode::FAILURE
        }
    }
}
