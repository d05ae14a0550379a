//! Boundaries read from the boundary files (`data/geo/*.geojson`), as GeoJSON text or in
//! the packed form the app embeds.

use super::packed::{self, Collection, GridPoint, GridPolygon};
use crate::geo::{LonLat, MultiPolygon, Polygon, Ring};
use crate::ids::Adcode;

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
#[derive(Debug, Clone, PartialEq)]
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

/// Parses a GeoJSON FeatureCollection of boundaries. `file` names it in error messages.
/// Every bad feature is reported, not just the first.
pub fn parse_collection(file: &str, text: &str) -> Result<Vec<Boundary>, Vec<String>> {
    let collection = packed::from_geojson(file, text).map_err(|e| vec![e])?;
    from_collection(file, &collection)
}

/// Reads the boundary files from the packed form `build.rs` made of them (see
/// [`packed`]), in order, checking every feature as [`parse_collection`] does.
pub fn unpack<const N: usize>(
    bytes: &[u8],
    files: [&str; N],
) -> [Result<Vec<Boundary>, Vec<String>>; N] {
    let collections = packed::decode(bytes).and_then(|c| {
        <[Collection; N]>::try_from(c).map_err(|_| "packed data: wrong number of files".into())
    });
    std::array::from_fn(|i| match &collections {
        Ok(collections) => from_collection(files[i], &collections[i]),
        Err(e) => Err(vec![format!("{}: {e}", files[i])]),
    })
}

fn from_collection(file: &str, collection: &Collection) -> Result<Vec<Boundary>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, feature) in collection.features.iter().enumerate() {
        let code = |prop: &Option<String>| prop.as_deref().and_then(|s| s.parse::<Adcode>().ok());
        let adcode = code(&feature.adcode);
        let parent = code(&feature.parent);
        let level = match feature.level.as_deref() {
            Some("district") => Some(Level::District),
            Some("city") => Some(Level::City),
            Some("province") => Some(Level::Province),
            _ => None,
        };
        let name_zh = feature.name.as_deref().filter(|s| !s.is_empty());
        let geometry = feature
            .polygons
            .as_deref()
            .map(|polygons| multipolygon(collection, polygons));
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

/// The polygons in degrees (each grid value is exactly the decimal the file wrote).
fn multipolygon(collection: &Collection, polygons: &[GridPolygon]) -> MultiPolygon {
    let ring = |points: &Vec<GridPoint>| {
        Ring(
            points
                .iter()
                .map(|p| LonLat {
                    lon: collection.degrees(p.lon),
                    lat: collection.degrees(p.lat),
                })
                .collect(),
        )
    };
    MultiPolygon(
        polygons
            .iter()
            .map(|rings| Polygon {
                exterior: rings.first().map(ring).unwrap_or_default(),
                holes: rings.iter().skip(1).map(ring).collect(),
            })
            .collect(),
    )
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
