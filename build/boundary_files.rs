//! Reads the GeoJSON boundary files onto a decimal grid (see `src/plan/packed.rs`).
//! Build-time and test-time only: the build script packs what this reads, tests feed the
//! app other files through it; the app itself does not link it.
//!
//! It names the packed types through `super::packed`, so whoever includes it (by
//! `#[path]`) has `packed` beside it: `build/main.rs` its own copy of
//! `src/plan/packed.rs`, the tests `metro_plan::plan::packed`.

use super::packed::{Collection, Feature, GridPoint, GridPolygon, Properties, MAX_DECIMALS, SCALE};
use geojson::{GeoJson, GeometryValue, PolygonType, Position};

/// Reads a GeoJSON FeatureCollection. A file that is not one is an error (named after
/// `file`); a feature with a missing property or a bad geometry is kept, with `None`
/// there, for the plan model to report.
pub fn read(file: &str, text: &str) -> Result<Collection, String> {
    let collection = match text.parse::<GeoJson>() {
        Ok(GeoJson::FeatureCollection(fc)) => fc,
        Ok(_) => return Err(format!("{file}: not a FeatureCollection")),
        Err(e) => return Err(format!("{file}: not valid GeoJSON ({e})")),
    };
    let numbers: Vec<f64> = collection
        .features
        .iter()
        .filter_map(|f| f.geometry.as_ref())
        .flat_map(|g| polygon_list(&g.value))
        .flatten()
        .flatten()
        .flat_map(|pos| pos.as_slice().iter().copied())
        .collect();
    let decimals = grid_decimals(&numbers);
    let features = collection
        .features
        .iter()
        .map(|f| {
            let text_prop = |key: &str| f.property(key).and_then(|v| v.as_str()).map(str::to_owned);
            Feature {
                properties: Properties {
                    adcode: text_prop("adcode"),
                    name: text_prop("name"),
                    level: text_prop("level"),
                    parent: text_prop("parent"),
                },
                polygons: f
                    .geometry
                    .as_ref()
                    .and_then(|g| polygons(&g.value, SCALE[decimals as usize])),
            }
        })
        .collect();
    Ok(Collection { decimals, features })
}

/// The polygons of a Polygon or MultiPolygon geometry (none for other types).
fn polygon_list(value: &GeometryValue) -> Vec<&PolygonType> {
    match value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        _ => Vec::new(),
    }
}

/// The fewest decimals that hold every number exactly (to within float noise from
/// parsing), or [`MAX_DECIMALS`].
fn grid_decimals(numbers: &[f64]) -> u32 {
    (0..MAX_DECIMALS)
        .find(|&d| {
            let scale = SCALE[d as usize];
            numbers
                .iter()
                .all(|v| ((v * scale).round() - v * scale).abs() < 1e-6)
        })
        .unwrap_or(MAX_DECIMALS)
}

fn polygons(geometry: &GeometryValue, scale: f64) -> Option<Vec<GridPolygon>> {
    let polygons = polygon_list(geometry)
        .into_iter()
        .map(|p| polygon(p, scale))
        .collect::<Option<Vec<_>>>()?;
    (!polygons.is_empty()).then_some(polygons)
}

/// A polygon's rings; `None` unless the outer ring and every hole is a valid ring.
fn polygon(rings: &PolygonType, scale: f64) -> Option<GridPolygon> {
    let rings = rings
        .iter()
        .map(|r| ring(r, scale))
        .collect::<Option<Vec<_>>>()?;
    (!rings.is_empty()).then_some(rings)
}

/// A ring of at least three points, with GeoJSON's repeated closing position dropped.
fn ring(positions: &[Position], scale: f64) -> Option<Vec<GridPoint>> {
    let mut points = positions
        .iter()
        .map(|pos| {
            let (lon, lat) = match pos.as_slice() {
                [lon, lat, ..] => (*lon, *lat),
                _ => return None,
            };
            // Finite and bounded (far beyond any real degree value), so that neither a
            // finer grid nor differences between points can overflow.
            let grid = |v: f64| (v.abs() < 1e8).then(|| (v * scale).round() as i64);
            Some(GridPoint {
                lon: grid(lon)?,
                lat: grid(lat)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    (points.len() >= 3).then_some(points)
}
