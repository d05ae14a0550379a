//! The data files in a compact binary form, made by `build.rs` at compile time so that
//! the app ships no JSON text and parses none at start-up.
//!
//! - **Boundaries** (`data/geo/*.geojson`): `build.rs` reads them with [`from_geojson`]
//!   and writes them together with [`encode`], each border that several rings share
//!   stored once (as in TopoJSON); [`crate::plan::boundaries`] reads them back with
//!   [`decode`] and checks every feature as it would the text. Tests that feed the app
//!   broken files use [`from_geojson`] too. Lossless: coordinates are integers on the
//!   coarsest decimal grid that holds every one of them exactly (4 decimals for the
//!   committed files), read back as the same decimal numbers, and every ring keeps its
//!   points and its first point.
//! - **Plan and anchors** (`data/plan.json`, `data/geo/anchors.json`): `build.rs` writes
//!   their JSON values with [`encode_json`]; [`from_json_bytes`] deserialises the plan
//!   model from them through the same `Deserialize` impls as the JSON text, so the model
//!   is described once. Structs are read as sequences of their fields looked up by name,
//!   a much lighter path through the derived code than JSON maps; keys that a struct
//!   does not name are passed over here (the JSON text path, which native tests run on
//!   the same files, rejects them).
//!
//! `build.rs` compiles this file as well (by `#[path]`), so it uses only `std`, `serde`
//! and `serde_json`.
//!
//! Integers are unsigned LEB128, signed ones zigzag-encoded first; strings are a byte
//! length and UTF-8.
//!
//! Boundaries: the grid's number of decimals; the arc count and per arc its point
//! count and each point as the signed difference from the point before it (over all
//! arcs) in grid units, longitude then latitude; the collection count, and per
//! collection its feature count and per feature four optional strings (adcode, name,
//! level, parent: 0 for none, else 1 + byte length, then UTF-8), then 0 for no valid
//! polygon geometry or 1 + the polygon count; per polygon its ring count, per ring the
//! position of its first point in its joined arcs, its arc count and the arcs (signed:
//! `i` for arc `i`, `!i` for it reversed; consecutive arcs share their end points and
//! the last one ends where the first begins).
//!
//! JSON: a tag byte per value (see `tag`), then nothing (null, false, true), an
//! integer (non-negative or negative integer), 8 little-endian bytes (other numbers), a
//! string, or a count and the items (array) or the key strings and values (object).

use geojson::{GeoJson, GeometryValue, PolygonType, Position};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// A position on a collection's grid: degrees × 10^decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
                adcode: text_prop("adcode"),
                name: text_prop("name"),
                level: text_prop("level"),
                parent: text_prop("parent"),
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

/// Boundary collections in the binary form described in the module docs, all on the
/// finest of their grids so that borders they share are stored once.
pub fn encode(collections: &[Collection]) -> Vec<u8> {
    let decimals = collections.iter().map(|c| c.decimals).max().unwrap_or(0);
    let on_grid = |c: &Collection, p: GridPoint| {
        // Exact: coordinates are bounded (see `from_geojson`), so this cannot overflow.
        let k = 10i64.pow(decimals - c.decimals);
        GridPoint {
            lon: p.lon * k,
            lat: p.lat * k,
        }
    };
    let rings: Vec<Vec<GridPoint>> = collections
        .iter()
        .flat_map(|c| {
            c.features
                .iter()
                .flat_map(|f| f.polygons.iter().flatten().flatten())
                .map(move |ring| ring.iter().map(|&p| on_grid(c, p)).collect())
        })
        .collect();
    let topology = Topology::of(&rings);

    let mut out = Vec::new();
    put_uint(&mut out, u64::from(decimals));
    put_uint(&mut out, topology.arcs.len() as u64);
    let mut last = GridPoint::default();
    for arc in &topology.arcs {
        put_uint(&mut out, arc.len() as u64);
        for &p in arc {
            put_int(&mut out, p.lon - last.lon);
            put_int(&mut out, p.lat - last.lat);
            last = p;
        }
    }
    let mut rings = topology.rings.iter();
    put_uint(&mut out, collections.len() as u64);
    for c in collections {
        put_uint(&mut out, c.features.len() as u64);
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
                for ring in rings.by_ref().take(polygon.len()) {
                    put_uint(&mut out, ring.start as u64);
                    put_uint(&mut out, ring.arcs.len() as u64);
                    for &arc in &ring.arcs {
                        put_int(&mut out, arc);
                    }
                }
            }
        }
    }
    out
}

