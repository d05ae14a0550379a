//! Packs the data files into the compact form the app embeds (see `src/plan/packed.rs`)
//! and resolves the tour's captions into the plan's texts (`src/plan/tour_json.rs`),
//! so that the app ships no JSON text and parses none at start-up. A file that is not
//! valid JSON, a boundary file that is not a GeoJSON FeatureCollection, or a tour
//! caption that names no text of the plan (or steps out of the plan's order) stops the
//! build here; the app checks everything else at start-up, and the native tests on the
//! same files report it first.

use std::path::PathBuf;
use std::{env, fs, process};

// The app's half (reading the packed form) is unused here.
#[allow(dead_code)]
#[path = "src/plan/packed.rs"]
mod packed;

// The tour's captions are paths into the plan, resolved (and checked) here.
#[allow(dead_code)]
#[path = "src/plan/tour_json.rs"]
mod tour_json;

/// The tour, packed with its captions' texts in place into `OUT_DIR/tour.json.bin`.
const TOUR: &str = "data/tour.json";
/// The JSON files, each packed into `OUT_DIR/NAME.bin`.
const JSON: [&str; 2] = ["data/plan.json", "data/geo/anchors.json"];
/// The boundary files, packed together into `OUT_DIR/boundaries.bin` (they share borders).
const BOUNDARIES: [&str; 2] = ["data/geo/metro.geojson", "data/geo/region.geojson"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, bytes: Vec<u8>| {
        fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"))
    };
    for path in JSON {
        let name = file_name(path);
        let value = read(path)
            .and_then(|text| serde_json::from_str(&text).map_err(|e| format!("{name}: {e}")));
        write(
            &format!("{name}.bin"),
            packed::encode_json(&ok_or_exit(value)),
        );
    }
    // The tour: every caption path must name a text of the plan in both languages, and
    // the steps must follow the plan's order.
    let json = |path: &str| {
        ok_or_exit(read(path).and_then(|text| {
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| format!("{}: {e}", file_name(path)))
        }))
    };
    let tour = tour_json::resolve(&json(TOUR), &json(JSON[0])).unwrap_or_else(|problems| {
        for problem in problems {
            eprintln!("error: {problem}");
        }
        process::exit(1)
    });
    write("tour.json.bin", packed::encode_json(&tour));
    let collections = BOUNDARIES.map(|path| {
        ok_or_exit(read(path).and_then(|text| packed::from_geojson(file_name(path), &text)))
    });
    write("boundaries.bin", packed::encode(&collections));
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A data file's text; cargo reruns this script when it changes.
fn read(path: &str) -> Result<String, String> {
    println!("cargo::rerun-if-changed={path}");
    fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// Stops the build with the problem as an error message.
fn ok_or_exit<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|problem| {
        eprintln!("error: {problem}");
        process::exit(1)
    })
}
