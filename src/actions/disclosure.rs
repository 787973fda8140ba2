//! Disclosure buttons (`aria-expanded` + `aria-controls`): a brief's "Keep
//! reading / Show less", the share menu.

use web_sys::Element;

/// Opens or closes what the button controls.
pub(super) fn toggle(button: &Element) {
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    set_open(button, open);
}

/// Opens or closes what the button controls, updating its label.
pub(super) fn set_open(button: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if let Some(target) = button
        .get_attribute("aria-controls")
        .and_then(|id| super::document()?.get_element_by_id(&id))
    {
        let _ = target.toggle_attribute_with_force("hidden", !open);
    }
    let label = if open {
        "data-expanded-text"
    } else {
        "data-collapsed-text"
    };
    if let Some(text) = button.get_attribute(label) {
        button.set_text_content(Some(&text));
    }
}
