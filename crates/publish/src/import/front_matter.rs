//! Front matter as Hugo, Jekyll and Zola write it: YAML between `---`
//! lines or TOML between `+++` lines, read into one JSON-like tree so the
//! importer asks for fields the same way whatever the syntax; and the dates
//! those tools accept.

use folio_content::Timestamp;
use serde_json::{Map, Value};

/// A file's front matter fields and the body after them.
#[derive(Debug)]
pub(crate) struct FrontMatter<'a> {
    pub(crate) fields: Fields,
    pub(crate) body: &'a str,
}

/// Splits and parses the front matter at the start of `text`.
pub(crate) fn parse(text: &str) -> Result<FrontMatter<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default().trim_end();
    let yaml = match first {
        "---" => true,
        "+++" => false,
        _ => {
            return Err(
                "no front matter: the file must start with a `---` (YAML) or `+++` (TOML) line"
                    .to_owned(),
            )
        }
    };
    // The front matter starts after the first line; find the closing line
    // and where the body starts after it.
    let start = text.find('\n').map_or(text.len(), |n| n + 1);
    let mut offset = start;
    let mut close = None;
    for line in text[start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == first || (yaml && bare == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((end, body_start)) = close else {
        return Err(format!(
            "front matter opened with `{first}` on line 1 is not closed"
        ));
    };
    let source = &text[start..end];
    let fields = if yaml {
        yaml_fields(source)?
    } else {
        toml_fields(source)?
    };
    Ok(FrontMatter {
        fields: Fields(fields),
        body: &text[body_start..],
    })
}

fn yaml_fields(source: &str) -> Result<Map<String, Value>, String> {
    use yaml_rust2::YamlLoader;
    let docs = YamlLoader::load_from_str(source).map_err(|e| {
        format!(
            "invalid YAML front matter at line {}: {}",
            e.marker().line() + 1,
            e.info()
        )
    })?;
    match docs.into_iter().next().map(yaml_value) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map),
        Some(_) => Err("the YAML front matter is not a list of `key: value` fields".to_owned()),
    }
}

fn yaml_value(yaml: yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match yaml {
        Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(r) => r
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(r), Value::Number),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(items.into_iter().map(yaml_value).collect()),
        Yaml::Hash(hash) => Value::Object(
            hash.into_iter()
                .filter_map(|(k, v)| Some((scalar(&yaml_value(k))?, yaml_value(v))))
                .collect(),
        ),
        Yaml::Null | Yaml::Alias(_) | Yaml::BadValue => Value::Null,
    }
}

fn toml_fields(source: &str) -> Result<Map<String, Value>, String> {
    let table: toml::Table = toml::from_str(source).map_err(|e| {
        // The line in the file: the front matter starts on line 2.
        let line = e
            .span()
            .map_or(2, |span| source[..span.start].matches('\n').count() + 2);
        format!(
            "invalid TOML front matter at line {line}: {}",
            e.message().trim()
        )
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_value(v))).collect())
}

fn toml_value(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_value).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, toml_value(v))).collect())
        }
    }
}

/// A string, number or boolean as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Front matter fields, looked up the forgiving way the static site
/// generators do: keys in any case, dotted paths into tables
/// (`cover.image`), and the tables where themes keep their own fields
/// (Zola's `extra`, Hugo's `params`).
#[derive(Debug, Default)]
pub(crate) struct Fields(Map<String, Value>);

