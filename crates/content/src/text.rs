//! Plain-text measures of markdown: word counts, reading time, teasers.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Words a reader gets through per minute; a common editorial estimate.
const WORDS_PER_MINUTE: usize = 230;

/// Whether a language (a BCP 47 tag such as `ar`, `he-IL`, `fa`) is
/// written right to left: by its script subtag when it has one
/// (`az-Arab`), else by its language.
pub fn is_right_to_left(lang: &str) -> bool {
    let mut parts = lang.split(['-', '_']).map(str::to_ascii_lowercase);
    let language = parts.next().unwrap_or_default();
    let script = parts.find(|p| p.len() == 4);
    match script.as_deref() {
        Some("arab" | "hebr" | "thaa" | "syrc" | "nkoo" | "adlm" | "rohg") => true,
        Some(_) => false,
        None => matches!(
            language.as_str(),
            "ar" | "he"
                | "iw"
                | "fa"
                | "ur"
                | "ps"
                | "yi"
                | "dv"
                | "sd"
                | "ug"
                | "ckb"
                | "ku"
                | "syr"
        ),
    }
}

/// Counts the words of the visible text of a markdown document.
pub fn word_count(markdown: &str) -> usize {
    plain_text(markdown)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Estimated reading time in whole minutes, at least one.
pub fn reading_minutes(markdown: &str) -> u32 {
    word_count(markdown).div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

/// All visible text of a markdown document as plain text, blocks separated
/// by newlines: what offline search indexes and word counts count. Inline
/// markup splits text into several events ("wo*rd*"), so text is joined and
/// broken only where blocks end.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The plain text of the first paragraphs, up to about `max_chars`, cut at a
/// word boundary. Paragraphs are separated by a blank line.
pub fn teaser(markdown: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut in_paragraph = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                if out.len() >= max_chars {
                    break;
                }
                out.push_str("\n\n");
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => out.push(' '),
            _ => {}
        }
    }
    let trimmed = out.trim();
    if trimmed.chars().count() <= max_chars {
        return trimmed.to_owned();
    }
    let cut: String = trimmed.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_visible_words_only() {
        let md =
            "# Title here\n\nOne *two* [three](https://x.example) `four`.\n\n<b>five</b> *wo*rd";
        // HTML tags are not words, their inner text is; markup inside a word
        // does not split it.
        assert_eq!(word_count(md), 8);
    }

    #[test]
    fn plain_text_drops_markup_and_keeps_words() {
        let text = plain_text("## Head\n\nSome *em* and [link](https://x.example).\n\n| a | b |\n|---|---|\n| c | d |");
        assert!(text.contains("Head\n"));
        assert!(text.contains("Some em and link."));
        assert!(text.contains('c') && !text.contains('|') && !text.contains("https"));
    }

    #[test]
    fn reading_time_rounds_up_and_is_never_zero() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"word ".repeat(230)), 1);
        assert_eq!(reading_minutes(&"word ".repeat(231)), 2);
    }

    #[test]
    fn teaser_keeps_paragraphs_and_cuts_at_a_word() {
        let md = "First *para* here.\n\nSecond one follows.\n\n## Heading\n\nThird.";
        assert_eq!(
            teaser(md, 900),
            "First para here.\n\nSecond one follows.\n\nThird."
        );
        let short = teaser("alpha beta gamma delta", 12);
        assert_eq!(short, "alpha beta…");
    }

    #[test]
    fn right_to_left_languages_are_known_by_language_or_script() {
        for rtl in ["ar", "he-IL", "fa", "ur-PK", "az-Arab", "ckb"] {
            assert!(is_right_to_left(rtl), "{rtl}");
        }
        for ltr in ["en", "pt-BR", "es", "az-Latn", "tr", ""] {
            assert!(!is_right_to_left(ltr), "{ltr}");
        }
    }
}
