//! Packs the boundary files `data/geo/*.geojson` into the compact form the app embeds
//! (see `src/plan/packed.rs`), so that the app ships no GeoJSON text and parses none at
//! start-up. A file that is not a GeoJSON FeatureCollection stops the build here.

use std::path::PathBuf;
use std::{env, fs, process};

// The app's half (`decode`) is unused here.
#[allow(dead_code)]
#[path = "src/plan/packed.rs"]
mod packed;

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["metro", "region"] {
        let path = format!("data/geo/{name}.geojson");
        println!("cargo::rerun-if-changed={path}");
        let packed = fs::read_to_string(&path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|text| packed::from_geojson(&format!("{name}.geojson"), &text))
            .map(|collection| packed::encode(&collection));
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
