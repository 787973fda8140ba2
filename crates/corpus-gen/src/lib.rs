//! A synthetic but valid corpus of any size, for the 100,000-article
//! benchmark (`bench/build-100k.sh`). Deterministic for a given seed, so
//! figures can be compared between runs. Headlines mix in `&`, quotes,
//! question marks and non-ASCII letters to exercise escaping at scale.

use folio_content::{Article, Image, Kind, Section, Site, Timestamp};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: tiny, fast, and good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64, index: u64) -> Self {
        let mut rng = Rng(seed
            ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "port",
    "grid",
    "trade",
    "water",
    "budget",
    "election",
    "coalition",
    "reform",
    "tariff",
    "harvest",
    "drought",
    "pipeline",
    "treaty",
    "border",
    "currency",
    "inflation",
    "minister",
    "parliament",
    "court",
    "union",
    "strike",
    "export",
    "import",
    "market",
    "bank",
    "debt",
    "bond",
    "yield",
    "energy",
    "solar",
    "wind",
    "copper",
    "lithium",
    "coffee",
    "cocoa",
    "wheat",
    "rice",
    "fishing",
    "shipping",
    "freight",
    "container",
    "railway",
    "highway",
    "bridge",
    "dam",
    "river",
    "coast",
    "island",
    "desert",
    "city",
    "province",
    "region",
    "village",
    "farmer",
    "worker",
    "student",
    "teacher",
    "doctor",
    "hospital",
    "school",
    "university",
    "ministry",
    "agency",
    "summit",
    "talks",
    "deal",
    "plan",
    "vote",
    "poll",
    "campaign",
    "protest",
    "ceasefire",
    "aid",
    "refugee",
    "migration",
    "census",
    "housing",
    "rent",
    "wage",
    "pension",
    "tax",
    "subsidy",
    "license",
    "royalty",
    "mine",
    "refinery",
    "factory",
    "startup",
    "platform",
    "network",
    "satellite",
    "cable",
    "data",
    "privacy",
    "security",
    "defence",
    "navy",
    "airport",
    "tourism",
    "festival",
    "museum",
    "archive",
    "language",
    "press",
    "radio",
    "television",
    "newspaper",
    "quietly",
    "sharply",
    "slowly",
    "finally",
    "again",
    "still",
    "nearly",
    "largely",
    "mostly",
    "rarely",
    "new",
    "old",
    "local",
    "national",
    "regional",
    "global",
    "rural",
    "urban",
    "coastal",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "cheap",
    "costly",
    "fragile",
    "stable",
    "open",
    "closed",
    "early",
    "late",
    "long",
    "short",
];

const PLACES: &[&str] = &[
    "São Paulo",
    "Zürich",
    "Kraków",
    "Bogotá",
    "Ouagadougou",
    "Reykjavík",
    "Nuuk",
    "Chattogram",
    "Dar es Salaam",
    "Málaga",
    "Izmir",
    "Hà Nội",
    "Mérida",
    "Aqaba",
    "Tromsø",
    "Kraljevo",
    "Córdoba",
    "Abidjan",
    "Québec",
    "Łódź",
];

const NAMES: &[&str] = &[
    "Ana Souza",
    "Björn Ekström",
    "Chidi Okafor",
    "Dilnoza Karimova",
    "Élodie Martin",
    "Farah Haddad",
    "Gustavo Peña",
    "Hana Kobayashi",
    "Ifeoma Eze",
    "José Álvarez",
    "Kaveh Rahimi",
    "Lena Novak",
    "Mariam Diallo",
    "Nikos Papadakis",
    "Olga Wiśniewska",
    "Priya Raman",
    "Quentin O'Neill",
    "Rania Aziz",
    "Søren Holm",
    "Tomás Ruiz",
];

const SECTIONS: &[(&str, &str)] = &[
    ("latin-america", "Latin America"),
    ("middle-east", "Middle East"),
    ("europe", "Europe"),
    ("asia-pacific", "Asia & Pacific"),
    ("africa", "Africa"),
    ("economy", "Global Economy"),
    ("climate", "Climate"),
    ("science", "Science & Technology"),
    ("culture", "Culture"),
    ("opinion-desk", "Opinion"),
];

/// Hero images shared by the synthetic articles.
const HERO_IMAGES: usize = 24;

fn words(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    (0..n).map(|_| rng.pick(WORDS)).collect()
}

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(c).collect())
}

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(14);
    let mut s = capitalise(&words(rng, n).join(" "));
    if rng.chance(15) {
        let _ = write!(s, " in {}", rng.pick(PLACES));
    }
    s.push(if rng.chance(8) { '?' } else { '.' });
    s
}

