//! The five guiding principles of the key tasks.

use super::markup::Writer;
use crate::components::html::Html;
use crate::i18n::ui;

/// The principles panel's heading.
pub fn title(w: &Writer) -> &'static str {
    ui::PRINCIPLES_HEADING.get(w.lang)
}

/// The principles panel.
pub fn write(h: &mut Html, w: &Writer) {
    let data = &w.plan.data;
    h.el("p", "panel-intro", w.t(&data.principles_intro));
    w.list(h, &data.principles, "chips guiding-principles", "chip");
}
