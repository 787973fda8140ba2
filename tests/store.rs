//! The offline library against the real IndexedDB of headless Chromium.
#![cfg(target_arch = "wasm32")]

use folio::json::article as decode_article;
use folio::store::records::{PageFacts, SavedRecord};
use folio::store::{schema, Library, Position, Shelf, StoreError, ToSave};
use folio_content::Article;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use std::cell::Cell;
use std::future::IntoFuture;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn article_json(slug: &str, headline: &str) -> String {
    format!(
        r#"{{"slug":"{slug}","section":"europe","kind":"analysis","headline":"{headline}","dek":"A dek",
            "authors":["A. Writer"],"published":"2026-11-02T09:30:00Z","tags":["water"],
            "hero":{{"src":"images/{slug}.svg","alt":"alt"}},
            "body":"Rivers and **ports** of Zürich.\n\n![chart](images/{slug}-1.svg)"}}"#
    )
}

fn to_save(slug: &str, headline: &str) -> ToSave {
    let json = article_json(slug, headline);
    let article: Article = decode_article(&json).unwrap();
    ToSave {
        // What the article's page gives: its text and images.
        facts: PageFacts {
            text: "Rivers and ports of Zürich.".into(),
            images: vec![format!("images/{slug}.svg"), format!("images/{slug}-1.svg")],
        },
        json,
        article,
        etag: Some("\"v1\"".into()),
    }
}

/// A fresh, uniquely named database per test.
async fn fresh(name: &str, version: u32) -> Library {
    let _ = Database::delete_by_name(name).unwrap().await;
    Library::open_named(name, version).await.unwrap()
}

#[wasm_bindgen_test]
async fn save_get_list_remove_clear_round_trip() {
    let lib = fresh("t-roundtrip", schema::VERSION).await;
    lib.save_all(
        &[
            to_save("a", "Alpha"),
            to_save("b", "Beta"),
            to_save("c", "Gamma"),
        ],
        Shelf::History,
    )
    .await
    .unwrap();

    let got = lib.get("b").await.unwrap().expect("b saved");
    assert_eq!(got.article.headline, "Beta");
    assert_eq!(got.etag.as_deref(), Some("\"v1\""));
    assert_eq!(got.size as usize, article_json("b", "Beta").len());
    assert!(lib.get("zzz").await.unwrap().is_none());

    let listing = lib.list().await.unwrap();
    assert_eq!(listing.entries.len(), 3);
    assert_eq!(listing.damaged(), 0);
    let a = listing.entries.iter().find(|e| e.slug == "a").unwrap();
    assert_eq!(a.images, ["images/a.svg", "images/a-1.svg"]);

    let mut slugs = lib.slugs().await.unwrap();
    slugs.sort();
    assert_eq!(slugs, ["a", "b", "c"]);
    let texts = lib.texts().await.unwrap();
    assert!(texts
        .iter()
        .any(|t| t.body.contains("Rivers and ports of Zürich.")));

    lib.remove(&["a".into()]).await.unwrap();
    assert!(lib.get("a").await.unwrap().is_none());
    assert_eq!(lib.list().await.unwrap().entries.len(), 2);
    assert_eq!(lib.texts().await.unwrap().len(), 2);

    lib.clear().await.unwrap();
    assert!(lib.list().await.unwrap().entries.is_empty());
    lib.close();
}

#[wasm_bindgen_test]
async fn saving_again_replaces_the_copy() {
    let lib = fresh("t-replace", schema::VERSION).await;
    lib.save(to_save("a", "First"), Shelf::History)
        .await
        .unwrap();
    lib.save(to_save("a", "Second"), Shelf::History)
        .await
        .unwrap();
    assert_eq!(
        lib.get("a").await.unwrap().unwrap().article.headline,
        "Second"
    );
    assert_eq!(lib.list().await.unwrap().entries.len(), 1);
    lib.close();
}

