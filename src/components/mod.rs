//! Leptos components: thin views over the state and the scene. They never parse data
//! or compute geometry; see `plan`, `scene` and `state` for that.
pub mod access;
pub mod app;
pub mod ctx;
pub mod dom;
pub mod effect;
pub mod html;
pub mod lazy;
pub mod map;
pub mod panels;
pub mod prerender;
pub mod schedule;
pub mod share;
pub mod stash;
pub mod table;
pub mod tour;
pub mod url;

pub use app::{App, AppFrom};
pub use ctx::Ctx;
