//! Property tests for the pure content crate: decoding, the markdown safety
//! filter, slugs and routes, share links, offline search and timestamps.
//!
//! Each property runs through [`check`], which drives proptest's
//! `TestRunner` directly so that it can print how many cases actually ran
//! (`property <name>: <N> cases`, visible with `--nocapture`) and the seed
//! that reproduces the run. Case counts are per property below; the
//! `PROPTEST_CASES` environment variable overrides all of them, and
//! `PROPTEST_RNG_SEED` replays a run. Failures are not persisted to files:
//! a failure found here becomes an explicit test in `regressions.rs`.

use folio_content::markdown::{self, RenderOptions};
use folio_content::paths::{self, Links, Listing, Route};
use folio_content::search::{tokens, SearchDoc, SearchIndex};
use folio_content::share::{self, Network};
use folio_content::{security, validate, Kind, Timestamp};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use std::collections::HashSet;
use std::fmt::Debug;
use std::sync::atomic::{AtomicUsize, Ordering};
use url::Url;

// ---------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------

/// Runs `test` on `cases` inputs from `strategy` (or `PROPTEST_CASES`), then
/// prints the number of cases that actually ran. Panics in `test` are caught
/// by the runner and count as failures, which are shrunk and reported with
/// the seed that reproduces them.
fn check<S>(
    name: &'static str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let defaults = Config::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        defaults.cases
    } else {
        cases
    };
    let seed = match defaults.rng_seed {
        RngSeed::Fixed(seed) => seed,
        RngSeed::Random => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            nanos ^ name.len() as u64
        }
    };
    let config = Config {
        cases,
        failure_persistence: None,
        source_file: Some(file!()),
        test_name: Some(name),
        rng_seed: RngSeed::Fixed(seed),
        max_shrink_time: 60_000,
        ..defaults
    };
    let ran = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |value| {
        ran.fetch_add(1, Ordering::Relaxed);
        test(value)
    });
    let ran = ran.load(Ordering::Relaxed);
    match result {
        Ok(()) => {
            println!("property {name}: {ran} cases (seed {seed})");
            record(&format!("property {name}: {ran} cases"));
        }
        Err(e) => panic!(
            "property {name} failed after {ran} runs including shrinking \
             (replay with PROPTEST_RNG_SEED={seed}):\n{e}"
        ),
    }
}

/// Adds a line to `target/tmp/test-counts.txt`, which `./x test` prints
/// after the native tests (their output is captured).
fn record(line: &str) {
    use std::io::Write as _;
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-counts.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

fn pick<T: Clone + Debug + 'static>(items: &[T]) -> impl Strategy<Value = T> {
    prop::sample::select(items.to_vec())
}

