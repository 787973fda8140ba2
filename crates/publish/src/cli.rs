//! The command line. See `main.rs` for what each command does.

use crate::site;
use std::path::PathBuf;

/// `--help` text.
pub(crate) const USAGE: &str = "\
usage:
  folio-publish [content] [--content DIR] [--out DIR]
      validate the corpus and write the paginated listings (before trunk build)
  folio-publish site [--content DIR] [--dist DIR] [--base-url URL] [--no-precompress]
                   [--no-og-images] [--og-cache DIR] [--full]
      validate the corpus and write link-preview PNGs of SVG heroes (images/og/),
      entry pages, listings, search index, feeds, sitemap, robots.txt and .gz/.br
      siblings into trunk's output (after trunk build); --og-cache keeps the PNGs
      between builds. Incremental when dist/ holds the manifest of a build by the
      same tool, loader, site.json and options: only what changed is read, made
      and written (also copying changed articles and images into dist/);
      --full makes everything again
  folio-publish compress [--dist DIR] [--full]
      only the .gz/.br siblings, for a build that changes dist/ after the site step
      (e.g. generates a service worker): run `site --no-precompress` first. Only
      files changed since the last precompression, unless --full
  folio-publish import wordpress FILE... [--content DIR] [--update] [--kind KIND]
                                       [--author NAME] [--section NAME]
      articles from WordPress REST API exports (/wp-json/wp/v2/posts?_embed saved
      page by page, one JSON array per file); drafts and private posts skipped
  folio-publish import markdown DIR [--content DIR] [--update] [--kind KIND]
                                  [--author NAME] [--section NAME]
      articles from a folder of .md files with YAML (---) or TOML (+++) front
      matter, as Hugo, Jekyll and Zola keep them; drafts skipped
      Both add sections the site lacks to site.json, replace an existing slug only
      with --update, print one `path: reason` line per item not imported and a
      summary line, and validate the result as `content` does. --kind (default
      news), --author and --section fill in what an item does not say. Exit 1 when
      errors left nothing imported, or the content directory does not validate

defaults: --content public/content, --out the content directory, --dist dist
environment: FOLIO_BASE_URL (as --base-url), FOLIO_PRECOMPRESS=0 (as --no-precompress),
             FOLIO_OG_IMAGES=0 (as --no-og-images), FOLIO_OG_CACHE (as --og-cache),
             FOLIO_BUILD_THREADS (worker threads; default one per core)";

/// What to do.
#[derive(Clone, Debug)]
pub(crate) enum Command {
    /// Print [`USAGE`].
    Help,
    /// Validate and write listings to `out/listings`.
    Content { content: PathBuf, out: PathBuf },
    /// Validate and write the site files into `dist`.
    Site {
        content: PathBuf,
        options: site::Options,
    },
    /// Write `.gz` and `.br` siblings under `dist` (skipped when `enabled` is
    /// false, i.e. `FOLIO_PRECOMPRESS=0`), for every file if `full`.
    Compress {
        dist: PathBuf,
        enabled: bool,
        full: bool,
    },
    /// Write articles from another publishing system (`import/`).
    Import(crate::import::Options),
}

#[derive(Default)]
struct Flags {
    content: Option<PathBuf>,
    out: Option<PathBuf>,
    dist: Option<PathBuf>,
    base_url: Option<String>,
    precompress: Option<bool>,
    og_images: Option<bool>,
    og_cache: Option<PathBuf>,
    full: bool,
}

