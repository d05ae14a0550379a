//! Packs the data files into the form the app embeds (see `src/plan/packed.rs` and
//! docs/DATA.md), so that the app ships no JSON text and parses none at start-up:
//!
//! - `data/plan.json` and `data/geo/anchors.json` are read strictly into the plan's own
//!   model types with `serde_json` (an unknown key, a wrong type or an unknown id stops
//!   the build) and written with postcard;
//! - `data/geo/*.geojson` are read onto their decimal grid and written together as a
//!   postcard [`packed::Topology`], each shared border once.
//!
//! The app checks the rest (references between the files, counts) at start-up, and the
//! native tests on the same files report it first.

use std::path::PathBuf;
use std::{env, fs, process};

// The model's own files, so that the build reads exactly what the app reads. Much of
// them (interface words, lookups, the reader) is unused here.
#[allow(dead_code)]
#[path = "../src/i18n/mod.rs"]
mod i18n;
// Public in the library, where clippy lets exported names be; private here.
#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../src/ids/mod.rs"]
mod ids;
#[allow(dead_code)]
#[path = "../src/plan/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "../src/plan/packed.rs"]
mod packed;

mod boundary_files;
mod topology;

/// The boundary files, packed together into `OUT_DIR/boundaries.postcard` (they share
/// borders).
const BOUNDARIES: [&str; 2] = ["data/geo/metro.geojson", "data/geo/region.geojson"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, bytes: Result<Vec<u8>, postcard::Error>| {
        let bytes = ok_or_exit(bytes.map_err(|e| format!("packing {name}: {e}")));
        fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"))
    };
    let plan: model::PlanData = ok_or_exit(read_json("data/plan.json"));
    write("plan.postcard", postcard::to_allocvec(&plan));
    let anchors: model::Anchors = ok_or_exit(read_json("data/geo/anchors.json"));
    write("anchors.postcard", postcard::to_allocvec(&anchors));
    let collections = BOUNDARIES.map(|path| {
        ok_or_exit(read(path).and_then(|text| boundary_files::read(file_name(path), &text)))
    });
    write(
        "boundaries.postcard",
        postcard::to_allocvec(&topology::pack(&collections)),
    );
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A data file's text; cargo reruns this script when it changes.
fn read(path: &str) -> Result<String, String> {
    println!("cargo::rerun-if-changed={path}");
    fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// A JSON data file read strictly into its model type.
fn read_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, String> {
    let text = read(path)?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file_name(path)))
}

/// Stops the build with the problem as an error message.
fn ok_or_exit<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|problem| {
        eprintln!("error: {problem}");
        process::exit(1)
    })
}