/// Rings cut into arcs at the points where borders meet (as in TopoJSON), each arc
/// stored once however many rings run along it.
struct Topology {
    /// The arcs; consecutive arcs of a ring share their end points.
    arcs: Vec<Vec<GridPoint>>,
    /// Each ring as its arcs, in the order of the input.
    rings: Vec<RingArcs>,
}

/// A ring as arcs: index `i` for arc `i`, `!i` for it reversed.
struct RingArcs {
    /// Where the ring's first point is in the joined arcs.
    start: usize,
    arcs: Vec<i64>,
}

impl Topology {
    fn of(rings: &[Vec<GridPoint>]) -> Topology {
        // A junction is a point whose neighbours differ between the rings through it.
        let mut neighbours: HashMap<GridPoint, Option<(GridPoint, GridPoint)>> = HashMap::new();
        for ring in rings {
            let n = ring.len();
            for (i, &p) in ring.iter().enumerate() {
                let (a, b) = (ring[(i + n - 1) % n], ring[(i + 1) % n]);
                let pair = if (a.lon, a.lat) <= (b.lon, b.lat) {
                    (a, b)
                } else {
                    (b, a)
                };
                neighbours
                    .entry(p)
                    .and_modify(|seen| {
                        if *seen != Some(pair) {
                            *seen = None;
                        }
                    })
                    .or_insert(Some(pair));
            }
        }
        let is_junction = |p: &GridPoint| neighbours.get(p).is_some_and(Option::is_none);
        let mut topology = Topology {
            arcs: Vec::new(),
            rings: Vec::new(),
        };
        let mut index: HashMap<Vec<GridPoint>, i64> = HashMap::new();
        for ring in rings {
            let n = ring.len();
            // Start at a junction, or for a ring without one at its smallest point, so
            // that equal rings give equal arcs.
            let first = ring.iter().position(is_junction).unwrap_or_else(|| {
                (0..n)
                    .min_by_key(|&i| (ring[i].lon, ring[i].lat))
                    .unwrap_or(0)
            });
            let mut joined: Vec<GridPoint> = ring[first..]
                .iter()
                .chain(&ring[..first])
                .copied()
                .collect();
            joined.extend(joined.first().copied());
            let mut cuts: Vec<usize> = (1..n).filter(|&i| is_junction(&joined[i])).collect();
            cuts.insert(0, 0);
            cuts.push(n);
            let arcs = if n == 0 {
                Vec::new()
            } else {
                cuts.windows(2)
                    .map(|w| topology.arc(&mut index, &joined[w[0]..=w[1]]))
                    .collect()
            };
            topology.rings.push(RingArcs {
                start: (n - first) % n.max(1),
                arcs,
            });
        }
        topology
    }

    /// The reference to an arc with these points, added if neither it nor its reverse
    /// is stored yet.
    fn arc(&mut self, index: &mut HashMap<Vec<GridPoint>, i64>, points: &[GridPoint]) -> i64 {
        if let Some(&i) = index.get(points) {
            return i;
        }
        let reversed: Vec<GridPoint> = points.iter().rev().copied().collect();
        if let Some(&i) = index.get(&reversed) {
            return !i;
        }
        let i = self.arcs.len() as i64;
        self.arcs.push(points.to_vec());
        index.insert(points.to_vec(), i);
        i
    }
}