/// The slug of article `i`: a function of the seed and index alone, so an
/// article can name earlier ones as related without generating them.
fn slug(seed: u64, i: usize) -> String {
    let mut rng = Rng::new(seed, 1, i as u64);
    format!("{}-{i}", words(&mut rng, 3).join("-"))
}

fn headline(rng: &mut Rng) -> String {
    let n = 3 + rng.below(6);
    let mut h = capitalise(&words(rng, n).join(" "));
    match rng.below(6) {
        0 => {
            let _ = write!(h, " & the {} question", rng.pick(WORDS));
        }
        1 => {
            let _ = write!(h, " in {}", rng.pick(PLACES));
        }
        2 => {
            let _ = write!(h, ": “{}” or \"{}\"?", rng.pick(WORDS), rng.pick(WORDS));
        }
        3 => h.push('?'),
        _ => {}
    }
    h
}

/// A markdown body of about `target` bytes: headings, paragraphs with
/// emphasis and links, lists, quotes, the odd table and footnote.
fn body(rng: &mut Rng, target: usize) -> String {
    let mut md = String::with_capacity(target + 512);
    let mut paragraph = 0;
    let mut footnotes = 0;
    while md.len() < target {
        paragraph += 1;
        if paragraph % 5 == 0 {
            let n = 2 + rng.below(4);
            let _ = writeln!(md, "## {}\n", capitalise(&words(rng, n).join(" ")));
        }
        match rng.below(20) {
            0 => {
                for _ in 0..3 + rng.below(4) {
                    let _ = writeln!(md, "- {}", sentence(rng));
                }
                md.push('\n');
            }
            1 => {
                let _ = writeln!(md, "> {}\n", sentence(rng));
            }
            2 => {
                md.push_str("| Year | Value | Change |\n|---|---:|---:|\n");
                for year in 2019..2026 {
                    let _ = writeln!(
                        md,
                        "| {year} | {} | {}% |",
                        rng.below(10_000),
                        rng.below(40)
                    );
                }
                md.push('\n');
            }
            _ => {
                for s in 0..3 + rng.below(5) {
                    let text = sentence(rng);
                    if s == 1 && rng.chance(30) {
                        let _ = write!(md, "[{text}](https://example.org/{}) ", rng.pick(WORDS));
                    } else if s == 2 && rng.chance(30) {
                        let _ = write!(md, "*{text}* ");
                    } else if s == 3 && rng.chance(5) {
                        footnotes += 1;
                        let _ = write!(md, "{text}[^{footnotes}] ");
                    } else {
                        md.push_str(&text);
                        md.push(' ');
                    }
                }
                md.push_str("\n\n");
            }
        }
    }
    for n in 1..=footnotes {
        let _ = writeln!(md, "[^{n}]: {}", sentence(rng));
    }
    md
}

/// Article `i` of `count`, published in order over ten years.
fn article(seed: u64, i: usize, count: usize) -> Article {
    let mut rng = Rng::new(seed, 2, i as u64);
    let kind = match rng.below(100) {
        0..=14 => Kind::Brief,
        15..=49 => Kind::News,
        50..=74 => Kind::Analysis,
        75..=89 => Kind::Feature,
        _ => Kind::Opinion,
    };
    let brief = kind == Kind::Brief;
    const START: i64 = 1_451_606_400; // 2016-01-01T00:00:00Z
    const SPAN: i64 = 10 * 365 * 86_400;
    let published = START + SPAN * i as i64 / count.max(1) as i64 + rng.below(3_600) as i64;
    let authors = if brief && rng.chance(50) {
        Vec::new()
    } else {
        (0..1 + rng.below(2))
            .map(|_| rng.pick(NAMES).to_owned())
            .collect()
    };
    let hero = (!brief && rng.chance(70)).then(|| Image {
        src: format!("images/bench-hero-{}.svg", rng.below(HERO_IMAGES)),
        alt: format!("A {} near {} at dawn", rng.pick(WORDS), rng.pick(PLACES)),
        caption: rng.chance(60).then(|| sentence(&mut rng)),
        credit: rng
            .chance(60)
            .then(|| format!("Photo: {}", rng.pick(NAMES))),
        width: Some(1200),
        height: Some(675),
    });
    let target = if brief {
        500 + rng.below(1_500)
    } else {
        5_000 + rng.below(25_000)
    };
    let mut related: Vec<String> = if i > 0 && !brief && rng.chance(30) {
        (0..1 + rng.below(3))
            .map(|_| slug(seed, rng.below(i)))
            .collect()
    } else {
        Vec::new()
    };
    related.sort();
    related.dedup();
    Article {
        version: folio_content::FORMAT_VERSION,
        slug: slug(seed, i),
        section: SECTIONS[rng.below(SECTIONS.len())].0.to_owned(),
        kind,
        kicker: rng
            .chance(30)
            .then(|| capitalise(&words(&mut rng, 2).join(" "))),
        headline: headline(&mut rng),
        dek: if brief {
            String::new()
        } else {
            sentence(&mut rng)
        },
        authors,
        published: Timestamp::from_unix(published),
        updated: rng
            .chance(20)
            .then(|| Timestamp::from_unix(published + rng.below(3 * 86_400) as i64)),
        hero,
        tags: (0..1 + rng.below(4))
            .map(|_| rng.pick(WORDS).to_owned())
            .collect(),
        body: body(&mut rng, target),
        related,
    }
}

