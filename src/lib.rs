//! Dashboard of the Development Plan for the Changchun Metropolitan Area.
use leptos::prelude::*;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
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
