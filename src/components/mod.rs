//! Leptos components: thin views over the state and the scene.
pub mod app;
pub use app::App;
