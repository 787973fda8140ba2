//! Share targets: every share link is built here from one canonical article
//! URL, with each component percent-encoded the way `encodeURIComponent`
//! does, so titles with `&`, `?`, `#`, `%` or non-ASCII text survive intact.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the unreserved characters of RFC 3986 plus those
/// `encodeURIComponent` also leaves alone.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Percent-encodes one URL component.
pub fn encode(component: &str) -> String {
    utf8_percent_encode(component, COMPONENT).to_string()
}

/// The canonical public URL of an article: the site's `base_url` (absolute,
/// ending in `/`) plus the article's page ([`crate::paths::article_page`]).
pub fn article_url(base_url: &str, slug: &str) -> String {
    format!(
        "{}{}",
        with_slash(base_url),
        crate::paths::article_page(slug)
    )
}

fn with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    }
}

/// The networks with a share link, in the order the menu lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    X,
    Facebook,
    LinkedIn,
    Bluesky,
    Reddit,
    WhatsApp,
    Email,
}

impl Network {
    /// Every network, in menu order.
    pub const ALL: [Network; 7] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Bluesky,
        Network::Reddit,
        Network::WhatsApp,
        Network::Email,
    ];

    /// The name readers see.
    pub fn label(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::LinkedIn => "LinkedIn",
            Network::Bluesky => "Bluesky",
            Network::Reddit => "Reddit",
            Network::WhatsApp => "WhatsApp",
            Network::Email => "Email",
        }
    }

    /// A stable id for classes and tests.
    pub fn id(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::LinkedIn => "linkedin",
            Network::Bluesky => "bluesky",
            Network::Reddit => "reddit",
            Network::WhatsApp => "whatsapp",
            Network::Email => "email",
        }
    }

    /// The share link for `url` titled `title`.
    pub fn share_url(self, url: &str, title: &str) -> String {
        let (u, t) = (encode(url), encode(title));
        let text_and_url = encode(&format!("{title} {url}"));
        match self {
            Network::X => format!("https://x.com/intent/tweet?text={t}&url={u}"),
            Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
            Network::Bluesky => format!("https://bsky.app/intent/compose?text={text_and_url}"),
            Network::Reddit => format!("https://www.reddit.com/submit?url={u}&title={t}"),
            Network::WhatsApp => format!("https://wa.me/?text={text_and_url}"),
            Network::Email => format!(
                "mailto:?subject={t}&body={}",
                encode(&format!("{title}\n\n{url}"))
            ),
        }
    }
}

/// Normalises what a reader typed as their Mastodon server
/// (`mastodon.social`, `https://Mastodon.Social/@me`) to a host name, or
/// `None` if it cannot be one.
pub fn mastodon_instance(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let without_scheme = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .unwrap_or(trimmed);
    let host = without_scheme
        .split(['/', '?', '#'])
        .next()?
        .trim_start_matches('@')
        .to_ascii_lowercase();
    // A user handle like "me@mastodon.social" names the server after the @.
    let host = host.rsplit('@').next()?.to_owned();
    // An optional port follows the name: digits that fit in 16 bits.
    let (name, port) = match host.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host.as_str(), None),
    };
    // A top-level label starting with a digit would be read as an IPv4
    // address (`999.1` is not one): names only.
    let top_level = name.rsplit('.').next().unwrap_or_default();
    let valid = name.contains('.')
        && top_level.starts_with(|c: char| c.is_ascii_alphabetic())
        && host.len() <= 253
        && !name.starts_with(['.', '-'])
        && !name.ends_with(['.', '-'])
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && port.is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok());
    valid.then_some(host)
}

