//! Small, fixed content for the views' tests.

use folio_content::paths::Links;
use folio_content::{
    Article, ArticleSummary, Image, Kind, Section, Site, SocialAccount, Timestamp,
};

/// A two-section site served under `/news/`.
pub(crate) fn site() -> (Site, Links) {
    let section = |slug: &str, name: &str| Section {
        slug: slug.into(),
        name: name.into(),
        description: format!("All about {name}."),
    };
    let site = Site {
        version: 1,
        name: "Folio".into(),
        tagline: "Independent analysis".into(),
        base_url: "https://magazine.example/news/".into(),
        language: "en".into(),
        social: vec![SocialAccount {
            network: "mastodon".into(),
            label: "@folio@mastodon.social".into(),
            url: "https://mastodon.social/@folio".into(),
        }],
        sections: vec![section("europe", "Europe"), section("africa", "Africa")],
        page_size: 12,
        image_hosts: Vec::new(),
    };
    (site, Links::new("/news/"))
}

/// A summary with a hero, a dek and tags.
pub(crate) fn summary(slug: &str, kind: Kind, day: i64) -> ArticleSummary {
    ArticleSummary {
        headline: format!("Headline of {slug} & more"),
        dek: format!("Dek of {slug}"),
        authors: vec!["Ana Lima".into()],
        tags: vec!["ports".into()],
        hero: Some(Image {
            src: format!("images/{slug}.svg"),
            alt: format!("Picture for {slug}"),
            caption: None,
            credit: None,
            width: Some(1200),
            height: Some(675),
        }),
        reading_minutes: 4,
        teaser: (kind == Kind::Brief).then(|| "First paragraph.\n\nSecond paragraph.".into()),
        ..ArticleSummary::minimal(
            slug,
            "europe",
            kind,
            Timestamp::from_unix(1_790_000_000 + day * 86_400),
        )
    }
}

/// A whole article with a body that has a heading, a link and an image.
pub(crate) fn article(slug: &str) -> Article {
    let s = summary(slug, Kind::Analysis, 0);
    Article {
        version: 1,
        slug: s.slug,
        section: s.section,
        kind: s.kind,
        kicker: Some("Ports".into()),
        headline: s.headline,
        dek: s.dek,
        authors: vec!["Ana Lima".into(), "Ben Ode".into()],
        published: s.published.clone(),
        updated: Some(Timestamp::from_unix(s.published.unix() + 3_600)),
        hero: s.hero.map(|h| Image {
            caption: Some("The quay at dawn.".into()),
            credit: Some("Photo: Folio".into()),
            ..h
        }),
        tags: vec!["ports".into(), "trade".into()],
        body: "Intro with a [link](/articles/other).\n\n## A heading\n\n![A chart](images/chart.svg)\n\nMore text.".into(),
        related: vec![],
    }
}

/// The text of an HTML fragment, as a reader sees it.
pub(crate) fn text(html: &str) -> String {
    scraper::Html::parse_fragment(html)
        .root_element()
        .text()
        .collect()
}
