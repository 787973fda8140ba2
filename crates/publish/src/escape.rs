//! Escaping text for HTML attributes and XML, the two places the build step
//! writes untrusted content (headlines, deks, tags, alt text, bodies), and a
//! minimal XML writer built on it for feeds and sitemaps.

/// Appends `text` to `out` so that it is safe inside a double- or
/// single-quoted HTML attribute, HTML text, and XML 1.0 text or attributes.
///
/// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped
/// rather than escaped: a JSON string may carry them, but a feed reader
/// rejects the whole feed if one slips through, and no reader needs them.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// A string being written as XML.
pub(crate) struct Xml(pub(crate) String);

impl Xml {
    /// Appends markup as is.
    pub(crate) fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// Appends escaped text.
    pub(crate) fn text(&mut self, text: &str) {
        push_escaped(&mut self.0, text);
    }

    /// `<name>text</name>`.
    pub(crate) fn element(&mut self, name: &str, text: &str) {
        self.0.push('<');
        self.0.push_str(name);
        self.0.push('>');
        self.text(text);
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
    }

    /// [`Xml::element`] on a line of its own.
    pub(crate) fn line(&mut self, name: &str, text: &str) {
        self.element(name, text);
        self.0.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text);
        out
    }

    #[test]
    fn markup_characters_and_quotes_are_escaped() {
        assert_eq!(
            escaped(r#"Q&A: "Why?" <b>it's</b>"#),
            "Q&amp;A: &quot;Why?&quot; &lt;b&gt;it&#39;s&lt;/b&gt;"
        );
    }

    #[test]
    fn non_ascii_is_kept_and_xml_forbidden_controls_dropped() {
        assert_eq!(escaped("Río — São\u{1}\u{FFFF} ok\n"), "Río — São ok\n");
    }
}