#[wasm_bindgen_test]
async fn a_refresh_never_brings_back_a_removed_article_nor_moves_its_save_date() {
    let lib = fresh("t-refresh", schema::VERSION).await;
    lib.save(to_save("a", "First"), Shelf::History)
        .await
        .unwrap();
    let saved_at = lib.get("a").await.unwrap().unwrap().saved_at;
    folio::net::sleep(20).await;
    // A newer version arrives for an article still kept: replaced, with its
    // save date.
    assert!(lib.replace_if_kept(to_save("a", "Second")).await.unwrap());
    let got = lib.get("a").await.unwrap().unwrap();
    assert_eq!(got.article.headline, "Second");
    assert_eq!(
        got.saved_at, saved_at,
        "the library's order and 'Saved on' stay"
    );
    assert_eq!(lib.list().await.unwrap().entries[0].saved_at, saved_at);
    // The reader removed it while the refresh waited on the network.
    lib.remove(&["a".into()]).await.unwrap();
    assert!(!lib.replace_if_kept(to_save("a", "Third")).await.unwrap());
    assert!(
        lib.get("a").await.unwrap().is_none(),
        "removed stays removed"
    );
    assert!(lib.list().await.unwrap().entries.is_empty());
    assert!(lib.texts().await.unwrap().is_empty());
    lib.close();
}

#[wasm_bindgen_test]
async fn a_v1_database_is_migrated_with_its_articles() {
    let name = "t-migrate";
    let v1 = fresh(name, 1).await;
    v1.close();
    // Write records as release 1 did: whole articles only.
    let db = Database::open(name).with_version(1u32).await.unwrap();
    let tx = db
        .transaction(schema::ARTICLES)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let store = tx.object_store(schema::ARTICLES).unwrap();
    for (slug, headline) in [("old-one", "Old one"), ("old-two", "Old two")] {
        let json = article_json(slug, headline);
        let size = json.len() as u32;
        store
            .put(SavedRecord {
                slug: slug.into(),
                json,
                saved_at: 1.0e12,
                size,
                etag: None,
            })
            .serde()
            .unwrap();
    }
    // A record that no longer decodes must not stop the migration.
    store
        .put(SavedRecord {
            slug: "broken".into(),
            json: "{\"slug\":".into(),
            saved_at: 1.0e12,
            size: 8,
            etag: None,
        })
        .serde()
        .unwrap();
    drop(store);
    tx.commit().await.unwrap();
    db.close();

    let lib = Library::open_named(name, 2).await.unwrap();
    let listing = lib.list().await.unwrap();
    let mut slugs: Vec<_> = listing.entries.iter().map(|e| e.slug.as_str()).collect();
    slugs.sort();
    // The record that does not decode is listed too, as damaged.
    assert_eq!(slugs, ["broken", "old-one", "old-two"]);
    assert_eq!(listing.damaged(), 1);
    assert_eq!(
        lib.get("old-two").await.unwrap().unwrap().article.headline,
        "Old two"
    );
    assert_eq!(lib.texts().await.unwrap().len(), 2);
    // The damaged v1 record is still there, reported when read.
    assert!(matches!(
        lib.get("broken").await,
        Err(StoreError::Damaged(_))
    ));
    lib.close();
}

