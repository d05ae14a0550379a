//! The map layers, each a `<g data-layer="ID">` of marks from the scene.

use super::MapCamera;
use crate::components::{use_ctx, Ctx};
use crate::geo::decimal::{fixed, push_fixed};
use crate::ids::Focus;
use crate::ids::LayerId;
use crate::plan::{Level, UnitRole};
use crate::scene::UnitMark;
use leptos::prelude::*;

/// `display="none"` while a layer is off (a presentation attribute: no inline style).
fn display(ctx: Ctx, id: LayerId) -> impl Fn() -> Option<&'static str> + Copy {
    move || (!ctx.layers.with(|l| l.shows(id))).then_some("none")
}

/// True (reactively) while `focus` is the highlighted feature.
fn lit(ctx: Ctx, focus: Focus) -> impl Fn() -> bool {
    move || ctx.highlight.with(|h| h.as_ref() == Some(&focus))
}

/// A transform that draws a symbol of fixed screen size at a map point.
pub(super) fn symbol_at(cam: MapCamera, at: crate::geo::Point) -> impl Fn() -> String {
    move || {
        let s = 1.0 / cam.px_per_km.get();
        let mut t = String::from("translate(");
        push_fixed(&mut t, at.x, 3);
        t.push(' ');
        push_fixed(&mut t, at.y, 3);
        t.push_str(") scale(");
        push_fixed(&mut t, s, 5);
        t.push(')');
        t
    }
}

/// Fill patterns for the partial (hatched) and sphere (dotted) units, sized in pixels.
#[component]
pub fn Patterns() -> impl IntoView {
    let cam = expect_context::<MapCamera>();
    let px = move |n: f64| move || fixed(n / cam.px_per_km.get(), 4);
    view! {
        <defs>
            <pattern id="hatch" patternUnits="userSpaceOnUse" width=px(7.0) height=px(7.0) patternTransform="rotate(45)">
                <rect class="hatch-bg" x="0" y="0" width=px(7.0) height=px(7.0) />
                <rect class="hatch-line" x="0" y="0" width=px(2.5) height=px(7.0) />
            </pattern>
            <pattern id="dots" patternUnits="userSpaceOnUse" width=px(8.0) height=px(8.0)>
                <rect class="dots-bg" x="0" y="0" width=px(8.0) height=px(8.0) />
                <circle class="dots-dot" cx=px(4.0) cy=px(4.0) r=px(1.4) />
            </pattern>
        </defs>
    }
}

/// Surrounding provinces, prefectures and counties, muted, not interactive.
#[component]
pub fn Context() -> impl IntoView {
    let ctx = use_ctx();
    let scene = ctx.scene;
    let of_level = move |level: Level, class: &'static str| {
        scene
            .region
            .iter()
            .filter(move |m| m.level == level)
            .map(move |m| view! { <path class=class d=m.d.clone() data-context=m.adcode.to_string() /> })
            .collect_view()
    };
    view! {
        <g data-layer="context" class="layer layer-context" display=display(ctx, LayerId::Context)>
            {of_level(Level::Province, "ctx-province")}
            {of_level(Level::City, "ctx-city")}
            {scene
                .counties
                .iter()
                .map(|m| view! { <path class="ctx-county" d=m.d.clone() data-context=m.adcode.to_string() /> })
                .collect_view()}
        </g>
    }
}

/// One unit of the plan: `data-adcode`, its role, selectable.
fn unit_path(ctx: Ctx, mark: &'static UnitMark, role: UnitRole) -> impl IntoView {
    let focus = Focus::Unit(mark.adcode.clone());
    let roles = mark
        .roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <path
            class=format!("unit unit-{}", role.as_str())
            class:is-lit=lit(ctx, focus.clone())
            d=mark.d.clone()
            data-adcode=mark.adcode.to_string()
            data-role=roles
            data-focus=focus.to_string()
        />
    }
}

