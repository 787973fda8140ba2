//! Reading settings: theme, text size, line spacing, column width and font.
//!
//! A setting is an attribute on `<html>` (`data-theme="sepia"`), which the
//! stylesheets read; the default is no attribute at all. The reader's
//! choices live in `localStorage` as a query string (`theme=sepia&text=l`)
//! and are applied by [`prepaint`], a few lines of script inlined at the top
//! of every page's `<head>` (allowed by its hash in the security policy), so
//! a page is painted with them from its first frame, before the app starts.
//! The panel that changes them is plain markup here; the app handles it.

use crate::i18n::{Msg, Texts};
use crate::Markup;
use maud::html;

/// Where the choices are kept in `localStorage`.
pub const STORAGE_KEY: &str = "folio.settings";

/// One setting: its attribute (`data-<name>`) and form field, its legend
/// and its choices (value, label); the first choice is the default.
#[derive(Debug)]
pub struct Setting {
    pub name: &'static str,
    pub legend: Msg,
    pub choices: &'static [(&'static str, Msg)],
}

impl Setting {
    /// The value used when the reader has chosen nothing.
    pub fn default_value(&self) -> &'static str {
        self.choices[0].0
    }

    /// Whether `value` is one of this setting's choices.
    pub fn allows(&self, value: &str) -> bool {
        self.choices.iter().any(|(v, _)| *v == value)
    }
}

/// Every setting, in the order the panel shows them.
pub const SETTINGS: &[Setting] = &[
    Setting {
        name: "theme",
        legend: Msg::Theme,
        choices: &[
            ("system", Msg::ThemeSystem),
            ("light", Msg::ThemeLight),
            ("dark", Msg::ThemeDark),
            ("sepia", Msg::ThemeSepia),
        ],
    },
    Setting {
        name: "text",
        legend: Msg::TextSize,
        choices: &[
            ("m", Msg::SizeMedium),
            ("s", Msg::SizeSmall),
            ("l", Msg::SizeLarge),
            ("xl", Msg::SizeLarger),
            ("xxl", Msg::SizeLargest),
        ],
    },
    Setting {
        name: "leading",
        legend: Msg::LineSpacing,
        choices: &[
            ("normal", Msg::Normal),
            ("tight", Msg::Tight),
            ("loose", Msg::Loose),
        ],
    },
    Setting {
        name: "width",
        legend: Msg::ColumnWidth,
        choices: &[
            ("normal", Msg::Normal),
            ("narrow", Msg::Narrow),
            ("wide", Msg::Wide),
        ],
    },
    Setting {
        name: "font",
        legend: Msg::Font,
        choices: &[
            ("serif", Msg::FontSerif),
            ("sans", Msg::FontSans),
            ("legible", Msg::FontLegible),
        ],
    },
    // The interface language: the browser's, or the reader's choice. Each
    // language is named in itself.
    Setting {
        name: LANGUAGE,
        legend: Msg::Language,
        choices: &[
            ("auto", Msg::LanguageAutomatic),
            ("en", Msg::LanguageEnglish),
            ("es", Msg::LanguageSpanish),
        ],
    },
];

/// The setting naming the interface language.
pub const LANGUAGE: &str = "lang";

/// Text sizes from smallest to largest (the panel lists the default first).
pub const TEXT_SIZES: &[&str] = &["s", "m", "l", "xl", "xxl"];

/// The setting called `name`.
pub fn setting(name: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.name == name)
}

/// The reader's choices, as stored: only known settings with allowed
/// values, defaults left out, in [`SETTINGS`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices(Vec<(&'static str, &'static str)>);

impl Choices {
    /// Reads stored choices, ignoring anything unknown or malformed.
    pub fn parse(stored: &str) -> Self {
        let mut choices = Choices::default();
        for pair in stored.split('&') {
            if let Some((name, value)) = pair.split_once('=') {
                choices.set(name, value);
            }
        }
        choices
    }