/// Reads what [`encode`] wrote; an error names what is wrong with the bytes.
pub fn decode(bytes: &[u8]) -> Result<Vec<Collection>, String> {
    let mut r = Reader { bytes, at: 0 };
    let decimals = u32::try_from(r.uint()?)
        .ok()
        .filter(|d| *d <= MAX_DECIMALS)
        .ok_or("packed data: bad grid")?;
    let mut last = GridPoint::default();
    let mut arcs = Vec::new();
    for _ in 0..r.len()? {
        let mut arc = Vec::new();
        for _ in 0..r.len()? {
            last = GridPoint {
                lon: last.lon.wrapping_add(r.int()?),
                lat: last.lat.wrapping_add(r.int()?),
            };
            arc.push(last);
        }
        arcs.push(arc);
    }
    let ring = |r: &mut Reader| -> Result<Vec<GridPoint>, String> {
        let start = r.len()?;
        let mut points: Vec<GridPoint> = Vec::new();
        for _ in 0..r.len()? {
            let i = r.int()?;
            let arc = usize::try_from(if i < 0 { !i } else { i })
                .ok()
                .and_then(|i| arcs.get(i))
                .ok_or("packed data: bad arc")?;
            // Consecutive arcs share their end points.
            let skip = usize::from(!points.is_empty());
            if i < 0 {
                points.extend(arc.iter().rev().skip(skip));
            } else {
                points.extend(arc.iter().skip(skip));
            }
        }
        // The last point closes the ring.
        points.pop();
        if start > points.len() {
            return Err("packed data: bad ring".into());
        }
        points.rotate_left(start);
        Ok(points)
    };
    let mut collections = Vec::new();
    for _ in 0..r.len()? {
        let count = r.len()?;
        let mut features = Vec::with_capacity(count);
        for _ in 0..count {
            let mut prop = || r.optional_str();
            let (adcode, name, level, parent) = (prop()?, prop()?, prop()?, prop()?);
            let polygons = match r.len()? {
                0 => None,
                n => Some(
                    (1..n)
                        .map(|_| (0..r.len()?).map(|_| ring(&mut r)).collect())
                        .collect::<Result<_, String>>()?,
                ),
            };
            features.push(Feature {
                adcode,
                name,
                level,
                parent,
                polygons,
            });
        }
        collections.push(Collection { decimals, features });
    }
    if r.at != bytes.len() {
        return Err("packed data: trailing bytes".into());
    }
    Ok(collections)
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

/// Tags of the packed JSON values.
mod tag {
    pub const NULL: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const UINT: u8 = 3;
    pub const NEG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const STRING: u8 = 6;
    pub const ARRAY: u8 = 7;
    pub const OBJECT: u8 = 8;
}

/// A JSON value (`plan.json`, `anchors.json`) in the binary form described in the
/// module docs.
pub fn encode_json(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    put_json(&mut out, value);
    out
}

fn put_json(out: &mut Vec<u8>, value: &Value) {
    let put_str = |out: &mut Vec<u8>, s: &str| {
        put_uint(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    };
    match value {
        Value::Null => out.push(tag::NULL),
        Value::Bool(false) => out.push(tag::FALSE),
        Value::Bool(true) => out.push(tag::TRUE),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => {
                out.push(tag::UINT);
                put_uint(out, u);
            }
            (None, Some(i), _) => {
                out.push(tag::NEG_INT);
                put_int(out, i);
            }
            (None, None, f) => {
                out.push(tag::FLOAT);
                out.extend_from_slice(&f.unwrap_or(f64::NAN).to_le_bytes());
            }
        },
        Value::String(s) => {
            out.push(tag::STRING);
            put_str(out, s);
        }
        Value::Array(items) => {
            out.push(tag::ARRAY);
            put_uint(out, items.len() as u64);
            items.iter().for_each(|item| put_json(out, item));
        }
        Value::Object(entries) => {
            out.push(tag::OBJECT);
            put_uint(out, entries.len() as u64);
            for (key, value) in entries {
                put_str(out, key);
                put_json(out, value);
            }
        }
    }
}

/// Deserialises a `T` from what [`encode_json`] wrote, through `T`'s `Deserialize` impl
/// (the same one that reads the JSON text).
pub fn from_json_bytes<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let mut values = Values(Reader { bytes, at: 0 });
    let value = T::deserialize(&mut values)?;
    if values.0.at != bytes.len() {
        return Err(Error("packed data: trailing bytes".into()));
    }
    Ok(value)
}

/// Why packed JSON could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    // Without the value found: describing it (a float, say) costs kilobytes of wasm, and
    // the JSON text path, which native tests run on the same files, names it anyway.
    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("expected {expected}"))
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid value, expected {expected}"))
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error(message)
    }
}

/// The serde deserialiser of packed JSON values.
struct Values<'de>(Reader<'de>);

