//! The hover tooltip: name in both languages, city and role. Drawn at the pointer, then
//! (its size known) moved beside it where it hides least: inside the map, never on the
//! pointer, clear of the panels over the map, the selection and the hovered feature as
//! far as the map has room ([`crate::scene::tooltip::place`]).

use super::details::role_phrases;
use super::MapCamera;
use crate::components::ctx::Hover;
use crate::components::use_ctx;
use crate::geo::{Point, Rect};
use crate::i18n::ui;
use crate::ids::Focus;
use crate::scene::tooltip::{place, Avoid, GAP_PX};
use leptos::html;
use leptos::prelude::*;

/// Room kept around the selection and the hovered feature (a point, a thin line), px.
const FEATURE_PAD_PX: f64 = 6.0;

/// Shows what the pointer is over.
#[component]
pub fn Tooltip() -> impl IntoView {
    let ctx = use_ctx();
    let cam = expect_context::<MapCamera>();
    let plan = ctx.plan;
    let node = NodeRef::<html::Div>::new();
    // Runs once the new box is drawn (before it is painted): measures it and moves it.
    Effect::new(move |_| {
        let (Some(hover), Some(el)) = (ctx.hover.get(), node.get()) else {
            return;
        };
        let at = position(cam, &el, &hover);
        let style = web_sys::HtmlElement::style(&el);
        style.set_property("left", &px(at.x)).ok();
        style.set_property("top", &px(at.y)).ok();
    });
    move || {
        let hover = ctx.hover.get()?;
        let lang = ctx.lang.get();
        let title = plan.title_of(&hover.target)?;
        let other = lang.other();
        let detail: Option<String> = match &hover.target {
            Focus::Unit(code) => plan.unit(code).map(|u| {
                let city = plan
                    .city(u.city)
                    .map(|c| c.name.get(lang))
                    .unwrap_or_default();
                let roles: Vec<&str> = role_phrases(u).iter().map(|p| p.get(lang)).collect();
                format!("{} {city} · {}", ui::IN_CITY.get(lang), roles.join(" · "))
            }),
            Focus::Belt(id) => plan
                .data
                .layout
                .belt(*id)
                .map(|b| b.industry.get(lang).to_owned()),
            Focus::Cluster(_) => Some(ui::SCHEMATIC.get(lang).to_owned()),
            _ => None,
        };
        Some(view! {
            <div class="tooltip" role="tooltip" node_ref=node
                style:left=px(hover.x + GAP_PX) style:top=px(hover.y + GAP_PX)>
                <strong>{title.get(lang).to_owned()}</strong>
                <span class="tooltip-other" lang=other.tag()>{title.get(other).to_owned()}</span>
                {detail.map(|d| view! { <span class="tooltip-detail">{d}</span> })}
            </div>
        })
    }
}

/// Where the drawn tooltip `el` should go for `hover`, px from the map's top-left.
fn position(cam: MapCamera, el: &web_sys::HtmlElement, hover: &Hover) -> Point {
    let size = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let vp = cam.viewport.get_untracked();
    let on_screen = |r: Rect| {
        let a = vp.to_screen(Point::new(r.min_x, r.min_y));
        let b = vp.to_screen(Point::new(r.max_x, r.max_y));
        Rect {
            min_x: a.x.min(b.x) - FEATURE_PAD_PX,
            min_y: a.y.min(b.y) - FEATURE_PAD_PX,
            max_x: a.x.max(b.x) + FEATURE_PAD_PX,
            max_y: a.y.max(b.y) + FEATURE_PAD_PX,
        }
    };
    let scene = cam.ctx.scene;
    let mut avoid: Vec<Avoid> = cam.overlay_boxes().into_iter().map(Avoid::panel).collect();
    let selection = cam
        .ctx
        .highlight
        .get_untracked()
        .filter(|s| *s != hover.target);
    if let Some(r) = selection.and_then(|s| scene.bounds_of(&s)) {
        avoid.push(Avoid::selection(on_screen(r)));
    }
    if let Some(r) = scene.bounds_of(&hover.target) {
        avoid.push(Avoid::hovered(on_screen(r)));
    }
    place(
        Point::new(hover.x, hover.y),
        size,
        cam.size.get_untracked(),
        &avoid,
    )
}

/// A CSS length in pixels, to 0.1 px.
fn px(v: f64) -> String {
    let mut s = crate::geo::decimal::fixed(v, 1);
    s.push_str("px");
    s
}
