//! The interactive map: layers drawn from the scene, zoom and pan, tooltip, details,
//! layer switches and legend.

mod camera;
mod controls;
mod details;
mod labels;
mod layer_panel;
mod layers;
mod legend;
mod pointer;
mod tooltip;

pub use camera::{reduced_motion, MapCamera};
pub use details::Details;

use crate::components::use_ctx;
use crate::i18n::ui;
use leptos::html;
use leptos::prelude::*;

/// The map with its controls, legend, tooltip and details.
#[component]
pub fn MapPanel() -> impl IntoView {
    let ctx = use_ctx();
    let wrap = NodeRef::<html::Div>::new();
    let cam = MapCamera::new(ctx, wrap);
    provide_context(cam);
    let view_box = move || cam.viewport.get().view_box();
    let has_highlight = move || ctx.highlight.with(Option::is_some);
    view! {
        <section class="map-section" aria-label=ctx.phrase(ui::MAP)>
            <div class="map-wrap" node_ref=wrap>
                <svg
                    class="map"
                    class:has-highlight=has_highlight
                    viewBox=view_box
                    role="group"
                    tabindex="0"
                    aria-label=ctx.phrase(ui::MAP)
                    aria-describedby="map-keys"
                    on:pointerdown=pointer::down(cam)
                    on:pointermove=pointer::moved(cam)
                    on:pointerup=pointer::up(cam)
                    on:pointercancel=pointer::up(cam)
                    on:pointerleave=move |_| ctx.hover.set(None)
                    on:click=pointer::click(cam)
                    on:dblclick=pointer::double_click(cam)
                    on:wheel=pointer::wheel(cam)
                    on:keydown=pointer::key(cam)
                >
                    <layers::Patterns />
                    <layers::Context />
                    <layers::Sphere />
                    <layers::Area />
                    <layers::Clusters />
                    <layers::Belts />
                    <layers::Corridor />
                    <layers::Cities />
                    <layers::Center />
                    <labels::Labels />
                </svg>
                <layer_panel::LayerPanel />
                <controls::Controls />
                <tooltip::Tooltip />
            </div>
            <p class="map-keys" id="map-keys">{ctx.phrase(ui::MAP_KEYS)}</p>
            <legend::Legend />
        </section>
    }
}
