//! Zoom buttons and the two extents: two small panels over the map (each marked as an
//! overlay, so that the fitted views keep clear of each): the zoom buttons in a column
//! at the right edge, the extents in a row along the bottom.

use super::MapCamera;
use crate::components::use_ctx;
use crate::i18n::ui;
use leptos::prelude::*;

/// +, −, reset, and the metro and region views.
#[component]
pub fn Controls() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    let fit = move |rect| cam.fly_to(Some(cam.fit(rect)));
    view! {
        <div class="map-controls" role="group" aria-label=ctx.phrase(ui::MAP)>
            <div class="map-zoom" data-overlay>
                <button type="button" class="ctl" data-action="zoom-in" aria-label=ctx.phrase(ui::ZOOM_IN) title=ctx.phrase(ui::ZOOM_IN)
                    on:click=move |_| cam.zoom_by(1.5)>"+"</button>
                <button type="button" class="ctl" data-action="zoom-out" aria-label=ctx.phrase(ui::ZOOM_OUT) title=ctx.phrase(ui::ZOOM_OUT)
                    on:click=move |_| cam.zoom_by(1.0 / 1.5)>"−"</button>
                <button type="button" class="ctl" data-action="reset" aria-label=ctx.phrase(ui::RESET_VIEW) title=ctx.phrase(ui::RESET_VIEW)
                    on:click=move |_| cam.fly_to(None)>"⟲"</button>
            </div>
            <div class="map-extents" data-overlay>
                <button type="button" class="ctl ctl-text" data-action="metro" on:click=move |_| fit(ctx.scene.metro)>
                    {ctx.phrase(ui::METRO_VIEW)}
                </button>
                <button type="button" class="ctl ctl-text" data-action="region" on:click=move |_| fit(ctx.scene.region_extent)>
                    {ctx.phrase(ui::REGION_VIEW)}
                </button>
            </div>
        </div>
    }
}
