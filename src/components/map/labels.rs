//! Names on the map in the current language, placed so that none overlap at any zoom.

use super::{Cache, MapCamera};
use crate::components::dom;
use crate::components::effect::Effect;
use crate::components::html::Html;
use crate::components::stash::{Derived, Stash};
use crate::geo::decimal::{fixed, push_fixed};
use crate::geo::math;
use crate::ids::LayerId;
use crate::scene::labels::{self, LabelOf, MapLabel, FONT_PX};
use leptos::prelude::*;
use web_sys::Element;

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
pub fn labels(cam: MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    let plan = ctx.plan;
    let scene = ctx.scene;
    let candidates = Derived::new(move |_| {
        let lang = ctx.lang.get();
        ctx.layers
            .with(|layers| labels::candidates(plan, scene, layers, lang))
    });
    // Re-place labels only when the scale changes by a quarter octave or more.
    let scale = Derived::new(move |_| {
        let s = cam.px_per_km.get();
        math::pow(2.0, (math::log2(s) * 4.0).round() / 4.0)
    });
    // Placed once the map is measured (in the first frame, before it is painted): placed
    // for the guessed size first, they were placed, written and laid out twice at start-up.
    let placed = Derived::new(move |_| {
        if !cam.measured.get() {
            return Vec::new();
        }
        let px_per_km = scale.get();
        candidates.with(|cands| labels::place(cands, px_per_km))
    });
    let px_per_km = cam.px_per_km;
    // A name the map's edge would cut is hidden (`visibility`): after each rebuild of the
    // texts and each view change, a box test per label flips the few that cross the edge
    // (no rebuild, no layout read). The test uses each name's width as set in
    // the reader's font, measured once per class and text (the placement's estimate can
    // be short). A name shown for the first time is tested on the estimate and measured
    // in the next frame, before it is painted (the layout read there is the one the frame
    // does anyway): measured at once, it forced the first layout of the whole page inside
    // the start-up task (≈ 120 ms of it at 4× CPU, issue 12).
    let group = dom::Slot::new();
    let shown = Stash::new(Vec::<MapLabel<'static>>::new());
    let widths = Stash::new(Cache::<(&'static str, &'static str), f64>::default());
    let width_of = move |l: &MapLabel<'static>| {
        widths
            .with_value(|w| w.get(&(class(&l.of), l.text)).copied())
            .unwrap_or(l.candidate.width_em)
    };
    let rendered = Trigger::new();
    let measure_new = move || {
        let Some(g) = group.get_untracked() else {
            return;
        };
        let vp = cam.viewport.get_untracked();
        // Screen px per px of the camera's container: 1 once the map is measured (the
        // SVG scales its viewBox to fit until then).
        let mut screen = None;
        let mut measured = false;
        shown.with_value(|shown| {
            let mut text = g.first_element_child();
            for l in shown {
                let Some(t) = text else { break };
                let key = (class(&l.of), l.text);
                if widths.with_value(|w| !w.contains_key(&key)) {
                    let s = *screen.get_or_insert_with(|| {
                        g.closest("svg").ok().flatten().map_or(0.0, |svg| {
                            let r = svg.get_bounding_client_rect();
                            (r.width() / vp.width).min(r.height() / vp.height)
                        })
                    });
                    let width = t.get_bounding_client_rect().width() / (FONT_PX * s);
                    if width.is_finite() && width > 0.0 {
                        widths.update_value(|w| {
                            w.insert(key, width);
                        });
                        measured = true;
                    }
                }
                text = t.next_element_sibling();
            }
        });
        // Only when something new was measured (a hidden layer measures nothing, and
        // must not loop).
        if measured {
            rendered.notify();
        }
    };
    let pending = Stash::new(false);
    Effect::new(move |_| {
        rendered.track();
        let vp = cam.viewport.get();
        let Some(g) = group.get() else { return };
        let visible = vp.visible();
        let mut unmeasured = false;
        shown.with_value(|shown| {
            let mut text = g.first_element_child();
            for l in shown {
                let Some(t) = text else { break };
                unmeasured |= widths.with_value(|w| !w.contains_key(&(class(&l.of), l.text)));
                let fits = labels::inside_view(l, width_of(l), &visible, vp.px_per_km);
                match (fits, t.has_attribute("visibility")) {
                    (true, true) => {
                        t.remove_attribute("visibility").ok();
                    }
                    (false, false) => {
                        t.set_attribute("visibility", "hidden").ok();
                    }
                    _ => {}
                }
                text = t.next_element_sibling();
            }
        });
        if unmeasured && !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                // Not set: the map was taken out of the page before this frame (the wasm
                // tests mount and drop many); its values are gone, nothing to measure.
                if pending.try_set_value(false).is_some() {
                    return;
                }
                measure_new();
            });
        }
    });
    // The texts as written, one markup string per `<text>` in the group's order. A new
    // placement (a layer switched, a quarter octave of zoom, the language) removes the
    // names no longer placed and inserts the new ones, leaving the others as they are: not
    // parsed, styled or laid out again (issue 12: a layer toggle wrote every name again,
    // ≈ 1.2 ms of parsing and most of the 3 ms of style and 5 ms of layout of the
    // toggle's frame at 4× CPU).
    let written = Stash::new(Vec::<String>::new());
    let spare = Stash::new(Vec::new());
    Effect::new(move |_| {
        let placed = placed.get();
        let Some(g) = group.get() else { return };
        let next: Vec<String> = placed.iter().map(write).collect();
        written.update_value(|old| {
            spare.update_value(|spare| update(&g, old, &next, spare));
            *old = next;
        });
        shown.set_value(placed);
        // Check the texts against the edge now that they are in the page (the effect
        // above is the only writer of their `visibility`).
        rendered.notify();
    });
    let font = move || fixed(FONT_PX / px_per_km.get(), 4);
    // The white halo behind names, 3 px wide at any zoom.
    let halo = move || fixed(3.0 / px_per_km.get(), 4);
    // Each name sits at its anchor (map units), moved by its offset in em (`dx`, `dy`):
    // with the font size following the zoom, an em is FONT_PX screen px at any scale. So
    // neither panning nor zooming touches the texts; they change only when the placement
    // does (a quarter octave of zoom, layers, language).
    let g = dom::svg(
        "g",
        &[
            ("data-layer", "labels"),
            ("class", "layer layer-labels"),
            ("aria-hidden", "true"),
        ],
    )?;
    dom::bind_lang(&g, ctx);
    dom::bind(&g, "font-size", move || Some(font().into()));
    dom::bind(&g, "stroke-width", move || Some(halo().into()));
    dom::bind(&g, "display", move || {
        (!ctx.layers.with(|l| l.shows(LayerId::Labels))).then_some("none".into())
    });
    group.load(&g);
    Some(g)
}

