//! The map layers, each a `<g data-layer="ID">` of marks from the scene.
//!
//! Written once as one SVG markup string set with `innerHTML` on a `<g>` (issue 12:
//! first-load size; see `components::html`): a `view!` per kind of mark is its own
//! nested type with its own build/mount/unmount code, and every reactive attribute its
//! own effect. The scene is fixed, so the marks never change; three effects update them
//! in place, found by their `data-*` hooks: the layer switches set `display`, the
//! highlight sets `is-lit`, and a zoom sets the symbols' transforms and the patterns'
//! sizes (attributes only, no markup written per frame).

use super::MapCamera;
use crate::components::dom;
use crate::components::effect::Effect;
use crate::components::html::{for_each_match, Html};
use crate::geo::decimal::{fixed, push_fixed};
use crate::geo::Point;
use crate::ids::{BeltId, CityId, Focus, LayerId};
use crate::plan::{Level, UnitRole};
use crate::scene::{Scene, UnitMark};
use web_sys::Element;

/// `display="none"` on `el` unless `shown` (a presentation attribute: no inline style).
fn show(el: &web_sys::Element, shown: bool) {
    if shown {
        el.remove_attribute("display").ok();
    } else {
        el.set_attribute("display", "none").ok();
    }
}

/// `translate(x y) scale(s)`: a symbol of fixed screen size at a map point.
pub(super) fn symbol_transform(at: Point, px_per_km: f64) -> String {
    let mut t = String::from("translate(");
    push_fixed(&mut t, at.x, 3);
    t.push(' ');
    push_fixed(&mut t, at.y, 3);
    t.push_str(") scale(");
    push_fixed(&mut t, 1.0 / px_per_km, 5);
    t.push(')');
    t
}

/// The map's marks: the layers from the context to the central city.
pub fn marks(cam: MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    let scene = ctx.scene;
    let g = dom::Slot::new();
    let city = move |el: &web_sys::Element| {
        let id = el.get_attribute("data-city")?.parse::<CityId>().ok()?;
        scene.cities.iter().find(|c| c.id == id)
    };
    // The layer switches. The marks never change, so the elements a layer change shows or
    // hides are found once, with what each is, and each change touches only those whose
    // visibility changes (issue 12: finding, reading and setting all ≈ 45 of them again
    // took ≈ 1 ms of a layer toggle's script at 4× CPU).
    Effect::new(
        move |found: Option<Vec<(web_sys::Element, Switched, bool)>>| {
            let Some(g) = g.get() else {
                return found.unwrap_or_default();
            };
            let mut marks = found
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| switched_marks(&g, scene));
            ctx.layers.with(|l| {
                for (el, what, was) in marks.iter_mut() {
                    let now = match what {
                        Switched::Layer(id) => l.shows(*id),
                        Switched::Belt(id) => l.shows_belt(*id),
                        Switched::City(i) => scene.cities.get(*i).is_some_and(|c| l.shows_city(c)),
                    };
                    if now != *was {
                        show(el, now);
                        *was = now;
                    }
                }
            });
            marks
        },
    );
    // The highlighted feature.
    Effect::new(move |_| {
        let Some(g) = g.get() else { return };
        ctx.highlight.with(|h| {
            for_each_match(&g, ".is-lit", |el| {
                el.class_list().remove_1("is-lit").ok();
            });
            if let Some(h) = h {
                for_each_match(&g, &format!("[data-focus=\"{h}\"]"), |el| {
                    el.class_list().add_1("is-lit").ok();
                });
            }
        });
    });
    // Symbols and pattern tiles of fixed screen size at any zoom.
    Effect::new(move |_| {
        let px_per_km = cam.px_per_km.get();
        let Some(g) = g.get() else { return };
        for_each_match(&g, "[data-city],[data-feature=\"center\"]", |el| {
            let at = match city(&el) {
                Some(c) => c.at,
                None => scene.center.unwrap_or_default(),
            };
            el.set_attribute("transform", &symbol_transform(at, px_per_km))
                .ok();
        });
        for (selector, name, px) in PATTERN_PX {
            let value = fixed(px / px_per_km, 4);
            for_each_match(&g, selector, |el| {
                el.set_attribute(name, &value).ok();
            });
        }
    });
    let el = dom::svg("g", &[("class", "marks")])?;
    el.set_inner_html(&write(scene));
    g.load(&el);
    Some(el)
}

