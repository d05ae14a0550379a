//! The data files as the build reads and packs them, and as the app checks them: strict
//! model reading, the GeoJSON reader, the shared-border topology and its postcard form,
//! and the problems a bad file is reported with.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use metro_plan::plan::boundaries::{unpack, Level};
use metro_plan::plan::packed::{self, Collection, Feature, GridPoint, Properties, Topology};
use metro_plan::plan::{
    baked, Anchors, Plan, PlanData, Sources, BOUNDARY_FILES, EMBEDDED, PACKED_BOUNDARIES,
};
use serde_json::{json, Value};
use support::boundary_files::read;
use support::topology::pack;
use support::{load, parse_collection};

// ---- the plan's checks (src/plan/validate.rs) ----
/// Loads the embedded data with `plan.json` changed by `edit`.
fn load_with(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut plan: Value = serde_json::from_str(EMBEDDED.plan).unwrap();
    edit(&mut plan);
    let text = plan.to_string();
    let src = Sources {
        plan: &text,
        ..EMBEDDED
    };
    load(&src).err().unwrap_or_default()
}

#[test]
fn the_embedded_data_has_no_problem() {
    assert_eq!(load_with(|_| {}), Vec::<String>::new());
}

#[test]
fn each_problem_is_named() {
    let errors = load_with(|p| {
        p["tasks"].as_array_mut().unwrap().pop();
        let belts = p["layout"]["belts"].as_array_mut().unwrap();
        belts[1]["id"] = json!("tourism");
        p["units"][0]["adcode"] = json!("220999");
        p["units"][1]["roles"] = json!(["whole", "partial"]);
    });
    let expect = [
        "plan.json: partial units: found 3, the release says 2",
        "plan.json: key tasks: found 8, the release says 9",
        "plan data: belt id tourism appears more than once",
        "plan.json: unit 220999 has no boundary in metro.geojson",
        "plan.json: unit 220102 cannot be both whole and partial",
    ];
    for e in expect {
        assert!(
            errors.iter().any(|x| x == e),
            "missing {e:?} in {errors:#?}"
        );
    }
}

#[test]
fn syntax_errors_and_unknown_ids_are_reported() {
    let src = Sources {
        plan: "{",
        ..EMBEDDED
    };
    let errors = load(&src).unwrap_err();
    assert!(errors[0].starts_with("plan.json: EOF"), "{errors:?}");
    let errors = load_with(|p| p["layout"]["belts"][0]["cities"][0] = json!("atlantis"));
    assert!(
        errors[0].contains("unknown city id “atlantis”"),
        "{errors:?}"
    );
    let errors = load_with(|p| p["tasks"][0]["map"]["layers"][0] = json!("belt:sea"));
    assert!(errors[0].contains("unknown belt id “sea”"), "{errors:?}");
}

#[test]
fn broken_geodata_and_anchors_are_reported() {
    let src = Sources {
        metro: r#"{"type":"FeatureCollection","features":[]}"#,
        anchors: r#"{"method":"m","cities":[]}"#,
        ..EMBEDDED
    };
    let errors = load(&src).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e == "plan.json: unit 220104 has no boundary in metro.geojson"));
    assert!(errors
        .iter()
        .any(|e| e == "anchors.json: city changchun has no anchor point"));
    assert!(errors
        .iter()
        .any(|e| e == "plan.json: city meihekou (220581) has no boundary"));
}

// ---- boundaries: reading and checking each feature ----

const ONE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"adcode":"220104","name":"朝阳区","level":"district","parent":"220100"},
    "geometry":{"type":"MultiPolygon","coordinates":[[[[125,43],[126,43],[126,44],[125,43]]]]}}]}"#;

#[test]
fn reads_a_feature() {
    let b = parse_collection("t", ONE).unwrap();
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].adcode.to_string(), "220104");
    assert_eq!(b[0].name_zh, "朝阳区");
    assert_eq!(b[0].level, Level::District);
    assert_eq!(
        b[0].geometry.0[0].exterior.0.len(),
        3,
        "closing point dropped"
    );
}

