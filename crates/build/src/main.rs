//! `folio-build`: the native content step run before every build.
//!
//! It validates the whole corpus (one line per problem, non-zero exit on any
//! error) and writes the paginated listings the app reads.
//!
//! Usage: `folio-build [--content DIR] [--out DIR]`
//! (defaults: `public/content` for both, so listings land in
//! `public/content/listings/`, which is generated and git-ignored).

mod corpus;
mod listings;

use std::path::PathBuf;
use std::process::ExitCode;

struct Args {
    content: PathBuf,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut content = PathBuf::from("public/content");
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--content" => content = PathBuf::from(value()?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                return Err("usage: folio-build [--content DIR] [--out DIR]".to_owned())
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.unwrap_or_else(|| content.clone());
    Ok(Args { content, out })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("folio-build: {e}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let corpus = match corpus::load(&args.content) {
        Ok(c) => c,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("folio-build: {} problem(s); nothing written", problems.len());
            return ExitCode::FAILURE;
        }
    };
    match listings::write(&corpus, &args.out) {
        Ok(files) => {
            println!(
                "folio-build: {} articles valid, {} listing files written in {:.2?}",
                corpus.articles.len(),
                files,
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("folio-build: writing listings failed: {e}");
            ExitCode::FAILURE
        }
    }
}