/// What a mark shown or hidden by the layer switches belongs to.
#[derive(Clone, Copy)]
enum Switched {
    Layer(LayerId),
    Belt(BeltId),
    /// A city, by its index in the scene's cities.
    City(usize),
}

/// The marks the layer switches show or hide, each with what it belongs to and whether
/// it is shown now (as written: no `display` attribute).
fn switched_marks(g: &web_sys::Element, scene: &Scene) -> Vec<(web_sys::Element, Switched, bool)> {
    let mut marks = Vec::new();
    for_each_match(g, "[data-layer],[data-belt],[data-city]", |el| {
        let what = if let Some(id) = el.get_attribute("data-layer") {
            id.parse::<LayerId>().ok().map(Switched::Layer)
        } else if let Some(id) = el.get_attribute("data-belt") {
            id.parse::<BeltId>().ok().map(Switched::Belt)
        } else {
            el.get_attribute("data-city")
                .and_then(|v| v.parse::<CityId>().ok())
                .and_then(|id| scene.cities.iter().position(|c| c.id == id))
                .map(Switched::City)
        };
        if let Some(what) = what {
            let shown = !el.has_attribute("display");
            marks.push((el, what, shown));
        }
    });
    marks
}

/// The fill patterns' sizes in screen pixels: (elements, attribute, px).
const PATTERN_PX: [(&str, &str, f64); 8] = [
    ("#hatch,.hatch-bg", "width", 7.0),
    ("#hatch,.hatch-bg,.hatch-line", "height", 7.0),
    (".hatch-line", "width", 2.5),
    ("#dots,.dots-bg", "width", 8.0),
    ("#dots,.dots-bg", "height", 8.0),
    (".dots-dot", "cx", 4.0),
    (".dots-dot", "cy", 4.0),
    (".dots-dot", "r", 1.4),
];

/// `<path class="{class}{kind}" d="d"` (left open for more attributes). Path data is
/// ours: numbers and commands only, nothing to escape.
fn path(h: &mut Html, class: &str, kind: &str, d: &str) {
    h.raw("<path class=\"")
        .raw(class)
        .raw(kind)
        .raw("\" d=\"")
        .raw(d)
        .raw("\"");
}

/// `<g data-layer="id" class="layer layer-id">`.
fn layer(h: &mut Html, id: LayerId) {
    h.raw("<g data-layer=\"")
        .raw(id.as_str())
        .raw("\" class=\"layer layer-")
        .raw(id.as_str())
        .raw("\">");
}

/// ` data-focus="focus">`, closing a start tag.
fn focus(h: &mut Html, focus: &Focus) {
    h.attr("data-focus", &focus.to_string()).raw(">");
}

/// A route drawn three times: a wide invisible hit line, a casing and the line.
fn route(h: &mut Html, kind: &str, d: &str) {
    for (class, part) in [("hit", ""), (kind, "-casing"), (kind, "-line")] {
        path(h, class, part, d);
        h.raw("></path>");
    }
}

/// One unit of the plan: `data-adcode`, its role, selectable.
fn unit(h: &mut Html, mark: &UnitMark, role: UnitRole) {
    path(h, "unit unit-", role.as_str(), &mark.d);
    let roles = crate::i18n::join(mark.roles.iter().map(|r| r.as_str()), " ");
    h.attr("data-adcode", &mark.adcode.to_string())
        .attr("data-role", &roles);
    focus(h, &Focus::Unit(mark.adcode.clone()));
    h.raw("</path>");
}

/// Five-pointed star of radius 1 (scaled to pixels by the symbol transform).
const STAR: &str = "M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z";

