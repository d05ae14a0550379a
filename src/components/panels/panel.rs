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
    view! {
        <section class=format!("panel panel-{id}") aria-labelledby=title_id(id)>
            <PanelTitle id title />
            {children.into_inner()()}
        </section>
    }
}

fn title_id(id: &str) -> String {
    format!("panel-{id}-title")
}

/// A panel's `<h2>` (outside the generic [`Panel`], so that its code exists once).
#[component]
fn PanelTitle(id: &'static str, title: Signal<&'static str>) -> impl IntoView {
    view! {
        <h2 class="panel-title" id=title_id(id)>
            {move || title.get()}
        </h2>
    }
}
