//! Names on the map in the current language, placed so that none overlap at any zoom.

use super::layers::city_shown;
use super::MapCamera;
use crate::components::use_ctx;
use crate::geo::label::{place_labels, text_width_em, LabelCandidate};
use crate::geo::{Point, Rect};
use crate::ids::LayerId;
use leptos::prelude::*;

/// Label type size, px.
const FONT_PX: f64 = 12.0;

/// One label that may be shown.
#[derive(Clone, PartialEq)]
struct Label {
    text: &'static str,
    class: &'static str,
    candidate: LabelCandidate,
}

/// Offsets beside a city dot (px) for a label of this text: right, below, left.
fn city_alternatives(text: &str) -> Vec<Point> {
    let half = text_width_em(text) * FONT_PX / 2.0 + 9.0;
    vec![
        Point::new(half, 0.0),
        Point::new(0.0, 15.0),
        Point::new(-half, 0.0),
    ]
}

/// The labels layer.
#[component]
pub fn Labels() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    let plan = ctx.plan;
    let scene = ctx.scene;
    // Candidates in priority order: cities, clusters, then units from largest to smallest.
    let candidates = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let layers = ctx.layers.get();
        let mut out = Vec::new();
        for c in &scene.cities {
            if !city_shown(ctx, c.id, c.member) {
                continue;
            }
            if let Some(city) = plan.city(c.id) {
                let text = city.name.get(lang);
                out.push(Label {
                    text,
                    class: if c.member {
                        "label label-city member"
                    } else {
                        "label label-city"
                    },
                    candidate: LabelCandidate {
                        anchor: c.at,
                        offset_px: Point::new(0.0, -14.0),
                        // Right, below, left of the dot, when above is taken.
                        alternatives: city_alternatives(text),
                        width_em: text_width_em(text),
                    },
                });
            }
        }
        if layers.shows(LayerId::Clusters) {
            for (cluster, (_, mark)) in plan.data.layout.clusters.iter().zip(&scene.clusters) {
                if let [a, b, ..] = mark.points.as_slice() {
                    let text = cluster.name.get(lang);
                    out.push(Label {
                        text,
                        class: "label label-cluster",
                        candidate: LabelCandidate {
                            anchor: Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0),
                            offset_px: Point::default(),
                            alternatives: Vec::new(),
                            width_em: text_width_em(text),
                        },
                    });
                }
            }
        }
        let mut units: Vec<_> = plan
            .units
            .iter()
            .zip(&scene.units)
            .filter(|(u, _)| layers.shows_unit(&u.entry.roles))
            .collect();
        units.sort_by(|a, b| b.0.area_km2.total_cmp(&a.0.area_km2));
        for (unit, mark) in units {
            let text = unit.name.get(lang);
            out.push(Label {
                text,
                class: "label label-unit",
                candidate: LabelCandidate {
                    anchor: mark.label_at,
                    offset_px: Point::default(),
                    alternatives: Vec::new(),
                    width_em: text_width_em(text),
                },
            });
        }
        if layers.shows(LayerId::Context) {
            for (province, at) in plan.data.provinces.iter().zip(&scene.province_labels) {
                let text = province.name.get(lang);
                out.push(Label {
                    text,
                    class: "label label-region",
                    candidate: LabelCandidate {
                        anchor: *at,
                        offset_px: Point::default(),
                        alternatives: Vec::new(),
                        width_em: text_width_em(text),
                    },
                });
            }
        }
        out
    });
    // Re-place labels only when the scale changes by a quarter octave or more.
    let scale = Memo::new(move |_| {
        let s = cam.viewport.get().px_per_km;
        2f64.powf((s.log2() * 4.0).round() / 4.0)
    });
    let placed = Memo::new(move |_| {
        let px_per_km = scale.get();
        candidates.with(|cands| {
            let list: Vec<LabelCandidate> = cands.iter().map(|l| l.candidate.clone()).collect();
            // City points are obstacles for every label.
            let dots: Vec<Rect> = cands
                .iter()
                .filter(|l| l.class.starts_with("label label-city"))
                .map(|l| Rect::around([l.candidate.anchor]).padded(6.0 / px_per_km))
                .collect();
            let placed = place_labels(&list, &dots, px_per_km, FONT_PX);
            cands
                .iter()
                .zip(placed)
                .filter_map(|(l, offset)| {
                    let mut l = l.clone();
                    l.candidate.offset_px = offset?;
                    Some(l)
                })
                .collect::<Vec<_>>()
        })
    });
    let font = move || format!("{:.4}", FONT_PX / cam.viewport.get().px_per_km);
    // The white halo behind names, 3 px wide at any zoom.
    let halo = move || format!("{:.4}", 3.0 / cam.viewport.get().px_per_km);
    view! {
        <g data-layer="labels" class="layer layer-labels" font-size=font stroke-width=halo aria-hidden="true"
            display=move || (!ctx.layers.with(|l| l.shows(LayerId::Labels))).then_some("none")>
            {move || {
                let px_per_km = cam.viewport.get().px_per_km;
                placed.get().into_iter().map(|l| {
                    let c = &l.candidate;
                    let x = c.anchor.x + c.offset_px.x / px_per_km;
                    // Baseline a third of an em below the centre.
                    let y = c.anchor.y + (c.offset_px.y + FONT_PX * 0.35) / px_per_km;
                    view! { <text class=l.class x=format!("{x:.2}") y=format!("{y:.2}") text-anchor="middle">{l.text}</text> }
                }).collect_view()
            }}
        </g>
    }
}
