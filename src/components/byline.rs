//! Authors, dates and reading time.

use crate::dates;
use folio_content::Timestamp;
use leptos::prelude::*;

/// "By A and B", the published (and updated) date as `<time datetime>` in the
/// reader's locale, and the estimated reading time.
#[component]
pub fn Byline(
    authors: Vec<String>,
    published: Timestamp,
    #[prop(default = None)] updated: Option<Timestamp>,
    reading_minutes: u32,
) -> impl IntoView {
    let names = join_names(&authors);
    let updated = updated.filter(|u| u > &published);
    view! {
        <div class="byline">
            {(!names.is_empty()).then(|| view! { <p class="byline-authors">"By " {names}</p> })}
            <p class="byline-meta">
                <time datetime=published.as_str().to_owned()>{dates::long_date(&published)}</time>
                {updated.map(|u| view! {
                    <span class="byline-updated">
                        " · Updated "
                        <time datetime=u.as_str().to_owned()>{dates::long_date_time(&u)}</time>
                    </span>
                })}
                <span class="byline-reading">{format!(" · {reading_minutes} min read")}</span>
            </p>
        </div>
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
