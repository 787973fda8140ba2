//! The markdown safety rules: untrusted article bodies can neither run script
//! nor load anything but http(s) or relative resources.

use folio_content::markdown::{is_safe_url, render};

/// Parses the output as a browser would and checks that no element can run
/// script or load a resource with a disallowed scheme. Text that merely
/// *mentions* `javascript:` is fine: it is inert.
fn assert_inert(html: &str) {
    let doc = scraper::Html::parse_fragment(html);
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        assert!(
            !matches!(
                name,
                "script"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "style"
                    | "svg"
                    | "math"
                    | "form"
                    | "base"
                    | "meta"
                    | "link"
                    | "frame"
                    | "template"
            ),
            "element <{name}> in {html}"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "event handler {attr} in {html}");
            assert!(
                !matches!(attr, "style" | "srcdoc" | "srcset" | "formaction"),
                "attribute {attr} in {html}"
            );
            // Only the filter's own prefixed footnote ids may appear.
            if attr == "id" {
                assert!(value.starts_with("fn-"), "author id {value:?} in {html}");
            }
            if matches!(attr, "href" | "src") {
                assert!(is_safe_url(value), "unsafe {attr}={value:?} in {html}");
            }
        }
    }
}

#[test]
fn raw_html_blocks_are_shown_as_text() {
    let html = render("<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>");
    assert_inert(&html);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&lt;div onclick="), "{html}");
}

#[test]
fn inline_html_tags_are_dropped_but_their_text_stays() {
    let html =
        render("Hello <b>bold</b> <img src=x onerror=alert(1)> <span style=\"x\">world</span>");
    assert_inert(&html);
    assert!(html.contains("Hello bold"), "{html}");
    assert!(html.contains("world"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<span"), "{html}");
}

#[test]
fn html_comments_vanish() {
    let html = render("<!-- editor note -->\n\nText <!-- inline -->here");
    assert!(
        !html.contains("editor note") && !html.contains("inline"),
        "{html}"
    );
    assert!(html.contains("Text here"), "{html}");
}

#[test]
fn script_links_lose_their_url_and_keep_their_text() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ] {
        let html = render(&format!("[click me]({url}) and <{url}>"));
        assert_inert(&html);
        assert!(html.contains("click me"), "{url}: {html}");
        assert!(!html.contains("<a"), "{url}: {html}");
    }
}

#[test]
fn reference_style_and_autolinks_are_filtered_too() {
    let html = render("[ref][x]\n\n[x]: javascript:alert(1)\n\n<https://ok.example/a>");
    assert_inert(&html);
    assert!(html.contains("ref"));
    assert!(html.contains("href=\"https://ok.example/a\""), "{html}");
}

#[test]
fn http_https_mailto_and_relative_links_survive() {
    let html = render("[a](https://example.org/x?a=1&b=2) [b](http://example.org) [c](mailto:desk@folio.example) [d](/articles/other) [e](#fn-1) <desk@folio.example>");
    assert!(
        html.contains("href=\"https://example.org/x?a=1&amp;b=2\""),
        "{html}"
    );
    assert!(html.contains("href=\"http://example.org\""), "{html}");
    assert!(
        html.contains("href=\"mailto:desk@folio.example\""),
        "{html}"
    );
    assert!(html.contains("href=\"/articles/other\""), "{html}");
    assert!(html.contains("href=\"#fn-1\""), "{html}");
    assert_eq!(html.matches("<a ").count(), 6, "{html}");
}

#[test]
fn external_links_open_safely_and_internal_ones_do_not() {
    let html = render("[out](https://example.org) [in](/articles/x)");
    assert!(
        html.contains(
            "<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener noreferrer\">out</a>"
        ),
        "{html}"
    );
    assert!(html.contains("<a href=\"/articles/x\">in</a>"), "{html}");
}

#[test]
fn attribute_values_cannot_break_out() {
    let html = render("[x](https://a.example/\"onmouseover=\"alert(1) \"t\\\"itle\")\n\n![a\"b](https://a.example/i.png \"q\\\"><script>\")");
    assert_inert(&html);
    let doc = scraper::Html::parse_fragment(&html);
    let sel = scraper::Selector::parse("a, img").unwrap();
    for el in doc.select(&sel) {
        let names: Vec<_> = el.value().attrs().map(|(n, _)| n).collect();
        assert!(
            names.iter().all(|n| [
                "href", "src", "alt", "title", "target", "rel", "loading", "decoding"
            ]
            .contains(n)),
            "{names:?} in {html}"
        );
    }
}

#[test]
fn unsafe_images_become_their_alt_text() {
    let html = render("![a chart](javascript:alert(1)) ![pixel](data:image/png;base64,AAAA) ![mail](mailto:x@y.z)");
    assert_inert(&html);
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("a chart") && html.contains("pixel"), "{html}");
}

#[test]
fn safe_images_are_lazy_and_keep_alt_and_title() {
    let html = render("![Rainfall *by* month](images/rain.svg \"Rainfall, 2026\")");
    assert!(html.contains("<img src=\"images/rain.svg\" alt=\"Rainfall by month\" title=\"Rainfall, 2026\" loading=\"lazy\" decoding=\"async\">"), "{html}");
}

