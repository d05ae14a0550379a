//! A list of plan texts, each an item in the current language.

use crate::components::use_ctx;
use crate::i18n::Text;
use leptos::prelude::*;

/// A `<ul>` of plan texts (principles, characteristics, mechanisms, …).
#[component]
pub fn TextList(
    /// The texts, in the plan's order.
    items: &'static [Text],
    /// Classes of the list.
    class: &'static str,
    /// Classes of each item.
    #[prop(optional)]
    item_class: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <ul class=class>
            {items
                .iter()
                .map(|t| view! { <li class=item_class>{ctx.text(t)}</li> })
                .collect_view()}
        </ul>
    }
}
