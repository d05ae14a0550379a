//! Names on the map in the current language, placed so that none overlap at any zoom.

use super::MapCamera;
use crate::components::use_ctx;
use crate::geo::decimal::{fixed, push_fixed};
use crate::ids::LayerId;
use crate::scene::labels::{self, LabelOf, FONT_PX};
use leptos::prelude::*;

/// The CSS class of a label.
fn class(of: &LabelOf) -> &'static str {
    match of {
        LabelOf::City { member: true, .. } => "label label-city member",
        LabelOf::City { member: false, .. } => "label label-city",
        LabelOf::Cluster(_) => "label label-cluster",
        LabelOf::Unit(_) => "label label-unit",
        LabelOf::Province(_) => "label label-region",
    }
}

/// The labels layer.
#[component]
pub fn Labels() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    let plan = ctx.plan;
    let scene = ctx.scene;
    let candidates = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.layers
            .with(|layers| labels::candidates(plan, scene, layers, lang))
    });
    // Re-place labels only when the scale changes by a quarter octave or more.
    let scale = Memo::new(move |_| {
        let s = cam.px_per_km.get();
        2f64.powf((s.log2() * 4.0).round() / 4.0)
    });
    let placed = Memo::new(move |_| {
        let px_per_km = scale.get();
        candidates.with(|cands| labels::place(cands, px_per_km))
    });
    let px_per_km = cam.px_per_km;
    let font = move || fixed(FONT_PX / px_per_km.get(), 4);
    // The white halo behind names, 3 px wide at any zoom.
    let halo = move || fixed(3.0 / px_per_km.get(), 4);
    view! {
        <g data-layer="labels" class="layer layer-labels" font-size=font stroke-width=halo aria-hidden="true"
            display=move || (!ctx.layers.with(|l| l.shows(LayerId::Labels))).then_some("none")>
            // Each name sits at its anchor (map units), moved by its offset in em (`dx`,
            // `dy`): with the font size following the zoom, an em is FONT_PX screen px at
            // any scale. So neither panning nor zooming touches the texts; they are rebuilt
            // only when the placement changes (a quarter octave of zoom, layers, language).
            {move || {
                placed.get().into_iter().map(|l| {
                    let c = &l.candidate;
                    // Baseline a third of an em below the centre.
                    let dx = em(c.offset_px.x / FONT_PX);
                    let dy = em(c.offset_px.y / FONT_PX + 0.35);
                    view! {
                        <text class=class(&l.of) x=fixed(c.anchor.x, 2) y=fixed(c.anchor.y, 2)
                            dx=dx dy=dy text-anchor="middle">{l.text}</text>
                    }
                }).collect_view()
            }}
        </g>
    }
}

/// A length in em, to a thousandth (0.012 px at the label size).
fn em(v: f64) -> String {
    let mut s = String::new();
    push_fixed(&mut s, v, 3);
    s.push_str("em");
    s
}
