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

use metro_plan::plan::boundaries::{from_collection, Boundary};
use metro_plan::plan::{Plan, Sources};

/// A GeoJSON boundary file's boundaries, each bad feature reported.
pub fn parse_collection(file: &str, text: &str) -> Result<Vec<Boundary>, Vec<String>> {
    let collection = boundary_files::read(file, text).map_err(|e| vec![e])?;
    from_collection(file, &collection)
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
