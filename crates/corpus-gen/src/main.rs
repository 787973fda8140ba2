//! `gen-corpus --articles N --out DIR [--seed N] [--publish]`: writes a
//! synthetic valid corpus (DIR/content, DIR/images) for
//! `bench/build-100k.sh`; with `--publish`, adds one new article to the
//! corpus of N that DIR holds (`bench/publish-100k.sh`).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen-corpus --articles N --out DIR [--seed N] [--publish]";

struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
    publish: bool,
}

fn parse() -> Result<Args, String> {
    let (mut articles, mut out, mut seed, mut publish) = (None, None, 1, false);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => {
                articles = Some(value()?.parse().map_err(|e| format!("--articles: {e}"))?)
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--publish" => publish = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        articles: articles.ok_or("--articles N is required")?,
        out: out.ok_or("--out DIR is required")?,
        seed,
        publish,
    })
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("gen-corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let result = if args.publish {
        folio_corpus_gen::publish(&args.out, args.articles, args.seed)
            .map(|slug| format!("gen-corpus: published `{slug}`"))
    } else {
        folio_corpus_gen::generate(&args.out, args.articles, args.seed).map(|bytes| {
            format!(
                "gen-corpus: wrote {} synthetic articles ({:.1} MiB) under {} in {:.2?}",
                args.articles,
                bytes as f64 / (1024.0 * 1024.0),
                args.out.display(),
                started.elapsed()
            )
        })
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