    /// Sets `name` to `value` if both are known; the default removes it.
    /// Returns whether it was known.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let Some(setting) = setting(name) else {
            return false;
        };
        let Some(&(value, _)) = setting.choices.iter().find(|(v, _)| *v == value) else {
            return false;
        };
        self.0.retain(|(n, _)| *n != setting.name);
        if value != setting.default_value() {
            self.0.push((setting.name, value));
            self.0
                .sort_by_key(|(n, _)| SETTINGS.iter().position(|s| s.name == *n));
        }
        true
    }

    /// The value of `name`: the reader's, or the default.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        let setting = setting(name)?;
        Some(
            self.0
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(setting.default_value(), |(_, v)| v),
        )
    }

    /// `name` moved `delta` steps: text sizes go from smallest to largest
    /// and stop at either end; other settings cycle through their choices.
    /// Returns whether anything changed.
    pub fn step(&mut self, name: &str, delta: i32) -> bool {
        let Some(setting) = setting(name) else {
            return false;
        };
        let current = self.get(name).unwrap_or_default();
        let next = if name == "text" {
            let at = TEXT_SIZES.iter().position(|v| *v == current).unwrap_or(1) as i32;
            TEXT_SIZES[(at + delta).clamp(0, TEXT_SIZES.len() as i32 - 1) as usize]
        } else {
            let n = setting.choices.len() as i32;
            let at = setting
                .choices
                .iter()
                .position(|(v, _)| *v == current)
                .unwrap_or(0) as i32;
            setting.choices[(at + delta).rem_euclid(n) as usize].0
        };
        next != current && self.set(name, next)
    }

    /// For `localStorage`: `theme=sepia&text=l`.
    pub fn to_stored(&self) -> String {
        self.0
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The browser's colour (`<meta name="theme-color">`) for each theme the
/// reader can pick; the system theme keeps the page's own two.
pub const THEME_COLOURS: &[(&str, &str)] = &[
    ("light", "#faf7f2"),
    ("dark", "#16181b"),
    ("sepia", "#f4ecd8"),
];

/// The theme colour for `theme`, if the reader picked one.
pub fn theme_colour(theme: &str) -> Option<&'static str> {
    THEME_COLOURS
        .iter()
        .find(|(t, _)| *t == theme)
        .map(|(_, c)| *c)
}

/// The script that applies the stored choices before the first paint. It
/// sets only the settings' own names to their own values other than the
/// default (anything else stored is ignored, so nothing stored can inject
/// markup or reach an attribute it should not). Inlined in every page's
/// `<head>` and allowed by its hash.
pub fn prepaint() -> String {
    let allowed = SETTINGS
        .iter()
        .map(|s| {
            let values = s.choices[1..]
                .iter()
                .map(|(v, _)| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(",");
            format!("\"{}\":[{values}]", s.name)
        })
        .collect::<Vec<_>>()
        .join(",");
    let colours = THEME_COLOURS
        .iter()
        .map(|(t, c)| format!("\"{t}\":\"{c}\""))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "try{{var d=document.documentElement,a={{{allowed}}},\
         s=new URLSearchParams(localStorage.getItem(\"{STORAGE_KEY}\")||\"\");\
         s.forEach(function(v,k){{\
         if(Object.prototype.hasOwnProperty.call(a,k)&&a[k].indexOf(v)>=0)\
         d.setAttribute(\"data-\"+k,v)}});\
         var c={{{colours}}}[d.getAttribute(\"data-theme\")];\
         if(c)document.querySelectorAll(\"meta[name=theme-color]\")\
         .forEach(function(m){{m.content=c}})}}catch(e){{}}"
    )
}

/// The attribute marking the pre-paint script in a page (so a build run
/// again over its own output replaces it rather than adding another).
pub const PREPAINT_ATTR: &str = "data-folio-settings";

/// The pre-paint script element.
pub fn prepaint_script() -> String {
    format!("<script {PREPAINT_ATTR}>{}</script>", prepaint())
}

