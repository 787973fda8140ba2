//! Adding a section to a hand-written `site.json` without reformatting it:
//! the new entry goes after the last one, laid out like it, and the rest of
//! the file is left byte for byte as the editor wrote it.

use folio_content::{decode_site, Section};

/// `text` with `section` appended to its `sections` array. The result is
/// decoded again and must hold exactly one more section.
pub(crate) fn add_section(text: &str, section: &Section) -> Result<String, String> {
    let before = decode_site(text).map_err(|e| e.to_string())?;
    let array = sections_array(text).ok_or("no top-level `sections` array")?;
    let entry = format!(
        "{{ \"slug\": {}, \"name\": {}, \"description\": {} }}",
        json_string(&section.slug),
        json_string(&section.name),
        json_string(&section.description)
    );
    let mut out = String::with_capacity(text.len() + entry.len() + 8);
    match array.last_end {
        Some(last_end) => {
            let separator = match &array.indent {
                Some(indent) => format!(",\n{indent}"),
                None => ", ".to_owned(),
            };
            out.push_str(&text[..last_end]);
            out.push_str(&separator);
            out.push_str(&entry);
            out.push_str(&text[last_end..]);
        }
        None => {
            out.push_str(&text[..array.close]);
            out.push_str(&entry);
            out.push_str(&text[array.close..]);
        }
    }
    let after = decode_site(&out).map_err(|e| e.to_string())?;
    let mut expected = before.sections;
    expected.push(section.clone());
    if after.sections != expected {
        return Err("the sections read back differ from those written".to_owned());
    }
    Ok(out)
}

fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// Where the top-level `sections` array is in the text.
struct Array {
    /// Offset of its closing `]`.
    close: usize,
    /// Offset just after its last element, if it has one.
    last_end: Option<usize>,
    /// The whitespace before its last element when elements stand on lines
    /// of their own.
    indent: Option<String>,
}

/// Finds the `sections` array of the top-level object by scanning JSON
/// tokens (strings with their escapes, nesting).
fn sections_array(text: &str) -> Option<Array> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // At depth 1, the key whose value comes next.
    let mut key: Option<&str> = None;
    // Inside the array: its depth and the last element's start and end.
    let mut array: Option<usize> = None;
    let mut last: Option<(usize, usize)> = None;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && array.is_none() {
                    key = Some(&text[start + 1..i.min(text.len())]);
                }
                if array == Some(depth) {
                    last = Some((start, i + 1));
                }
            }
            b'{' | b'[' => {
                if depth == 1 && bytes[i] == b'[' && key == Some("sections") && array.is_none() {
                    array = Some(depth + 1);
                }
                if array == Some(depth) {
                    last = Some((i, i));
                }
                depth += 1;
            }
            b'}' | b']' => {
                if array == Some(depth) && bytes[i] == b']' {
                    let indent = last.and_then(|(start, _)| {
                        let line_start = text[..start].rfind('\n')? + 1;
                        let indent = &text[line_start..start];
                        indent.trim().is_empty().then(|| indent.to_owned())
                    });
                    return Some(Array {
                        close: i,
                        last_end: last.map(|(_, end)| end),
                        indent,
                    });
                }
                depth = depth.checked_sub(1)?;
                if array == Some(depth) {
                    if let Some((start, _)) = last {
                        last = Some((start, i + 1));
                    }
                }
            }
            b',' | b':' => {}
            c if c.is_ascii_whitespace() => {}
            _ => {
                // A number, true, false or null.
                let start = i;
                while i + 1 < bytes.len() && !b",]} \t\r\n".contains(&bytes[i + 1]) {
                    i += 1;
                }
                if array == Some(depth) {
                    last = Some((start, i + 1));
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(slug: &str, name: &str) -> Section {
        Section {
            slug: slug.into(),
            name: name.into(),
            description: String::new(),
        }
    }

    const SITE: &str = r#"{
  "name": "F", "base_url": "https://f.example/",
  "social": [{ "network": "x", "label": "[sections]", "url": "https://x.example/" }],
  "sections": [
    { "slug": "europe", "name": "Europe \"EU\"", "description": "]" },
    { "slug": "africa", "name": "Africa" }
  ],
  "page_size": 12
}
"#;

    #[test]
    fn a_section_is_added_after_the_last_in_the_same_layout() {
        let out = add_section(SITE, &section("science-notes", "Science & \"notes\"")).unwrap();
        let expected = SITE.replace(
            "{ \"slug\": \"africa\", \"name\": \"Africa\" }\n",
            "{ \"slug\": \"africa\", \"name\": \"Africa\" },\n    \
             { \"slug\": \"science-notes\", \"name\": \"Science & \\\"notes\\\"\", \"description\": \"\" }\n",
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn a_one_line_array_stays_on_one_line() {
        let site =
            r#"{"name":"F","base_url":"https://f.example/","sections":[{"slug":"a","name":"A"}]}"#;
        let out = add_section(site, &section("b", "B")).unwrap();
        assert!(
            out.ends_with(
                r#"{"slug":"a","name":"A"}, { "slug": "b", "name": "B", "description": "" }]}"#
            ),
            "{out}"
        );
    }
}
