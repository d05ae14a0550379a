//! Checks of the committed boundary data (made by `scripts/geodata/build.sh`, which CI
//! does not run): size budget, RFC 7946 form, the units of both views, shared borders.
#![cfg(not(target_arch = "wasm32"))]

use flate2::write::GzEncoder;
use flate2::Compression;
use metro_plan::geo::projection::Albers;
use metro_plan::geo::shape;
use metro_plan::plan::boundaries::parse_collection;
use metro_plan::plan::{Level, EMBEDDED};
use std::collections::HashSet;
use std::io::Write;

fn gzip_len(text: &str) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(text.as_bytes()).expect("gzip in memory");
    enc.finish().expect("gzip in memory").len()
}

#[test]
fn geodata_fits_its_budget() {
    let total = gzip_len(EMBEDDED.metro) + gzip_len(EMBEDDED.region);
    assert!(
        total <= 60 * 1024,
        "geodata is {total} bytes gzipped, over 60 KB"
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
    let codes: HashSet<&str> = region.iter().map(|b| b.adcode.as_str()).collect();
    for code in [
        "220000", "230000", "210000", "150000", "220100", "220200", "220300", "220400", "220500",
        "220600", "220700", "220800", "222400", "230100", "210100", "210200",
    ] {
        assert!(codes.contains(code), "region lacks {code}");
    }
    // Context counties: every county of the five prefectures, named from the index.
    let parents: HashSet<&str> = metro.iter().map(|b| b.parent.as_str()).collect();
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
            .find(|b| b.adcode.as_str() == city)
            .expect("prefecture");
        let whole = shape::area_km2(&shape::project(&proj, &outline.geometry));
        let parts: f64 = metro
            .iter()
            .filter(|b| b.parent.as_str() == city)
            .map(|b| shape::area_km2(&shape::project(&proj, &b.geometry)))
            .sum();
        assert!(
            (parts / whole - 1.0).abs() < 0.002,
            "{city}: {parts} vs {whole}"
        );
    }
}