#[test]
fn reports_every_broken_feature() {
    let broken = ONE
        .replace("\"220104\"", "\"22x\"")
        .replace("\"district\"", "\"hamlet\"");
    let errs = parse_collection("t", &broken).unwrap_err();
    assert_eq!(errs, ["t: feature #0 lacks a valid adcode, level"]);
    let start = ONE.find("{\"type\":\"MultiPolygon\"").unwrap();
    let no_geom = format!(
        "{}{{\"type\":\"Point\",\"coordinates\":[1,2]}}}}]}}",
        &ONE[..start]
    );
    assert!(parse_collection("t", &no_geom).unwrap_err()[0].contains("polygon geometry"));
    assert!(parse_collection("t", "{").unwrap_err()[0].contains("not valid GeoJSON"));
    assert!(
        parse_collection("t", r#"{"type":"Point","coordinates":[1,2]}"#).unwrap_err()[0]
            .contains("not a FeatureCollection")
    );
}

// ---- the packed form ----

#[test]
fn the_packed_boundaries_are_the_geojson() {
    let unpacked = unpack(PACKED_BOUNDARIES, BOUNDARY_FILES);
    let texts = [EMBEDDED.metro, EMBEDDED.region];
    for ((file, text), unpacked) in BOUNDARY_FILES.into_iter().zip(texts).zip(unpacked) {
        assert_eq!(unpacked, parse_collection(file, text), "{file}");
    }
}

#[test]
fn the_baked_plan_and_anchors_are_the_json() {
    // The model has no PartialEq; its Debug form shows every field.
    let text: PlanData = serde_json::from_str(EMBEDDED.plan).expect("plan.json parses");
    assert_eq!(format!("{:?}", baked::PLAN), format!("{text:?}"));
    let text: Anchors = serde_json::from_str(EMBEDDED.anchors).expect("anchors parse");
    assert_eq!(format!("{:?}", baked::ANCHORS), format!("{text:?}"));
}

#[test]
fn the_baked_data_passes_the_checks_the_app_no_longer_makes() {
    // `Plan::embedded` does not check (the build did): the same checks on the statics.
    let [metro, region] = unpack(PACKED_BOUNDARIES, BOUNDARY_FILES);
    let plan = Plan::from_parts(
        Ok(baked::PLAN.clone()),
        Ok(baked::ANCHORS.clone()),
        metro,
        region,
    );
    assert!(plan.is_ok(), "{:#?}", plan.err());
}

const SQUARE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"adcode":"220104","name":"朝阳区","level":"district","parent":"220100"},
    "geometry":{"type":"Polygon","coordinates":[[[125.3625,43.916],[126,43],[126.5,-44.0001],[125.3625,43.916]]]}},
    {"type":"Feature","properties":{"adcode":7},"geometry":null}]}"#;

#[test]
fn reads_properties_and_rings_on_the_coarsest_exact_grid() {
    let c = read("t", SQUARE).unwrap();
    assert_eq!(c.decimals, 4);
    let f = &c.features[0];
    assert_eq!(f.properties.name.as_deref(), Some("朝阳区"));
    let ring = &f.polygons.as_ref().unwrap()[0][0];
    assert_eq!(ring.len(), 3, "closing point dropped");
    assert_eq!(c.degrees(ring[0].lon), 125.3625);
    assert_eq!(c.degrees(ring[2].lat), -44.0001);
    assert_eq!(c.features[1], Feature::default(), "bad parts are None");
}

#[test]
fn finer_coordinates_get_a_finer_grid() {
    let grid = |coords: &str| {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},
            "geometry":{{"type":"Polygon","coordinates":[[{coords}]]}}}}]}}"#
        );
        read("t", &text).unwrap().decimals
    };
    assert_eq!(grid("[1,2.5],[-3.25,0],[0,1],[1,2.5]"), 2);
    assert_eq!(
        grid("[0.30000000000000004,0],[1,0],[1,1],[0.30000000000000004,0]"),
        1
    );
    assert_eq!(
        grid("[3.141592653589793,0],[1,0],[1,1],[3.141592653589793,0]"),
        7
    );
}

fn to_bytes(topology: &Topology) -> Vec<u8> {
    postcard::to_allocvec(topology).expect("packs")
}

#[test]
fn encoding_round_trips() {
    let c = read("t", SQUARE).unwrap();
    let bytes = to_bytes(&pack(std::slice::from_ref(&c)));
    assert_eq!(packed::decode(&bytes), Ok(vec![c]));
}

/// Two squares side by side, sharing the edge x = 1, and a copy of the left one
/// starting elsewhere and on a finer grid.
fn neighbours() -> [Collection; 2] {
    let ring = |pts: &[(i64, i64)]| {
        pts.iter()
            .map(|&(lon, lat)| GridPoint { lon, lat })
            .collect()
    };
    let feature = |rings: Vec<Vec<GridPoint>>| Feature {
        polygons: Some(vec![rings]),
        ..Feature::default()
    };
    [
        Collection {
            decimals: 0,
            features: vec![
                feature(vec![ring(&[(0, 0), (1, 0), (1, 1), (0, 1)])]),
                feature(vec![ring(&[(1, 0), (2, 0), (2, 1), (1, 1)])]),
            ],
        },
        Collection {
            decimals: 1,
            features: vec![feature(vec![ring(&[(10, 10), (0, 10), (0, 0), (10, 0)])])],
        },
    ]
}

