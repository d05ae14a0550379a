//! The button every selectable panel item is made of.

use crate::components::{use_ctx, Ctx};
use crate::i18n::ui;
use crate::ids::Focus;
use leptos::ev::MouseEvent;
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
    let item = focus.to_string();
    let state = Selection::new(ctx, focus);
    view! {
        <button
            type="button"
            class=format!("select {class}")
            class:is-selected=state.selected
            class:is-highlighted=state.highlighted
            data-item=item
            aria-pressed=state.pressed()
            title=ctx.phrase(ui::SHOW_ON_MAP)
            on:click=state.toggle()
        >
            {children.into_inner()()}
            <Marks selected=state.selected highlighted=state.highlighted />
        </button>
    }
}

/// What a select button shows and does, whatever its content. Kept out of the generic
/// component so that its code exists once rather than once per kind of content.
struct Selection {
    ctx: Ctx,
    focus: Focus,
    selected: Memo<bool>,
    /// The map highlights what a selected task or goal points at.
    highlighted: Memo<bool>,
}

impl Selection {
    fn new(ctx: Ctx, focus: Focus) -> Selection {
        let is_selected = ctx.is_selected(focus.clone());
        let selected = Memo::new(move |_| is_selected());
        let target = focus.clone();
        let highlighted = Memo::new(move |_| {
            !selected.get() && ctx.highlight.with(|h| h.as_ref() == Some(&target))
        });
        Selection {
            ctx,
            focus,
            selected,
            highlighted,
        }
    }

    /// `aria-pressed`.
    fn pressed(&self) -> impl Fn() -> &'static str + 'static {
        let selected = self.selected;
        move || if selected.get() { "true" } else { "false" }
    }

    fn toggle(&self) -> impl FnMut(MouseEvent) + 'static {
        let (ctx, focus) = (self.ctx, self.focus.clone());
        move |_| {
            ctx.toggle_select(focus.clone());
            // A new selection is shown on the map: bring it into view where it is
            // above the panels (phones).
            if ctx.focus.with_untracked(|f| f.as_ref() == Some(&focus)) {
                super::keep_map_in_view();
            }
        }
    }
}

/// The "selected" and "highlighted" marks after a select button's content.
#[component]
fn Marks(selected: Memo<bool>, highlighted: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        {move || selected.get().then(|| view! {
            <span class="mark mark-selected" aria-hidden="true">
                {ctx.phrase(ui::SELECTED)}
            </span>
        })}
        {move || highlighted.get().then(|| view! {
            <span class="mark mark-highlighted">{ctx.phrase(ui::HIGHLIGHTED)}</span>
        })}
    }
}
