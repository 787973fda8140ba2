//! Keyboard shortcuts: the keys the app answers to, and the help that `?`
//! opens. The app (`src/actions/keys.rs`) acts on them; never while the
//! reader types in a field, and never with Ctrl, Alt or Cmd held.

use crate::Markup;
use maud::html;

/// Every shortcut: the key as the reader presses it, as shown, and what it
/// does.
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("n", "N", "Next story in the section"),
    ("p", "P", "Previous story in the section"),
    ("s", "S", "Save the article, or remove it from saved"),
    ("r", "R", "Read the article aloud, or pause"),
    ("l", "L", "Your library"),
    ("/", "/", "Search"),
    ("t", "T", "Next theme (system, light, dark, sepia)"),
    ("+", "+", "Larger text"),
    ("-", "−", "Smaller text"),
    ("?", "?", "This list of shortcuts"),
];

/// The help dialog: a modal with the list and a way to close it.
pub fn help() -> Markup {
    html! {
        dialog #shortcuts-help .shortcuts-help aria-labelledby="shortcuts-h" {
            h2 #shortcuts-h { "Keyboard shortcuts" }
            dl.shortcuts {
                @for (_, shown, what) in SHORTCUTS {
                    div { dt { kbd { (shown) } } dd { (what) } }
                }
            }
            p.shortcuts-note { "Shortcuts work anywhere except while you type in a field. Escape closes this list." }
            form method="dialog" {
                button.button type="submit" { "Close" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_one_key_and_listed_in_the_help() {
        let html = help().into_string();
        for (key, shown, what) in SHORTCUTS {
            assert_eq!(key.chars().count(), 1, "{key}");
            assert!(html.contains(&format!("<kbd>{shown}</kbd>")), "{shown}");
            assert!(html.contains(what));
        }
        let keys: std::collections::HashSet<_> = SHORTCUTS.iter().map(|s| s.0).collect();
        assert_eq!(keys.len(), SHORTCUTS.len(), "no key twice");
        assert!(html.starts_with("<dialog") && html.contains("id=\"shortcuts-help\""));
        assert!(html.contains("method=\"dialog\""));
    }
}
