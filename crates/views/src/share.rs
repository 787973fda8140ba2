//! Share actions for an article or brief. As written, every network is an
//! ordinary link (so sharing works without the app); the app adds the
//! system share sheet, Mastodon and copy link, which need script.

use crate::i18n::{Msg, Texts};
use crate::Markup;
use folio_content::share::Network;
use maud::html;

/// What is shared, and a prefix that keeps ids unique when several share
/// bars are on one page.
#[derive(Clone, Copy, Debug)]
pub struct ShareTarget<'a> {
    pub id: &'a str,
    /// The canonical URL.
    pub url: &'a str,
    pub title: &'a str,
    pub text: &'a str,
}

/// The share button and its menu.
pub fn share_bar(tx: &Texts, t: &ShareTarget<'_>) -> Markup {
    let menu_id = format!("{}-share-menu", t.id);
    let input_id = format!("{}-instance", t.id);
    html! {
        div.share data-share-url=(t.url) data-share-title=(t.title) data-share-text=(t.text) {
            button.button.share-native.app-only type="button" data-action="share-native" hidden { (tx.t(Msg::Share)) }
            button.button-secondary.share-toggle type="button" data-action="disclose"
                aria-expanded="false" aria-controls=(menu_id) { (tx.t(Msg::Share)) }
            div.share-menu id=(menu_id) data-disclosed hidden {
                ul.share-targets {
                    @for n in Network::ALL {
                        li {
                            a class={ "share-link share-" (n.id()) } href=(n.share_url(t.url, t.title))
                                target="_blank" rel="noopener noreferrer" {
                                @if n == Network::Email { (tx.t(Msg::ShareByEmail)) } @else { (n.label()) }
                            }
                        }
                    }
                    li.app-only {
                        button.share-link.share-mastodon type="button" data-action="share-mastodon" { "Mastodon" }
                    }
                    li.app-only {
                        button.share-link.share-copy type="button" data-action="share-copy" { (tx.t(Msg::CopyLink)) }
                    }
                }
                form.mastodon-form data-action="mastodon-instance" hidden {
                    label for=(input_id) { (tx.t(Msg::YourMastodonServer)) }
                    input id=(input_id) name="instance" type="text" inputmode="url" autocomplete="off"
                        placeholder="mastodon.social" aria-invalid="false";
                    button.button type="submit" { (tx.t(Msg::ShareOnMastodon)) }
                    p.inline-error role="alert" hidden { (tx.t(Msg::NotAServer)) }
                }
                p.share-note hidden {
                    (tx.t(Msg::MastodonSharesGoTo)) span.share-instance {} ". "
                    button.link-button type="button" data-action="mastodon-change" { (tx.t(Msg::ChangeServer)) }
                }
                div.share-copy-status role="status" aria-live="polite" {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_is_an_ordinary_link_to_the_encoded_url() {
        let html = share_bar(
            &crate::i18n::Texts::english(),
            &ShareTarget {
                id: "article",
                url: "https://m.example/articles/a",
                title: "Attiéké & co: prices?",
                text: "",
            },
        )
        .into_string();
        let doc = scraper::Html::parse_fragment(&html);
        let links: Vec<_> = doc
            .select(
                &scraper::Selector::parse(
                    ".share-targets a[target=_blank][rel='noopener noreferrer']",
                )
                .unwrap(),
            )
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect();
        assert_eq!(links.len(), Network::ALL.len());
        for (link, n) in links.iter().zip(Network::ALL) {
            assert_eq!(
                link,
                &n.share_url("https://m.example/articles/a", "Attiéké & co: prices?")
            );
        }
        assert!(html.contains(r#"aria-controls="article-share-menu""#));
        assert!(html.contains(r#"id="article-share-menu""#));
    }
}
