//! Switches for each layer and for each belt.

use crate::components::use_ctx;
use crate::i18n::ui;
use crate::ids::{BeltId, LayerId, LayerItem};
use leptos::either::Either;
use leptos::prelude::*;

/// The layer switches.
#[component]
pub fn LayerPanel() -> impl IntoView {
    let ctx = use_ctx();
    let plan = ctx.plan;
    let layer_switch = move |id: LayerId| {
        let checked = move || ctx.layers.with(|l| l.shows(id));
        view! {
            <label class="switch" data-toggle=id.as_str()>
                <input type="checkbox" prop:checked=checked
                    on:change=move |ev| ctx.state.update(|s| s.layers.set(id, event_target_checked(&ev))) />
                <span class=format!("layer-swatch swatch-{id}") aria-hidden="true"></span>
                <span>{move || ui::layer_name(id).get(ctx.lang.get())}</span>
            </label>
        }
    };
    let belt_switch = move |id: BeltId| {
        let checked = move || ctx.layers.with(|l| l.shows_belt(id));
        let name = plan.data.layout.belt(id).map(|b| &b.industry);
        view! {
            <label class="switch switch-belt" data-toggle=LayerItem::Belt(id).to_string()>
                <input type="checkbox" prop:checked=checked
                    on:change=move |ev| ctx.state.update(|s| s.layers.set_belt(id, event_target_checked(&ev))) />
                <svg class="belt-swatch" viewBox="0 0 28 8" aria-hidden="true">
                    <path class=format!("belt-{id} belt-line") d="M1,4H27" />
                </svg>
                <span>{move || name.map(|n| n.get(ctx.lang.get())).unwrap_or_default()}</span>
            </label>
        }
    };
    // Open where the map has room for it beside the area (the camera decides once
    // the map is measured, and again when a resize changes that room), folded to its
    // button elsewhere; in between, as the reader sets it. The button is in the bar
    // above the map; the open list lies over the map's top-left corner, and the fitted
    // views and the recentring keep clear of it (it marks itself as an overlay).
    let cam = expect_context::<super::MapCamera>();
    let toggled = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if open != cam.layers_open.get_untracked() {
            cam.layers_open.set(open);
        }
        request_animation_frame(move || cam.measure_overlays());
    };
    view! {
        <details class="layer-panel" prop:open=move || cam.layers_open.get() on:toggle=toggled
            hidden=move || ctx.state.with(|s| s.table)>
            <summary>{ctx.phrase(ui::LAYERS)}</summary>
            // An overlay only while open (a folded list may keep a box of its own).
            <div class="layer-list" data-overlay=move || cam.layers_open.get().then_some("")>
                {LayerId::ALL.iter().map(|id| {
                    let main = layer_switch(*id);
                    if *id == LayerId::Belts {
                        Either::Left(view! {
                            <div class="switch-group">
                                {main}
                                <div class="belt-switches">{BeltId::ALL.iter().map(|b| belt_switch(*b)).collect_view()}</div>
                            </div>
                        })
                    } else {
                        Either::Right(main)
                    }
                }).collect_view()}
            </div>
        </details>
    }
}
