//! The links and the embed code a reader can take away: pure functions of the view state
//! and the page's own address, so that they are tested natively.

use super::{query, ViewState};

/// The query of a link to share (without `?`): like the address bar's, but `lang` is
/// always there, so that the recipient sees the sender's language; every other default
/// stays out.
pub fn share_query(state: &ViewState) -> String {
    // Serialising over the other language's defaults always writes `lang`.
    query::serialise(state, state.lang.other())
}

/// The query of the full dashboard for the same view (the embed's "Open full view").
pub fn full_view_query(state: &ViewState) -> String {
    share_query(&ViewState {
        embed: false,
        panels: false,
        ..state.clone()
    })
}

/// The query of an embedded dashboard for the same view, with or without the panels.
pub fn embed_query(state: &ViewState, panels: bool) -> String {
    share_query(&ViewState {
        embed: true,
        panels,
        ..state.clone()
    })
}

/// `page` (the dashboard's address without query or fragment) with a query.
pub fn link(page: &str, query: &str) -> String {
    if query.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{query}")
    }
}

/// A first height for an embed's iframe, in CSS px, before `embed.js` sizes it to its
/// content (the map is 4:3 of the width up to 760 px high, then the legend; the panels
/// are long).
pub const fn embed_height(panels: bool) -> u32 {
    if panels {
        2400
    } else {
        680
    }
}

/// The code a portal pastes: the iframe and the one `embed.js` line. `page` is the
/// dashboard's address without query (`https://host/portal/plan/`), `title` the iframe's
/// accessible name in the current language.
pub fn embed_snippet(page: &str, state: &ViewState, panels: bool, title: &str) -> String {
    let src = link(page, &embed_query(state, panels));
    let script = format!("{}embed.js", dir_of(page));
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\"></iframe>\n<script src=\"{}\" async></script>",
        escape_attr(&src),
        escape_attr(title),
        embed_height(panels),
        escape_attr(&script),
    )
}

/// The folder part of an address (up to and including the last `/`).
fn dir_of(page: &str) -> &str {
    match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    }
}

/// Text made safe inside a double-quoted HTML or XML attribute (and as element content).
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ids::BeltId;
    use crate::state::{query::parse, Focus, Layers};

    fn pharma_state(lang: Lang) -> ViewState {
        let mut layers = Layers::none();
        layers.set(crate::ids::LayerId::Area, true);
        layers.set_belt(BeltId::Pharma, true);
        ViewState {
            layers,
            focus: Some(Focus::Belt(BeltId::Pharma)),
            ..ViewState::new(lang)
        }
    }

    #[test]
    fn a_shared_link_always_carries_the_language_and_nothing_else_by_default() {
        for lang in Lang::ALL {
            let state = ViewState::new(lang);
            assert_eq!(share_query(&state), format!("lang={lang}"));
            // Whatever the recipient's browser prefers, the link opens the same state.
            for theirs in Lang::ALL {
                assert_eq!(parse(&share_query(&state), theirs).0, state);
            }
        }
        assert_eq!(
            share_query(&pharma_state(Lang::En)),
            "lang=en&layers=area,belt:pharma&focus=belt:pharma"
        );
    }

    #[test]
    fn full_view_drops_embed_and_panels_and_embed_adds_them() {
        let state = ViewState {
            embed: true,
            panels: true,
            ..pharma_state(Lang::Zh)
        };
        assert_eq!(
            full_view_query(&state),
            "lang=zh&layers=area,belt:pharma&focus=belt:pharma"
        );
        assert_eq!(
            embed_query(&pharma_state(Lang::Zh), true),
            "lang=zh&layers=area,belt:pharma&focus=belt:pharma&embed=1&panels=1"
        );
        assert_eq!(
            embed_query(&state, false),
            "lang=zh&layers=area,belt:pharma&focus=belt:pharma&embed=1"
        );
    }

    #[test]
    fn the_snippet_is_an_iframe_and_the_script_line_with_escaped_attributes() {
        let snippet = embed_snippet(
            "https://example.org/portal/plan/",
            &pharma_state(Lang::En),
            false,
            "Map \"A\" & <B>",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://example.org/portal/plan/?lang=en&amp;layers=area,belt:pharma&amp;focus=belt:pharma&amp;embed=1\" \
             title=\"Map &quot;A&quot; &amp; &lt;B&gt;\" width=\"100%\" height=\"680\" loading=\"lazy\"></iframe>\n\
             <script src=\"https://example.org/portal/plan/embed.js\" async></script>"
        );
        // A page address naming the file keeps the script beside it.
        assert!(embed_snippet(
            "http://h/x/index.html",
            &ViewState::new(Lang::Zh),
            true,
            "t"
        )
        .contains("<script src=\"http://h/x/embed.js\" async>"));
    }

    #[test]
    fn links_without_a_query_have_no_question_mark() {
        assert_eq!(link("http://h/p/", ""), "http://h/p/");
        assert_eq!(link("http://h/p/", "lang=en"), "http://h/p/?lang=en");
    }
}
