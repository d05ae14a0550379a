//! The boundary files (`data/geo/*.geojson`) in a compact binary form.
//!
//! `build.rs` reads the GeoJSON with [`from_geojson`] and writes it with [`encode`] at
//! compile time, so the app neither ships the text nor parses JSON for it at start-up:
//! [`crate::plan::boundaries`] reads the result with [`decode`] and checks every feature
//! as it would the text. Tests that feed the app broken files use [`from_geojson`] too.
//!
//! Lossless for the data: coordinates are stored as integers on the coarsest decimal
//! grid that holds every one of them exactly (4 decimals for the committed files), and
//! read back as the same decimal numbers.
//!
//! `build.rs` compiles this file as well (by `#[path]`), so it uses only `std` and
//! `serde_json`.
//!
//! Format: unsigned LEB128 integers, signed ones zigzag-encoded first. The grid's
//! number of decimals and the feature count; per feature four optional strings
//! (adcode, name, level, parent: 0 for none, else 1 + byte length, then UTF-8), then
//! 0 for no valid polygon geometry or 1 + the polygon count; per polygon its ring count,
//! per ring its point count and each point as the signed difference from the point
//! before it (in the whole file) in grid units, longitude then latitude.

use serde_json::Value;

/// A position on a collection's grid: degrees × 10^decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GridPoint {
    /// Longitude in grid units.
    pub lon: i64,
    /// Latitude in grid units.
    pub lat: i64,
}

/// A polygon on the grid: its outer ring first, then holes. Rings are not closed (the
/// first point is not repeated at the end) and have at least three points.
pub type GridPolygon = Vec<Vec<GridPoint>>;

/// One boundary feature: the properties the plan reads, and its territory.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Feature {
    /// The `adcode` property, if it is a string.
    pub adcode: Option<String>,
    /// The `name` property, if it is a string.
    pub name: Option<String>,
    /// The `level` property, if it is a string.
    pub level: Option<String>,
    /// The `parent` property, if it is a string.
    pub parent: Option<String>,
    /// The polygons; `None` when the geometry is missing or not a valid (Multi)Polygon.
    pub polygons: Option<Vec<GridPolygon>>,
}

/// A FeatureCollection of boundaries on one decimal grid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    /// Decimals of the grid (0 to [`MAX_DECIMALS`]).
    pub decimals: u32,
    /// The features in file order.
    pub features: Vec<Feature>,
}

/// The finest grid: 10⁻⁷° is about a centimetre, far below what the map can show.
pub const MAX_DECIMALS: u32 = 7;