/// The designated area: whole units solid, the two partial units hatched.
#[component]
pub fn Area() -> impl IntoView {
    let ctx = use_ctx();
    let units = &ctx.scene.units;
    view! {
        <g data-layer="area" class="layer layer-area" display=display(ctx, LayerId::Area)>
            {units.iter().filter(|u| u.has(UnitRole::Whole)).map(|u| unit_path(ctx, u, UnitRole::Whole)).collect_view()}
            {units.iter().filter(|u| u.has(UnitRole::Partial)).map(|u| unit_path(ctx, u, UnitRole::Partial)).collect_view()}
        </g>
    }
}

/// The sphere of influence: dotted fill and dashed outline.
#[component]
pub fn Sphere() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <g data-layer="sphere" class="layer layer-sphere" display=display(ctx, LayerId::Sphere)>
            {ctx.scene.units.iter().filter(|u| u.has(UnitRole::Sphere)).map(|u| unit_path(ctx, u, UnitRole::Sphere)).collect_view()}
        </g>
    }
}

/// The three clusters as schematic bands.
#[component]
pub fn Clusters() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <g data-layer="clusters" class="layer layer-clusters" display=display(ctx, LayerId::Clusters)>
            {ctx.scene.clusters.iter().map(|(id, mark)| {
                let focus = Focus::Cluster(*id);
                view! {
                    <path class=format!("cluster cluster-{id}") class:is-lit=lit(ctx, focus.clone())
                        d=mark.d.clone() data-cluster=id.as_str() data-focus=focus.to_string() />
                }
            }).collect_view()}
        </g>
    }
}

/// The five belts as routes through their cities, each with its colour and dashes.
#[component]
pub fn Belts() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <g data-layer="belts" class="layer layer-belts" display=display(ctx, LayerId::Belts)>
            {ctx.scene.belts.iter().map(|(id, mark)| {
                let id = *id;
                let focus = Focus::Belt(id);
                let hidden = move || (!ctx.layers.with(|l| l.shows_belt(id))).then_some("none");
                view! {
                    <g class=format!("belt belt-{id}") class:is-lit=lit(ctx, focus.clone())
                        data-belt=id.as_str() data-focus=focus.to_string() display=hidden>
                        <path class="hit" d=mark.d.clone() />
                        <path class="belt-casing" d=mark.d.clone() />
                        <path class="belt-line" d=mark.d.clone() />
                    </g>
                }
            }).collect_view()}
        </g>
    }
}

/// The Harbin–Changchun–Shenyang–Dalian corridor.
#[component]
pub fn Corridor() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.scene.corridor.d.clone();
    view! {
        <g data-layer="corridor" class="layer layer-corridor" display=display(ctx, LayerId::Corridor)>
            <g class="corridor" class:is-lit=lit(ctx, Focus::Corridor) data-feature="corridor" data-focus=Focus::Corridor.to_string()>
                <path class="hit" d=d.clone() />
                <path class="corridor-casing" d=d.clone() />
                <path class="corridor-line" d=d />
            </g>
        </g>
    }
}

/// Five-pointed star of radius 1 (scaled to pixels by the symbol transform).
const STAR: &str = "M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z";

/// The central city: a star on Changchun.
#[component]
pub fn Center() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    let at = ctx.scene.center.unwrap_or_default();
    view! {
        <g data-layer="center" class="layer layer-center" display=display(ctx, LayerId::Center)>
            <g class="center" class:is-lit=lit(ctx, Focus::Center) data-feature="center" data-focus=Focus::Center.to_string() transform=symbol_at(cam, at)>
                <circle class="center-halo" r="22" />
                <path class="center-star" d=STAR transform="scale(13)" />
            </g>
        </g>
    }
}

/// City points (not a layer of their own: they follow the layers that name them).
#[component]
pub fn Cities() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    view! {
        <g class="cities">
            {ctx.scene.cities.iter().map(|c| {
                let (id, member) = (c.id, c.member);
                let focus = Focus::City(id);
                let hidden = move || (!ctx.layers.with(|l| l.shows_city(c))).then_some("none");
                view! {
                    <g class="city" class:member=member class:is-lit=lit(ctx, focus.clone())
                        data-city=id.as_str() data-focus=focus.to_string()
                        transform=symbol_at(cam, c.at) display=hidden>
                        <circle class="city-hit" r="10" />
                        <circle class="city-dot" r=if member { "5" } else { "4" } />
                    </g>
                }
            }).collect_view()}
        </g>
    }
}