/// Parses the arguments after the program name; `env` reads the environment.
pub(crate) fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut args = args.into_iter().peekable();
    if args.peek().map(String::as_str) == Some("import") {
        args.next();
        if args.peek().is_some_and(|a| a == "-h" || a == "--help") {
            return Ok(Command::Help);
        }
        return crate::import::parse(args).map(Command::Import);
    }
    let subcommand = match args.peek().map(String::as_str) {
        Some(name @ ("content" | "site" | "compress")) => {
            let name = name.to_owned();
            args.next();
            Some(name)
        }
        _ => None,
    };
    let mut flags = Flags::default();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--content" => flags.content = Some(value()?.into()),
            "--out" => flags.out = Some(value()?.into()),
            "--dist" => flags.dist = Some(value()?.into()),
            "--base-url" => flags.base_url = Some(value()?),
            "--precompress" => flags.precompress = Some(true),
            "--no-precompress" => flags.precompress = Some(false),
            "--og-images" => flags.og_images = Some(true),
            "--no-og-images" => flags.og_images = Some(false),
            "--og-cache" => flags.og_cache = Some(value()?.into()),
            "--full" => flags.full = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    // Without a subcommand, `--dist` means the site step: the spelling
    // `folio-publish --content public/content --dist dist` reads naturally.
    let subcommand = subcommand.unwrap_or_else(|| {
        if flags.dist.is_some() {
            "site"
        } else {
            "content"
        }
        .to_owned()
    });
    let content = flags
        .content
        .clone()
        .unwrap_or_else(|| PathBuf::from("public/content"));
    // `KEY=0` (or false, no, off) turns a step off.
    let on_unless_off = |key: &str| {
        !matches!(
            env(key).as_deref().map(str::trim),
            Some("0" | "false" | "no" | "off")
        )
    };
    let precompress_default = on_unless_off("FOLIO_PRECOMPRESS");
    let refuse = |present: bool, flag: &str| {
        if present {
            Err(format!("{flag} does not apply to `{subcommand}`"))
        } else {
            Ok(())
        }
    };
    let og_flags = flags.og_images.is_some() || flags.og_cache.is_some();
    match subcommand.as_str() {
        "content" => {
            refuse(og_flags, "--og-images/--no-og-images/--og-cache")?;
            refuse(flags.full, "--full")?;
            refuse(flags.dist.is_some(), "--dist")?;
            refuse(flags.base_url.is_some(), "--base-url")?;
            refuse(
                flags.precompress.is_some(),
                "--precompress/--no-precompress",
            )?;
            let out = flags.out.unwrap_or_else(|| content.clone());
            Ok(Command::Content { content, out })
        }
        "site" => {
            refuse(flags.out.is_some(), "--out")?;
            let base_url = flags
                .base_url
                .or_else(|| env("FOLIO_BASE_URL").filter(|v| !v.trim().is_empty()));
            let precompress = flags.precompress.unwrap_or(precompress_default);
            let og_images = flags
                .og_images
                .unwrap_or_else(|| on_unless_off("FOLIO_OG_IMAGES"));
            let og_cache = flags.og_cache.or_else(|| {
                env("FOLIO_OG_CACHE")
                    .filter(|v| !v.trim().is_empty())
                    .map(PathBuf::from)
            });
            let dist = flags.dist.unwrap_or_else(|| PathBuf::from("dist"));
            Ok(Command::Site {
                content,
                options: site::Options {
                    dist,
                    base_url,
                    precompress,
                    og_images,
                    og_cache,
                    full: flags.full,
                },
            })
        }
        "compress" => {
            refuse(og_flags, "--og-images/--no-og-images/--og-cache")?;
            refuse(
                flags.content.is_some() || flags.out.is_some(),
                "--content/--out",
            )?;
            refuse(flags.base_url.is_some(), "--base-url")?;
            Ok(Command::Compress {
                dist: flags.dist.unwrap_or_else(|| PathBuf::from("dist")),
                enabled: flags.precompress.unwrap_or(precompress_default),
                full: flags.full,
            })
        }
        other => unreachable!("subcommand `{other}` is matched above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_with(args: &str, env: &[(&str, &str)]) -> Result<Command, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(args.split_whitespace().map(str::to_owned), |key| {
            env.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn no_arguments_write_listings_into_public_content() {
        let Ok(Command::Content { content, out }) = parse_with("", &[]) else {
            panic!()
        };
        assert_eq!(content, PathBuf::from("public/content"));
        assert_eq!(out, content);
        let Ok(Command::Content { out, .. }) = parse_with("--content c --out o", &[]) else {
            panic!()
        };
        assert_eq!(out, PathBuf::from("o"));
    }

    #[test]
    fn dist_selects_the_site_step_and_env_fills_defaults() {
        let env = [
            ("FOLIO_BASE_URL", "https://m.example/news/"),
            ("FOLIO_PRECOMPRESS", "0"),
        ];
        let Ok(Command::Site { options, .. }) = parse_with("--content c --dist d", &env) else {
            panic!()
        };
        assert_eq!(options.dist, PathBuf::from("d"));
        assert_eq!(options.base_url.as_deref(), Some("https://m.example/news/"));
        assert!(!options.precompress);
        assert!(options.og_images && options.og_cache.is_none());
        let Ok(Command::Site { options, .. }) =
            parse_with("site --base-url https://x/ --precompress", &env)
        else {
            panic!()
        };
        assert_eq!(options.base_url.as_deref(), Some("https://x/"));
        assert!(options.precompress);
    }

    #[test]
    fn preview_images_can_be_turned_off_or_cached() {
        let env = [("FOLIO_OG_IMAGES", "off"), ("FOLIO_OG_CACHE", "/tmp/og")];
        let Ok(Command::Site { options, .. }) = parse_with("site", &env) else {
            panic!()
        };
        assert!(!options.og_images);
        assert_eq!(options.og_cache, Some(PathBuf::from("/tmp/og")));
        let Ok(Command::Site { options, .. }) = parse_with("site --og-images --og-cache c", &env)
        else {
            panic!()
        };
        assert!(options.og_images);
        assert_eq!(options.og_cache, Some(PathBuf::from("c")));
        let Ok(Command::Site { options, .. }) = parse_with("site --no-og-images", &[]) else {
            panic!()
        };
        assert!(!options.og_images);
    }

    #[test]
    fn flags_of_another_step_are_refused() {
        assert!(parse_with("content --no-og-images", &[]).is_err());
        assert!(parse_with("compress --og-cache x", &[]).is_err());
        assert!(parse_with("content --base-url https://x/", &[]).is_err());
        assert!(parse_with("site --out x", &[]).is_err());
        // The benchmark's corpus generator is not part of this tool.
        assert!(parse_with("gen-corpus --articles 3 --out x", &[]).is_err());
        assert!(parse_with("compress --content x", &[]).is_err());
        let env = [("FOLIO_PRECOMPRESS", "off")];
        assert!(matches!(
            parse_with("compress", &env),
            Ok(Command::Compress { enabled: false, .. })
        ));
        assert!(parse_with("content --full", &[]).is_err());
        assert!(matches!(
            parse_with("compress --full", &[]),
            Ok(Command::Compress { full: true, .. })
        ));
        assert!(parse_with("--bogus", &[]).is_err());
        assert!(matches!(parse_with("site --help", &[]), Ok(Command::Help)));
    }
}