fn hero_svg(k: usize) -> String {
    let hue = k * 360 / HERO_IMAGES;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 675\" width=\"1200\" height=\"675\">\
         <rect width=\"1200\" height=\"675\" fill=\"hsl({hue} 45% 40%)\"/>"
    );
    for band in 0..12 {
        let _ = write!(
            svg,
            "<path d=\"M0 {y} C300 {a} 900 {b} 1200 {y} V675 H0Z\" fill=\"hsl({h} 40% {l}%)\" opacity=\"0.35\"/>",
            y = 300 + band * 30,
            a = 250 + band * 25,
            b = 350 + band * 20,
            h = (hue + band * 7) % 360,
            l = 30 + band * 4
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Writes `out/content/site.json`, `out/content/articles/*.json` and
/// `out/images/bench-hero-*.svg`; returns the bytes of article files written.
pub fn generate(out: &Path, count: usize, seed: u64) -> Result<u64, String> {
    let content = out.join("content");
    let articles = content.join("articles");
    let images = out.join("images");
    for dir in [&articles, &images] {
        std::fs::create_dir_all(dir).map_err(at(dir))?;
    }
    let site = Site {
        version: folio_content::FORMAT_VERSION,
        name: "Folio Bench".to_owned(),
        tagline: "A synthetic archive for measuring the build".to_owned(),
        base_url: "https://bench.folio.example/".to_owned(),
        language: "en".to_owned(),
        social: Vec::new(),
        sections: SECTIONS
            .iter()
            .map(|(slug, name)| Section {
                slug: (*slug).to_owned(),
                name: (*name).to_owned(),
                description: format!("Reporting and analysis: {name}."),
            })
            .collect(),
        page_size: 12,
        image_hosts: Vec::new(),
    };
    let site_path = content.join("site.json");
    let json = serde_json::to_string_pretty(&site).map_err(|e| e.to_string())?;
    std::fs::write(&site_path, json).map_err(at(&site_path))?;
    for k in 0..HERO_IMAGES {
        let path = images.join(format!("bench-hero-{k}.svg"));
        std::fs::write(&path, hero_svg(k)).map_err(at(&path))?;
    }
    let indices: Vec<usize> = (0..count).collect();
    let written: Vec<Result<u64, String>> = indices
        .par_iter()
        .map(|&i| {
            let article = article(seed, i, count);
            let path = articles.join(format!("{}.json", article.slug));
            let json = serde_json::to_vec(&article).map_err(|e| e.to_string())?;
            std::fs::write(&path, &json).map_err(at(&path))?;
            Ok::<u64, String>(json.len() as u64)
        })
        .collect();
    written.into_iter().sum()
}

/// Publishes one more article into a corpus that `generate` wrote with
/// `count` articles: a story (not a brief) dated after all of them, as a
/// newsroom publishes one. Returns its slug.
pub fn publish(out: &Path, count: usize, seed: u64) -> Result<String, String> {
    let mut article = (count..)
        .map(|i| article(seed, i, count))
        .find(|a| a.kind != Kind::Brief)
        .expect("three in four articles are stories");
    const END: i64 = 1_451_606_400 + 10 * 365 * 86_400;
    article.published = Timestamp::from_unix(END + 86_400);
    article.updated = None;
    let path = out
        .join("content/articles")
        .join(format!("{}.json", article.slug));
    let json = serde_json::to_vec(&article).map_err(|e| e.to_string())?;
    std::fs::write(&path, json).map_err(at(&path))?;
    Ok(article.slug)
}

/// Prefixes an I/O error with the path it concerns.
fn at<E: std::fmt::Display>(path: &Path) -> impl Fn(E) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_articles_are_valid_and_reproducible() {
        for i in [0, 1, 57, 999] {
            let a = article(7, i, 1000);
            let json = serde_json::to_string(&a).unwrap();
            let decoded =
                folio_content::decode_article(&json).unwrap_or_else(|e| panic!("{i}: {e}"));
            assert_eq!(decoded, a);
            assert_eq!(serde_json::to_string(&article(7, i, 1000)).unwrap(), json);
            assert!(a.related.iter().all(|r| r != &a.slug));
        }
    }
}
