//! Boundaries from the boundary files (`data/geo/*.geojson`) in the packed form the app
//! embeds, each feature checked.

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

/// Reads the boundary files from the packed form `build/main.rs` made of them (see
/// [`packed`]), in order, checking every feature (see [`from_collection`]).
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

/// The boundaries of one file (`file` names it in error messages). Every bad feature is
/// reported, not just the first.
pub fn from_collection(file: &str, collection: &Collection) -> Result<Vec<Boundary>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, feature) in collection.features.iter().enumerate() {
        let props = &feature.properties;
        let code = |prop: &Option<String>| prop.as_deref().and_then(|s| s.parse::<Adcode>().ok());
        let adcode = code(&props.adcode);
        let parent = code(&props.parent);
        let level = match props.level.as_deref() {
            Some("district") => Some(Level::District),
            Some("city") => Some(Level::City),
            Some("province") => Some(Level::Province),
            _ => None,
        };
        let name_zh = props.name.as_deref().filter(|s| !s.is_empty());
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
                    crate::i18n::join(missing, ", ")
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
