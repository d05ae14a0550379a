//! The table view (`table=1`): the map's content as sortable tables. The rows and their
//! order come from `state::table`; this only renders them.

use crate::components::use_ctx;
use crate::i18n::ui;
use crate::state::table::{self, SortBy, Table};
use leptos::prelude::*;

/// Every table of the view, in the current language.
#[component]
pub fn TableView() -> impl IntoView {
    let ctx = use_ctx();
    // One sort per table, kept across language switches.
    let sorts: [RwSignal<Option<SortBy>>; 3] = std::array::from_fn(|_| RwSignal::new(None));
    view! {
        <div class="table-view" id="table-view" data-view="table">
            <p class="table-hint">{ctx.phrase(ui::TABLE_SORT_HINT)}</p>
            {move || {
                table::all(ctx.plan, ctx.lang.get())
                    .into_iter()
                    .zip(sorts)
                    .map(|(table, sort)| view! { <DataTable table sort /> })
                    .collect_view()
            }}
            <p class="attribution">{ctx.phrase(ui::ATTRIBUTION)}</p>
        </div>
    }
}

/// One sortable table. Its column headings are buttons; the name cells select on the map.
#[component]
fn DataTable(table: Table, sort: RwSignal<Option<SortBy>>) -> impl IntoView {
    let ctx = use_ctx();
    let caption_id = format!("table-{}-caption", table.id);
    let labelled_by = caption_id.clone();
    let table = StoredValue::new(table);
    let headings = table.with_value(|t| {
        t.columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let aria_sort = move || match SortBy::aria_sort(sort.get(), i) {
                    "none" => None,
                    s => Some(s),
                };
                let state = move || match SortBy::aria_sort(sort.get(), i) {
                    "ascending" => Some(ui::SORTED_UP.get(ctx.lang.get())),
                    "descending" => Some(ui::SORTED_DOWN.get(ctx.lang.get())),
                    _ => None,
                };
                let title = col.title;
                view! {
                    <th scope="col" class:numeric=col.numeric aria-sort=aria_sort>
                        <button type="button" class="sort" data-column=i.to_string()
                            on:click=move |_| sort.update(|s| *s = Some(SortBy::pressed(*s, i)))>
                            {title.get(ctx.lang.get_untracked())}
                            <span class="sort-mark" aria-hidden="true">
                                {move || match SortBy::aria_sort(sort.get(), i) {
                                    "ascending" => "▲",
                                    "descending" => "▼",
                                    _ => "↕",
                                }}
                            </span>
                            {move || state().map(|s| view! { <span class="visually-hidden">{format!(" ({s})")}</span> })}
                        </button>
                    </th>
                }
            })
            .collect_view()
    });
    let rows = move || {
        table.with_value(|t| {
            let select = t.select_column;
            let numeric: Vec<bool> = t.columns.iter().map(|c| c.numeric).collect();
            t.sorted(sort.get())
                .into_iter()
                .map(|row| {
                    let focus = row.focus.clone();
                    let selected = ctx.is_selected(focus.clone());
                    let cells = row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, cell)| {
                            let lang = cell.lang.map(|l| l.tag());
                            let text = cell.text.clone();
                            if i == select {
                                let focus = focus.clone();
                                let pressed = ctx.is_selected(focus.clone());
                                leptos::either::Either::Left(view! {
                                    <th scope="row" lang=lang>
                                        <button type="button" class="table-select"
                                            aria-pressed=move || if pressed() { "true" } else { "false" }
                                            on:click=move |_| ctx.toggle_select(focus.clone())>{text}</button>
                                    </th>
                                })
                            } else {
                                let numeric = numeric.get(i).copied().unwrap_or(false);
                                leptos::either::Either::Right(view! { <td lang=lang class:numeric=numeric>{text}</td> })
                            }
                        })
                        .collect_view();
                    view! {
                        <tr class:is-selected=selected data-focus=row.focus.to_string()>{cells}</tr>
                    }
                })
                .collect_view()
        })
    };
    let (id, caption) = table.with_value(|t| (t.id, t.caption));
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby=labelled_by>
            <table class="data-table" data-table=id>
                <caption id=caption_id>{caption.get(ctx.lang.get_untracked())}</caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