/// The marks' markup: fill patterns, context, sphere, area, clusters, belts, corridor,
/// cities and the central city, bottom to top.
fn write(scene: &Scene) -> String {
    let mut h = Html(String::with_capacity(1 << 16));
    // Fill patterns for the partial (hatched) and sphere (dotted) units, sized in pixels
    // by the zoom effect (`PATTERN_PX`).
    h.raw(concat!(
        "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
        "<rect class=\"hatch-bg\" x=\"0\" y=\"0\"></rect><rect class=\"hatch-line\" x=\"0\" y=\"0\"></rect></pattern>",
        "<pattern id=\"dots\" patternUnits=\"userSpaceOnUse\">",
        "<rect class=\"dots-bg\" x=\"0\" y=\"0\"></rect><circle class=\"dots-dot\"></circle></pattern></defs>",
    ));
    // Surrounding provinces, prefectures and counties, muted, not interactive.
    layer(&mut h, LayerId::Context);
    let region = [(Level::Province, "ctx-province"), (Level::City, "ctx-city")];
    for (level, class) in region {
        for m in scene.region.iter().filter(|m| m.level == level) {
            path(&mut h, class, "", &m.d);
            h.attr("data-context", &m.adcode.to_string())
                .raw("></path>");
        }
    }
    for m in &scene.counties {
        path(&mut h, "ctx-county", "", &m.d);
        h.attr("data-context", &m.adcode.to_string())
            .raw("></path>");
    }
    h.raw("</g>");
    // The sphere of influence, then the designated area: whole units solid, the two
    // partial units hatched.
    layer(&mut h, LayerId::Sphere);
    for u in scene.units.iter().filter(|u| u.has(UnitRole::Sphere)) {
        unit(&mut h, u, UnitRole::Sphere);
    }
    h.raw("</g>");
    layer(&mut h, LayerId::Area);
    for role in [UnitRole::Whole, UnitRole::Partial] {
        for u in scene.units.iter().filter(|u| u.has(role)) {
            unit(&mut h, u, role);
        }
    }
    h.raw("</g>");
    // The three clusters as schematic bands.
    layer(&mut h, LayerId::Clusters);
    for (id, mark) in &scene.clusters {
        path(&mut h, "cluster cluster-", id.as_str(), &mark.d);
        h.attr("data-cluster", id.as_str());
        focus(&mut h, &Focus::Cluster(*id));
        h.raw("</path>");
    }
    h.raw("</g>");
    // The five belts as routes through their cities, each with its colour and dashes.
    layer(&mut h, LayerId::Belts);
    for (id, mark) in &scene.belts {
        h.raw("<g class=\"belt belt-")
            .raw(id.as_str())
            .raw("\"")
            .attr("data-belt", id.as_str());
        focus(&mut h, &Focus::Belt(*id));
        route(&mut h, "belt", &mark.d);
        h.raw("</g>");
    }
    h.raw("</g>");
    // The Harbin–Changchun–Shenyang–Dalian corridor.
    layer(&mut h, LayerId::Corridor);
    h.raw("<g class=\"corridor\" data-feature=\"corridor\"");
    focus(&mut h, &Focus::Corridor);
    route(&mut h, "corridor", &scene.corridor.d);
    h.raw("</g></g>");
    // City points (not a layer of their own: they follow the layers that name them).
    h.raw("<g class=\"cities\">");
    for c in &scene.cities {
        h.raw(if c.member {
            "<g class=\"city member\""
        } else {
            "<g class=\"city\""
        })
        .attr("data-city", c.id.as_str());
        focus(&mut h, &Focus::City(c.id));
        h.raw("<circle class=\"city-hit\" r=\"10\"></circle><circle class=\"city-dot\" r=\"")
            .raw(if c.member { "5" } else { "4" })
            .raw("\"></circle></g>");
    }
    h.raw("</g>");
    // The central city: a star on Changchun.
    layer(&mut h, LayerId::Center);
    h.raw("<g class=\"center\" data-feature=\"center\"");
    focus(&mut h, &Focus::Center);
    h.raw("<circle class=\"center-halo\" r=\"22\"></circle><path class=\"center-star\" d=\"")
        .raw(STAR)
        .raw("\" transform=\"scale(13)\"></path></g></g>");
    h.0
}
