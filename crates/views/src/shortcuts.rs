//! Keyboard shortcuts: the keys the app answers to, and the help that `?`
//! opens. The app (`src/actions/keys.rs`) acts on them; never while the
//! reader types in a field, and never with Ctrl, Alt or Cmd held.

use crate::i18n::{Msg, Texts};
use crate::Markup;
use maud::html;

/// Every shortcut: the key as the reader presses it, as shown, and what it
/// does.
pub const SHORTCUTS: &[(&str, &str, Msg)] = &[
    ("n", "N", Msg::KeyNext),
    ("p", "P", Msg::KeyPrevious),
    ("s", "S", Msg::KeySave),
    ("r", "R", Msg::KeyListen),
    ("l", "L", Msg::YourLibrary),
    ("/", "/", Msg::Search),
    ("t", "T", Msg::KeyTheme),
    ("+", "+", Msg::KeyLarger),
    ("-", "−", Msg::KeySmaller),
    ("?", "?", Msg::KeyHelp),
];

/// The help dialog: a modal with the list and a way to close it.
pub fn help(t: &Texts) -> Markup {
    html! {
        dialog #shortcuts-help .shortcuts-help aria-labelledby="shortcuts-h" lang=(t.locale().tag()) {
            h2 #shortcuts-h { (t.get(Msg::KeyboardShortcuts)) }
            dl.shortcuts {
                @for (_, shown, what) in SHORTCUTS {
                    div { dt { kbd { (shown) } } dd { (t.get(*what)) } }
                }
            }
            p.shortcuts-note { (t.get(Msg::ShortcutsNote)) }
            form method="dialog" {
                button.button type="submit" { (t.get(Msg::Close)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_one_key_and_listed_in_the_help() {
        let t = Texts::english();
        let html = help(&t).into_string();
        for (key, shown, what) in SHORTCUTS {
            assert_eq!(key.chars().count(), 1, "{key}");
            assert!(html.contains(&format!("<kbd>{shown}</kbd>")), "{shown}");
            assert!(html.contains(t.get(*what)), "{what:?}");
        }
        let keys: std::collections::HashSet<_> = SHORTCUTS.iter().map(|s| s.0).collect();
        assert_eq!(keys.len(), SHORTCUTS.len(), "no key twice");
        assert!(html.starts_with("<dialog") && html.contains("id=\"shortcuts-help\""));
        assert!(html.contains("method=\"dialog\""));
    }
}