fn pick_str(items: &[&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(items.to_vec()).prop_map(String::from)
}

/// Any characters at all, controls and unpaired-looking code points included.
fn any_chars(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
}

// ---------------------------------------------------------------------------
// 1. Decoding
// ---------------------------------------------------------------------------

#[cfg(feature = "json")]
mod decoding {
    use super::*;
    use folio_content::decode::{decode_article, decode_listing, decode_site};
    use folio_content::{
        Article, ArticleSummary, ContentError, Image, ListingPage, Section, Site, SocialAccount,
    };

    fn kind() -> impl Strategy<Value = Kind> {
        pick(&Kind::ALL)
    }

    fn nonblank() -> impl Strategy<Value = String> {
        (any_chars(12), "[A-Za-z0-9]", any_chars(12)).prop_map(|(a, b, c)| format!("{a}{b}{c}"))
    }

    fn timestamp() -> impl Strategy<Value = Timestamp> {
        prop_oneof![
            (0i64..4_000_000_000).prop_map(Timestamp::from_unix),
            // Written with an offset, as editors do.
            (
                1990u32..2100,
                1u32..=12,
                1u32..=28,
                0u32..24,
                0u32..60,
                0u32..60,
                pick_str(&["Z", "+00:00", "+05:30", "-08:00", "+14:00", "-12:00"]),
            )
                .prop_map(|(y, mo, d, h, mi, s, z)| {
                    Timestamp::parse(&format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{z}"))
                        .expect("a valid RFC 3339 date-time")
                }),
        ]
    }

    fn image() -> impl Strategy<Value = Image> {
        (
            prop_oneof![
                "images/[a-z0-9-]{1,10}\\.(png|svg|jpg)",
                "/images/[a-z]{1,6}/[a-z]{1,6}\\.webp",
                "https://img\\.example\\.com/[a-z]{1,8}\\.jpg",
            ],
            nonblank(),
            prop::option::of(any_chars(10)),
            prop::option::of(any::<u32>()),
        )
            .prop_map(|(src, alt, caption, width)| Image {
                src,
                alt,
                caption: caption.clone(),
                credit: caption,
                width,
                height: width,
            })
    }

    pub(super) fn article() -> impl Strategy<Value = Article> {
        (
            (slug(), slug(), kind(), 0u32..=1),
            (prop::option::of(any_chars(10)), nonblank(), any_chars(20)),
            prop::collection::vec(nonblank(), 1..3),
            (timestamp(), prop::option::of(0i64..10_000_000)),
            prop::option::of(image()),
            prop::collection::vec(any_chars(8), 0..3),
            nonblank(),
            prop::collection::vec(slug(), 0..3),
        )
            .prop_map(
                |(
                    (slug, section, kind, version),
                    (kicker, headline, dek),
                    authors,
                    (published, later),
                    hero,
                    tags,
                    body,
                    related,
                )| {
                    let updated = later.map(|d| Timestamp::from_unix(published.unix() + d));
                    let related = related.into_iter().filter(|r| r != &slug).collect();
                    Article {
                        version,
                        slug,
                        section,
                        kind,
                        kicker,
                        headline,
                        dek,
                        authors,
                        published,
                        updated,
                        hero,
                        tags,
                        body,
                        related,
                    }
                },
            )
    }

    fn site() -> impl Strategy<Value = Site> {
        (
            nonblank(),
            "https?://[a-z]{1,8}\\.example/([a-z]{1,6}/)?",
            prop::collection::btree_set(slug(), 1..4),
            prop::collection::vec(
                ("[a-z]{1,8}", "https://[a-z]{1,8}\\.example/@[a-z]{1,6}"),
                0..3,
            ),
            1u32..=100,
            prop::collection::vec("https://[a-z]{1,8}\\.example(:[0-9]{2,4})?/?", 0..3),
        )
            .prop_map(
                |(name, base_url, sections, social, page_size, image_hosts)| Site {
                    version: 1,
                    name,
                    tagline: String::new(),
                    base_url,
                    language: "en".into(),
                    social: social
                        .into_iter()
                        .map(|(network, url)| SocialAccount {
                            label: format!("@{network}"),
                            network,
                            url,
                        })
                        .collect(),
                    sections: sections
                        .into_iter()
                        .map(|slug| Section {
                            name: slug.clone(),
                            slug,
                            description: String::new(),
                        })
                        .collect(),
                    page_size,
                    image_hosts,
                },
            )
    }

    fn listing() -> impl Strategy<Value = ListingPage> {
        (
            (1u32..6).prop_flat_map(|pages| (Just(pages), 1..=pages)),
            prop::collection::vec(article(), 0..3),
        )
            .prop_map(|((pages, page), articles)| {
                let items: Vec<ArticleSummary> = articles.iter().map(Article::summary).collect();
                // Page 1 says how many pages and stories; the others point
                // to their neighbours only.
                let first = page == 1;
                ListingPage {
                    version: 1,
                    listing: "latest".into(),
                    page,
                    pages: if first { pages } else { 0 },
                    total: if first { items.len() as u32 } else { 0 },
                    older: (pages > 1)
                        .then(|| if first { pages } else { page - 1 })
                        .filter(|&n| n > 1),
                    newer: (!first).then(|| if page < pages { page + 1 } else { 1 }),
                    items,
                }
            })
    }

    /// A hostile JSON value to put where a field's value was.
    fn hostile_value() -> impl Strategy<Value = String> {
        prop_oneof![
            pick_str(&[
                "null",
                "0",
                "-1",
                "1.5",
                "1e400",
                "-0",
                "4294967296",
                "18446744073709551616",
                "true",
                "\"\"",
                "\" \"",
                "\"x\"",
                "\"../etc/passwd\"",
                "\"Caps\"",
                "\"2026-13-45T99:99:99Z\"",
                "\"2026-11-02\"",
                "\"rumour\"",
                "[]",
                "{}",
                "[null]",
                "[\"\"]",
                "[1,2]",
                "{\"src\":null,\"alt\":1}",
                "{\"src\":\"javascript:alert(1)\",\"alt\":\"a\"}",
                "{\"src\":\"../x.png\",\"alt\":\"a\"}",
                "\"\\ud800\"",
                "\"\\u0000\"",
            ]),
            // Deep nesting, closed or not.
            (1usize..6000, any::<bool>(), any::<bool>()).prop_map(|(depth, objects, closed)| {
                let (open, close) = if objects {
                    ("{\"a\":", "}")
                } else {
                    ("[", "]")
                };
                let mut s = open.repeat(depth);
                s.push('1');
                if closed {
                    s.push_str(&close.repeat(depth));
                }
                s
            }),
            any_chars(20).prop_map(|s| format!("{s:?}")),
        ]
    }

    #[derive(Clone, Debug)]
    pub(super) enum Mutation {
        Truncate(prop::sample::Index),
        FlipByte(prop::sample::Index, u8),
        Insert(prop::sample::Index, String),
        Delete(prop::sample::Index, usize),
        /// Sets a field (present or not) to a hostile value.
        Field(&'static str, String),
        /// Removes a field.
        Remove(&'static str),
    }

    pub(super) const FIELDS: &[&str] = &[
        "version",
        "slug",
        "section",
        "kind",
        "kicker",
        "headline",
        "dek",
        "authors",
        "published",
        "updated",
        "hero",
        "tags",
        "body",
        "related",
        "name",
        "base_url",
        "sections",
        "social",
        "page_size",
        "image_hosts",
        "listing",
        "page",
        "pages",
        "total",
        "items",
        "unknown",
    ];

    pub(super) fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            any::<prop::sample::Index>().prop_map(Mutation::Truncate),
            (any::<prop::sample::Index>(), 1u8..=255).prop_map(|(i, m)| Mutation::FlipByte(i, m)),
            (
                any::<prop::sample::Index>(),
                prop_oneof![
                    pick_str(&["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\u{0}", "é"]),
                    any_chars(6),
                ]
            )
                .prop_map(|(i, s)| Mutation::Insert(i, s)),
            (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
            (pick(FIELDS), hostile_value()).prop_map(|(f, v)| Mutation::Field(f, v)),
            pick(FIELDS).prop_map(Mutation::Remove),
        ]
    }

    /// Finds the byte range of the value of top-level `field` in a compact
    /// serde_json object, if present.
    fn value_range(json: &str, field: &str) -> Option<std::ops::Range<usize>> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let obj = value.as_object()?;
        let v = obj.get(field)?;
        let needle = format!("\"{field}\":{}", serde_json::to_string(v).ok()?);
        let start = json.find(&needle)? + field.len() + 3;
        Some(start..start + needle.len() - field.len() - 3)
    }

    pub(super) fn apply(json: &str, mutations: &[Mutation]) -> String {
        let mut bytes = json.as_bytes().to_vec();
        for m in mutations {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            match m {
                Mutation::Truncate(i) => {
                    let at = i.index(bytes.len().max(1));
                    bytes.truncate(at);
                }
                Mutation::FlipByte(i, mask) => {
                    if !bytes.is_empty() {
                        let at = i.index(bytes.len());
                        bytes[at] ^= mask;
                    }
                }
                Mutation::Insert(i, s) => {
                    let at = i.index(bytes.len() + 1);
                    bytes.splice(at..at, s.bytes());
                }
                Mutation::Delete(i, n) => {
                    if !bytes.is_empty() {
                        let at = i.index(bytes.len());
                        let end = (at + n).min(bytes.len());
                        bytes.drain(at..end);
                    }
                }
                Mutation::Field(field, value) => {
                    let new = match value_range(&text, field) {
                        Some(r) => format!("{}{value}{}", &text[..r.start], &text[r.end..]),
                        None => text.replacen('{', &format!("{{\"{field}\":{value},"), 1),
                    };
                    bytes = new.into_bytes();
                }
                Mutation::Remove(field) => {
                    if let Some(r) = value_range(&text, field) {
                        let key_start = r.start - field.len() - 3;
                        let mut end = r.end;
                        if text[end..].starts_with(',') {
                            end += 1;
                        }
                        bytes = format!("{}{}", &text[..key_start], &text[end..]).into_bytes();
                    }
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn error_is_readable(e: &ContentError) -> Result<(), TestCaseError> {
        prop_assert!(!e.to_string().is_empty());
        Ok(())
    }

    /// What every decoder promises: a value it returns passes validation and
    /// is in a format version this build reads; anything else is an error.
    pub(super) fn decode_all(text: &str) -> Result<(), TestCaseError> {
        match decode_article(text) {
            Ok(a) => {
                prop_assert!(validate::article(&a).is_empty(), "{a:?}");
                prop_assert!(a.version <= folio_content::FORMAT_VERSION);
            }
            Err(e) => error_is_readable(&e)?,
        }
        match decode_site(text) {
            Ok(s) => {
                prop_assert!(validate::site(&s).is_empty(), "{s:?}");
                prop_assert!(s.version <= folio_content::FORMAT_VERSION);
            }
            Err(e) => error_is_readable(&e)?,
        }
        match decode_listing(text) {
            Ok(l) => {
                prop_assert!(validate::listing(&l).is_empty(), "{l:?}");
                prop_assert!(l.version <= folio_content::FORMAT_VERSION);
            }
            Err(e) => error_is_readable(&e)?,
        }
        Ok(())
    }

    #[test]
    fn decoding_arbitrary_text_never_panics() {
        let json_ish = "[\\[\\]{}:,\"0-9a-z\\\\ .eE+-]{0,80}";
        check(
            "decoding_arbitrary_text_never_panics",
            5000,
            prop_oneof![any_chars(200), json_ish.prop_map(String::from)],
            |text| decode_all(&text),
        );
    }

    #[test]
    fn valid_content_round_trips_through_json() {
        check(
            "valid_content_round_trips_through_json",
            1000,
            (article(), site(), listing()),
            |(a, s, l)| {
                let json = serde_json::to_string(&a).unwrap();
                prop_assert_eq!(decode_article(&json), Ok(a));
                let json = serde_json::to_string(&s).unwrap();
                prop_assert_eq!(decode_site(&json), Ok(s));
                let json = serde_json::to_string(&l).unwrap();
                prop_assert_eq!(decode_listing(&json), Ok(l));
                Ok(())
            },
        );
    }

    #[test]
    fn mutated_content_decodes_to_valid_content_or_an_error() {
        let doc = prop_oneof![
            2 => article().prop_map(|a| serde_json::to_string(&a).unwrap()),
            1 => site().prop_map(|s| serde_json::to_string(&s).unwrap()),
            1 => listing().prop_map(|l| serde_json::to_string(&l).unwrap()),
        ];
        check(
            "mutated_content_decodes_to_valid_content_or_an_error",
            5000,
            (doc, prop::collection::vec(mutation(), 1..4)),
            |(json, mutations)| {
                let text = apply(&json, &mutations);
                decode_all(&text)?;
                // Every strict prefix of a JSON object is malformed.
                if text.len() < json.len() && json.starts_with(text.as_str()) {
                    prop_assert!(
                        matches!(decode_article(&text), Err(ContentError::Malformed { .. })),
                        "{text}"
                    );
                }
                Ok(())
            },
        );
    }
}

// ---------------------------------------------------------------------------
// 2. The markdown safety filter
// ---------------------------------------------------------------------------

/// The page the rendered body is shown on, to resolve URLs as a browser
/// does; both schemes, since the site may be served over either.
const PAGES: [&str; 2] = [
    "https://site.example/news/articles/story",
    "http://site.example/news/articles/story",
];

/// The scheme of an attribute value (already entity-decoded, as the HTML
/// parser leaves it) after dropping ASCII whitespace and controls anywhere,
/// lowercased; `None` for a relative URL or fragment.
fn scheme_of(value: &str) -> Option<String> {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let end =
        cleaned.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))?;
    (end > 0 && cleaned.as_bytes()[0].is_ascii_alphabetic() && cleaned[end..].starts_with(':'))
        .then(|| cleaned[..end].to_owned())
}

/// Where a URL leads from the page, as a browser resolves it (`None`: the
/// browser cannot parse it and loads nothing).
fn resolve(page: &str, value: &str) -> Option<Url> {
    Url::parse(page).unwrap().join(value).ok()
}

fn link_target_is_safe(value: &str, mailto: bool) -> Result<(), TestCaseError> {
    let allowed = |s: &str| matches!(s, "http" | "https") || (mailto && s == "mailto");
    if let Some(s) = scheme_of(value) {
        prop_assert!(allowed(&s), "scheme {s:?} in {value:?}");
    }
    for page in PAGES {
        if let Some(u) = resolve(page, value) {
            prop_assert!(allowed(u.scheme()), "{value:?} resolves to {u}");
        }
    }
    Ok(())
}

/// Whether an image URL loads from the site itself or from a declared host.
/// URLs a browser cannot parse, or whose scheme it does not fetch images
/// over (`mailto:`), load nothing; which schemes may appear at all is
/// [`link_target_is_safe`]'s concern.
fn image_from_allowed_host(src: &str, hosts: &[String]) -> Result<(), TestCaseError> {
    for page in PAGES {
        let Some(u) = resolve(page, src) else {
            continue;
        };
        if matches!(u.scheme(), "mailto" | "javascript" | "vbscript") {
            continue;
        }
        let site = Url::parse(page).unwrap();
        let same_site = matches!(u.scheme(), "http" | "https") && u.host_str() == site.host_str();
        let declared = u.scheme() == "https"
            && hosts.iter().any(|h| {
                let h = Url::parse(h).unwrap();
                h.host_str() == u.host_str()
                    && h.port_or_known_default() == u.port_or_known_default()
            });
        prop_assert!(
            same_site || declared,
            "image {src:?} loads from {u} on {page}; declared hosts {hosts:?}"
        );
    }
    Ok(())
}

/// Elements the filter's output may contain (what pulldown-cmark writes for
/// the enabled extensions); `html` is the fragment parser's root.
const ELEMENTS: &[&str] = &[
    "html",
    "p",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "div",
    "input",
];

const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "link", "meta", "form", "base", "svg", "math",
    "frame", "frameset", "template", "noscript", "h1",
];

/// Checks rendered HTML as a browser parses it.
fn assert_inert(html: &str, image_hosts: Option<&[String]>) -> Result<(), TestCaseError> {
    let doc = scraper::Html::parse_fragment(html);
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        prop_assert!(
            !FORBIDDEN_ELEMENTS.contains(&name),
            "element <{}> in {}",
            name,
            html
        );
        prop_assert!(
            ELEMENTS.contains(&name),
            "unexpected <{}> in {}",
            name,
            html
        );
        for (attr, value) in el.value().attrs() {
            let attr = attr.to_ascii_lowercase();
            prop_assert!(!attr.starts_with("on"), "handler {} in {}", attr, html);
            prop_assert!(
                !matches!(attr.as_str(), "srcdoc" | "formaction" | "srcset" | "action"),
                "attribute {} in {}",
                attr,
                html
            );
            if attr == "style" {
                // pulldown-cmark's own table alignment, never author text.
                prop_assert!(
                    matches!(name, "th" | "td")
                        && matches!(
                            value,
                            "text-align: left" | "text-align: center" | "text-align: right"
                        ),
                    "style={:?} on <{}> in {}",
                    value,
                    name,
                    html
                );
            }
            if attr == "id" {
                prop_assert!(
                    value.starts_with("fn-"),
                    "author id {:?} in {}",
                    value,
                    html
                );
            }
            match attr.as_str() {
                "href" => link_target_is_safe(value, true)?,
                "src" => {
                    link_target_is_safe(value, false)?;
                    if let Some(hosts) = image_hosts {
                        image_from_allowed_host(value, hosts)?;
                    }
                }
                _ => {}
            }
        }
        if name == "a" && el.value().attr("target") == Some("_blank") {
            let rel = el.value().attr("rel").unwrap_or("");
            prop_assert!(
                rel.contains("noopener"),
                "target=_blank without noopener in {}",
                html
            );
        }
    }
    Ok(())
}

/// URLs as attackers write them: schemes disguised by case, entities,
/// whitespace and controls, and hosts disguised by slashes and userinfo.
fn hostile_url() -> impl Strategy<Value = String> {
    let lead = pick_str(&[
        "",
        "",
        "",
        " ",
        "  ",
        "\t",
        "\u{1}",
        "\u{0}",
        "&#x09;",
        "&Tab;",
        "&#10;",
        "&NewLine;",
        "%20",
        "\u{a0}",
        "\u{7f}",
        "&#0;",
        "\u{c}",
    ]);
    let scheme = pick_str(&[
        "javascript",
        "JaVaScRiPt",
        "java&#x73;cript",
        "jav&#97;script",
        "&#106;avascript",
        "java\tscript",
        "java&#x09;script",
        "java&Tab;script",
        "java\u{1}script",
        "java%73cript",
        "vbscript",
        "VBScript",
        "data",
        "DATA",
        "file",
        "blob",
        "http",
        "https",
        "HTTPS",
        "hTTp",
        "h&#116;tp",
        "ht\ttps",
        "mailto",
        "MailTo",
        "ftp",
        "x-unknown",
    ]);
    let colon = pick_str(&[
        ":", ":", ":", "&colon;", "&#58;", "&#x3a;", "&#X3A;", "%3a", "\t:", "",
    ]);
    let rest = pick_str(&[
        "alert(1)",
        "alert(document.cookie)//",
        "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "text/html,<script>alert(1)</script>",
        "image/svg+xml,<svg onload=alert(1)>",
        "//evil.example/x.png",
        "evil.example/x.png",
        "/evil.example/x.png",
        "\\\\evil.example/x.png",
        "/\\evil.example/x.png",
        "///evil.example/x.png",
        "//img.example.com/a.png",
        "img.example.com/a.png",
        "//img.example.com@evil.example/a.png",
        "//img.example.com.evil.example/a.png",
        "//IMG.EXAMPLE.COM/a.png",
        "//img.example.com:8443/a.png",
        "//site.example/a.png",
        "desk@folio.example",
        "msgbox(1)",
    ]);
    let absolute = (lead, scheme, colon, rest).prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"));
    let relative = pick_str(&[
        "images/a.png",
        "/images/a.png",
        "#frag",
        "?q=1",
        "//evil.example/p.gif",
        "\\\\evil.example/p.gif",
        "/\\evil.example/p.gif",
        "../x",
        "",
        " ",
        "a:b",
        "%6Aavascript:alert(1)",
        "&amp;#x6a;avascript:alert(1)",
    ]);
    // Slashes, backslashes and ignored characters in front of a host: a
    // path by itself, another host once something writes a `/` before it.
    let slashes = (
        pick_str(&[
            "", "/", "\\", "//", "/\\", "\\\\", "\t\\", "/\t/", "\\\n/", " /",
        ]),
        pick_str(&[
            "evil.example/p.gif",
            "img.example.com/a.png",
            "site.example/a.png",
            "¹",
        ]),
    )
        .prop_map(|(a, b)| format!("{a}{b}"));
    prop_oneof![4 => absolute, 1 => relative, 1 => slashes]
}

/// One hostile piece of a body: markdown links and images of every form,
/// raw HTML that should never reach the page, and markup to nest them in.
fn fragment() -> impl Strategy<Value = String> {
    let text = || {
        pick_str(&[
            "click",
            "a *b* c",
            "x",
            "",
            "`code`",
            "**bold**",
            "&lt;i&gt;",
        ])
    };
    let url = hostile_url;
    prop_oneof![
        (text(), url()).prop_map(|(t, u)| format!("[{t}]({u})")),
        (text(), url()).prop_map(|(t, u)| format!("[{t}](<{u}>)")),
        (text(), url()).prop_map(|(t, u)| format!("[{t}]({u} \"t\\\"itle\")")),
        (text(), url()).prop_map(|(t, u)| format!("![{t}]({u})")),
        (text(), url()).prop_map(|(t, u)| format!("![{t}](<{u}> 'x')")),
        url().prop_map(|u| format!("<{u}>")),
        (text(), url(), 0u8..4).prop_map(|(t, u, n)| format!("[{t}][r{n}]\n\n[r{n}]: {u}\n\n")),
        (text(), url(), 0u8..4)
            .prop_map(|(t, u, n)| format!("![{t}][i{n}]\n\n[i{n}]: <{u}> \"t\"\n\n")),
        (text(), url()).prop_map(|(t, u)| format!("[{t}]\n\n[{t}]: {u}\n\n")),
        (text(), url()).prop_map(|(t, u)| format!("[![{t}]({u})]({u})")),
        (text(), url()).prop_map(|(t, u)| format!("<a href=\"{u}\">{t}</a>")),
        (text(), url()).prop_map(|(t, u)| format!("<a href='  {u}'>{t}</a>")),
        url().prop_map(|u| format!("<img src={u} onerror=alert(1)>")),
        url().prop_map(|u| format!(
            "<iframe src=\"{u}\" srcdoc=\"<script>alert(1)</script>\"></iframe>"
        )),
        url().prop_map(|u| format!("<object data=\"{u}\"></object><embed src=\"{u}\">")),
        url().prop_map(|u| format!(
            "<form action=\"{u}\"><button formaction=\"{u}\">go</button></form>"
        )),
        url().prop_map(|u| format!("<meta http-equiv=\"refresh\" content=\"0;url={u}\">")),
        url().prop_map(|u| format!("<link rel=stylesheet href=\"{u}\"><base href=\"{u}\">")),
        url().prop_map(|u| format!("<svg onload=alert(1)><a xlink:href=\"{u}\">x</a></svg>")),
        url().prop_map(|u| format!("<math><mi xlink:href=\"{u}\">x</mi></math>")),
        (text(), url()).prop_map(|(t, u)| format!(
            "<div style=\"background:url({u})\" onclick=alert(1)>{t}</div>"
        )),
        pick_str(&[
            "<script>alert(1)</script>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<script\n>alert(1)</script\n>",
            "<style>*{color:red}</style>",
            "<!-- c --><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<?xml x?>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<scr<script>ipt>alert(1)</script>",
            "<<script>script>",
            "</p><script>alert(1)</script>",
            "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<textarea><script>alert(1)</script></textarea>",
            "<template><script>alert(1)</script></template>",
            "<video><source onerror=alert(1)></video>",
            "<body onload=alert(1)>",
            "<h1 id=app>x</h1>",
            "<x onclick=1>y</x>",
            "<img src=\"x\" onerror=\"alert(1)\"",
            "# heading {#app .evil}",
            "[^n]",
            "[^n]: note\n\n",
            "[^app]: clobber\n\n",
            "- [x] done\n",
            "| a | b | c |\n|:-|:-:|-:|\n| <script> | [x](javascript:y) | ![i](x.png) |\n\n",
            "```evil\" onclick=\"x\n<script>\n```\n",
            "&lt;script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "\\<script>",
            "*",
            "**",
            "_",
            "~~",
            "`",
            "[",
            "](",
            "<",
            ">",
            "&",
            "\"",
        ]),
    ]
}

fn hostile_document() -> impl Strategy<Value = String> {
    let wrapper = pick_str(&["", "", "*", "**", "_", "__", "~~", "***"]);
    let separator = pick_str(&[
        "", " ", "\n", "\n\n", "\n    ", "\n> ", "\n- ", "\n1. ", "\n## ", "\t",
    ]);
    prop::collection::vec((fragment(), wrapper, separator), 1..10).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(f, w, s)| format!("{w}{f}{w}{s}"))
            .collect()
    })
}

