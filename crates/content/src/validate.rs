//! The format's rules beyond what the types enforce. Each function returns
//! every problem found, so an editor can fix a file in one pass.

use crate::model::{Article, ArticleSummary, Image, ListingPage, Site};
use crate::Kind;

/// Bodies larger than this are refused: no magazine piece needs 2 MB of text,
/// and a reader's phone should not have to lay one out.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Whether `slug` is a safe URL and file-name segment: lowercase ASCII
/// letters, digits and single hyphens.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether a site-relative path climbs out of the site (`..` as a segment,
/// however written: `/` or `\` separated, or percent-encoded).
fn leaves_site(path: &str) -> bool {
    let decoded = path
        .to_ascii_lowercase()
        .replace("%2e", ".")
        .replace("%2f", "/")
        .replace("%5c", "\\");
    decoded.split(['/', '\\']).any(|segment| segment == "..")
}

fn image(problems: &mut Vec<String>, field: &str, img: &Image) {
    let lower = img.src.trim().to_ascii_lowercase();
    if blank(&img.src) {
        problems.push(format!("{field}.src is empty"));
    } else if !crate::markdown::is_safe_url(&img.src) || lower.starts_with("mailto:") {
        problems.push(format!(
            "{field}.src `{}` is not an http(s) or relative URL",
            img.src
        ));
    } else if !lower.contains("://") && leaves_site(&img.src) {
        problems.push(format!(
            "{field}.src `{}` leaves the site's files (`..`)",
            img.src
        ));
    }
    if blank(&img.alt) {
        problems.push(format!(
            "{field}.alt is empty: describe the image for readers who cannot see it"
        ));
    }
}

/// Problems with one article, independent of the rest of the site.
pub fn article(a: &Article) -> Vec<String> {
    let mut p = Vec::new();
    if !is_slug(&a.slug) {
        p.push(format!(
            "slug `{}` must be lowercase letters, digits and hyphens",
            a.slug
        ));
    }
    if !is_slug(&a.section) {
        p.push(format!(
            "section `{}` is not a valid section slug",
            a.section
        ));
    }
    if blank(&a.headline) {
        p.push("headline is empty".to_owned());
    }
    if blank(&a.body) {
        p.push("body is empty".to_owned());
    }
    if a.body.len() > MAX_BODY_BYTES {
        p.push(format!(
            "body is {} bytes, over the {} byte limit",
            a.body.len(),
            MAX_BODY_BYTES
        ));
    }
    if a.kind != Kind::Brief && a.authors.iter().all(|s| blank(s)) {
        p.push("authors is empty: every article except a brief needs a byline".to_owned());
    }
    if let Some(updated) = &a.updated {
        if updated < &a.published {
            p.push("updated is earlier than published".to_owned());
        }
    }
    if let Some(hero) = &a.hero {
        image(&mut p, "hero", hero);
    }
    for r in &a.related {
        if !is_slug(r) {
            p.push(format!("related slug `{r}` is not a valid slug"));
        } else if r == &a.slug {
            p.push("related lists the article itself".to_owned());
        }
    }
    p
}

/// Problems with an article that only its site reveals (decoding has already
/// applied [`article`]).
pub fn article_in_site(a: &Article, site: &Site) -> Vec<String> {
    let mut p = Vec::new();
    if site.section(&a.section).is_none() {
        p.push(format!(
            "section `{}` is not one of the site's sections",
            a.section
        ));
    }
    p
}

/// Problems with the site index.
pub fn site(s: &Site) -> Vec<String> {
    let mut p = Vec::new();
    if blank(&s.name) {
        p.push("name is empty".to_owned());
    }
    if !(s.base_url.starts_with("https://") || s.base_url.starts_with("http://"))
        || !s.base_url.ends_with('/')
    {
        p.push(format!(
            "base_url `{}` must be an absolute http(s) URL ending in /",
            s.base_url
        ));
    }
    if s.sections.is_empty() {
        p.push("sections is empty".to_owned());
    }
    let mut seen = std::collections::HashSet::new();
    for section in &s.sections {
        if !is_slug(&section.slug) {
            p.push(format!(
                "section slug `{}` is not a valid slug",
                section.slug
            ));
        }
        if !seen.insert(section.slug.as_str()) {
            p.push(format!("section `{}` is listed twice", section.slug));
        }
    }
    for account in &s.social {
        if !account.url.starts_with("https://") {
            p.push(format!(
                "social link for {} must be an https URL",
                account.network
            ));
        }
    }
    if s.page_size == 0 || s.page_size > 100 {
        p.push("page_size must be between 1 and 100".to_owned());
    }
    for host in &s.image_hosts {
        if !crate::security::is_image_host(host) {
            p.push(format!(
                "image_hosts: `{host}` must be an https origin such as https://images.example.com"
            ));
        }
    }
    p
}

fn summaries(p: &mut Vec<String>, items: &[ArticleSummary]) {
    for item in items {
        if !is_slug(&item.slug) {
            p.push(format!("item slug `{}` is not a valid slug", item.slug));
        }
    }
}

/// Problems with a listing page.
pub fn listing(l: &ListingPage) -> Vec<String> {
    let mut p = Vec::new();
    if l.page == 0 || (l.page == 1 && l.pages == 0) || (l.pages > 0 && l.page > l.pages) {
        p.push(format!("page {} is outside 1..={}", l.page, l.pages));
    }
    for (name, other) in [("older", l.older), ("newer", l.newer)] {
        if other.is_some_and(|n| n == 0 || n == l.page) {
            p.push(format!(
                "{name} page {} is not another page",
                other.unwrap_or(0)
            ));
        }
    }
    summaries(&mut p, &l.items);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image_problems(src: &str) -> Vec<String> {
        let mut p = Vec::new();
        let img = Image {
            src: src.into(),
            alt: "An image".into(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        };
        image(&mut p, "hero", &img);
        p
    }

    #[test]
    fn an_image_is_never_a_mailto_link_whatever_its_case() {
        assert!(image_problems("images/a.svg").is_empty());
        for bad in [
            "mailto:a@b.example",
            "MAILTO:a@b.example",
            "MailTo:a@b.example",
        ] {
            assert_eq!(image_problems(bad).len(), 1, "{bad}");
        }
    }

    #[test]
    fn an_image_path_never_leaves_the_site() {
        for bad in [
            "../secret.png",
            "images/../../etc/passwd",
            "/../x.svg",
            "images/..\\x.svg",
            "images/%2e%2e/x.svg",
        ] {
            assert_eq!(image_problems(bad).len(), 1, "{bad}");
        }
        assert!(
            image_problems("images/a..b.svg").is_empty(),
            "dots inside a name are fine"
        );
    }

    #[test]
    fn slugs_are_url_and_path_safe() {
        assert!(is_slug("bolivia-iran-deal-2026"));
        for bad in ["", "Caps", "a b", "../x", "a/b", "-a", "a-", "a--b", "é"] {
            assert!(!is_slug(bad), "{bad:?} accepted");
        }
    }
}
