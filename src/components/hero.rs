//! An article's lead image with caption and credit.

use crate::routes;
use folio_content::Image;
use leptos::prelude::*;

/// `<figure>` with the image, its caption and credit. Width and height, where
/// known, reserve the space so text does not jump when the image arrives.
#[component]
pub fn HeroFigure(image: Image, #[prop(optional)] eager: bool) -> impl IntoView {
    let has_caption = image.caption.is_some() || image.credit.is_some();
    view! {
        <figure class="hero">
            <img
                src=routes::asset(&image.src)
                alt=image.alt.clone()
                width=image.width
                height=image.height
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=if eager { "high" } else { "auto" }
                decoding="async"
            />
            {has_caption.then(|| view! {
                <figcaption>
                    {image.caption.clone().map(|c| view! { <span class="caption">{c}</span> })}
                    {image.credit.clone().map(|c| view! { <span class="credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
