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
    // Open by default where there is room beside the map, folded on phones.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 700.0);
    // Fitted views keep clear of the panel while it is open.
    let cam = expect_context::<super::MapCamera>();
    let panel = NodeRef::<leptos::html::Details>::new();
    let measure = move || {
        if let Some(el) = panel.get_untracked() {
            let width = if el.open() {
                el.get_bounding_client_rect().width() + 8.0
            } else {
                0.0
            };
            cam.panel_width.set(width);
        }
    };
    Effect::new(move |_| {
        if panel.get().is_some() {
            request_animation_frame(measure);
        }
    });
    view! {
        <details class="layer-panel" open=wide node_ref=panel on:toggle=move |_| measure()>
            <summary>{ctx.phrase(ui::LAYERS)}</summary>
            <div class="layer-list">
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
