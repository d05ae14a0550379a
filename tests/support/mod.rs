//! What the tests share: reading the data files' text as the build does, and loading a
//! plan from other files (e.g. broken ones). Included by `mod support;`.
#![allow(dead_code)]

/// The packed types, beside the build's readers (they name them as `super::packed`).
pub use metro_plan::plan::packed;

#[cfg(target_arch = "wasm32")]
pub mod browser;

#[path = "../../build/boundary_files.rs"]
pub mod boundary_files;
#[path = "../../build/topology.rs"]
pub mod topology;
#[path = "../../build/tour.rs"]
pub mod tour;

use metro_plan::plan::boundaries::{from_collection, Boundary};
use metro_plan::plan::{Plan, Sources};

/// A GeoJSON boundary file's boundaries, each bad feature reported.
pub fn parse_collection(file: &str, text: &str) -> Result<Vec<Boundary>, Vec<String>> {
    let collection = boundary_files::read(file, text).map_err(|e| vec![e])?;
    from_collection(file, &collection)
}

/// The embedded plan, as the app loads it; panics listing every problem if it is invalid.
pub fn plan() -> Plan {
    Plan::embedded().unwrap_or_else(|e| panic!("embedded data invalid: {e:#?}"))
}

/// Reads and validates data files as text; the error lists every problem found.
pub fn load(src: &Sources) -> Result<Plan, Vec<String>> {
    Plan::from_parts(
        serde_json::from_str(src.plan).map_err(|e| format!("plan.json: {e}")),
        serde_json::from_str(src.anchors).map_err(|e| format!("anchors.json: {e}")),
        parse_collection("metro.geojson", src.metro),
        parse_collection("region.geojson", src.region),
    )
}

/// Reads a tour file against a plan file as the build does, then checks it against the
/// plan as the app does; the error lists every problem found.
pub fn load_tour(
    tour: &str,
    plan_text: &str,
    plan: &Plan,
) -> Result<metro_plan::plan::tour::Tour, Vec<String>> {
    let value = |name: &str, text: &str| {
        serde_json::from_str::<serde_json::Value>(text).map_err(|e| vec![format!("{name}: {e}")])
    };
    let resolved = tour::resolve(&value("tour.json", tour)?, &value("plan.json", plan_text)?)?;
    let tour: metro_plan::plan::tour::Tour =
        serde_json::from_value(resolved).map_err(|e| vec![format!("tour.json: {e}")])?;
    tour.checked(plan)
}
