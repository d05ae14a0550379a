//! The hover tooltip: name in both languages, city and role. Drawn at the pointer, then
//! (its size known) moved beside it where it hides least: inside the map, never on the
//! pointer, clear of the panels over the map, the selection and the hovered feature as
//! far as the map has room ([`crate::scene::tooltip::place`]). A unit, a route and a
//! cluster band are avoided by their shape, not their box (a diagonal belt's box is
//! mostly other places). Its content is one HTML string (`components::html`).

use super::details::role_phrases;
use super::{Cache, MapCamera};
use crate::components::ctx::Hover;
use crate::components::dom;
use crate::components::effect::Effect;
use crate::components::html::{attach_while, Html};
use crate::components::lazy::{hand_over, preload, preload_on_hover, split, ChunkError, Handover};
use crate::components::stash::Stash;
use crate::geo::projection::Albers;
use crate::geo::shape::project;
use crate::geo::{Point, Rect};
use crate::i18n::{join, ui, Lang};
use crate::ids::Focus;
use crate::plan::Plan;
use crate::scene::tooltip::{place, Avoid, Outline, GAP_PX};
use crate::scene::viewport::Viewport;
use leptos::prelude::Owner;
use web_sys::Element;

/// How many tooltip sizes are remembered (every feature in both languages fits).
const MAX_SIZES: usize = 512;
/// Room kept around the selection and the hovered feature (a point, a thin line), px.
const FEATURE_PAD_PX: f64 = 6.0;
/// How far either side of a route (a belt, the corridor) the tooltip keeps off, px.
const ROUTE_HALF_PX: f64 = 10.0;

/// What the tooltip remembers between hovers: the element's parent (it is taken out of the
/// page while there is nothing to show), what it shows and its measured size while it
/// stays in the page (a move within the same feature only moves it: no new HTML to parse,
/// no layout forced to measure it again), and the sizes of tooltips measured so far for
/// the map's width then (the tooltip's width is bounded by the map's): one shown again is
/// placed without measuring it again (issue 12: the measurement forced a layout, ≈ 4 ms at
/// 4× CPU, in every pointermove that reached another feature, and before the click of a
/// selection).
#[derive(Default)]
struct Tip {
    parent: Option<web_sys::Node>,
    shown: Option<(String, (f64, f64))>,
    sizes: (f64, Cache<String, (f64, f64)>),
}

impl Tip {
    /// Takes the tooltip out of the page: it shows nothing.
    fn hide(&mut self, el: &Element) {
        self.shown = None;
        attach_while(el, &mut self.parent, false);
    }
}

/// Shows what the pointer is over: one element, taken out of the page while there is
/// nothing to show and put back (last in the map's box `parent`, where it is drawn). It is
/// the `tooltip` chunk's (`components::lazy`: fetched when a mouse or a pen first reaches
/// the map, issue 12) from the first hover on (`tooltip_mount`, `lazy::Handover`): until
/// then, this follows only whether there is one.
pub fn tooltip(cam: MapCamera, parent: &Element) {
    let ctx = cam.ctx;
    preload_on_hover("#map", || {
        preload!(preload_tooltip);
    });
    let (Some(owner), handover) = (Owner::current(), Handover::new()) else {
        return;
    };
    let parent = parent.clone();
    Effect::new(move |_| {
        if handover.start(ctx.hover.with(Option::is_some)) {
            let (parent, owner) = (parent.clone(), owner.clone());
            hand_over!(
                handover,
                ctx.lang.get_untracked(),
                tooltip_mount,
                Box::new(MountJob { cam, parent, owner })
            );
        }
    });
}

/// What the tooltip chunk takes the tooltip over with: the map's camera, the box it goes
/// in and the owner of what it makes (the page's).
struct MountJob {
    cam: MapCamera,
    parent: Element,
    owner: Owner,
}

split! { tooltip / preload_tooltip,
/// Takes the tooltip over (see [`tooltip`]): a wasm chunk loaded on first use.
#[allow(clippy::boxed_local)]
fn tooltip_mount(job: Box<MountJob>) -> Result<(), ChunkError> {
    let MountJob { cam, parent, owner } = *job;
    owner.with(|| follow(cam, parent));
    Ok(())
}
}

/// The tooltip while it is the chunk's: an effect follows the hover and the language and
/// shows it ([`show`]) before the new box is painted.
fn follow(cam: MapCamera, parent: Element) -> Option<()> {
    let ctx = cam.ctx;
    let el = dom::el("div", &[("class", "tooltip"), ("role", "tooltip")])?;
    dom::bind_lang(&el, ctx);
    let tip = Stash::new(Tip {
        parent: Some(parent.into()),
        ..Tip::default()
    });
    Effect::new(move |_| match (ctx.hover.get(), ctx.lang.get()) {
        (Some(target), lang) => show(cam, &el, tip, target, lang),
        (None, _) => tip.update_value(|t| t.hide(&el)),
    });
    Some(())
}