fn declared_hosts() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::collection::vec(
        pick_str(&[
            "https://img.example.com",
            "https://img.example.com/",
            "https://IMG.example.com",
            "https://cdn.example:8443",
        ]),
        0..3,
    ))
}

fn render_checked(
    body: &str,
    base: &str,
    hosts: &Option<Vec<String>>,
) -> Result<(), TestCaseError> {
    let options = RenderOptions {
        base,
        image_sizes: None,
        image_hosts: hosts.as_deref(),
    };
    let html = markdown::render_with(body, &options);
    assert_inert(&html, hosts.as_deref())
}

#[test]
fn markdown_of_arbitrary_text_is_inert() {
    let markdownish = "[\\[\\]()<>!*_`#&;:/\"' \n\tjavascriptJS=a-z0-9|~^\\\\-]{0,120}";
    check(
        "markdown_of_arbitrary_text_is_inert",
        5000,
        (
            prop_oneof![any_chars(300), markdownish.prop_map(String::from)],
            pick_str(&["", "/", "/news", "/news/"]),
            declared_hosts(),
        ),
        |(body, base, hosts)| render_checked(&body, &base, &hosts),
    );
}

#[test]
fn hostile_markdown_is_inert() {
    check(
        "hostile_markdown_is_inert",
        10_000,
        (
            hostile_document(),
            pick_str(&["", "/", "/news", "/news/"]),
            declared_hosts(),
        ),
        |(body, base, hosts)| render_checked(&body, &base, &hosts),
    );
}

