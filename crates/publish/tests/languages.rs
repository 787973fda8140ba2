//! Pages are written in the site's language: a Spanish site's interface
//! reads in Spanish, dates and reading time included; a language Folio is
//! not written in gets English. The other languages' files are written for
//! the app either way.

mod common;

use common::{built_site, site_step};

fn set_language(site: &common::Scratch, tag: &str) {
    let path = site.content().join("site.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = regex_free_set_language(&text, tag);
    assert_ne!(text, changed, "site.json has a language to change");
    std::fs::write(&path, changed).unwrap();
}

/// `"language": "…"` set to `tag`.
fn regex_free_set_language(json: &str, tag: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["language"] = serde_json::Value::String(tag.to_owned());
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_spanish_site_is_written_in_spanish_with_every_message_marked() {
    let site = built_site("language-es", "good", "loader");
    set_language(&site, "es");
    site_step(&site, &["--no-precompress", "--no-og-images"], &[]);
    let page = site.read("articles/tariffs-q-and-a.html");
    assert!(
        page.starts_with("<!doctype html><html lang=\"es\">"),
        "{page}"
    );
    for spanish in [
        r#"<span data-t="SkipToContent">Saltar al contenido</span>"#,
        r#"<span data-t="By">Por </span>"#,
        r#"data-t-date="date">2 de noviembre de 2026</time>"#,
        r#"<span data-t="MinRead" data-t-args="1">1 min de lectura</span>"#,
        r#"<span data-t="Related">Relacionados</span>"#,
        r#"aria-label="Ajustes de lectura""#,
    ] {
        assert!(page.contains(spanish), "{spanish} in {page}");
    }
    for english in [">Skip to content<", ">Related<", " min read<", "November"] {
        assert!(!page.contains(english), "{english} in {page}");
    }
    let latest = site.read("latest.html");
    assert!(latest.contains("<title>Lo último — "), "{latest}");
}

#[test]
fn a_site_in_another_language_gets_english_and_the_app_gets_spanish_as_a_file() {
    let site = built_site("language-pt", "good", "loader");
    site_step(&site, &["--no-precompress", "--no-og-images"], &[]);
    let page = site.read("articles/tariffs-q-and-a.html");
    assert!(page.starts_with("<!doctype html><html lang=\"pt-BR\">"));
    assert!(page.contains(r#"<span data-t="SkipToContent">Skip to content</span>"#));
    let file: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&site.read("i18n/es.json")).unwrap();
    assert_eq!(file["SkipToContent"], "Saltar al contenido");
    assert_eq!(file["MinRead"], "{0} min de lectura");
    assert!(file.len() > 200, "every message: {}", file.len());
    assert!(
        !site.dist().join("i18n/en.json").exists(),
        "the app has English"
    );
}
