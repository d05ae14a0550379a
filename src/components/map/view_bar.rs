//! Above the map: the map/table switch (`table=1`), the layer list's button (its list
//! opens over the map's top-left corner; folded, the button covers nothing of the map)
//! and the downloads.

use crate::components::use_ctx;
use crate::i18n::ui;
use leptos::prelude::*;

/// The switch between the map and the table view, the layer list and the downloads.
#[component]
pub fn ViewBar() -> impl IntoView {
    let ctx = use_ctx();
    let table = Memo::new(move |_| ctx.state.with(|s| s.table));
    let show = move |as_table: bool| {
        move |_| {
            if ctx.state.with_untracked(|s| s.table) != as_table {
                ctx.state.update(|s| s.table = as_table);
            }
        }
    };
    let pressed = move |as_table: bool| {
        move || {
            if table.get() == as_table {
                "true"
            } else {
                "false"
            }
        }
    };
    view! {
        <div class="view-bar" lang=ctx.lang_attr()>
            <div class="view-switch" role="group" aria-label=ctx.phrase(ui::SHOW_AS)>
                <button type="button" data-view-switch="map" aria-pressed=pressed(false) on:click=show(false)>
                    {ctx.phrase(ui::AS_MAP)}
                </button>
                <button type="button" data-view-switch="table" aria-pressed=pressed(true) on:click=show(true)>
                    {ctx.phrase(ui::AS_TABLE)}
                </button>
            </div>
            <super::layer_panel::LayerPanel />
            <super::downloads::Downloads />
        </div>
    }
}