impl<'de> Values<'de> {
    /// An object's keys, each with where its value starts; leaves the reader after the
    /// object. (Not generic, so that this code exists once rather than once per struct.)
    fn object_entries(&mut self) -> Result<Vec<(&'de str, usize)>, Error> {
        if self.0.byte()? != tag::OBJECT {
            return Err(Error("expected an object".into()));
        }
        let mut entries = Vec::new();
        for _ in 0..self.0.len()? {
            let key = self.0.str()?;
            entries.push((key, self.0.at));
            self.skip()?;
        }
        Ok(entries)
    }

    /// Passes over one value.
    fn skip(&mut self) -> Result<(), Error> {
        match self.0.byte()? {
            tag::NULL | tag::FALSE | tag::TRUE => {}
            tag::UINT | tag::NEG_INT => {
                self.0.uint()?;
            }
            tag::FLOAT => {
                self.0.take(8)?;
            }
            tag::STRING => {
                self.0.str()?;
            }
            tag::ARRAY => {
                for _ in 0..self.0.len()? {
                    self.skip()?;
                }
            }
            tag::OBJECT => {
                for _ in 0..self.0.len()? {
                    self.0.str()?;
                    self.skip()?;
                }
            }
            _ => return Err(Error("packed data: bad value".into())),
        }
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut Values<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.byte()? {
            tag::NULL => visitor.visit_unit(),
            tag::FALSE => visitor.visit_bool(false),
            tag::TRUE => visitor.visit_bool(true),
            tag::UINT => visitor.visit_u64(self.0.uint()?),
            tag::NEG_INT => visitor.visit_i64(self.0.int()?),
            tag::FLOAT => visitor.visit_f64(self.0.f64()?),
            tag::STRING => visitor.visit_borrowed_str(self.0.str()?),
            tag::ARRAY => {
                let mut items = Items {
                    left: self.0.len()?,
                    values: self,
                };
                let value = visitor.visit_seq(&mut items)?;
                // Whatever the visitor did not read.
                for _ in 0..items.left {
                    items.values.skip()?;
                }
                Ok(value)
            }
            tag::OBJECT => {
                let mut entries = Entries {
                    left: self.0.len()?,
                    values: self,
                };
                let value = visitor.visit_map(&mut entries)?;
                for _ in 0..entries.left {
                    entries.values.0.str()?;
                    entries.values.skip()?;
                }
                Ok(value)
            }
            _ => Err(Error("packed data: bad value".into())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.bytes.get(self.0.at) == Some(&tag::NULL) {
            self.0.at += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Structs are read as the sequence of their fields, each looked up by name; a missing
    /// field reads as the end of the sequence, which the derived code answers with the
    /// field's default or an error. Keys the struct does not name are passed over.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let entries = self.object_entries()?;
        let end = self.0.at;
        let value = visitor.visit_seq(Fields {
            values: &mut *self,
            entries,
            fields: fields.iter(),
        })?;
        self.0.at = end;
        Ok(value)
    }

    /// Enums of unit variants, written as their names (as in the JSON).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if self.0.byte()? != tag::STRING {
            return Err(Error("expected a string".into()));
        }
        visitor.visit_enum(BorrowedStrDeserializer::new(self.0.str()?))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The items of an array.
struct Items<'a, 'de> {
    values: &'a mut Values<'de>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.values).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// The entries of an object read as a map.
struct Entries<'a, 'de> {
    values: &'a mut Values<'de>,
    left: usize,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let key = self.values.0.str()?;
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut *self.values)
    }
}

/// A struct's fields in declaration order, from an object's entries.
struct Fields<'a, 'de> {
    values: &'a mut Values<'de>,
    entries: Vec<(&'de str, usize)>,
    fields: std::slice::Iter<'static, &'static str>,
}

impl Fields<'_, '_> {
    /// Moves to the next field's value; false if the object has none. (Not generic, so
    /// that this code exists once rather than once per field type.)
    fn next_field(&mut self) -> bool {
        let entries = &self.entries;
        let found = self
            .fields
            .next()
            .and_then(|field| entries.iter().find(|(key, _)| key == field));
        if let Some(&(_, at)) = found {
            self.values.0.at = at;
        }
        found.is_some()
    }
}

impl<'de> SeqAccess<'de> for Fields<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.next_field() {
            return Ok(None);
        }
        seed.deserialize(&mut *self.values).map(Some)
    }
}

