//! The panels beside the map (being written in a separate change).
use leptos::prelude::*;

/// The header.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = crate::components::use_ctx();
    view! { <header class="header"><h1>{ctx.text(&ctx.plan.data.title)}</h1></header> }
}

/// The side panels.
#[component]
pub fn Panels() -> impl IntoView {
    view! { <div class="panels"></div> }
}
