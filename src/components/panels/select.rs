//! The button every selectable panel item is made of.

use crate::components::use_ctx;
use crate::i18n::ui;
use crate::state::Focus;
use leptos::prelude::*;

/// A button that selects `focus` on the map, or clears the selection when pressed
/// again. It shows whether `focus` is selected however it was chosen (here or on the
/// map), and whether the map highlights it for a selected task or goal. Callers add
/// their `data-*` hook with `attr:`.
#[component]
pub fn SelectButton<T: IntoView + 'static>(
    /// What the button selects.
    focus: Focus,
    /// Extra classes.
    #[prop(optional)]
    class: &'static str,
    /// The button's content (phrasing content only: spans, no lists).
    children: TypedChildren<T>,
) -> impl IntoView {
    let ctx = use_ctx();
    let is_selected = ctx.is_selected(focus.clone());
    let selected = Memo::new(move |_| is_selected());
    let target = focus.clone();
    // The map highlights what a selected task or goal points at.
    let highlighted =
        Memo::new(move |_| !selected.get() && ctx.highlight.with(|h| h.as_ref() == Some(&target)));
    view! {
        <button
            type="button"
            class=format!("select {class}")
            class:is-selected=move || selected.get()
            class:is-highlighted=move || highlighted.get()
            aria-pressed=move || if selected.get() { "true" } else { "false" }
            title=ctx.phrase(ui::SHOW_ON_MAP)
            on:click=move |_| ctx.toggle_select(focus.clone())
        >
            {children.into_inner()()}
            <Show when=move || selected.get()>
                <span class="mark mark-selected" aria-hidden="true">
                    {ctx.phrase(ui::SELECTED)}
                </span>
            </Show>
            <Show when=move || highlighted.get()>
                <span class="mark mark-highlighted">{ctx.phrase(ui::HIGHLIGHTED)}</span>
            </Show>
        </button>
    }
}
