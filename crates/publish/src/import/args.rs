//! The `import` command line, parsed apart from the other steps' flags.

use super::{Options, Source};
use folio_content::Kind;
use std::path::PathBuf;

/// Parses the arguments after `import`.
pub(crate) fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let format = args
        .next()
        .ok_or("import needs `wordpress` or `markdown`")?;
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut content = None;
    let mut update = false;
    let mut kind = Kind::News;
    let mut author = None;
    let mut section = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--content" => content = Some(PathBuf::from(value()?)),
            "--update" => update = true,
            "--kind" => {
                let name = value()?;
                kind = Kind::from_slug(&name).ok_or(format!(
                    "--kind `{name}`: one of analysis, news, opinion, feature, brief"
                ))?;
            }
            "--author" => author = Some(value()?).filter(|a| !a.trim().is_empty()),
            "--section" => section = Some(value()?).filter(|s| !s.trim().is_empty()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown argument `{flag}` for import"))
            }
            input => inputs.push(input.into()),
        }
    }
    let source = match format.as_str() {
        "wordpress" if inputs.is_empty() => {
            return Err("import wordpress needs one or more exported JSON files".to_owned())
        }
        "wordpress" => Source::WordPress(inputs),
        "markdown" => match <[PathBuf; 1]>::try_from(inputs) {
            Ok([dir]) => Source::Markdown(dir),
            Err(_) => return Err("import markdown needs exactly one folder".to_owned()),
        },
        other => {
            return Err(format!(
                "import `{other}`: the formats are `wordpress` and `markdown`"
            ))
        }
    };
    Ok(Options {
        source,
        content: content.unwrap_or_else(|| PathBuf::from("public/content")),
        update,
        kind,
        author,
        section,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &str) -> Result<Options, String> {
        parse(args.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn wordpress_takes_files_and_markdown_one_folder() {
        let o = parse_str("wordpress a.json b.json --content c --update --kind feature").unwrap();
        assert_eq!(
            o.source,
            Source::WordPress(vec!["a.json".into(), "b.json".into()])
        );
        assert_eq!(o.content, PathBuf::from("c"));
        assert!(o.update);
        assert_eq!(o.kind, Kind::Feature);
        let o = parse_str("markdown posts --author Ana --section Notes").unwrap();
        assert_eq!(o.source, Source::Markdown("posts".into()));
        assert_eq!(o.content, PathBuf::from("public/content"));
        assert!(!o.update);
        assert_eq!(o.author.as_deref(), Some("Ana"));
        assert_eq!(o.section.as_deref(), Some("Notes"));
    }

    #[test]
    fn bad_usage_is_refused() {
        for bad in [
            "",
            "wordpress",
            "markdown",
            "markdown a b",
            "rss feed.xml",
            "wordpress a.json --kind rumour",
            "wordpress a.json --dist d",
            "wordpress a.json --content",
        ] {
            assert!(parse_str(bad).is_err(), "{bad}");
        }
    }
}
