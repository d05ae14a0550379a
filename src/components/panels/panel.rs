//! The frame every panel shares: a titled section.

use leptos::prelude::*;

/// A panel: a `<section>` labelled by its `<h2>`.
#[component]
pub fn Panel<T: IntoView + 'static>(
    /// Names the panel in classes and ids (`panel-{id}`, `panel-{id}-title`).
    id: &'static str,
    /// The heading, in the current language.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The panel's content (typed: erasing each panel's view type would cost more wasm
    /// than this small frame does once per panel).
    children: TypedChildren<T>,
) -> impl IntoView {
    let title_id = format!("panel-{id}-title");
    view! {
        <section class=format!("panel panel-{id}") aria-labelledby=title_id.clone()>
            <h2 class="panel-title" id=title_id.clone()>
                {move || title.get()}
            </h2>
            {children.into_inner()()}
        </section>
    }
}
