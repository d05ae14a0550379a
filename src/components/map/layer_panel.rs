//! Switches for each layer and for each belt. The list is one HTML string (issue 12:
//! first-load size; see `components::html`) written once, its names replaced in place
//! when the language changes; one `change` listener on the list reads the switch's `data-toggle`, and an
//! effect sets the boxes' `checked` when the layers change (from a switch, a link, the
//! tour, a selection), so a switch keeps its focus.

use super::MapCamera;
use crate::components::dom;
use crate::components::effect::Effect;
use crate::components::html::{closest, for_each_match, on_lang_switch, set_text, Html};
use crate::i18n::{ui, Lang};
use crate::ids::{BeltId, LayerId, LayerItem};
use crate::plan::Plan;
use crate::scene::layers::Layers;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The layer switches.
pub fn layer_panel(cam: MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    let plan = ctx.plan;
    let list = dom::Slot::new();
    // Written once, with the layers as they are (read untracked: a toggle must not
    // rewrite the list), kept in step by the effect below; a language switch only
    // replaces the names (issue 12: parsing the list again took ≈ 3 ms of the switch at
    // 4× CPU, and its new elements had to be styled).
    let html = write(plan, &ctx.layers.get_untracked(), ctx.lang.get_untracked());
    on_lang_switch(ctx.lang, list, move |list, lang| {
        for_each_match(list, "[data-toggle]", |el| {
            if let Some(item) = el.get_attribute("data-toggle").and_then(|v| v.parse().ok()) {
                set_text(&el, "span:last-child", name(plan, item, lang));
            }
        });
    });
    // The boxes, found once (the list is written once): a toggle only compares each
    // box's state (issue 12: finding each box again took ≈ 0.5 ms of a toggle at 4× CPU).
    Effect::new(
        move |found: Option<Vec<(LayerItem, web_sys::HtmlInputElement)>>| {
            let Some(list) = list.get() else {
                return found.unwrap_or_default();
            };
            let boxes = found.filter(|b| !b.is_empty()).unwrap_or_else(|| {
                let mut found = Vec::new();
                for_each_match(&list, "[data-toggle]", |el| {
                    let item = el.get_attribute("data-toggle").and_then(|v| v.parse().ok());
                    let input = el
                        .query_selector("input")
                        .ok()
                        .flatten()
                        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let (Some(item), Some(input)) = (item, input) {
                        found.push((item, input));
                    }
                });
                found
            });
            ctx.layers.with(|l| {
                for (item, input) in &boxes {
                    let on = l.shows_item(*item);
                    if input.checked() != on {
                        input.set_checked(on);
                    }
                }
            });
            boxes
        },
    );
    let change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let item = closest(&ev, "[data-toggle]")
            .and_then(|el| el.get_attribute("data-toggle"))
            .and_then(|v| v.parse::<LayerItem>().ok());
        let on = input.checked();
        if let Some(item) = item {
            ctx.state.update(|s| s.layers.set_item(item, on));
        }
    };
    // Open where the map has room for it beside the area (the camera decides once
    // the map is measured, and again when a resize changes that room), folded to its
    // button elsewhere; in between, as the reader sets it. The button is in the bar
    // above the map; the open list lies over the map's top-left corner, and the fitted
    // views and the recentring keep clear of it (it marks itself as an overlay).
    let toggled = move |ev: web_sys::Event| {
        let open = closest(&ev, "details").is_some_and(|d| d.has_attribute("open"));
        if open != cam.layers_open.get_untracked() {
            cam.layers_open.set(open);
        }
        request_animation_frame(move || cam.measure_overlays());
    };
    let panel = dom::el("details", &[("class", "layer-panel")])?;
    dom::bind(&panel, "open", move || {
        cam.layers_open.get().then_some("".into())
    });
    dom::bind(&panel, "hidden", move || {
        ctx.state.with(|s| s.table).then_some("".into())
    });
    dom::on(&panel, "toggle", toggled);
    let summary = dom::el("summary", &[])?;
    dom::bind_phrase_text(&summary, ctx, ui::LAYERS);
    let list_el = dom::el("div", &[("class", "layer-list")])?;
    list_el.set_inner_html(&html);
    // An overlay only while open (a folded list may keep a box of its own).
    dom::bind(&list_el, "data-overlay", move || {
        cam.layers_open.get().then_some("".into())
    });
    dom::on(&list_el, "change", change);
    list.load(&list_el);
    dom::append(&panel, &[&summary, &list_el])?;
    Some(panel)
}

/// A switch: `<label class="class" data-toggle="item"><input type="checkbox">`, its
/// swatch and name after it.
fn switch(h: &mut Html, class: &str, item: LayerItem, on: bool) {
    h.raw("<label class=\"")
        .raw(class)
        .raw("\"")
        .attr("data-toggle", &item.to_string())
        .raw(if on {
            "><input type=\"checkbox\" checked>"
        } else {
            "><input type=\"checkbox\">"
        });
}

/// The name of a switch.
fn name(plan: &Plan, item: LayerItem, lang: Lang) -> &str {
    match item {
        LayerItem::Layer(id) => ui::layer_name(id).get(lang),
        LayerItem::Belt(b) => plan
            .data
            .layout
            .belt(b)
            .map(|b| b.industry.get(lang))
            .unwrap_or_default(),
    }
}

/// The list's content: a switch per layer, the belts' switches under the belts'.
fn write(plan: &Plan, layers: &Layers, lang: Lang) -> String {
    let mut h = Html::new();
    for &id in LayerId::ALL {
        let belts = id == LayerId::Belts;
        if belts {
            h.raw("<div class=\"switch-group\">");
        }
        switch(&mut h, "switch", LayerItem::Layer(id), layers.shows(id));
        h.raw("<span class=\"layer-swatch swatch-")
            .raw(id.as_str())
            .raw("\" aria-hidden=\"true\"></span>")
            .el("span", "", name(plan, LayerItem::Layer(id), lang))
            .raw("</label>");
        if belts {
            h.raw("<div class=\"belt-switches\">");
            for &b in BeltId::ALL {
                let on = layers.shows_belt(b);
                switch(&mut h, "switch switch-belt", LayerItem::Belt(b), on);
                h.raw("<svg class=\"belt-swatch\" viewBox=\"0 0 28 8\" aria-hidden=\"true\"><path class=\"belt-")
                    .raw(b.as_str())
                    .raw(" belt-line\" d=\"M1,4H27\"></path></svg>")
                    .el("span", "", name(plan, LayerItem::Belt(b), lang))
                    .raw("</label>");
            }
            h.raw("</div></div>");
        }
    }
    h.0
}
