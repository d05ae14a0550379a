//! The area in one paragraph: its name and the cities that compose it.

use super::markup::Writer;
use crate::components::html::Html;

/// The overview's heading: the area's name.
pub fn title(w: &Writer) -> &'static str {
    w.t(&w.plan.data.area_name)
}

/// The overview at the top of the panels.
pub fn write(h: &mut Html, w: &Writer) {
    h.el("p", "panel-intro", w.t(&w.plan.data.composition));
}
