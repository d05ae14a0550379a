//! The embed's one line above the map: the plan's name and a link to the full dashboard
//! at the same view.

use super::browser::page_address;
use crate::components::{dom, Ctx};
use crate::i18n::ui;
use crate::state::share::{full_view_query, link};
use web_sys::Element;

/// The title line of the embed mode, with "Open full view" (built by hand,
/// `components::dom`).
pub fn embed_bar(ctx: Ctx) -> Option<Element> {
    let page = page_address();
    let bar = dom::el("header", &[("class", "embed-bar")])?;
    dom::bind_lang(&bar, ctx);
    let title = dom::el("h1", &[("class", "embed-title")])?;
    dom::bind_text(&title, move || {
        Some(ctx.text(&ctx.plan.data.title)().into())
    });
    let full = dom::el(
        "a",
        &[
            ("class", "embed-full"),
            ("target", "_blank"),
            ("rel", "noopener"),
        ],
    )?;
    dom::bind(&full, "href", move || {
        Some(link(&page, &full_view_query(&ctx.state.get())).into())
    });
    let words = dom::text("")?;
    dom::bind_phrase_text(&words, ctx, ui::OPEN_FULL_VIEW);
    let new_tab = dom::el("span", &[("class", "visually-hidden")])?;
    dom::bind_text(&new_tab, move || {
        Some(format!(" {}", ctx.phrase(ui::NEW_TAB)()).into())
    });
    let arrow = dom::el("span", &[("aria-hidden", "true")])?;
    arrow.set_text_content(Some(" ↗"));
    full.append_child(&words).ok()?;
    dom::append(&full, &[&new_tab, &arrow])?;
    dom::append(&bar, &[&title, &full])?;
    Some(bar)
}
