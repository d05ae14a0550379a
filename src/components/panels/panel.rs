//! The frame every panel shares: a titled section.

use leptos::prelude::*;

/// A panel: a `<section>` labelled by its `<h2>`.
#[component]
pub fn Panel(
    /// Names the panel in classes and ids (`panel-{id}`, `panel-{id}-title`).
    id: &'static str,
    /// The heading, in the current language.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    let title_id = format!("panel-{id}-title");
    view! {
        <section class=format!("panel panel-{id}") aria-labelledby=title_id.clone()>
            <h2 class="panel-title" id=title_id.clone()>
                {move || title.get()}
            </h2>
            {children()}
        </section>
    }
}