/// Powers of ten up to [`MAX_DECIMALS`], each exact in `f64`.
const SCALE: [f64; MAX_DECIMALS as usize + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

impl Collection {
    /// Degrees of a grid coordinate: the decimal number the file wrote, as `str::parse`
    /// would read it (one exact division, so correctly rounded).
    pub fn degrees(&self, grid: i64) -> f64 {
        grid as f64 / SCALE[self.decimals.min(MAX_DECIMALS) as usize]
    }
}

/// Reads a GeoJSON FeatureCollection. A file that is not one is an error (named after
/// `file`); a feature with a missing property or a bad geometry is kept, with `None`
/// there, for the plan model to report.
pub fn from_geojson(file: &str, text: &str) -> Result<Collection, String> {
    let root: Value =
        serde_json::from_str(text).map_err(|e| format!("{file}: not valid GeoJSON ({e})"))?;
    if root["type"] != "FeatureCollection" {
        return Err(format!("{file}: not a FeatureCollection"));
    }
    let features = root["features"]
        .as_array()
        .ok_or_else(|| format!("{file}: not valid GeoJSON (no list of features)"))?;
    let mut numbers = Vec::new();
    for f in features {
        collect_numbers(&f["geometry"]["coordinates"], &mut numbers);
    }
    let decimals = grid_decimals(&numbers);
    let features = features
        .iter()
        .map(|f| {
            let text_prop = |key: &str| f["properties"][key].as_str().map(str::to_owned);
            Feature {
                adcode: text_prop("adcode"),
                name: text_prop("name"),
                level: text_prop("level"),
                parent: text_prop("parent"),
                polygons: polygons(&f["geometry"], SCALE[decimals as usize]),
            }
        })
        .collect();
    Ok(Collection { decimals, features })
}

fn collect_numbers(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_numbers(i, out)),
        Value::Number(n) => out.extend(n.as_f64()),
        _ => {}
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

fn polygons(geometry: &Value, scale: f64) -> Option<Vec<GridPolygon>> {
    let coordinates = &geometry["coordinates"];
    let polygons: Vec<&Value> = match geometry["type"].as_str() {
        Some("Polygon") => vec![coordinates],
        Some("MultiPolygon") => coordinates.as_array()?.iter().collect(),
        _ => return None,
    };
    let polygons = polygons
        .into_iter()
        .map(|p| polygon(p, scale))
        .collect::<Option<Vec<_>>>()?;
    (!polygons.is_empty()).then_some(polygons)
}

/// A polygon's rings; `None` unless the outer ring and every hole is a valid ring.
fn polygon(rings: &Value, scale: f64) -> Option<GridPolygon> {
    let rings = rings
        .as_array()?
        .iter()
        .map(|r| ring(r, scale))
        .collect::<Option<Vec<_>>>()?;
    (!rings.is_empty()).then_some(rings)
}

/// A ring of at least three points, with GeoJSON's repeated closing position dropped.
fn ring(positions: &Value, scale: f64) -> Option<Vec<GridPoint>> {
    let mut points = positions
        .as_array()?
        .iter()
        .map(|pos| {
            let lon = pos.get(0)?.as_f64()?;
            let lat = pos.get(1)?.as_f64()?;
            // Finite and bounded, so that differences between points cannot overflow.
            let grid = |v: f64| {
                let g = (v * scale).round();
                (g.abs() < 1e15).then_some(g as i64)
            };
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

/// The collection in the binary form described in the module docs.
pub fn encode(c: &Collection) -> Vec<u8> {
    let mut out = Vec::new();
    put_uint(&mut out, u64::from(c.decimals));
    put_uint(&mut out, c.features.len() as u64);
    let mut last = GridPoint::default();
    for f in &c.features {
        for prop in [&f.adcode, &f.name, &f.level, &f.parent] {
            match prop {
                None => put_uint(&mut out, 0),
                Some(s) => {
                    put_uint(&mut out, s.len() as u64 + 1);
                    out.extend_from_slice(s.as_bytes());
                }
            }
        }
        let Some(polygons) = &f.polygons else {
            put_uint(&mut out, 0);
            continue;
        };
        put_uint(&mut out, polygons.len() as u64 + 1);
        for polygon in polygons {
            put_uint(&mut out, polygon.len() as u64);
            for ring in polygon {
                put_uint(&mut out, ring.len() as u64);
                for &p in ring {
                    put_int(&mut out, p.lon - last.lon);
                    put_int(&mut out, p.lat - last.lat);
                    last = p;
                }
            }
        }
    }
    out
}

/// Reads what [`encode`] wrote; an error names what is wrong with the bytes.
pub fn decode(bytes: &[u8]) -> Result<Collection, String> {
    let mut r = Reader { bytes, at: 0 };
    let decimals = u32::try_from(r.uint()?)
        .ok()
        .filter(|d| *d <= MAX_DECIMALS)
        .ok_or("packed data: bad grid")?;
    let count = r.len()?;
    let mut last = GridPoint::default();
    let mut features = Vec::with_capacity(count);
    for _ in 0..count {
        let mut prop = || r.optional_str();
        let (adcode, name, level, parent) = (prop()?, prop()?, prop()?, prop()?);
        let polygons = match r.len()? {
            0 => None,
            n => {
                let mut polygons = Vec::with_capacity(n - 1);
                for _ in 1..n {
                    let mut rings = Vec::new();
                    for _ in 0..r.len()? {
                        let mut ring = Vec::new();
                        for _ in 0..r.len()? {
                            last = GridPoint {
                                lon: last.lon.wrapping_add(r.int()?),
                                lat: last.lat.wrapping_add(r.int()?),
                            };
                            ring.push(last);
                        }
                        rings.push(ring);
                    }
                    polygons.push(rings);
                }
                Some(polygons)
            }
        };
        features.push(Feature {
            adcode,
            name,
            level,
            parent,
            polygons,
        });
    }
    if r.at != bytes.len() {
        return Err("packed data: trailing bytes".into());
    }
    Ok(Collection { decimals, features })
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_int(out: &mut Vec<u8>, v: i64) {
    put_uint(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn uint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or("packed data: cut short")?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(v);
            }
        }
        Err("packed data: bad number".into())
    }

    fn int(&mut self) -> Result<i64, String> {
        let v = self.uint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count, bounded by the bytes left so that bad data cannot ask for huge buffers.
    fn len(&mut self) -> Result<usize, String> {
        usize::try_from(self.uint()?)
            .ok()
            .filter(|n| *n <= self.bytes.len())
            .ok_or_else(|| "packed data: bad count".into())
    }

    fn optional_str(&mut self) -> Result<Option<String>, String> {
        let n = self.len()?;
        if n == 0 {
            return Ok(None);
        }
        let end = self.at + n - 1;
        let text = self
            .bytes
            .get(self.at..end)
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or("packed data: bad text")?;
        self.at = end;
        Ok(Some(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"adcode":"220104","name":"朝阳区","level":"district","parent":"220100"},
        "geometry":{"type":"Polygon","coordinates":[[[125.3625,43.916],[126,43],[126.5,-44.0001],[125.3625,43.916]]]}},
        {"type":"Feature","properties":{"adcode":7},"geometry":null}]}"#;

    #[test]
    fn reads_properties_and_rings_on_the_coarsest_exact_grid() {
        let c = from_geojson("t", SQUARE).unwrap();
        assert_eq!(c.decimals, 4);
        let f = &c.features[0];
        assert_eq!(f.name.as_deref(), Some("朝阳区"));
        let ring = &f.polygons.as_ref().unwrap()[0][0];
        assert_eq!(ring.len(), 3, "closing point dropped");
        assert_eq!(c.degrees(ring[0].lon), 125.3625);
        assert_eq!(c.degrees(ring[2].lat), -44.0001);
        assert_eq!(c.features[1], Feature::default(), "bad parts are None");
    }

    #[test]
    fn encoding_round_trips() {
        let c = from_geojson("t", SQUARE).unwrap();
        assert_eq!(decode(&encode(&c)), Ok(c));
    }

    #[test]
    fn broken_bytes_are_an_error_not_a_panic() {
        let bytes = encode(&from_geojson("t", SQUARE).unwrap());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(&[0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 1]).is_err());
    }

    #[test]
    fn finer_coordinates_get_a_finer_grid() {
        assert_eq!(grid_decimals(&[1.0, 2.5, -3.25]), 2);
        assert_eq!(grid_decimals(&[0.1 + 0.2]), 1);
        assert_eq!(grid_decimals(&[std::f64::consts::PI]), MAX_DECIMALS);
    }
}