#[test]
fn url_check_agrees_with_the_browser() {
    check(
        "url_check_agrees_with_the_browser",
        10_000,
        prop_oneof![hostile_url(), any_chars(40)],
        |raw| {
            // The filter sees URLs after markdown decoded their entities;
            // check the raw string and a decoded form.
            for url in [raw.clone(), decode_entities(&raw)] {
                if markdown::is_safe_url(&url) {
                    for page in PAGES {
                        if let Some(u) = resolve(page, &url) {
                            prop_assert!(
                                matches!(u.scheme(), "http" | "https" | "mailto"),
                                "is_safe_url({:?}) but it resolves to {}",
                                url,
                                u
                            );
                        }
                    }
                }
            }
            Ok(())
        },
    );
}

#[test]
fn allowed_images_come_from_the_site_or_a_declared_host() {
    let hosts = prop::collection::vec(
        pick_str(&[
            "https://img.example.com",
            "https://img.example.com/",
            "https://cdn.example:8443",
        ]),
        0..3,
    );
    check(
        "allowed_images_come_from_the_site_or_a_declared_host",
        10_000,
        (
            prop_oneof![4 => hostile_url(), 1 => any_chars(30)],
            hosts,
            pick_str(&["", "/", "/news/"]),
        ),
        |(raw, hosts, base)| {
            let src = decode_entities(&raw);
            if !security::image_allowed(&src, &hosts) {
                return Ok(());
            }
            // The rules every image passes before this check: the markdown
            // filter's, and a hero's (validated when its article is read).
            let image_url = markdown::is_safe_url(&src)
                && !src.trim().to_ascii_lowercase().starts_with("mailto:");
            if image_url {
                image_from_allowed_host(&src, &hosts)?;
            }
            if hero_is_valid(&src) {
                // Pages show a hero at its asset link under the base path.
                image_from_allowed_host(&Links::new(&base).asset(&src), &hosts)?;
            }
            Ok(())
        },
    );
}

