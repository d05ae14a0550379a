//! The header and the panels beside the map: the plan's figures, its "1351" layout,
//! phased goals, guiding principles, nine key tasks and safeguards. Every string comes
//! from the plan data or `i18n::ui`; selectable items select on the map and show the
//! map's selection.

// The writers of the side column's parts (`source`), which the release build leaves out.
#[cfg(not(metro_baked_side))]
mod circles;
#[cfg(not(metro_baked_side))]
mod figures;
pub(crate) mod format;
#[cfg(not(metro_baked_side))]
mod goals;
mod header;
#[cfg(not(metro_baked_side))]
mod layout;
mod markup;
#[cfg(not(metro_baked_side))]
mod overview;
#[cfg(not(metro_baked_side))]
mod principles;
#[cfg(not(metro_baked_side))]
mod safeguards;
pub mod source;
pub(crate) mod tasks;

pub use header::{facts, header};

use crate::components::{dom, Ctx};
use crate::i18n::ui;
use crate::ids::Focus;
use leptos::prelude::*;
use web_sys::Element;

/// The panels beside the map (below it on narrow screens), in the plan's order.
pub fn panels(ctx: Ctx) -> Option<Element> {
    let el = dom::el(
        "div",
        &[
            ("class", "panels"),
            ("id", "panels"),
            ("tabindex", "-1"),
            ("role", "region"),
        ],
    )?;
    dom::bind(&el, "aria-label", move || {
        Some(ui::PANELS.get(ctx.page_lang.get()).into())
    });
    // The parts after the key facts.
    for id in &source::PARTS[1..] {
        dom::append(&el, &[&markup::panel(ctx, id)?])?;
    }
    Some(el)
}

/// After a selection on the map: scrolls the panel item for `focus` (if it has one) into
/// view in the side column, below whatever is docked at its top, so that the text about
/// the selection is read beside the map. Only where the side column is beside the map:
/// on phones the panels are below it, and scrolling to them would hide the map.
pub fn show_item(focus: &Focus) {
    let selector = format!(".panels [data-item=\"{focus}\"]");
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document() else { return };
        let rect = |sel: &str| {
            doc.query_selector(&super::prerender::live(sel))
                .ok()
                .flatten()
                .map(|e| e.get_bounding_client_rect())
        };
        let (Some(item), Some(side), Some(map)) =
            (rect(&selector), rect(".side"), rect(".map-section"))
        else {
            return;
        };
        if side.left() < map.right() - 1.0 {
            return;
        }
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // The part of the side column not under its docked card.
        let top = rect(".dock").map_or(0.0, |d| d.bottom().max(0.0));
        if item.top() >= top && item.bottom() <= height {
            return;
        }
        let middle = top + (height - top) / 2.0;
        let by = item.top() + item.height() / 2.0 - middle;
        let y = window.scroll_y().unwrap_or(0.0) + by;
        scroll_page_to(y);
    });
}

/// Where the map is not beside the text (phones: the map is above the panels), brings it
/// back on screen after a selection made in the text or by the tour, so that the reader
/// sees the map move to it. On wide screens the map stays in view and nothing scrolls.
pub fn keep_map_in_view() {
    request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let map = window.document().and_then(|d| {
            d.query_selector(&super::prerender::live(".map-section"))
                .ok()
                .flatten()
        });
        let Some(map) = map else { return };
        let r = map.get_bounding_client_rect();
        if r.top() < -1.0 {
            // At once: the map measures what a bottom sheet (details, the tour's caption)
            // covers of it in the next frame, and must find it where it stays.
            let y = window.scroll_y().unwrap_or(0.0) + r.top();
            window.scroll_to_with_x_and_y(0.0, y.max(0.0));
        }
    });
}

/// Scrolls the page to `y` px: smoothly, unless the reader asked for reduced motion.
pub fn scroll_page_to(y: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = web_sys::ScrollToOptions::new();
    options.set_top(y.max(0.0));
    options.set_behavior(if crate::components::map::reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    window.scroll_to_with_scroll_to_options(&options);
}
