//! The header and the panels beside the map. Every string comes from the plan data or
//! `i18n::ui`.

mod figures;
mod format;
mod header;

pub use header::Header;

use leptos::prelude::*;

/// The side panels.
#[component]
pub fn Panels() -> impl IntoView {
    view! { <div class="panels"></div> }
}
