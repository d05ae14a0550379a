//! The interactive map.
use leptos::prelude::*;

/// The map with its controls, legend, tooltip and details.
#[component]
pub fn MapPanel() -> impl IntoView {
    view! { <section class="map-section"></section> }
}
