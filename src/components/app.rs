//! The app root.
use leptos::prelude::*;

/// Shows panics in the page as well as in the console.
pub fn install_panic_hook() {
    console_error_panic_hook::set_once();
}

/// The whole dashboard.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="app" data-ready="true">
            <h1>"长春都市圈发展规划 / Development Plan for the Changchun Metropolitan Area"</h1>
        </div>
    }
}
