//! Benchmark of the offline library in headless Chromium (run by
//! `./x bench`, not by `./x test`). Prints figures; checks only that the
//! work measured really happened.
#![cfg(target_arch = "wasm32")]

use folio::json::article as decode_article;
use folio::store::records::PageFacts;
use folio::store::{Library, Shelf, ToSave};
use folio_content::search::SearchIndex;
use folio_content::Article;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORDS: [&str; 12] = [
    "river",
    "port",
    "grid",
    "copper",
    "election",
    "drought",
    "tariff",
    "bond",
    "harbour",
    "lithium",
    "coalition",
    "subsidy",
];

/// An article of about `bytes` bytes of JSON with varied body text.
fn article(i: usize, bytes: usize) -> ToSave {
    let mut body = String::new();
    let mut n = i as u64;
    while body.len() < bytes {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        body.push_str(WORDS[((n >> 33) % WORDS.len() as u64) as usize]);
        body.push_str(if (n >> 40).is_multiple_of(12) {
            ".\n\n"
        } else {
            " "
        });
    }
    let json = serde_json::json!({
        "slug": format!("bench-{i}"), "section": "europe", "kind": "analysis",
        "headline": format!("Benchmark story {i} about {}", WORDS[i % WORDS.len()]),
        "dek": "A standfirst", "authors": ["Bench Writer"], "published": "2026-11-02T09:30:00Z",
        "tags": ["bench"], "body": body,
    })
    .to_string();
    let article: Article = decode_article(&json).unwrap();
    ToSave {
        facts: PageFacts {
            text: article.body.clone(),
            images: Vec::new(),
        },
        json,
        article,
        etag: None,
    }
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn stats(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    let p95 = ms[((ms.len() as f64 * 0.95).ceil() as usize)
        .saturating_sub(1)
        .min(ms.len() - 1)];
    (median, p95)
}

fn report(label: &str, ms: Vec<f64>) {
    let n = ms.len();
    let (median, p95) = stats(ms);
    console_log!("bench {label}: median {median:.2} ms, p95 {p95:.2} ms (n={n})");
}

#[wasm_bindgen_test]
async fn library_benchmarks() {
    let name = "folio-bench";
    let _ = indexed_db_futures::database::Database::delete_by_name(name)
        .unwrap()
        .await;
    let lib = Library::open_named(name, folio::store::schema::VERSION)
        .await
        .unwrap();

    // Open a 30 KB article 200 times.
    let big = article(0, 30_000);
    console_log!("bench article size: {} bytes", big.json.len());
    lib.save(big, Shelf::History).await.unwrap();
    let mut opens = Vec::new();
    for _ in 0..200 {
        let t = now();
        let got = lib.get("bench-0").await.unwrap().unwrap();
        opens.push(now() - t);
        assert_eq!(got.article.slug, "bench-0");
    }
    report("open saved 30 KB article (get + decode)", opens);

    // Save one 30 KB article, 50 times.
    let mut saves = Vec::new();
    for i in 1..=50 {
        let item = article(i, 30_000);
        let t = now();
        lib.save(item, Shelf::History).await.unwrap();
        saves.push(now() - t);
    }
    report("save one 30 KB article", saves);

    // Fill to 1,000 articles (8 KB each) in batches of 100.
    let mut batches = Vec::new();
    let mut i = 51;
    while i <= 1_000 {
        let batch: Vec<ToSave> = (i..(i + 100).min(1_001))
            .map(|j| article(j, 8_000))
            .collect();
        let t = now();
        lib.save_all(&batch, Shelf::History).await.unwrap();
        batches.push(now() - t);
        i += 100;
    }
    report("save a batch of 100 articles (one transaction)", batches);

    let mut lists = Vec::new();
    for _ in 0..20 {
        let t = now();
        let listing = lib.list().await.unwrap();
        lists.push(now() - t);
        assert_eq!(listing.entries.len(), 1_001);
    }
    report("list a library of 1,001 articles", lists);

    let t = now();
    let texts = lib.texts().await.unwrap();
    let read = now() - t;
    let docs: Vec<_> = texts.into_iter().map(|t| t.into_doc()).collect();
    let t = now();
    let index = SearchIndex::build(&docs);
    let built = now() - t;
    console_log!(
        "bench search index over {} articles: read texts {read:.1} ms, build {built:.1} ms",
        index.len()
    );
    let queries = [
        "copper",
        "river port",
        "lithium elect",
        "harbour drought tariff",
        "subsidy coalition",
        "bond",
    ];
    let mut searches = Vec::new();
    for round in 0..10 {
        for q in queries {
            let t = now();
            let hits = index.search(q, 50);
            searches.push(now() - t);
            if round == 0 {
                assert!(!hits.is_empty(), "{q} found nothing");
            }
        }
    }
    report("offline search query over 1,001 articles", searches);
    lib.close();
    let _ = indexed_db_futures::database::Database::delete_by_name(name)
        .unwrap()
        .await;
}