#[test]
fn nested_images_and_links_stay_balanced() {
    let html = render("[![inner ![deep](x.png)](y.png)](https://ok.example) [a [b](javascript:x) c](https://ok.example)");
    assert_inert(&html);
    assert_eq!(
        html.matches("<a ").count(),
        html.matches("</a>").count(),
        "{html}"
    );
}

#[test]
fn malformed_markup_does_not_leak() {
    for input in [
        "<scr<script>ipt>alert(1)</script>",
        "<<script>script>",
        "[unclosed](javascript:alert(1)",
        "<img src=\"x\" onerror=\"alert(1)\"",
        "```\n<script>in code</script>\n```",
        "`<script>inline code</script>`",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ] {
        assert_inert(&render(input));
    }
}

#[test]
fn headings_start_at_h2_and_carry_no_author_ids() {
    let html = render("# Top {#body .evil}\n\n## Sub\n\n### Third");
    assert!(html.contains("<h2>Top {#body .evil}</h2>"), "{html}");
    assert!(
        html.contains("<h2>Sub</h2>") && html.contains("<h3>Third</h3>"),
        "{html}"
    );
    assert!(
        !html.contains("<h1") && !html.contains("id=\"body\""),
        "{html}"
    );
}

#[test]
fn gfm_extras_render() {
    let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ \"quoted\" -- dash\n\nNote[^n].\n\n[^n]: The note.\n\n- [x] done");
    assert!(
        html.contains("<table>") && html.contains("<td>1</td>"),
        "{html}"
    );
    assert!(html.contains("<del>gone</del>"), "{html}");
    assert!(html.contains("“quoted”") && html.contains("–"), "{html}");
    assert!(
        html.contains("id=\"fn-n\"") && html.contains("href=\"#fn-n\""),
        "{html}"
    );
    assert!(
        html.contains("type=\"checkbox\"") && html.contains("disabled"),
        "{html}"
    );
}

#[test]
fn pathological_input_renders_without_panic() {
    let deep_quotes = ">".repeat(50_000) + " deep";
    let deep_lists = (0..5_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i % 200)))
        .collect::<String>();
    let brackets = "[".repeat(100_000);
    let huge = "word ".repeat(400_000);
    for input in [deep_quotes, deep_lists, brackets, huge] {
        let html = render(&input);
        assert!(!html.is_empty());
    }
}

#[test]
fn url_check_matches_the_rules() {
    for ok in [
        "https://a.example",
        "HTTP://A.EXAMPLE",
        "mailto:a@b.c",
        "/x",
        "x/y.png",
        "#frag",
        "?q=1",
        "//cdn.example/x.png",
        "a:b/../c",
    ] {
        // "a:b/../c" has a scheme-like prefix `a`, which is not allowed.
        if ok == "a:b/../c" {
            assert!(!is_safe_url(ok));
        } else {
            assert!(is_safe_url(ok), "{ok}");
        }
    }
    for bad in [
        "javascript:x",
        "java\nscript:x",
        "\u{1}javascript:x",
        "data:x",
        "blob:https://a/b",
        "ftp://a",
        "tel:+1",
    ] {
        assert!(!is_safe_url(bad), "{bad:?}");
    }
}

#[test]
fn image_urls_lists_only_safe_images_once() {
    let md = "![a](images/a.svg) ![b](javascript:x) ![c](https://cdn.example/c.png) ![a again](images/a.svg) ![d](data:image/png;base64,AA)";
    assert_eq!(
        folio_content::markdown::image_urls(md),
        ["images/a.svg", "https://cdn.example/c.png"]
    );
}

#[test]
fn root_relative_urls_stay_under_the_base_path() {
    let html = folio_content::markdown::render_under("[a](/articles/x) [b](//cdn.example/y) [c](https://z.example/) ![i](/images/p.svg) ![j](images/q.svg)", "/news/");
    assert!(html.contains("href=\"/news/articles/x\""), "{html}");
    assert!(html.contains("href=\"//cdn.example/y\""), "{html}");
    assert!(html.contains("href=\"https://z.example/\""), "{html}");
    assert!(html.contains("src=\"/news/images/p.svg\""), "{html}");
    assert!(html.contains("src=\"images/q.svg\""), "{html}");
    assert_eq!(
        folio_content::markdown::render_under("[a](/x)", ""),
        folio_content::markdown::render("[a](/x)")
    );
}

#[test]
fn images_from_undeclared_hosts_are_left_out_with_their_alt_text() {
    use folio_content::markdown::{render_with, RenderOptions};
    let hosts = vec!["https://img.example.com".to_owned()];
    let html = render_with(
        "![Kept](https://img.example.com/a.png) ![Tracker](https://tracker.example/p.gif) ![Local](images/b.svg)",
        &RenderOptions {
            image_hosts: Some(&hosts),
            ..RenderOptions::default()
        },
    );
    assert!(
        html.contains(r#"<img src="https://img.example.com/a.png""#),
        "{html}"
    );
    assert!(html.contains(r#"<img src="images/b.svg""#), "{html}");
    assert!(!html.contains("tracker.example"), "{html}");
    assert!(html.contains("Tracker"), "the alt text stays: {html}");
}