/// The Mastodon share link on the reader's server.
pub fn mastodon_url(instance: &str, url: &str, title: &str) -> String {
    format!(
        "https://{instance}/share?text={}",
        encode(&format!("{title} {url}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://folio.example/articles/lithium-royalties";
    const TITLE: &str = "Lithium, royalties & refineries: São Paulo? 100% #1 \"yes\"";

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode("a b&c=d?e#f%g/h+i"),
            "a%20b%26c%3Dd%3Fe%23f%25g%2Fh%2Bi"
        );
        assert_eq!(
            encode("São Đà Nẵng"),
            "S%C3%A3o%20%C4%90%C3%A0%20N%E1%BA%B5ng"
        );
        assert_eq!(encode("-_.!~*'()"), "-_.!~*'()");
    }

    #[test]
    fn canonical_urls_follow_the_base() {
        assert_eq!(
            article_url("https://m.example/news/", "a-b"),
            "https://m.example/news/articles/a-b"
        );
        assert_eq!(
            article_url("https://m.example/news", "a-b"),
            "https://m.example/news/articles/a-b"
        );
    }

    /// What the receiving site reads: the link's host and path, and its
    /// query decoded (as a browser and the network's server decode it).
    fn received(link: &str) -> (String, Vec<(String, String)>) {
        let parsed = url::Url::parse(link).unwrap_or_else(|e| panic!("{link}: {e}"));
        let place = format!("{}{}", parsed.host_str().unwrap_or(""), parsed.path());
        (place, parsed.query_pairs().into_owned().collect())
    }

    /// A decoded query string, pair by pair.
    type Query = Vec<(String, String)>;

    fn pairs(list: &[(&str, &str)]) -> Query {
        list.iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    #[test]
    fn every_network_receives_exactly_the_title_and_url() {
        let both = format!("{TITLE} {URL}");
        let expected: [(Network, &str, Query); 6] = [
            (
                Network::X,
                "x.com/intent/tweet",
                pairs(&[("text", TITLE), ("url", URL)]),
            ),
            (
                Network::Facebook,
                "www.facebook.com/sharer/sharer.php",
                pairs(&[("u", URL)]),
            ),
            (
                Network::LinkedIn,
                "www.linkedin.com/sharing/share-offsite/",
                pairs(&[("url", URL)]),
            ),
            (
                Network::Reddit,
                "www.reddit.com/submit",
                pairs(&[("url", URL), ("title", TITLE)]),
            ),
            (
                Network::Bluesky,
                "bsky.app/intent/compose",
                pairs(&[("text", &both)]),
            ),
            (Network::WhatsApp, "wa.me/", pairs(&[("text", &both)])),
        ];
        for (network, place, query) in expected {
            let link = network.share_url(URL, TITLE);
            assert!(link.starts_with("https://"), "{link}");
            assert_eq!(received(&link), (place.to_owned(), query), "{link}");
        }
        // Email: the mail client reads subject and body.
        let mail = Network::Email.share_url(URL, TITLE);
        assert_eq!(
            received(&mail).1,
            pairs(&[("subject", TITLE), ("body", &format!("{TITLE}\n\n{URL}"))])
        );
        // One golden link, byte for byte, as encodeURIComponent writes it.
        assert_eq!(
            Network::Facebook.share_url("https://f.example/a?b=1&c", "t"),
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Ff.example%2Fa%3Fb%3D1%26c"
        );
        for n in Network::ALL {
            let link = n.share_url(URL, TITLE);
            assert!(
                !link.contains(' ') && !link.contains('#') && !link.contains('"'),
                "{link}"
            );
        }
    }

    #[test]
    fn mastodon_instances_are_normalised_or_refused() {
        for (input, host) in [
            ("mastodon.social", "mastodon.social"),
            ("  https://Mastodon.Social/@folio ", "mastodon.social"),
            ("@me@hachyderm.io", "hachyderm.io"),
            ("http://example.org:8443/share", "example.org:8443"),
        ] {
            assert_eq!(mastodon_instance(input).as_deref(), Some(host), "{input}");
        }
        for bad in [
            "",
            "localhost",
            "not a host",
            "javascript:alert(1)",
            "evil.example\"><script>",
            ".example",
        ] {
            assert_eq!(mastodon_instance(bad), None, "{bad}");
        }
        assert_eq!(
            received(&mastodon_url("mastodon.social", URL, "A & B")),
            (
                "mastodon.social/share".to_owned(),
                pairs(&[("text", &format!("A & B {URL}"))])
            )
        );
    }
}
