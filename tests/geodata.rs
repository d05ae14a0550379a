//! Checks of the committed boundary data (made by `scripts/geodata/build.sh`, which CI
//! does not run): the size of what ships, RFC 7946 form, the units of both views,
//! shared borders.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use flate2::write::GzEncoder;
use flate2::Compression;
use metro_plan::geo::projection::Albers;
use metro_plan::geo::shape;
use metro_plan::plan::{Level, EMBEDDED, PACKED_BOUNDARIES};
use std::collections::HashSet;
use std::io::Write;
use support::parse_collection;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory").len()
}

/// What ships is the packed boundaries inside the wasm (the GeoJSON text does not; the
/// plan and anchors are baked into `static`s, `src/plan/baked.rs`): budgeted as the wasm
/// carries it, and gzipped as the wire carries it.
#[test]
fn the_data_that_ships_fits_its_budget() {
    let boundaries = PACKED_BOUNDARIES.len();
    assert!(
        boundaries <= 24 * 1024,
        "packed boundaries are {boundaries} bytes, over 24 KB"
    );
    let gzipped = gzip_len(PACKED_BOUNDARIES);
    assert!(
        gzipped <= 24 * 1024,
        "packed boundaries are {gzipped} bytes gzipped, over 24 KB"
    );
    // The budget is not met vacuously: the boundaries are all there.
    assert!(
        boundaries > 4 * 1024,
        "only {boundaries} bytes of boundaries"
    );
}

#[test]
fn outer_rings_are_counter_clockwise_and_holes_clockwise() {
    // RFC 7946 §3.1.6. In lon/lat (y up) counter-clockwise has positive shoelace area.
    for (file, text) in [("metro", EMBEDDED.metro), ("region", EMBEDDED.region)] {
        let features: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        for f in features["features"].as_array().expect("features") {
            let coords = &f["geometry"]["coordinates"];
            let polys = match f["geometry"]["type"].as_str() {
                Some("Polygon") => vec![coords],
                _ => coords.as_array().expect("polygons").iter().collect(),
            };
            for poly in polys {
                for (i, ring) in poly.as_array().expect("rings").iter().enumerate() {
                    let pts: Vec<(f64, f64)> = ring
                        .as_array()
                        .expect("positions")
                        .iter()
                        .map(|p| (p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0)))
                        .collect();
                    let area: f64 = pts
                        .windows(2)
                        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                        .sum();
                    let outer = i == 0;
                    assert_eq!(
                        area > 0.0,
                        outer,
                        "{file} {} ring {i}",
                        f["properties"]["adcode"]
                    );
                    assert_eq!(pts.first(), pts.last(), "{file}: rings are closed");
                }
            }
        }
    }
}

#[test]
fn both_views_hold_the_expected_units() {
    let metro = parse_collection("metro", EMBEDDED.metro).expect("metro parses");
    let region = parse_collection("region", EMBEDDED.region).expect("region parses");
    assert!(metro.iter().all(|b| b.level == Level::District));
    let codes: HashSet<String> = region.iter().map(|b| b.adcode.to_string()).collect();
    for code in [
        "220000", "230000", "210000", "150000", "220100", "220200", "220300", "220400", "220500",
        "220600", "220700", "220800", "222400", "230100", "210100", "210200",
    ] {
        assert!(codes.contains(code), "region lacks {code}");
    }
    // Context counties: every county of the five prefectures, named from the index.
    let parents: HashSet<String> = metro.iter().map(|b| b.parent.to_string()).collect();
    for p in ["220100", "220200", "220300", "220400", "220700"] {
        assert!(parents.contains(p));
    }
    assert!(metro.iter().any(|b| b.name_zh == "舒兰市"));
}

#[test]
fn counties_tile_their_prefectures_without_gaps() {
    // The counties of Changchun, Jilin, Siping, Liaoyuan and Songyuan add up to their
    // prefecture outlines (simplified together, so no slivers open between them).
    let proj = Albers::northeast_china();
    let metro = parse_collection("metro", EMBEDDED.metro).expect("metro parses");
    let region = parse_collection("region", EMBEDDED.region).expect("region parses");
    for city in ["220100", "220200", "220300", "220400", "220700"] {
        let outline = region
            .iter()
            .find(|b| b.adcode.to_string() == city)
            .expect("prefecture");
        let whole = shape::area_km2(&shape::project(&proj, &outline.geometry));
        let parts: f64 = metro
            .iter()
            .filter(|b| b.parent.to_string() == city)
            .map(|b| shape::area_km2(&shape::project(&proj, &b.geometry)))
            .sum();
        assert!(
            (parts / whole - 1.0).abs() < 0.002,
            "{city}: {parts} vs {whole}"
        );
    }
}
