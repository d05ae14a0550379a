//! Packs the data files into the compact form the app embeds (see `src/plan/packed.rs`),
//! so that the app ships no JSON text and parses none at start-up. A file that is not
//! valid JSON, or a boundary file that is not a GeoJSON FeatureCollection, stops the
//! build here; the app checks everything else at start-up, and the native tests on the
//! same files report it first.

use std::path::PathBuf;
use std::{env, fs, process};

// The app's half (reading the packed form) is unused here.
#[allow(dead_code)]
#[path = "src/plan/packed.rs"]
mod packed;

/// Packs a file's text; `name` is the file name for error messages.
type Pack = fn(name: &str, text: &str) -> Result<Vec<u8>, String>;

/// Each data file and how it is packed.
const FILES: [(&str, Pack); 4] = [
    ("data/plan.json", json),
    ("data/geo/anchors.json", json),
    ("data/geo/metro.geojson", boundaries),
    ("data/geo/region.geojson", boundaries),
];

fn json(name: &str, text: &str) -> Result<Vec<u8>, String> {
    let value = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    Ok(packed::encode_json(&value))
}

fn boundaries(name: &str, text: &str) -> Result<Vec<u8>, String> {
    packed::from_geojson(name, text).map(|collection| packed::encode(&collection))
}

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (path, pack) in FILES {
        println!("cargo::rerun-if-changed={path}");
        let name = path.rsplit('/').next().unwrap_or(path);
        let packed = fs::read_to_string(path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|text| pack(name, &text));
        match packed {
            Ok(bytes) => fs::write(out.join(format!("{name}.bin")), bytes)
                .unwrap_or_else(|e| panic!("writing {name}.bin: {e}")),
            Err(problem) => {
                eprintln!("error: {problem}");
                process::exit(1);
            }
        }
    }
}
