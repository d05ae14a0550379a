//! The safeguard mechanisms.

use super::markup::Writer;
use crate::components::html::Html;
use crate::i18n::ui;

/// The safeguards panel's heading.
pub fn title(w: &Writer) -> &'static str {
    ui::SAFEGUARDS_HEADING.get(w.lang)
}

/// The safeguards panel.
pub fn write(h: &mut Html, w: &Writer) {
    let safeguards = &w.plan.data.safeguards;
    h.el("p", "panel-intro", w.t(&safeguards.summary));
    w.list(h, &safeguards.mechanisms, "mechanisms", "mechanism");
    h.el("p", "panel-outro", w.t(&safeguards.aim));
}