/// "Display settings": a button in the masthead and the panel it opens. A
/// job for the app (the choices need script to be kept), hidden without it.
pub fn panel(t: &Texts) -> Markup {
    html! {
        div.settings.app-slot {
            button.settings-toggle type="button" aria-expanded="false"
                aria-controls="settings-panel" data-action="disclose" {
                (t.t(Msg::DisplaySettings))
            }
            form #settings-panel .settings-panel data-action="settings" hidden
                aria-label=(t.get(Msg::DisplaySettings)) data-t-label=(Msg::DisplaySettings.name()) {
                @for setting in SETTINGS {
                    fieldset {
                        legend { (t.t(setting.legend)) }
                        @for (i, (value, label)) in setting.choices.iter().enumerate() {
                            label {
                                input type="radio" name=(setting.name) value=(value)
                                    checked[i == 0];
                                " "
                                @if setting.name == LANGUAGE && *value != "auto" {
                                    span lang=(value) { (t.get(*label)) }
                                } @else {
                                    (t.t(*label))
                                }
                            }
                        }
                    }
                }
                button.button-secondary type="button" data-action="settings-reset" {
                    (t.t(Msg::ResetToDefaults))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_choices_keep_only_known_settings_and_values() {
        let c = Choices::parse("theme=sepia&text=xl&font=comic&evil=1&width=normal&=&x");
        assert_eq!(c.to_stored(), "theme=sepia&text=xl");
        assert_eq!(c.get("theme"), Some("sepia"));
        assert_eq!(c.get("width"), Some("normal"), "the default");
        assert_eq!(c.get("nope"), None);
    }

    #[test]
    fn choosing_the_default_forgets_the_setting() {
        let mut c = Choices::parse("font=legible&theme=dark");
        assert_eq!(c.to_stored(), "theme=dark&font=legible", "settings order");
        assert!(c.set("theme", "system"));
        assert_eq!(c.to_stored(), "font=legible");
        assert!(!c.set("theme", "purple"));
        assert_eq!(c.to_stored(), "font=legible");
    }

    #[test]
    fn the_prepaint_script_knows_every_setting_and_value_but_the_defaults() {
        let script = prepaint();
        for s in SETTINGS {
            let values = s.choices[1..]
                .iter()
                .map(|(v, _)| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(",");
            assert!(
                script.contains(&format!("\"{}\":[{values}]", s.name)),
                "{script}"
            );
        }
        assert!(script.contains(&format!("\"{STORAGE_KEY}\"")));
        assert!(script.contains("\"sepia\":\"#f4ecd8\""));
        assert!(!script.contains("</"), "cannot close its element");
        assert!(!script.contains('\n'));
    }

    #[test]
    fn the_panel_is_a_labelled_disclosure_with_a_group_per_setting() {
        let html = panel(&crate::i18n::Texts::english()).into_string();
        let doc = scraper::Html::parse_fragment(&html);
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        let button = doc.select(&sel("button.settings-toggle")).next().unwrap();
        assert_eq!(button.attr("aria-controls"), Some("settings-panel"));
        assert_eq!(doc.select(&sel("form#settings-panel[hidden]")).count(), 1);
        assert_eq!(
            doc.select(&sel("fieldset > legend")).count(),
            SETTINGS.len()
        );
        for s in SETTINGS {
            let radios = sel(&format!("input[type=radio][name={}]", s.name));
            assert_eq!(doc.select(&radios).count(), s.choices.len());
            let checked = sel(&format!("input[name={}][checked]", s.name));
            assert_eq!(
                doc.select(&checked).next().unwrap().attr("value"),
                Some(s.default_value())
            );
        }
    }

    #[test]
    fn stepping_text_size_stops_at_the_ends_and_themes_cycle() {
        let mut c = Choices::default();
        assert!(c.step("text", 1));
        assert_eq!(c.get("text"), Some("l"));
        assert!(c.step("text", 1) && c.step("text", 1));
        assert_eq!(c.get("text"), Some("xxl"));
        assert!(!c.step("text", 1), "largest already");
        for _ in 0..5 {
            c.step("text", -1);
        }
        assert_eq!(c.get("text"), Some("s"));
        assert!(c.step("text", 1));
        assert_eq!(c.to_stored(), "", "medium is the default");
        let themes: Vec<_> = (0..4)
            .map(|_| {
                c.step("theme", 1);
                c.get("theme").unwrap()
            })
            .collect();
        assert_eq!(themes, ["light", "dark", "sepia", "system"]);
        assert!(!c.step("nope", 1));
    }
}
