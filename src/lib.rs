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

/// The wasm's allocator: `lol_alloc`'s free list instead of std's dlmalloc, smaller in the
/// wasm at the same speed and memory (issue 12, docs/performance.md "Where the bytes are").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Installs the panic hook and mounts the app on `<body>`, in three tasks (issue 12:
/// Lighthouse's total blocking time counts what each task lasts beyond 50 ms): the
/// module's instantiation (this call), decoding the plan and building its scene, then
/// building the page (which adds the side column's texts after the first paint, see
/// `components::app`).
pub fn start() {
    use leptos::prelude::set_timeout;
    use std::time::Duration;
    components::app::install_panic_hook();
    set_timeout(
        || {
            let loaded = components::app::load(plan::Plan::embedded());
            set_timeout(move || components::app::mount(loaded), Duration::ZERO);
        },
        Duration::ZERO,
    );
}