/// Whether validation accepts `src` as an article's hero image.
fn hero_is_valid(src: &str) -> bool {
    let article = folio_content::Article {
        version: 1,
        slug: "a".into(),
        section: "s".into(),
        kind: Kind::News,
        kicker: None,
        headline: "h".into(),
        dek: String::new(),
        authors: vec!["A".into()],
        published: Timestamp::from_unix(0),
        updated: None,
        hero: Some(folio_content::Image {
            src: src.to_owned(),
            alt: "alt".into(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        }),
        tags: Vec::new(),
        body: "b".into(),
        related: Vec::new(),
    };
    validate::article(&article).is_empty()
}

/// The few entities the URL grammar uses, decoded as markdown decodes them.
fn decode_entities(s: &str) -> String {
    [
        ("&#x73;", "s"),
        ("&#97;", "a"),
        ("&#106;", "j"),
        ("&#116;", "t"),
        ("&#x09;", "\t"),
        ("&Tab;", "\t"),
        ("&#10;", "\n"),
        ("&NewLine;", "\n"),
        ("&#0;", "\u{fffd}"),
        ("&colon;", ":"),
        ("&#58;", ":"),
        ("&#x3a;", ":"),
        ("&#X3A;", ":"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(s.to_owned(), |acc, (from, to)| acc.replace(from, to))
}

// ---------------------------------------------------------------------------
// 3. Slugs and routes
// ---------------------------------------------------------------------------

fn sluggish() -> impl Strategy<Value = String> {
    prop_oneof![
        any_chars(20),
        "[a-zA-Z0-9 ./%\\\\_-]{0,16}".prop_map(String::from),
        pick_str(&["..", "a..b", "%2F", "a%2fb", "a\\b", "a/b", "A", "a b", "é", "a\u{0}"]),
        pick_str(&[
            "José Álvarez",
            "Straße",
            "北京",
            "ǅ",
            "ﬁ",
            "Ⅻ",
            "Å",
            "&",
            "O'Brien"
        ]),
    ]
}

#[test]
fn accepted_slugs_are_path_safe() {
    check(
        "accepted_slugs_are_path_safe",
        5000,
        (sluggish(), slug()),
        |(any, good)| {
            if validate::is_slug(&any) {
                prop_assert!(any.len() <= 120);
                for bad in ["/", "..", "%", "\\", "--"] {
                    prop_assert!(!any.contains(bad), "{:?}", any);
                }
                prop_assert!(
                    any.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{:?}",
                    any
                );
                prop_assert!(!any.starts_with('-') && !any.ends_with('-'));
            }
            // And the well-formed ones are accepted.
            prop_assert!(validate::is_slug(&good), "{:?}", good);
            // Any tag or author name gives a valid slug or none, and a
            // slug is its own slug (a page's name is stable).
            let named = paths::name_slug(&any);
            prop_assert!(
                named.is_empty() || validate::is_slug(&named),
                "{:?} from {:?}",
                named,
                any
            );
            prop_assert_eq!(paths::name_slug(&named), named.clone());
            prop_assert_eq!(paths::name_slug(&good), good.clone());
            Ok(())
        },
    );
}

fn listing_strategy() -> impl Strategy<Value = Listing> {
    prop_oneof![
        Just(Listing::Latest),
        Just(Listing::Briefs),
        slug().prop_map(Listing::Section),
        // The brief kind's page is the briefs listing.
        pick(&[Kind::Analysis, Kind::News, Kind::Opinion, Kind::Feature]).prop_map(Listing::Kind),
        slug().prop_map(Listing::Tag),
        slug().prop_map(Listing::Author),
    ]
}

fn route_strategy() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::Home),
        Just(Route::Library),
        Just(Route::Search),
        slug().prop_map(Route::Article),
        (
            listing_strategy(),
            prop_oneof![Just(1u32), 2u32..20, Just(u32::MAX)]
        )
            .prop_map(|(l, n)| Route::Listing(l, n)),
    ]
}