impl Fields {
    fn path<'a>(map: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
        let mut value = None;
        let mut current = map;
        for key in path.split('.') {
            let found = current
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)?;
            value = Some(found);
            if let Value::Object(inner) = found {
                current = inner;
            }
        }
        value.filter(|v| !v.is_null())
    }

    /// The first of `paths` that is set, at the top or under `extra` or
    /// `params`.
    pub(crate) fn get(&self, paths: &[&str]) -> Option<&Value> {
        for prefix in ["", "extra.", "params."] {
            for path in paths {
                if let Some(v) = Self::path(&self.0, &format!("{prefix}{path}")) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// A text field, trimmed and not empty.
    pub(crate) fn text(&self, paths: &[&str]) -> Option<String> {
        self.get(paths)
            .and_then(scalar)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    /// A list of names: a YAML or TOML list, or one string (split at
    /// commas, or at spaces for Jekyll's `tags: a b`); maps give their
    /// `name` (Jekyll authors).
    pub(crate) fn list(&self, paths: &[&str], split_spaces: bool) -> Vec<String> {
        let items: Vec<String> = match self.get(paths) {
            Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
            Some(Value::String(s)) if s.contains(',') => s.split(',').map(str::to_owned).collect(),
            Some(Value::String(s)) if split_spaces => {
                s.split_whitespace().map(str::to_owned).collect()
            }
            Some(other) => name_of(other).into_iter().collect(),
            None => Vec::new(),
        };
        let mut out: Vec<String> = Vec::new();
        for item in items {
            let item = item.trim();
            if !item.is_empty() && !out.iter().any(|o| o == item) {
                out.push(item.to_owned());
            }
        }
        out
    }

    /// A boolean, written as one or as text (`"true"`).
    pub(crate) fn flag(&self, paths: &[&str]) -> Option<bool> {
        match self.get(paths)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" => Some(true),
                "false" | "no" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("name"))
            .and_then(|(_, v)| scalar(v)),
        other => scalar(other),
    }
}

/// A date as the generators accept it: RFC 3339, a date alone
/// (`2024-05-01`, midnight UTC), or Jekyll's `2024-05-01 10:00:00 +0200`;
/// a time without an offset is taken as UTC.
pub(crate) fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(t) = Timestamp::parse(text) {
        return Some(t);
    }
    let date = text.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let rest = text[10..].trim_start_matches(['T', 't', ' ']);
    let time_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_len);
    let time = match time.matches(':').count() {
        0 if time.is_empty() => "00:00:00".to_owned(),
        1 => format!("{time}:00"),
        2 => time.to_owned(),
        _ => return None,
    };
    let zone = zone.trim();
    let zone = match zone {
        "" | "Z" | "z" | "UTC" | "GMT" => "Z".to_owned(),
        _ if zone.starts_with(['+', '-']) => {
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            match digits.len() {
                2 => format!("{}{digits}:00", &zone[..1]),
                4 => format!("{}{}:{}", &zone[..1], &digits[..2], &digits[2..]),
                _ => return None,
            }
        }
        _ => return None,
    };
    Timestamp::parse(&format!("{date}T{time}{zone}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_give_the_same_fields() {
        let yaml =
            parse("---\ntitle: Tides\ntags: [a, b]\ncover:\n  image: x.jpg\n---\nBody\n").unwrap();
        let toml = parse("+++\ntitle = \"Tides\"\ntags = [\"a\", \"b\"]\n[cover]\nimage = \"x.jpg\"\n+++\nBody\n").unwrap();
        for fm in [&yaml, &toml] {
            assert_eq!(fm.fields.text(&["title"]).as_deref(), Some("Tides"));
            assert_eq!(fm.fields.list(&["tags"], true), ["a", "b"]);
            assert_eq!(fm.fields.text(&["cover.image"]).as_deref(), Some("x.jpg"));
            assert_eq!(fm.body, "Body\n");
        }
    }

    #[test]
    fn theme_tables_and_key_case_are_looked_through() {
        let fm = parse("+++\n[extra]\nAuthor = \"R. Osei\"\n[taxonomies]\ntags = [\"x\"]\n+++\n")
            .unwrap();
        assert_eq!(fm.fields.text(&["author"]).as_deref(), Some("R. Osei"));
        assert_eq!(fm.fields.list(&["taxonomies.tags"], true), ["x"]);
        assert_eq!(fm.body, "");
    }

    #[test]
    fn broken_front_matter_is_explained() {
        let unclosed = parse("---\ntitle: x\nbody\n").unwrap_err();
        assert!(unclosed.contains("not closed"), "{unclosed}");
        let bad_yaml = parse("---\ntitle: [unclosed\n---\n").unwrap_err();
        assert!(
            bad_yaml.starts_with("invalid YAML front matter at line"),
            "{bad_yaml}"
        );
        let bad_toml = parse("+++\ntitle = \"x\"\ndate = = 3\n+++\n").unwrap_err();
        assert!(
            bad_toml.starts_with("invalid TOML front matter at line 3"),
            "{bad_toml}"
        );
        assert!(parse("# Just a heading\n")
            .unwrap_err()
            .starts_with("no front matter"));
    }

    #[test]
    fn dates_as_the_generators_write_them() {
        let unix = |s: &str| parse_date(s).map(|t| t.unix());
        assert_eq!(unix("2024-05-01"), Some(1_714_521_600));
        assert_eq!(unix("2024-05-01T10:00:00Z"), Some(1_714_557_600));
        assert_eq!(unix("2024-05-01 12:00:00 +0200"), Some(1_714_557_600));
        assert_eq!(unix("2024-05-01T10:00"), Some(1_714_557_600));
        assert_eq!(unix("2024-05-01T12:00:00+02:00"), Some(1_714_557_600));
        assert_eq!(unix("2024-05-01 05:00 -0500"), Some(1_714_557_600));
        assert_eq!(unix("2024-05-01 05:00:00 -05"), Some(1_714_557_600));
        assert_eq!(unix("1 May 2024"), None);
        assert_eq!(unix("2024-13-01"), None);
    }
}
