//! The embed's one line above the map: the plan's name and a link to the full dashboard
//! at the same view.

use super::browser::page_address;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::state::share::{full_view_query, link};
use leptos::prelude::*;

/// The title line of the embed mode, with "Open full view".
#[component]
pub fn EmbedBar() -> impl IntoView {
    let ctx = use_ctx();
    let page = page_address();
    let href = move || link(&page, &full_view_query(&ctx.state.get()));
    view! {
        <header class="embed-bar" lang=ctx.lang_attr()>
            <h1 class="embed-title">{ctx.text(&ctx.plan.data.title)}</h1>
            <a class="embed-full" href=href target="_blank" rel="noopener">
                {ctx.phrase(ui::OPEN_FULL_VIEW)}
                <span class="visually-hidden">" " {ctx.phrase(ui::NEW_TAB)}</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
        </header>
    }
}