fn link_to(links: &Links, route: &Route) -> String {
    match route {
        Route::Home => links.home(),
        Route::Listing(l, n) => links.listing(l, *n),
        Route::Article(s) => links.article(s),
        Route::Library => links.library(),
        Route::Search => links.search(),
        Route::NotFound => unreachable!(),
    }
}

#[test]
fn routes_round_trip_through_links() {
    let base = prop_oneof![
        pick_str(&["", "/", "/news", "/news/", "/articles", "/latest/"]),
        "(/[a-z0-9-]{1,8}){1,3}/?".prop_map(String::from),
    ];
    check(
        "routes_round_trip_through_links",
        10_000,
        (base, route_strategy()),
        |(base, route)| {
            let links = Links::new(&base);
            let link = link_to(&links, &route);
            prop_assert!(link.starts_with('/'), "{}", link);
            let path = link.strip_prefix(links.base()).unwrap();
            prop_assert_eq!(Route::parse(path), route.clone(), "{}", link);
            prop_assert_eq!(
                Route::parse(&format!("{path}/")),
                route.clone(),
                "{}/",
                link
            );
            if let Route::Listing(l, _) = &route {
                prop_assert_eq!(Listing::from_id(&l.id()), Some(l.clone()));
            }
            Ok(())
        },
    );
}

fn hostile_path() -> impl Strategy<Value = String> {
    let segment = pick_str(&[
        "articles",
        "sections",
        "kinds",
        "tags",
        "authors",
        "tag",
        "author",
        "latest",
        "library",
        "search",
        "brief",
        "analysis",
        "..",
        ".",
        "",
        "%2F",
        "%2e%2e",
        "..%2F..",
        "a\\b",
        "..\\x",
        "a-b",
        "A",
        "a b",
        "2",
        "1",
        "0",
        "+2",
        "02",
        "-1",
        "4294967296",
        "port-plan",
        "%00",
        "é",
    ]);
    let sep = pick_str(&["/", "/", "/", "//", "\\", "%2F", "%5C"]);
    prop_oneof![
        prop::collection::vec((segment, sep), 0..5)
            .prop_map(|parts| parts.into_iter().map(|(a, b)| format!("{b}{a}")).collect()),
        any_chars(40),
    ]
}