#[test]
fn shared_borders_are_stored_once_and_rings_keep_their_start() {
    let collections = neighbours();
    let topology = pack(&collections);
    let points: usize = topology.arcs.iter().map(Vec::len).sum();
    // The shared edge (2 points) is one arc; the third ring is all shared.
    assert_eq!(topology.arcs.len(), 3, "{:?}", topology.arcs);
    assert_eq!(points, 2 + 4 + 4);
    let decoded = packed::decode(&to_bytes(&pack(&collections))).unwrap();
    for (before, after) in collections.iter().zip(&decoded) {
        assert_eq!(after.decimals, 1);
        for (f, g) in before.features.iter().zip(&after.features) {
            let degrees = |c: &Collection, f: &Feature| -> Vec<(f64, f64)> {
                f.polygons
                    .iter()
                    .flatten()
                    .flatten()
                    .flatten()
                    .map(|p| (c.degrees(p.lon), c.degrees(p.lat)))
                    .collect()
            };
            assert_eq!(degrees(before, f), degrees(after, g));
        }
    }
}

/// The wasm's reader of the packed bytes (by hand) reads what postcard's serde reader
/// reads: the embedded boundaries, the test collections, and every cut of them fails in
/// both.
#[test]
fn the_hand_reader_reads_what_postcard_reads() {
    let embedded = metro_plan::plan::PACKED_BOUNDARIES;
    let by_serde = packed::read::<Topology>(embedded).expect("postcard reads the embedded bytes");
    assert_eq!(Topology::read(embedded), Ok(by_serde));
    let bytes = to_bytes(&pack(&neighbours()));
    assert_eq!(Topology::read(&bytes), packed::read::<Topology>(&bytes));
    for cut in 0..bytes.len() {
        assert!(Topology::read(&bytes[..cut]).is_err(), "cut at {cut}");
        assert!(
            packed::read::<Topology>(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    // An option's tag other than 0 or 1, and a string that is not UTF-8.
    let mut t = Topology {
        collections: vec![vec![packed::TopoFeature::default()]],
        ..Topology::default()
    };
    let mut bad_tag = to_bytes(&t);
    let at = bad_tag.len() - 5; // the four properties' tags and the polygons' tag
    bad_tag[at] = 2;
    assert!(Topology::read(&bad_tag).is_err());
    t.collections[0][0].properties.name = Some("é".into());
    let mut bad_text = to_bytes(&t);
    let at = bad_text.len() - 5; // the first byte of "é"
    bad_text[at] = 0xff;
    assert!(Topology::read(&bad_text).is_err());
    assert!(packed::read::<Topology>(&bad_text).is_err());
}

#[test]
fn broken_bytes_are_an_error_not_a_panic() {
    let bytes = to_bytes(&pack(&neighbours()));
    for cut in 0..bytes.len() {
        assert!(packed::decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert!(packed::decode(&[0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 1]).is_err());
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert_eq!(
        packed::decode(&trailing),
        Err("packed data: trailing bytes".into())
    );
    // An arc that is not there, and a ring starting past its end.
    let mut topology = pack(&neighbours());
    topology.collections[0][0].polygons.as_mut().unwrap()[0][0].arcs[0] = 99;
    assert_eq!(topology.unpack(), Err("packed data: bad arc".into()));
    let mut topology = pack(&neighbours());
    topology.collections[0][0].polygons.as_mut().unwrap()[0][0].start = 99;
    assert_eq!(topology.unpack(), Err("packed data: bad ring".into()));
}

#[test]
fn properties_survive_packing() {
    let collections = neighbours().map(|mut c| {
        c.features[0].properties = Properties {
            adcode: Some("220104".into()),
            name: Some("朝阳区".into()),
            level: None,
            parent: Some("220100".into()),
        };
        c
    });
    let decoded = packed::decode(&to_bytes(&pack(&collections))).unwrap();
    assert_eq!(
        decoded[1].features[0].properties,
        collections[1].features[0].properties
    );
    assert_eq!(
        decoded[0].features[0].properties.name.as_deref(),
        Some("朝阳区")
    );
}
