//! Above the map: the map/table switch (`table=1`), the layer list's button (its list
//! opens over the map's top-left corner; folded, the button covers nothing of the map)
//! and the downloads.

use crate::components::dom;
use crate::components::stash::Derived;
use crate::i18n::ui;
use web_sys::Element;

/// The switch between the map and the table view, the layer list and the downloads.
pub fn view_bar(cam: super::MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    let table = Derived::new(move |_| ctx.state.with(|s| s.table));
    let bar = dom::el("div", &[("class", "view-bar")])?;
    dom::bind_lang(&bar, ctx);
    let switch = dom::el("div", &[("class", "view-switch"), ("role", "group")])?;
    dom::bind_phrase(&switch, "aria-label", ctx, ui::SHOW_AS);
    for (as_table, id, words) in [(false, "map", ui::AS_MAP), (true, "table", ui::AS_TABLE)] {
        let button = dom::el("button", &[("type", "button"), ("data-view-switch", id)])?;
        dom::bind(&button, "aria-pressed", move || {
            Some(
                (if table.get() == as_table {
                    "true"
                } else {
                    "false"
                })
                .into(),
            )
        });
        dom::bind_phrase_text(&button, ctx, words);
        dom::on(&button, "click", move |_| {
            if ctx.state.with_untracked(|s| s.table) != as_table {
                ctx.state.update(|s| s.table = as_table);
            }
        });
        dom::append(&switch, &[&button])?;
    }
    dom::append(
        &bar,
        &[
            &switch,
            &super::layer_panel::layer_panel(cam)?,
            &super::downloads::downloads(cam)?,
        ],
    )?;
    Some(bar)
}
