//! The site's Content Security Policy, in one place: the build writes it
//! into every page (`<meta http-equiv>`) and into the file the host
//! configurations take their header from. Article content is untrusted;
//! the policy makes sure that nothing in it could run script or load
//! anything from a host the site does not name, even if the markdown safety
//! filter ever let something through.

/// The policy for a site whose images may also come from `image_hosts`
/// (origins such as `https://images.example.com`, from `site.json`), and
/// whose pages inline exactly the scripts whose SHA-256 digests (base64)
/// are `inline_scripts` (the reading settings applied before the first
/// paint): those run, no other inline script does. `frame-ancestors` only
/// works as a header: browsers ignore it (with a warning) in a `<meta>`
/// element, so `for_meta` leaves it out.
pub fn policy(image_hosts: &[String], inline_scripts: &[String], for_meta: bool) -> String {
    let mut images = String::from("'self'");
    for host in image_hosts {
        images.push(' ');
        images.push_str(host.trim_end_matches('/'));
    }
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for digest in inline_scripts {
        scripts.push_str(" 'sha256-");
        scripts.push_str(digest);
        scripts.push('\'');
    }
    let mut policy = format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; \
         img-src {images}; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; \
         form-action 'self'"
    );
    if !for_meta {
        policy.push_str("; frame-ancestors 'none'");
    }
    policy
}

/// Whether `host` is an origin the policy can name: `https://` and a host
/// (with an optional port), nothing after it.
pub fn is_image_host(host: &str) -> bool {
    let Some(rest) = host.strip_prefix("https://") else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'))
}

/// Whether an image URL as content writes it may be shown: a site-relative
/// path, or an absolute URL on one of the declared hosts.
pub fn image_allowed(src: &str, image_hosts: &[String]) -> bool {
    // Read as a browser reads it: tabs and newlines anywhere and leading or
    // trailing controls and whitespace are ignored, `\` is `/`, and
    // `http:x/y` (no slashes) is as absolute as `http://x/y`.
    let cleaned: String = src
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let lower = cleaned
        .trim_matches(|c: char| c.is_ascii_control() || c.is_whitespace())
        .to_ascii_lowercase()
        .replace('\\', "/");
    let absolute =
        lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//");
    if !absolute {
        return true;
    }
    image_hosts.iter().any(|host| {
        let host = host.trim_end_matches('/').to_ascii_lowercase();
        lower
            .strip_prefix(&host)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_is_strict_and_names_the_image_hosts() {
        let header = policy(
            &["https://img.example.com/".into()],
            &["AbC+/=".into()],
            false,
        );
        for part in [
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-AbC+/=';",
            "object-src 'none'",
            "base-uri 'self'",
            "img-src 'self' https://img.example.com;",
            "frame-ancestors 'none'",
        ] {
            assert!(header.contains(part), "{part} in {header}");
        }
        assert!(!header.contains("unsafe-inline") && !header.contains("'unsafe-eval'"));
        assert!(!policy(&[], &[], true).contains("frame-ancestors"));
        assert!(policy(&[], &[], true).contains("script-src 'self' 'wasm-unsafe-eval';"));
    }

    #[test]
    fn image_hosts_are_https_origins_only() {
        assert!(is_image_host("https://img.example.com"));
        assert!(is_image_host("https://img.example.com:8443/"));
        for bad in [
            "http://img.example.com",
            "https://",
            "https://a.example/path",
            "img.example.com",
            "https://a b",
        ] {
            assert!(!is_image_host(bad), "{bad}");
        }
    }

    #[test]
    fn only_relative_images_and_declared_hosts_are_allowed() {
        let hosts = vec!["https://img.example.com".to_owned()];
        assert!(image_allowed("images/a.svg", &hosts));
        assert!(image_allowed("/images/a.svg", &hosts));
        assert!(image_allowed("https://img.example.com/a.jpg", &hosts));
        assert!(image_allowed("HTTPS://IMG.EXAMPLE.COM/a.jpg", &hosts));
        for bad in [
            "https://tracker.example/p.gif",
            "https://img.example.com.evil.example/a.jpg",
            "//img.example.com/a.jpg",
            "http://img.example.com/a.jpg",
        ] {
            assert!(!image_allowed(bad, &hosts), "{bad}");
        }
    }
}