#[test]
fn parsed_routes_only_name_valid_slugs() {
    check(
        "parsed_routes_only_name_valid_slugs",
        10_000,
        hostile_path(),
        |path| {
            let slug_ok = |s: &str| {
                validate::is_slug(s)
                    && !s.contains(['/', '\\', '%', '.'])
                    && !s.chars().any(char::is_whitespace)
            };
            match Route::parse(&path) {
                Route::Article(s)
                | Route::Listing(Listing::Section(s) | Listing::Tag(s) | Listing::Author(s), _) => {
                    prop_assert!(slug_ok(&s), "{:?} from {:?}", s, path)
                }
                _ => {}
            }
            if let Route::Listing(_, n) = Route::parse(&path) {
                prop_assert!(n >= 1);
            }
            if let Some(Listing::Section(s) | Listing::Tag(s) | Listing::Author(s)) =
                Listing::from_id(&path)
            {
                prop_assert!(slug_ok(&s), "{:?} from id {:?}", s, path);
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------
// 4. Share links
// ---------------------------------------------------------------------------

fn share_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any_chars(40),
        "[ a-zA-Z0-9&#?=%+\"'<>\n\r\t/:;,.!*()~@\\[\\]{}|\\\\^`éß日😀\u{0}]{0,30}"
            .prop_map(String::from),
    ]
}

/// Where a network sends the reader and what its server reads from the query.
fn expected(network: Network, url: &str, title: &str) -> (&'static str, Vec<(String, String)>) {
    let both = format!("{title} {url}");
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    match network {
        Network::X => (
            "x.com/intent/tweet",
            pairs(&[("text", title), ("url", url)]),
        ),
        Network::Facebook => ("www.facebook.com/sharer/sharer.php", pairs(&[("u", url)])),
        Network::LinkedIn => (
            "www.linkedin.com/sharing/share-offsite/",
            pairs(&[("url", url)]),
        ),
        Network::Bluesky => ("bsky.app/intent/compose", pairs(&[("text", &both)])),
        Network::Reddit => (
            "www.reddit.com/submit",
            pairs(&[("url", url), ("title", title)]),
        ),
        Network::WhatsApp => ("wa.me/", pairs(&[("text", &both)])),
        Network::Email => (
            "",
            pairs(&[("subject", title), ("body", &format!("{title}\n\n{url}"))]),
        ),
    }
}

#[test]
fn share_links_carry_exactly_the_title_and_url() {
    check(
        "share_links_carry_exactly_the_title_and_url",
        5000,
        (share_text(), share_text()),
        |(url, title)| {
            for network in Network::ALL {
                let link = network.share_url(&url, &title);
                prop_assert!(
                    link.bytes().all(|b| b.is_ascii_graphic()
                        && !matches!(
                            b,
                            b'"' | b'#' | b'<' | b'>' | b'\\' | b'`' | b'{' | b'}' | b'|' | b'^'
                        )),
                    "{}",
                    link
                );
                let parsed =
                    Url::parse(&link).map_err(|e| TestCaseError::fail(format!("{link}: {e}")))?;
                let (place, query) = expected(network, &url, &title);
                if network == Network::Email {
                    prop_assert_eq!(parsed.scheme(), "mailto");
                } else {
                    prop_assert_eq!(parsed.scheme(), "https");
                    prop_assert_eq!(
                        format!("{}{}", parsed.host_str().unwrap_or(""), parsed.path()),
                        place
                    );
                }
                prop_assert!(parsed.fragment().is_none(), "{}", link);
                let got: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
                prop_assert_eq!(got, query, "{}", link);
            }
            Ok(())
        },
    );
}

fn mastodon_input() -> impl Strategy<Value = String> {
    let grammar = (
        pick_str(&[
            "",
            " ",
            "https://",
            "http://",
            "HTTPS://",
            "@",
            "@me@",
            "javascript:",
            "//",
        ]),
        pick_str(&[
            "mastodon.social",
            "Mastodon.Social",
            "hachyderm.io",
            "example.org:8443",
            "example.org:99999",
            "example.org:",
            "a.b:c:d",
            "999.1",
            "1.2.3.4",
            "x..y",
            "evil.example\"><script>",
            "a b.example",
            "évil.example",
            "-a.example",
            "a.example.",
            "user:pass@a.example",
        ]),
        pick_str(&[
            "",
            "/@me",
            "/share?x=1",
            "?x",
            "#y",
            " ",
            "\\evil.example",
            "@evil.example",
        ]),
    )
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"));
    prop_oneof![
        grammar,
        any_chars(30),
        "[a-z0-9.:@/ -]{0,20}".prop_map(String::from)
    ]
}

#[test]
fn mastodon_instances_are_bare_hosts() {
    check(
        "mastodon_instances_are_bare_hosts",
        10_000,
        (mastodon_input(), share_text()),
        |(input, title)| {
            let Some(host) = share::mastodon_instance(&input) else {
                return Ok(());
            };
            prop_assert!(!host.is_empty());
            prop_assert!(
                !host.contains(['/', '@', '"', '\'', '<', '>', '\\', '?', '#'])
                    && !host.chars().any(|c| c.is_whitespace() || c.is_control()),
                "{:?} from {:?}",
                host,
                input
            );
            // It names a server: the share link goes to its /share page.
            let url = "https://folio.example/articles/a";
            let link = share::mastodon_url(&host, url, &title);
            let parsed = Url::parse(&link).map_err(|e| {
                TestCaseError::fail(format!("{host:?} from {input:?}: {link}: {e}"))
            })?;
            prop_assert_eq!(parsed.scheme(), "https");
            prop_assert_eq!(parsed.username(), "");
            prop_assert!(parsed.password().is_none());
            prop_assert_eq!(parsed.path(), "/share");
            let got: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
            prop_assert_eq!(got, vec![("text".to_owned(), format!("{title} {url}"))]);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------
// 5. Search
// ---------------------------------------------------------------------------

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        "[A-Za-z]{3,9}",
        "[0-9]{1,4}",
        "[a-zãüéçñøłÃÜÉ]{2,7}",
        "\\p{L}{1,6}",
    ]
}

fn words_text() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            word(),
            pick_str(&[" ", ", ", "-", ": ", "'", "—", "\n", "/", "."]),
        ),
        1..6,
    )
}

fn join(words: &[(String, String)]) -> String {
    words.iter().map(|(w, s)| format!("{w}{s}")).collect()
}

/// A title as its words and the separators after them, a dek and a body.
type RawDoc = (Vec<(String, String)>, String, String);

fn docs() -> impl Strategy<Value = Vec<RawDoc>> {
    prop::collection::vec(
        (
            words_text(),
            prop_oneof![any_chars(20), words_text().prop_map(|w| join(&w))],
            prop_oneof![any_chars(60), words_text().prop_map(|w| join(&w))],
        ),
        0..8,
    )
}

fn build(docs: &[RawDoc]) -> Vec<SearchDoc> {
    docs.iter()
        .enumerate()
        .map(|(i, (title, dek, body))| SearchDoc {
            slug: format!("doc-{i}"),
            title: join(title),
            dek: dek.clone(),
            body: body.clone(),
        })
        .collect()
}

/// The documented matching rule: a document matches when it contains every
/// word of the query (words as [`tokens`] normalises them); the last word
/// also matches as a prefix while it is being typed (the query does not end
/// in a separator) and has at least two characters.
fn model(docs: &[SearchDoc], query: &str) -> HashSet<String> {
    let words: Vec<String> = tokens(query).collect();
    let Some((last, rest)) = words.split_last() else {
        return HashSet::new();
    };
    let typing = query.chars().last().is_some_and(char::is_alphanumeric);
    let prefix = typing && last.chars().count() >= 2;
    docs.iter()
        .filter(|d| {
            let terms: HashSet<String> = tokens(&d.title)
                .chain(tokens(&d.dek))
                .chain(tokens(&d.body))
                .collect();
            rest.iter().all(|w| terms.contains(w))
                && if prefix {
                    terms.iter().any(|t| t.starts_with(last.as_str()))
                } else {
                    terms.contains(last)
                }
        })
        .map(|d| d.slug.clone())
        .collect()
}

