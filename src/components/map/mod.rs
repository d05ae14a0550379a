//! The interactive map: layers drawn from the scene, zoom and pan, tooltip, details,
//! layer switches and legend.

mod camera;
mod controls;
mod details;
mod downloads;
mod keys;
mod labels;
mod layer_panel;
mod layers;
mod legend;
mod pointer;
mod tooltip;
mod view_bar;

pub use camera::{reduced_motion, MapCamera};
pub use details::Details;

use crate::components::table::TableView;
use crate::components::use_ctx;
use crate::i18n::{ui, Lang};
use crate::state::describe;
use leptos::html;
use leptos::prelude::*;

/// The map's caches (the labels' measured widths, the tooltip's measured sizes): FxHash
/// rather than std's SipHash with a random seed, which nothing else in the wasm uses
/// (≈ 1 KB of it, issue 12); the keys are ours.
type Cache<K, V> = rustc_hash::FxHashMap<K, V>;

/// The map with its controls, legend, tooltip and details.
#[component]
pub fn MapPanel() -> impl IntoView {
    let ctx = use_ctx();
    let wrap = NodeRef::<html::Div>::new();
    let cam = MapCamera::new(ctx, wrap);
    provide_context(cam);
    let cursor = keys::KeyCursor(RwSignal::new(None));
    provide_context(cursor);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    keys::label_features(ctx, cursor, svg);
    let view_box = move || cam.viewport.get().view_box();
    let has_highlight = move || ctx.highlight.with(Option::is_some);
    // A memo: the table view must not be rebuilt (losing its sort) on other changes.
    let table = Memo::new(move |_| ctx.state.with(|s| s.table));
    // What the map says to screen readers (its name, description and its features'
    // names, `keys::label_features`) is in the page's language, `<html lang>`: after a
    // switch it follows once the switch's frame is painted (issue 12: the features' names
    // took ≈ 4 ms of the click at 4× CPU). Its parts that show text carry their own
    // `lang` meanwhile (`Ctx::lang_attr`), so the map's shapes keep theirs and the frame
    // neither restyles nor lays them out again.
    let page_lang = ctx.page_lang;
    let description = move || {
        ctx.layers
            .with(|l| describe::map_description(ctx.plan, l, page_lang.get()))
    };
    let name = move || ui::MAP.get(page_lang.get());
    let click = pointer::click(cam);
    view! {
        <section class="map-section" class:is-table=move || table.get() aria-label=name>
            <view_bar::ViewBar />
            <div class="map-wrap" node_ref=wrap hidden=move || table.get()>
                <svg
                    id="map"
                    class="map"
                    class:has-highlight=has_highlight
                    viewBox=view_box
                    node_ref=svg
                    role="graphics-document"
                    tabindex="0"
                    aria-label=name
                    aria-describedby="map-desc map-keys"
                    on:pointerdown=pointer::down(cam)
                    on:pointermove=pointer::moved(cam)
                    on:pointerup=pointer::up(cam)
                    on:pointercancel=pointer::up(cam)
                    on:pointerleave=move |_| ctx.hover.set(None)
                    on:click=move |ev| {
                        cursor.0.set(None);
                        click(ev)
                    }
                    on:dblclick=pointer::double_click(cam)
                    on:wheel=pointer::wheel(cam)
                    on:keydown=keys::key(cam, cursor)
                    on:focusout=keys::focus_out(cursor)
                >
                    <desc id="map-desc">{description}</desc>
                    <layers::Marks />
                    <labels::Labels />
                    <keys::FocusRing />
                </svg>
                <controls::Controls />
                <tooltip::Tooltip />
            </div>
            // Both languages' key lines in one grid cell, the one not in the line's language
            // hidden by the style sheet: the line is the taller of the two in either language, so a
            // language switch does not change the map's height (which refitted the view and
            // repainted the whole map in the switch's frame, issue 12).
            <p class="map-keys" id="map-keys" lang=ctx.lang_attr() hidden=move || table.get()>
                {Lang::ALL.map(|l| view! { <span lang=l.tag()>{ui::MAP_KEYS.get(l)}</span> })}
            </p>
            <div class="map-legend" hidden=move || table.get()>
                <legend::Legend />
            </div>
            {move || table.get().then(|| view! { <TableView /> })}
        </section>
    }
}