/// Reads the integers and strings of both forms, each error naming what is wrong.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).ok_or("packed data: bad count")?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or("packed data: cut short")?;
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
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

    fn text(&mut self, len: usize) -> Result<&'a str, String> {
        std::str::from_utf8(self.take(len)?).map_err(|_| "packed data: bad text".into())
    }

    fn optional_str(&mut self) -> Result<Option<String>, String> {
        match self.len()? {
            0 => Ok(None),
            n => Ok(Some(self.text(n - 1)?.to_owned())),
        }
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let n = self.len()?;
        self.text(n)
    }

    fn f64(&mut self) -> Result<f64, String> {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(bytes))
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
        assert_eq!(decode(&encode(std::slice::from_ref(&c))), Ok(vec![c]));
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
        let rings: Vec<Vec<GridPoint>> = collections
            .iter()
            .flat_map(|c| &c.features)
            .flat_map(|f| f.polygons.iter().flatten().flatten().cloned())
            .collect();
        let on_one_grid: Vec<Vec<GridPoint>> = rings[..2]
            .iter()
            .map(|r| {
                r.iter()
                    .map(|p| GridPoint {
                        lon: p.lon * 10,
                        lat: p.lat * 10,
                    })
                    .collect()
            })
            .chain([rings[2].clone()])
            .collect();
        let topology = Topology::of(&on_one_grid);
        let points: usize = topology.arcs.iter().map(Vec::len).sum();
        // The shared edge (2 points) is one arc; the third ring is all shared.
        assert_eq!(topology.arcs.len(), 3, "{:?}", topology.arcs);
        assert_eq!(points, 2 + 4 + 4);
        let decoded = decode(&encode(&collections)).unwrap();
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

    #[test]
    fn broken_bytes_are_an_error_not_a_panic() {
        let bytes = encode(&neighbours());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(&[0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 1]).is_err());
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Whole,
        Partial,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Entry {
        name: String,
        #[serde(default)]
        note: Option<String>,
        kinds: Vec<Kind>,
        #[serde(default)]
        member: bool,
        area: f64,
        count: u32,
        offset: i32,
    }

    fn packed_json(text: &str) -> Vec<u8> {
        encode_json(&serde_json::from_str(text).unwrap())
    }

    #[test]
    fn packed_json_reads_through_the_same_derives() {
        let text = r#"[{"offset":-3,"kinds":["whole","partial"],"area":12.1,"count":7,"name":"a",
            "extra":{"x":[1,null]}},{"name":"b","note":"n","member":true,"kinds":[],"area":2,"count":0,"offset":1}]"#;
        let packed: Vec<Entry> = from_json_bytes(&packed_json(text)).unwrap();
        let json: Vec<Entry> =
            serde_json::from_str(&text.replace(r#","extra":{"x":[1,null]}"#, "")).unwrap();
        assert_eq!(packed, json);
        assert_eq!(
            packed[0].note, None,
            "missing optional fields take their default"
        );
    }

    #[test]
    fn packed_json_reports_wrong_data() {
        let missing = packed_json(r#"{"kinds":[],"area":1,"count":1,"offset":1}"#);
        assert!(from_json_bytes::<Entry>(&missing).is_err());
        let bad_enum = packed_json(r#"{"name":"a","kinds":["sea"],"area":1,"count":1,"offset":1}"#);
        let e = from_json_bytes::<Entry>(&bad_enum).unwrap_err();
        assert!(e.to_string().contains("unknown variant `sea`"), "{e}");
        let bad_type = packed_json(r#"{"name":1.5,"kinds":[],"area":1,"count":1,"offset":1}"#);
        let e = from_json_bytes::<Entry>(&bad_type).unwrap_err();
        assert_eq!(e.to_string(), "expected a string");
        let bytes = packed_json(r#"{"name":"a","kinds":[],"area":1,"count":1,"offset":1}"#);
        for cut in 0..bytes.len() {
            assert!(
                from_json_bytes::<Entry>(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn finer_coordinates_get_a_finer_grid() {
        assert_eq!(grid_decimals(&[1.0, 2.5, -3.25]), 2);
        assert_eq!(grid_decimals(&[0.1 + 0.2]), 1);
        assert_eq!(grid_decimals(&[std::f64::consts::PI]), MAX_DECIMALS);
    }
}
