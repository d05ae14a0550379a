//! Turns the data files into the form the app embeds (see docs/DATA.md), so that the app
//! ships no JSON text, parses nothing and checks nothing at start-up:
//!
//! - `data/plan.json` and `data/geo/anchors.json` are read strictly into the plan's own
//!   model types with `serde_json` (an unknown key, a wrong type or an unknown id stops
//!   the build), checked against each other and the boundaries (`src/plan/validate.rs`:
//!   any problem stops the build), and written as Rust `static`s (`bake.rs`,
//!   `OUT_DIR/baked.rs`);
//! - `data/tour.json` has its caption paths resolved into `plan.json`'s texts and its
//!   order checked (`tour.rs`), then is read strictly into the tour's types and baked
//!   the same way (the native tests check it against the joined plan, `tour_check.rs`);
//! - `data/geo/*.geojson` are read onto their decimal grid and written together as a
//!   postcard [`packed::Topology`], each shared border once.

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
#[allow(dead_code)]
#[path = "../src/plan/tour.rs"]
mod tour_model;
// What the checks need: the boundaries as the app reads them, and their geometry types.
#[allow(dead_code)]
#[path = "../src/plan/boundaries.rs"]
mod boundaries;
#[allow(dead_code)]
#[path = "../src/geo/mod.rs"]
mod geo;
#[allow(dead_code)]
#[path = "../src/plan/validate.rs"]
mod validate;
// The names `validate.rs` reads from its parent module (`src/plan/` in the app).
use boundaries::Boundary;
use model::{Anchors, PlanData, UnitRole};

mod bake;
mod boundary_files;
mod topology;
mod tour;

/// The boundary files, packed together into `OUT_DIR/boundaries.postcard` (they share
/// borders).
const BOUNDARIES: [&str; 2] = ["data/geo/metro.geojson", "data/geo/region.geojson"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let plan: PlanData = ok_or_exit(read_json("data/plan.json"));
    // The tour: its caption paths resolved into the plan's texts (each must name a text
    // in both languages), its steps in the plan's order, then read strictly as the model.
    let tour = tour::resolve(
        &ok_or_exit(read_json::<serde_json::Value>("data/tour.json")),
        &ok_or_exit(read_json::<serde_json::Value>("data/plan.json")),
    )
    .unwrap_or_else(|problems| exit_with(problems));
    let tour: tour_model::Tour =
        ok_or_exit(serde_json::from_value(tour).map_err(|e| format!("tour.json: {e}")));
    let anchors: Anchors = ok_or_exit(read_json("data/geo/anchors.json"));
    let collections = BOUNDARIES.map(|path| {
        ok_or_exit(read(path).and_then(|text| boundary_files::read(file_name(path), &text)))
    });
    // The checks the app made at start-up before: every problem stops the build.
    let mut problems = Vec::new();
    let mut files = BOUNDARIES.iter().zip(&collections).map(|(path, c)| {
        boundaries::from_collection(file_name(path), c).unwrap_or_else(|e| {
            problems.extend(e);
            Vec::new()
        })
    });
    let (metro, region) = (
        files.next().unwrap_or_default(),
        files.next().unwrap_or_default(),
    );
    drop(files);
    if problems.is_empty() {
        problems = validate::check(&plan, &metro, &region, &anchors);
    }
    if !problems.is_empty() {
        exit_with(problems);
    }
    let mut baked = bake::Out::default();
    baked.item("PLAN", &plan);
    // The anchors' provenance (`method`, each `note`) is for the data's readers: the app
    // never shows it, so the wasm goes without it (≈ 1.4 KB of text); native builds (the
    // tests, the downloads' writer) keep it.
    let mut anchors = anchors;
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        anchors.method = "".into();
        for anchor in anchors.cities.to_mut() {
            anchor.note = None;
        }
    }
    baked.item("ANCHORS", &anchors);
    baked.item("TOUR", &tour);
    // Where the map names each unit and each neighbouring province: a point inside its
    // largest part, found once here rather than at every start-up (issue 12).
    baked.line(&label_points(&plan, &metro, &region).unwrap_or_else(|p| exit_with(p)));
    fs::write(out.join("baked.rs"), baked.finish())
        .unwrap_or_else(|e| panic!("writing baked.rs: {e}"));
    let boundaries = ok_or_exit(
        postcard::to_allocvec(&topology::pack(&collections))
            .map_err(|e| format!("packing boundaries: {e}")),
    );
    fs::write(out.join("boundaries.postcard"), boundaries)
        .unwrap_or_else(|e| panic!("writing boundaries.postcard: {e}"));
}

/// `LABEL_POINTS`: each plan unit's and each named province's label point on the map
/// (`geo::shape::interior_point` of its projected outline), in hundredths of a kilometre
/// (the map's path data is rounded to them too).
fn label_points(
    plan: &PlanData,
    metro: &[Boundary],
    region: &[Boundary],
) -> Result<String, Vec<String>> {
    let proj = geo::projection::Albers::northeast_china();
    let codes = plan.units.iter().map(|u| (&u.adcode, metro));
    let codes = codes.chain(plan.provinces.iter().map(|p| (&p.adcode, region)));
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for (code, boundaries) in codes {
        let point = boundaries
            .iter()
            .find(|b| b.adcode == *code)
            .and_then(|b| geo::shape::interior_point(&geo::shape::project(&proj, &b.geometry)));
        match point {
            Some(p) => items.push(format!(
                "({}, {}, {})",
                code.number(),
                (p.x * 100.0).round(),
                (p.y * 100.0).round()
            )),
            None => problems.push(format!("{code}: no point inside its outline for its label")),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(format!(
        "pub static LABEL_POINTS: [(u32, i32, i32); {}] = [{}];\n",
        items.len(),
        items.join(", ")
    ))
}

/// Stops the build with each problem as an error message.
fn exit_with(problems: Vec<String>) -> ! {
    for problem in problems {
        eprintln!("error: {problem}");
    }
    process::exit(1)
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
