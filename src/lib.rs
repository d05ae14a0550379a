//! Dashboard of the Development Plan for the Changchun Metropolitan Area.
//!
//! Data flows one way: embedded data → [`plan`] (typed, validated) → [`geo`] and
//! [`scene`] (projection, SVG paths) → [`state`] (view state ⇄ URL) → [`export`] (downloads)
//! → [`components`].

pub mod components;
pub mod export;
pub mod geo;
pub mod i18n;
pub mod ids;
pub mod plan;
pub mod scene;
pub mod state;

pub use components::{App, AppFrom};

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    components::app::install_panic_hook();
    leptos::mount::mount_to_body(App);
}