#[test]
fn search_returns_exactly_the_matching_documents() {
    let query = |docs: Vec<RawDoc>| {
        let from_docs: Vec<String> = docs
            .iter()
            .flat_map(|(t, _, _)| t.iter().map(|(w, _)| w.clone()))
            .collect();
        let words = if from_docs.is_empty() {
            Just(Vec::<String>::new()).boxed()
        } else {
            prop::collection::vec(prop_oneof![pick(&from_docs), word()], 0..3).boxed()
        };
        (
            Just(docs),
            prop_oneof![
                any_chars(20),
                (words, pick_str(&["", " ", "  ", "-", "é"]))
                    .prop_map(|(w, end)| format!("{}{end}", w.join(" "))),
            ],
            prop_oneof![Just(usize::MAX), 0usize..5],
        )
    };
    check(
        "search_returns_exactly_the_matching_documents",
        2000,
        docs().prop_flat_map(query),
        |(docs, query, limit)| {
            let docs = build(&docs);
            let index = SearchIndex::build(&docs);
            prop_assert_eq!(index.len(), docs.len());
            let hits = index.search(&query, limit);
            let expected = model(&docs, &query);
            prop_assert_eq!(hits.len(), expected.len().min(limit));
            for hit in &hits {
                prop_assert!(expected.contains(&hit.slug), "{:?} for {:?}", hit, query);
                prop_assert!(hit.score.is_finite() && hit.score > 0.0, "{:?}", hit);
            }
            let unique: HashSet<&str> = hits.iter().map(|h| h.slug.as_str()).collect();
            prop_assert_eq!(unique.len(), hits.len(), "duplicate hits");
            prop_assert!(
                hits.windows(2).all(|w| w[0].score >= w[1].score),
                "not best first: {:?}",
                hits
            );
            Ok(())
        },
    );
}

/// Strips the accents the search folds (documented: "São" matches "sao").
fn unaccent(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ã' | 'Ã' => 'a',
            'ü' | 'Ü' => 'u',
            'é' | 'É' => 'e',
            'ç' => 'c',
            'ñ' => 'n',
            'ø' => 'o',
            'ł' => 'l',
            c => c,
        })
        .collect()
}

#[test]
fn a_document_is_found_by_any_word_of_its_title() {
    check(
        "a_document_is_found_by_any_word_of_its_title",
        2000,
        (
            docs().prop_filter("needs a document", |d| !d.is_empty()),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            0u8..4,
        ),
        |(docs, which, word_at, form)| {
            let built = build(&docs);
            let index = SearchIndex::build(&built);
            let doc = which.index(docs.len());
            let title = &docs[doc].0;
            let word = &title[word_at.index(title.len())].0;
            // Lowercase ASCII words of three letters and more in any case;
            // any word as written; accented words without their accents.
            let query = match form {
                0 if word.len() >= 3 && word.is_ascii() => word.to_ascii_uppercase(),
                1 if word.len() >= 3 && word.is_ascii() => word.to_ascii_lowercase(),
                2 => unaccent(word),
                _ => word.clone(),
            };
            for q in [format!("{query} "), query.clone()] {
                let hits = index.search(&q, docs.len());
                prop_assert!(
                    hits.iter().any(|h| h.slug == built[doc].slug),
                    "{:?} not found by {:?}: {:?}",
                    built[doc].title,
                    q,
                    hits
                );
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------
// 6. Timestamps
// ---------------------------------------------------------------------------

fn timestamp_text() -> impl Strategy<Value = String> {
    let two = |hi: u32| (0..=hi).prop_map(|n| format!("{n:02}"));
    let grammar = (
        (
            pick_str(&["", " ", "\t", "\n"]),
            prop_oneof![
                (0u32..=9999).prop_map(|y| format!("{y:04}")),
                // The edges of what RFC 3339 can write, and of Unix time.
                pick_str(&["0000", "9999", "1969", "1970"]),
                "[0-9]{1,6}".prop_map(String::from),
            ],
            prop_oneof![two(13), pick_str(&["01", "12"])],
            prop_oneof![two(32), pick_str(&["01", "31"])],
            pick_str(&["T", "t", " ", "_"]),
        ),
        (
            two(25),
            two(61),
            two(61),
            prop_oneof![Just(String::new()), "\\.[0-9]{1,12}".prop_map(String::from)],
            prop_oneof![
                pick_str(&["Z", "z", "", "+00:00", "-00:00", "UTC", "+0100"]),
                (pick_str(&["+", "-"]), two(25), two(61))
                    .prop_map(|(s, h, m)| format!("{s}{h}:{m}")),
            ],
            pick_str(&["", " ", "x"]),
        ),
    )
        .prop_map(|((lead, y, mo, d, t), (h, mi, s, frac, zone, tail))| {
            format!("{lead}{y}-{mo}-{d}{t}{h}:{mi}:{s}{frac}{zone}{tail}")
        });
    prop_oneof![4 => grammar, 1 => any_chars(30)]
}

#[test]
fn accepted_timestamps_reformat_to_the_same_instant() {
    check(
        "accepted_timestamps_reformat_to_the_same_instant",
        10_000,
        timestamp_text(),
        |text| {
            let Ok(t) = Timestamp::parse(&text) else {
                return Ok(());
            };
            // As written.
            let again = Timestamp::parse(t.as_str());
            prop_assert_eq!(again.as_ref().map(Timestamp::unix), Ok(t.unix()));
            prop_assert_eq!(t.to_string(), t.as_str());
            // Re-formatted in UTC.
            let utc = Timestamp::from_unix(t.unix());
            prop_assert_eq!(utc.unix(), t.unix());
            let reparsed = Timestamp::parse(utc.as_str());
            prop_assert_eq!(
                reparsed.as_ref().map(Timestamp::unix),
                Ok(t.unix()),
                "{:?} re-formatted as {:?}",
                text,
                utc.as_str()
            );
            // The UTC calendar date agrees with the UTC text.
            prop_assert_eq!(t.date_utc(), utc.as_str()[..10].to_owned(), "{:?}", text);
            Ok(())
        },
    );
}