/// How many removed `<text>`s [`update`] keeps for reuse.
const SPARE: usize = 32;

/// Brings the group's `<text>`s, written from `old` (their markup, in order), to `next`:
/// those not in `next` are removed and the new ones inserted where they go; the others
/// stay. When the ones kept are not in the same order in both, all are written again.
/// The `<text>`s removed are kept in `spare` with their markup, and a name placed again
/// as it was is put back rather than parsed (issue 12: toggling a layer off and on again
/// removes and inserts the same names, and parsing them took ≈ 1.3 ms of the toggle at
/// 4× CPU).
fn update(
    g: &web_sys::Element,
    old: &[String],
    next: &[String],
    spare: &mut Vec<(String, web_sys::Element)>,
) {
    let kept = old.iter().filter(|m| next.contains(m));
    let kept_next = next.iter().filter(|m| old.contains(m));
    if old.is_empty() || !kept.clone().eq(kept_next) || kept.count() == 0 {
        g.set_inner_html(&crate::i18n::join(next, ""));
        return;
    }
    let mut child = g.first_element_child();
    for m in old {
        let Some(el) = child else { break };
        child = el.next_element_sibling();
        if !next.contains(m) {
            el.remove();
            if spare.len() >= SPARE {
                spare.clear();
            }
            spare.push((m.clone(), el));
        }
    }
    // Now only the kept ones, in `next`'s order: each run of new names goes before the
    // kept name that follows it, the last run at the end.
    let mut child = g.first_element_child();
    let mut run = String::new();
    let flush = |run: &mut String, before: Option<&web_sys::Element>| {
        if !run.is_empty() {
            match before {
                Some(el) => el.insert_adjacent_html("beforebegin", run),
                None => g.insert_adjacent_html("beforeend", run),
            }
            .ok();
            run.clear();
        }
    };
    for m in next {
        if !old.contains(m) {
            match spare.iter().position(|(s, _)| s == m) {
                Some(i) => {
                    let (_, el) = spare.swap_remove(i);
                    flush(&mut run, child.as_ref());
                    g.insert_before(&el, child.as_ref().map(|c| c.as_ref()))
                        .ok();
                }
                None => run.push_str(m),
            }
        } else if let Some(el) = child {
            flush(&mut run, Some(&el));
            child = el.next_element_sibling();
        }
    }
    flush(&mut run, None);
}

/// A label's markup: its `<text>`.
fn write(l: &MapLabel<'static>) -> String {
    let mut h = Html::new();
    let c = &l.candidate;
    h.raw("<text class=\"").raw(class(&l.of)).raw("\" x=\"");
    push_fixed(&mut h.0, c.anchor.x, 2);
    h.raw("\" y=\"");
    push_fixed(&mut h.0, c.anchor.y, 2);
    // Baseline a third of an em below the centre; lengths in em to a thousandth (0.012 px
    // at the label size).
    h.raw("\" dx=\"");
    push_fixed(&mut h.0, c.offset_px.x / FONT_PX, 3);
    h.raw("em\" dy=\"");
    push_fixed(&mut h.0, c.offset_px.y / FONT_PX + 0.35, 3);
    h.raw("em\" text-anchor=\"middle\">")
        .text(l.text)
        .raw("</text>");
    h.0
}
