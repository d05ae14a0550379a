//! Boundaries read from the embedded GeoJSON (`data/geo/*.geojson`).

use crate::geo::{LonLat, MultiPolygon, Polygon, Ring};
use crate::ids::Adcode;
use geojson::{GeoJson, GeometryValue, PolygonType};

/// Administrative level of a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// County-level unit (district, county, county-level city).
    District,
    /// Prefecture-level city.
    City,
    /// Province.
    Province,
}

/// One administrative boundary with its attributes.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// Administrative code.
    pub adcode: Adcode,
    /// Chinese name from the boundary index.
    pub name_zh: String,
    /// Administrative level.
    pub level: Level,
    /// Code of the enclosing unit.
    pub parent: Adcode,
    /// The territory.
    pub geometry: MultiPolygon,
}

/// Parses a FeatureCollection of boundaries. `file` names it in error messages.
/// Every bad feature is reported, not just the first.
pub fn parse_collection(file: &str, text: &str) -> Result<Vec<Boundary>, Vec<String>> {
    let collection = match text.parse::<GeoJson>() {
        Ok(GeoJson::FeatureCollection(fc)) => fc,
        Ok(_) => return Err(vec![format!("{file}: not a FeatureCollection")]),
        Err(e) => return Err(vec![format!("{file}: not valid GeoJSON ({e})")]),
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, feature) in collection.features.iter().enumerate() {
        let text_prop = |key: &str| feature.property(key).and_then(|v| v.as_str());
        let adcode = text_prop("adcode").and_then(|s| s.parse::<Adcode>().ok());
        let parent = text_prop("parent").and_then(|s| s.parse::<Adcode>().ok());
        let level = match text_prop("level") {
            Some("district") => Some(Level::District),
            Some("city") => Some(Level::City),
            Some("province") => Some(Level::Province),
            _ => None,
        };
        let name_zh = text_prop("name").filter(|s| !s.is_empty());
        let geometry = feature
            .geometry
            .as_ref()
            .and_then(|g| multipolygon(&g.value));
        match (adcode, parent, level, name_zh, geometry) {
            (Some(adcode), Some(parent), Some(level), Some(name), Some(geometry)) => {
                out.push(Boundary {
                    adcode,
                    name_zh: name.to_owned(),
                    level,
                    parent,
                    geometry,
                })
            }
            (adcode, parent, level, name, geometry) => {
                let mut missing = Vec::new();
                if adcode.is_none() {
                    missing.push("adcode");
                }
                if parent.is_none() {
                    missing.push("parent");
                }
                if level.is_none() {
                    missing.push("level");
                }
                if name.is_none() {
                    missing.push("name");
                }
                if geometry.is_none() {
                    missing.push("polygon geometry");
                }
                let which = adcode.map_or_else(|| format!("#{i}"), |a| a.to_string());
                errors.push(format!(
                    "{file}: feature {which} lacks a valid {}",
                    missing.join(", ")
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn multipolygon(value: &GeometryValue) -> Option<MultiPolygon> {
    let polygons: Vec<&PolygonType> = match value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        _ => return None,
    };
    let polygons: Option<Vec<Polygon>> = polygons.into_iter().map(polygon).collect();
    polygons.filter(|p| !p.is_empty()).map(MultiPolygon)
}

fn polygon(rings: &PolygonType) -> Option<Polygon> {
    let mut rings = rings.iter().map(|ring| {
        let mut points: Vec<LonLat> = ring
            .iter()
            .map(|pos| match pos.as_slice() {
                [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Some(LonLat {
                    lon: *lon,
                    lat: *lat,
                }),
                _ => None,
            })
            .collect::<Option<_>>()?;
        // GeoJSON repeats the first position at the end; our rings do not.
        if points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        (points.len() >= 3).then_some(Ring(points))
    });
    let exterior = rings.next()??;
    let holes = rings.collect::<Option<Vec<_>>>()?;
    Some(Polygon { exterior, holes })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"adcode":"220104","name":"朝阳区","level":"district","parent":"220100"},
        "geometry":{"type":"MultiPolygon","coordinates":[[[[125,43],[126,43],[126,44],[125,43]]]]}}]}"#;

    #[test]
    fn reads_a_feature() {
        let b = parse_collection("t", ONE).unwrap();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].adcode.as_str(), "220104");
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
}
