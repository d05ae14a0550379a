//! Zoom buttons and the two extents: two small panels over the map (each marked as an
//! overlay, so that the fitted views keep clear of each): the zoom buttons in a column
//! at the right edge, the extents in a row along the bottom. Written as one HTML string
//! per language (`components::html`) with one click listener reading `data-action`.

use super::MapCamera;
use crate::components::dom;
use crate::components::html::{closest, Html};
use crate::i18n::{ui, Lang};
use web_sys::Element;

/// +, −, reset, and the metro and region views.
pub fn controls(cam: MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    let click = move |ev: web_sys::Event| {
        let Some(action) =
            closest(&ev, "[data-action]").and_then(|b| b.get_attribute("data-action"))
        else {
            return;
        };
        let fit = |rect| cam.fly_to(Some(cam.fit(rect)));
        match action.as_str() {
            "zoom-in" => cam.zoom_by(1.5),
            "zoom-out" => cam.zoom_by(1.0 / 1.5),
            "reset" => cam.fly_to(None),
            "metro" => fit(ctx.scene.metro),
            _ => fit(ctx.scene.region_extent),
        }
    };
    let el = dom::el("div", &[("class", "map-controls"), ("role", "group")])?;
    dom::bind_lang(&el, ctx);
    dom::bind_phrase(&el, "aria-label", ctx, ui::MAP);
    dom::bind_html(&el, move || write(ctx.lang.get()));
    dom::on(&el, "click", click);
    Some(el)
}

/// The buttons in a language.
fn write(lang: Lang) -> String {
    let mut h = Html::new();
    h.raw("<div class=\"map-zoom\" data-overlay>");
    for (action, label, sign) in [
        ("zoom-in", ui::ZOOM_IN, "+"),
        ("zoom-out", ui::ZOOM_OUT, "−"),
        ("reset", ui::RESET_VIEW, "⟲"),
    ] {
        let label = label.get(lang);
        h.raw("<button type=\"button\" class=\"ctl\"")
            .attr("data-action", action)
            .attr("aria-label", label)
            .attr("title", label)
            .raw(">")
            .raw(sign)
            .raw("</button>");
    }
    h.raw("</div><div class=\"map-extents\" data-overlay>");
    for (action, label) in [("metro", ui::METRO_VIEW), ("region", ui::REGION_VIEW)] {
        h.raw("<button type=\"button\" class=\"ctl ctl-text\"")
            .attr("data-action", action)
            .raw(">")
            .text(label.get(lang))
            .raw("</button>");
    }
    h.raw("</div>");
    h.0
}