#[wasm_bindgen_test]
async fn a_corrupted_library_entry_is_listed_as_damaged_and_removable() {
    let name = "t-corrupt";
    let lib = fresh(name, schema::VERSION).await;
    lib.save(to_save("good", "Good"), Shelf::History)
        .await
        .unwrap();
    lib.close();
    let db = Database::open(name)
        .with_version(schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(schema::LIBRARY)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    // An entry of the wrong shape, as a bug or another program might leave.
    tx.object_store(schema::LIBRARY)
        .unwrap()
        .put(serde_json::json!({"slug": "bad", "headline": 42}))
        .serde()
        .unwrap();
    tx.commit().await.unwrap();
    db.close();

    let lib = Library::open_named(name, schema::VERSION).await.unwrap();
    let listing = lib.list().await.unwrap();
    // Listed, as damaged, so it can be seen and removed.
    assert_eq!(listing.entries.len(), 2);
    assert_eq!(listing.damaged(), 1);
    let bad = listing.entries.iter().find(|e| e.slug == "bad").unwrap();
    assert!(bad.problem.as_deref().unwrap().contains("unreadable"));
    lib.remove(&["bad".into()]).await.unwrap();
    let listing = lib.list().await.unwrap();
    assert_eq!(listing.entries.len(), 1);
    assert_eq!(listing.entries[0].slug, "good");
    lib.close();
}

#[wasm_bindgen_test]
async fn a_lost_connection_is_reopened_once() {
    let name = "t-reopen";
    let lib = fresh(name, schema::VERSION).await;
    lib.save(to_save("a", "Alpha"), Shelf::History)
        .await
        .unwrap();
    // Another tab upgrades the database: Folio's handler closes this
    // connection, so its next request meets a closed connection.
    let other = Database::open(name)
        .with_version(schema::VERSION + 1)
        .await
        .unwrap();
    other.close();
    let _ = Database::delete_by_name(name).unwrap().await;
    // Reopened (at this build's version, on a now fresh database).
    let listing = lib
        .list()
        .await
        .expect("reopened after the connection was lost");
    assert!(listing.entries.is_empty());
    lib.save(to_save("b", "Beta"), Shelf::History)
        .await
        .unwrap();
    assert_eq!(lib.slugs().await.unwrap(), ["b"]);
    lib.close();
}

#[wasm_bindgen_test]
async fn a_newer_database_version_is_reported_as_outdated() {
    let name = "t-outdated";
    let _ = Database::delete_by_name(name).unwrap().await;
    let newer = Database::open(name)
        .with_version(schema::VERSION + 5)
        .await
        .unwrap();
    newer.close();
    let err = Library::open_named(name, schema::VERSION)
        .await
        .err()
        .expect("cannot open an older version");
    assert_eq!(err, StoreError::Outdated);
    assert!(err.reader_message().contains("newer version"));
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_another_connection_is_reported() {
    let name = "t-blocked";
    let lib = fresh(name, schema::VERSION).await;
    lib.close();
    // Another tab with an old connection that never lets go.
    let holder = Database::open(name)
        .with_version(schema::VERSION)
        .await
        .unwrap();
    let err = Library::open_named(name, schema::VERSION + 1)
        .await
        .err()
        .expect("blocked");
    assert_eq!(err, StoreError::Blocked);
    assert!(err.reader_message().contains("Close other Folio tabs"));
    // The other tab lets go: the browser then completes the open the app
    // gave up on. That late connection must not linger and block the next
    // upgrade (here, a newer version opened by yet another tab).
    holder.close();
    folio::net::sleep(200).await;
    let blocked = Rc::new(Cell::new(false));
    let flag = blocked.clone();
    let next = Database::open(name)
        .with_version(schema::VERSION + 2)
        .with_on_blocked(move |_| {
            flag.set(true);
            Ok(())
        })
        .with_on_upgrade_needed(|_, _| Ok(()))
        .into_future();
    let timeout = folio::net::sleep(2000);
    futures::pin_mut!(next, timeout);
    match futures::future::select(next, timeout).await {
        futures::future::Either::Left((db, _)) => db.expect("opens").close(),
        futures::future::Either::Right(_) => panic!(
            "a leaked connection blocks the upgrade (blocked: {})",
            blocked.get()
        ),
    }
}

/// Puts raw records into the `articles` store, as an older release (or one
/// with looser validation rules) wrote them.
async fn put_raw(name: &str, version: u32, records: &[(&str, String)]) {
    let db = Database::open(name).with_version(version).await.unwrap();
    let tx = db
        .transaction(schema::ARTICLES)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let store = tx.object_store(schema::ARTICLES).unwrap();
    for (slug, json) in records {
        store
            .put(SavedRecord {
                slug: (*slug).into(),
                size: json.len() as u32,
                json: json.clone(),
                saved_at: 1.0e12,
                etag: None,
            })
            .serde()
            .unwrap();
    }
    drop(store);
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn a_saved_article_stays_readable_when_validation_rules_tighten() {
    let name = "t-rules";
    fresh(name, schema::VERSION).await.close();
    // Saved when its related list could name the article itself, a rule
    // this release enforces.
    let json = article_json("kept", "Kept").replacen('{', r#"{"related":["kept"],"#, 1);
    assert!(decode_article(&json).is_err(), "today's rules refuse it");
    put_raw(name, schema::VERSION, &[("kept", json)]).await;
    let lib = Library::open_named(name, schema::VERSION).await.unwrap();
    let got = lib.get("kept").await.expect("read as it was stored");
    assert_eq!(got.expect("saved").article.headline, "Kept");
    lib.close();
}

#[wasm_bindgen_test]
async fn records_the_migration_could_not_decode_are_listed_and_removable() {
    let name = "t-migrate-damaged";
    fresh(name, 1).await.close();
    put_raw(
        name,
        1,
        &[
            ("fine", article_json("fine", "Fine")),
            ("broken", "{\"slug\":".into()),
        ],
    )
    .await;
    let lib = Library::open_named(name, schema::VERSION).await.unwrap();
    let listing = lib.list().await.unwrap();
    let mut slugs: Vec<_> = listing.entries.iter().map(|e| e.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["broken", "fine"], "the damaged record is visible");
    lib.remove(&["broken".into()]).await.unwrap();
    assert!(lib.get("broken").await.unwrap().is_none(), "and removable");
    assert_eq!(lib.list().await.unwrap().entries.len(), 1);
    lib.close();
}

#[wasm_bindgen_test]
async fn a_copy_in_a_newer_content_format_needs_a_newer_app_and_is_not_damaged() {
    let name = "t-newer-format";
    fresh(name, schema::VERSION).await.close();
    let newer = article_json("next", "Next").replacen('{', r#"{"version":99,"#, 1);
    put_raw(name, schema::VERSION, &[("next", newer)]).await;
    let lib = Library::open_named(name, schema::VERSION).await.unwrap();
    let err = lib.get("next").await.expect_err("not readable here");
    assert_eq!(err, StoreError::NeedsNewerApp);
    assert!(err.reader_message().contains("newer version of Folio"));
    lib.close();
}

#[wasm_bindgen_test]
async fn a_copy_that_cannot_be_read_is_listed_as_damaged_once_read() {
    let name = "t-damaged-read";
    let lib = fresh(name, schema::VERSION).await;
    lib.save(to_save("torn", "Torn"), Shelf::History)
        .await
        .unwrap();
    lib.close();
    put_raw(
        name,
        schema::VERSION,
        &[("torn", "{\"slug\":\"torn\",".into())],
    )
    .await;
    let lib = Library::open_named(name, schema::VERSION).await.unwrap();
    assert!(matches!(lib.get("torn").await, Err(StoreError::Damaged(_))));
    let listing = lib.list().await.unwrap();
    assert_eq!(listing.damaged(), 1);
    assert_eq!(listing.entries[0].headline, "Torn", "keeps what it knew");
    // Saved again (opened online): whole again.
    lib.save(to_save("torn", "Torn"), Shelf::History)
        .await
        .unwrap();
    assert_eq!(lib.list().await.unwrap().damaged(), 0);
    lib.close();
}

#[wasm_bindgen_test]
async fn removing_reports_only_the_images_no_other_saved_article_uses() {
    let lib = fresh("t-images", schema::VERSION).await;
    let mut shared = to_save("b", "Beta");
    shared.facts.images.push("images/a.svg".into());
    lib.save_all(&[to_save("a", "Alpha"), shared], Shelf::History)
        .await
        .unwrap();
    let unused = lib.remove(&["a".into()]).await.unwrap();
    assert_eq!(unused, ["images/a-1.svg"], "images/a.svg is still b's");
    let unused = lib.remove(&["b".into()]).await.unwrap();
    assert_eq!(unused, ["images/a.svg", "images/b-1.svg", "images/b.svg"]);
    lib.close();
}

fn position(block: u32, progress: f32) -> Position {
    Position {
        block,
        within: 0.5,
        progress,
        at: 1.0,
    }
}

#[wasm_bindgen_test]
async fn the_history_loses_its_oldest_first_and_saved_articles_are_never_evicted() {
    let lib = fresh("t-trim", schema::VERSION).await;
    // Saved one at a time, so each has its own save time.
    for (slug, shelf) in [
        ("old", Shelf::History),
        ("kept", Shelf::Saved),
        ("mid", Shelf::History),
        ("new", Shelf::History),
    ] {
        let mut item = to_save(slug, slug);
        if slug == "mid" {
            // An image "old" uses too: it must not be reported unused.
            item.facts.images.push("images/old.svg".into());
        }
        lib.save(item, shelf).await.unwrap();
        folio::net::sleep(5).await;
    }
    let trimmed = lib.trim_history(3).await.unwrap();
    assert!(
        trimmed.slugs.is_empty(),
        "three in the history: nothing to do"
    );
    let trimmed = lib.trim_history(1).await.unwrap();
    assert_eq!(trimmed.slugs, ["old", "mid"], "oldest first");
    assert_eq!(
        trimmed.images,
        [
            "images/mid-1.svg",
            "images/mid.svg",
            "images/old-1.svg",
            "images/old.svg"
        ]
    );
    let mut left = lib.slugs().await.unwrap();
    left.sort();
    assert_eq!(left, ["kept", "new"]);
    assert_eq!(lib.texts().await.unwrap().len(), 2);
    assert!(lib.get("old").await.unwrap().is_none());
    // However small the cap, a saved article stays.
    let trimmed = lib.trim_history(0).await.unwrap();
    assert_eq!(trimmed.slugs, ["new"]);
    assert_eq!(lib.slugs().await.unwrap(), ["kept"]);
    lib.close();
}

#[wasm_bindgen_test]
async fn the_shelf_and_the_reading_position_survive_saving_again_and_refreshes() {
    let lib = fresh("t-shelf", schema::VERSION).await;
    lib.save(to_save("a", "First"), Shelf::History)
        .await
        .unwrap();
    let opened = lib.entry("a").await.unwrap().unwrap();
    assert_eq!(opened.shelf, Shelf::History);
    folio::net::sleep(5).await;
    // Saved on purpose: dated now.
    assert!(lib.set_shelf("a", Shelf::Saved).await.unwrap());
    let saved = lib.entry("a").await.unwrap().unwrap();
    assert_eq!(saved.shelf, Shelf::Saved);
    assert!(saved.saved_at > opened.saved_at);
    assert!(lib.set_position("a", position(7, 0.4)).await.unwrap());
    // Opened again (kept as history) and refreshed: still saved, same place.
    lib.save(to_save("a", "Second"), Shelf::History)
        .await
        .unwrap();
    assert!(lib.replace_if_kept(to_save("a", "Third")).await.unwrap());
    let entry = lib.entry("a").await.unwrap().unwrap();
    assert_eq!(entry.headline, "Third");
    assert_eq!(entry.shelf, Shelf::Saved);
    assert_eq!(entry.position, Some(position(7, 0.4)));
    assert_eq!(entry.saved_at, saved.saved_at);
    // Back to the history; nothing for an article not in the library.
    assert!(lib.set_shelf("a", Shelf::History).await.unwrap());
    assert_eq!(lib.entry("a").await.unwrap().unwrap().shelf, Shelf::History);
    assert!(!lib.set_shelf("zzz", Shelf::Saved).await.unwrap());
    assert!(!lib.set_position("zzz", position(1, 0.1)).await.unwrap());
    assert!(lib.entry("zzz").await.unwrap().is_none());
    lib.close();
}
