//! `gen-corpus --articles N --out DIR [--seed N]`: writes a synthetic valid
//! corpus (DIR/content, DIR/images) for `bench/build-100k.sh`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen-corpus --articles N --out DIR [--seed N]";

fn parse() -> Result<(usize, PathBuf, u64), String> {
    let (mut articles, mut out, mut seed) = (None, None, 1);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => {
                articles = Some(value()?.parse().map_err(|e| format!("--articles: {e}"))?)
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok((
        articles.ok_or("--articles N is required")?,
        out.ok_or("--out DIR is required")?,
        seed,
    ))
}

fn main() -> ExitCode {
    let (articles, out, seed) = match parse() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("gen-corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    match folio_corpus_gen::generate(&out, articles, seed) {
        Ok(bytes) => {
            println!(
                "gen-corpus: wrote {articles} synthetic articles ({:.1} MiB) under {} in {:.2?}",
                bytes as f64 / (1024.0 * 1024.0),
                out.display(),
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