/// Writes the tooltip for the hovered feature, puts it in the page, measures it (once per
/// content and map width) and places it.
fn show(cam: MapCamera, el: &Element, tip: Stash<Tip>, target: Focus, lang: Lang) {
    let ctx = cam.ctx;
    let Some((hover, html)) = ctx.hover_at.try_get_value().and_then(|(x, y)| {
        let html = content(ctx.plan, &target, lang)?;
        Some((Hover { target, x, y }, html))
    }) else {
        tip.update_value(|t| t.hide(el));
        return;
    };
    // Read before the tooltip is written, while the layout is still clean (read after
    // it, it forced one).
    let panels = cam.overlay_boxes();
    let known = tip.with_value(|t| t.shown.as_ref().filter(|(h, _)| *h == html).map(|s| s.1));
    if known.is_none() {
        el.set_inner_html(&html);
    }
    tip.update_value(|t| attach_while(el, &mut t.parent, true));
    let style = web_sys::HtmlElement::style(wasm_bindgen::JsCast::unchecked_ref(el));
    let place_at = |at: Point| {
        style.set_property("left", &px(at.x)).ok();
        style.set_property("top", &px(at.y)).ok();
    };
    let width = cam.size.get_untracked().0;
    let seen = || {
        tip.with_value(|t| {
            let (w, known) = &t.sizes;
            known.get(&html).copied().filter(|_| *w == width)
        })
    };
    let size = match known.or_else(seen) {
        Some(size) => size,
        None => {
            // Drawn beside the pointer first, where it is measured.
            place_at(Point::new(hover.x + GAP_PX, hover.y + GAP_PX));
            // Its box as laid out, to the fraction of a px (`offsetHeight` rounds, and
            // a box placed just clear of a panel by its rounded height could overlap it).
            let r = el.get_bounding_client_rect();
            let size = (r.width(), r.height());
            tip.update_value(|t| {
                let (w, known) = &mut t.sizes;
                if *w != width || known.len() >= MAX_SIZES {
                    *w = width;
                    known.clear();
                }
                known.insert(html.clone(), size);
            });
            size
        }
    };
    tip.update_value(|t| t.shown = Some((html, size)));
    place_at(position(cam, size, &hover, panels));
}

/// The tooltip's content for `target` in `lang`: its name in both languages, and its city
/// and role, a belt's industry or a cluster's note (`None` if it has no name).
fn content(plan: &Plan, target: &Focus, lang: Lang) -> Option<String> {
    let title = plan.title_of(target)?;
    let other = lang.other();
    let detail: Option<String> = match target {
        Focus::Unit(code) => plan.unit(code).map(|u| {
            let city = plan
                .city(u.city)
                .map(|c| c.name.get(lang))
                .unwrap_or_default();
            let roles = join(role_phrases(u).iter().map(|p| p.get(lang)), " · ");
            format!("{} {city} · {roles}", ui::IN_CITY.get(lang))
        }),
        Focus::Belt(id) => plan
            .data
            .layout
            .belt(*id)
            .map(|b| b.industry.get(lang).to_owned()),
        Focus::Cluster(_) => Some(ui::SCHEMATIC.get(lang).to_owned()),
        _ => None,
    };
    let mut h = Html::new();
    h.el("strong", "", title.get(lang))
        .raw("<span class=\"tooltip-other\"")
        .attr("lang", other.tag())
        .raw(">")
        .text(title.get(other))
        .raw("</span>");
    if let Some(d) = detail {
        h.el("span", "tooltip-detail", &d);
    }
    Some(h.0)
}

/// Where the tooltip of `size` (px) should go for `hover`, px from the map's top-left,
/// clear of the `panels` over the map.
fn position(cam: MapCamera, size: (f64, f64), hover: &Hover, panels: Vec<Rect>) -> Point {
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
    let mut avoid: Vec<Avoid> = panels.into_iter().map(Avoid::panel).collect();
    let selection = cam
        .ctx
        .highlight
        .get_untracked()
        .filter(|s| *s != hover.target);
    let shaped = |a: Avoid, focus: &Focus| match outline(cam, &vp, focus) {
        Some(o) => a.shaped(o),
        None => a,
    };
    if let Some(s) = selection {
        if let Some(r) = scene.bounds_of(&s) {
            avoid.push(shaped(Avoid::selection(on_screen(r)), &s));
        }
    }
    if let Some(r) = scene.bounds_of(&hover.target) {
        avoid.push(shaped(Avoid::hovered(on_screen(r)), &hover.target));
    }
    place(
        Point::new(hover.x, hover.y),
        size,
        cam.size.get_untracked(),
        &avoid,
    )
}

/// The shape of a feature on screen, px from the map's top-left, where its box is a poor
/// stand-in for it (`None`: points, whose padded box is their shape).
fn outline(cam: MapCamera, vp: &Viewport, focus: &Focus) -> Option<Outline> {
    let scene = cam.ctx.scene;
    let px = |pts: &[Point]| pts.iter().map(|p| vp.to_screen(*p)).collect::<Vec<_>>();
    let route = |pts: &[Point], half_width: f64| Outline::Line {
        points: px(pts),
        half_width,
    };
    match focus {
        Focus::Unit(code) => {
            let unit = cam.ctx.plan.unit(code)?;
            let shapes = project(&Albers::northeast_china(), &unit.boundary.geometry);
            Some(Outline::Rings(
                shapes
                    .iter()
                    .flat_map(|s| &s.rings)
                    .map(|r| px(r))
                    .collect(),
            ))
        }
        Focus::Belt(id) => scene.belt(*id).map(|r| route(&r.points, ROUTE_HALF_PX)),
        Focus::Corridor => Some(route(&scene.corridor.points, ROUTE_HALF_PX)),
        Focus::Cluster(id) => {
            // A band around its cities: its box is theirs grown by the band's half-width.
            let band = scene.cluster(*id)?;
            let outer = scene.bounds_of(focus)?;
            let inner = Rect::around(band.points.iter().copied());
            let radius_km = (outer.width() - inner.width()) / 2.0;
            Some(route(
                &band.points,
                radius_km * vp.px_per_km + FEATURE_PAD_PX,
            ))
        }
        _ => None,
    }
}

/// A CSS length in pixels, to 0.1 px.
fn px(v: f64) -> String {
    let mut s = crate::geo::decimal::fixed(v, 1);
    s.push_str("px");
    s
}
