//! The table view (`table=1`): the map's content as sortable tables. The rows and their
//! order come from `state::table`; this only writes them out. The tables are written as
//! one HTML string per language (`components::html`: far less wasm than a view type per
//! cell), with one click listener for the sort buttons and the name buttons, and the
//! selection shown by toggling classes, so that only a sort rewrites a table.

use crate::components::effect::Effect;
use crate::components::html::{closest, mark_selected, Html};
use crate::components::lazy::{preload, preload_on_intent, spawn_on_demand, split, ChunkError};
use crate::components::stash::Stash;
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::ids::Focus;
use crate::plan::Plan;
use crate::state::table::{self, SortBy, Table};
use leptos::prelude::Owner;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// One sort per table (by id), kept across language switches.
type Sorts = Vec<(&'static str, SortBy)>;

/// What the table chunk writes: every table, or one table again after a sort button
/// was pressed (its id and the column).
struct TableJob {
    plan: &'static Plan,
    lang: Lang,
    focus: Option<Focus>,
    sorts: Sorts,
    pressed: Option<(String, usize)>,
}

/// The markup and the sorts after it.
struct TableOut {
    html: String,
    sorts: Sorts,
}

/// Writes the tables (the rows from `state::table`). For a pressed sort button, only that
/// table (`None` if there is no such table).
fn table_markup(job: TableJob) -> Option<TableOut> {
    let TableJob {
        plan,
        lang,
        focus,
        mut sorts,
        pressed,
    } = job;
    let sort_of = |sorts: &Sorts, id: &str| sorts.iter().find(|(t, _)| *t == id).map(|(_, s)| *s);
    let mut h = Html::new();
    let Some((id, column)) = pressed else {
        h.el("p", "table-hint", ui::TABLE_SORT_HINT.get(lang));
        for t in table::all(plan, lang) {
            h.raw("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"")
                .attr("aria-labelledby", &caption_id(t.id))
                .raw(">");
            write_table(&mut h, &t, sort_of(&sorts, t.id), lang, focus.as_ref());
            h.raw("</div>");
        }
        h.el("p", "attribution", ui::ATTRIBUTION.get(lang));
        return Some(TableOut { html: h.0, sorts });
    };
    let t = table::all(plan, lang).into_iter().find(|t| t.id == id)?;
    let sort = SortBy::pressed(sort_of(&sorts, t.id), column);
    sorts.retain(|(i, _)| *i != t.id);
    sorts.push((t.id, sort));
    write_table(&mut h, &t, Some(sort), lang, focus.as_ref());
    Some(TableOut { html: h.0, sorts })
}

/// Fetches the table chunk when the reader points at or focuses the table switch (call
/// once, at start).
pub fn preload_on_switch() {
    preload_on_intent("[data-view-switch=\"table\"]", || {
        preload!(preload_table);
    });
}

/// The table view's element, which the table chunk fills and keeps up to date
/// ([`table_mount`]) under the view's owner: every table in the current language.
pub fn table_view(ctx: Ctx) -> Option<Element> {
    let el = dom::el(
        "div",
        &[
            ("class", "table-view"),
            ("id", "table-view"),
            ("data-view", "table"),
        ],
    )?;
    dom::bind_lang(&el, ctx);
    let job = Box::new(MountJob {
        ctx,
        el: el.clone(),
        owner: Owner::current()?,
    });
    spawn_on_demand!(ctx.lang.get_untracked(), table_mount(job));
    Some(el)
}

/// The table view to fill: its element and the owner its effects and listener go with.
struct MountJob {
    ctx: Ctx,
    el: Element,
    owner: Owner,
}

split! { table / preload_table,
/// Fills the table view and keeps it up to date (its effects and its click listener, under
/// the view's owner, so that they end with it): a wasm chunk loaded when the view first
/// opens (`components::lazy`). Nothing if the view closed while the chunk loaded.
#[allow(clippy::boxed_local)]
fn table_mount(job: Box<MountJob>) -> Result<(), ChunkError> {
    let MountJob { ctx, el, owner } = *job;
    if el.is_connected() {
        owner.with(|| mount(ctx, &el));
    }
    Ok(())
}
}

/// What [`table_mount`] does: writes every table when the language changes, marks the
/// selection, and sorts a table or selects its row on a click.
fn mount(ctx: Ctx, el: &Element) {
    let sorts = Stash::new(Sorts::new());
    let job = move |lang: Lang, pressed: Option<(String, usize)>| TableJob {
        plan: ctx.plan,
        lang,
        focus: ctx.focus.get_untracked(),
        sorts: sorts.get_value(),
        pressed,
    };
    let root = el.clone();
    Effect::new(move |_| {
        if let Some(out) = table_markup(job(ctx.lang.get(), None)) {
            root.set_inner_html(&out.html);
            mark_selected(&root, &selected(ctx.focus.get_untracked().as_ref()));
        }
    });
    // The selection, however it was made, without rewriting anything.
    let root = el.clone();
    Effect::new(move |_| {
        let focus = ctx.focus.get();
        mark_selected(&root, &selected(focus.as_ref()));
    });
    let root = el.clone();
    let click = move |ev: web_sys::Event| {
        if let Some(button) = closest(&ev, ".table-select") {
            let focus = button
                .closest("tr")
                .ok()
                .flatten()
                .and_then(|tr| tr.get_attribute("data-focus"))
                .and_then(|f| f.parse::<Focus>().ok());
            if let Some(focus) = focus {
                ctx.toggle_select(focus);
            }
        } else if let Some(button) = closest(&ev, "[data-column]") {
            let column = button
                .get_attribute("data-column")
                .and_then(|c| c.parse::<usize>().ok());
            let Some(element) = button.closest("table").ok().flatten() else {
                return;
            };
            let (Some(column), Some(id)) = (column, element.get_attribute("data-table")) else {
                return;
            };
            let Some(out) = table_markup(job(ctx.lang.get_untracked(), Some((id.clone(), column))))
            else {
                return;
            };
            sorts.set_value(out.sorts);
            element.set_outer_html(&out.html);
            // The pressed button was replaced: keep the keyboard focus on its successor.
            let again = format!("[data-table=\"{id}\"] [data-column=\"{column}\"]");
            if let Some(b) = root
                .query_selector(&again)
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                b.focus().ok();
            }
        }
    };
    dom::on(el, "click", click);
}

fn caption_id(id: &str) -> String {
    format!("table-{id}-caption")
}

/// The selector of what shows `focus` as selected: its row and the row's name button.
fn selected(focus: Option<&Focus>) -> String {
    focus.map_or_else(String::new, |f| {
        format!("tr[data-focus=\"{f}\"],tr[data-focus=\"{f}\"] .table-select")
    })
}

/// One sortable table. Its column headings are buttons; the name cells select on the map.
fn write_table(h: &mut Html, t: &Table, sort: Option<SortBy>, lang: Lang, focus: Option<&Focus>) {
    h.raw("<table class=\"data-table\"")
        .attr("data-table", t.id)
        .raw("><caption")
        .attr("id", &caption_id(t.id))
        .raw(">")
        .text(t.caption.get(lang))
        .raw("</caption><thead><tr>");
    for (i, col) in t.columns.iter().enumerate() {
        let order = SortBy::aria_sort(sort, i);
        h.raw("<th scope=\"col\"");
        if col.numeric {
            h.raw(" class=\"numeric\"");
        }
        if order != "none" {
            h.attr("aria-sort", order);
        }
        h.raw("><button type=\"button\" class=\"sort\"")
            .attr("data-column", &i.to_string())
            .raw(">")
            .text(col.title.get(lang))
            .raw("<span class=\"sort-mark\" aria-hidden=\"true\">");
        let (mark, state) = match order {
            "ascending" => ("▲", Some(ui::SORTED_UP)),
            "descending" => ("▼", Some(ui::SORTED_DOWN)),
            _ => ("↕", None),
        };
        h.raw(mark).raw("</span>");
        if let Some(state) = state {
            h.raw("<span class=\"visually-hidden\"> (")
                .text(state.get(lang))
                .raw(")</span>");
        }
        h.raw("</button></th>");
    }
    h.raw("</tr></thead><tbody>");
    for row in t.sorted(sort) {
        let is = focus == Some(&row.focus);
        h.raw("<tr");
        if is {
            h.raw(" class=\"is-selected\"");
        }
        h.attr("data-focus", &row.focus.to_string()).raw(">");
        for (i, cell) in row.cells.iter().enumerate() {
            let select = i == t.select_column;
            let tag = if select { "th" } else { "td" };
            h.raw("<").raw(tag);
            if select {
                h.raw(" scope=\"row\"");
            } else if t.columns.get(i).is_some_and(|c| c.numeric) {
                h.raw(" class=\"numeric\"");
            }
            if let Some(l) = cell.lang {
                h.attr("lang", l.tag());
            }
            h.raw(">");
            if select {
                h.raw("<button type=\"button\" class=\"table-select\" aria-pressed=\"")
                    .raw(if is { "true" } else { "false" })
                    .raw("\">")
                    .text(&cell.text)
                    .raw("</button>");
            } else {
                h.text(&cell.text);
            }
            h.close(tag);
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
}
