//! The data files in the form `build/main.rs` embeds them: [postcard] (a standard serde
//! format) of the typed model, so that the app ships no JSON text and parses none at
//! start-up. See docs/DATA.md.
//!
//! - **Plan and anchors** (`data/plan.json`, `data/geo/anchors.json`): the build reads
//!   them strictly into the model types with `serde_json` and writes them with postcard;
//!   [`read`] reads them back through the same derives.
//! - **Boundaries** (`data/geo/*.geojson`): the domain part is ours. The build reads the
//!   GeoJSON (`build/boundary_files.rs`) onto the coarsest decimal grid that holds every
//!   coordinate exactly, and cuts the rings into arcs where borders meet
//!   (`build/topology.rs`, as in TopoJSON), so that a border several rings share is
//!   stored once: [`Topology`], written with postcard. [`decode`] joins the arcs back
//!   into rings. Lossless: each ring keeps its points and its first point, and every
//!   coordinate reads back as the decimal number the file wrote.
//!
//! This file is compiled into the build script too (by `#[path]`), so it uses only `std`,
//! `serde` and `postcard`.

use serde::{Deserialize, Serialize};

/// Reads one value from postcard bytes; the bytes must hold that value and nothing else.
pub fn read<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err("packed data: trailing bytes".into()),
        Err(e) => Err(unreadable(e)),
    }
}

/// What a postcard error says: in full natively (the build script, the tests), one fixed
/// line in the browser, so that the wasm carries neither postcard's messages nor their
/// formatting (≈ 0.7 KB of text; the build has read the same bytes back already).
#[cfg(not(target_arch = "wasm32"))]
fn unreadable(e: postcard::Error) -> String {
    format!("packed data: {e}")
}

/// See the native version.
#[cfg(target_arch = "wasm32")]
fn unreadable(_: postcard::Error) -> String {
    "packed data: unreadable".into()
}

/// A position on a collection's grid: degrees × 10^decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct GridPoint {
    /// Longitude in grid units.
    pub lon: i64,
    /// Latitude in grid units.
    pub lat: i64,
}

/// A polygon on the grid: its outer ring first, then holes. Rings are not closed (the
/// first point is not repeated at the end) and have at least three points.
pub type GridPolygon = Vec<Vec<GridPoint>>;

/// The properties of a boundary feature that the plan reads, each if it is a string.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Properties {
    /// `adcode`.
    pub adcode: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `level`.
    pub level: Option<String>,
    /// `parent`.
    pub parent: Option<String>,
}

/// One boundary feature: its properties and its territory.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Feature {
    /// The properties the plan reads.
    pub properties: Properties,
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
pub const SCALE: [f64; MAX_DECIMALS as usize + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

impl Collection {
    /// Degrees of a grid coordinate: the decimal number the file wrote, as `str::parse`
    /// would read it (one exact division, so correctly rounded).
    pub fn degrees(&self, grid: i64) -> f64 {
        grid as f64 / SCALE[self.decimals.min(MAX_DECIMALS) as usize]
    }
}

/// Boundary collections as packed: all on one grid, their rings as arcs stored once.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Topology {
    /// Decimals of the grid all collections share (the finest of theirs).
    pub decimals: u32,
    /// The arcs; each point is its difference from the point before it (over all arcs,
    /// in grid units), so that postcard's varints keep it short.
    pub arcs: Vec<Vec<(i64, i64)>>,
    /// The collections, in the order of the files.
    pub collections: Vec<Vec<TopoFeature>>,
}

/// A feature as packed: its properties and its polygons as rings of arcs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TopoFeature {
    /// The properties.
    pub properties: Properties,
    /// Each polygon as its rings, `None` when the file had no valid polygon geometry.
    pub polygons: Option<Vec<Vec<TopoRing>>>,
}

/// A ring as a chain of arcs: consecutive arcs share their end points, and the last
/// ends where the first begins.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TopoRing {
    /// Where the ring's first point is in its joined arcs.
    pub start: u32,
    /// The arcs: `i` for arc `i`, `!i` for it reversed.
    pub arcs: Vec<i32>,
}

/// Reads the boundary collections the build packed (see [`Topology`]); an error says
/// what is wrong with the bytes.
pub fn decode(bytes: &[u8]) -> Result<Vec<Collection>, String> {
    Topology::read(bytes)?.unpack()
}

/// Postcard's encoding read by hand, for [`Topology::read`]: varints (zigzag for signed
/// numbers), a length before each sequence and string, a 0 or 1 before an option's value.
struct Wire<'a>(&'a [u8]);

/// What every malformed byte string gives (postcard's messages are left out, as in
/// [`unreadable`]).
fn bad<T>() -> Result<T, String> {
    Err("packed data: unreadable".into())
}

impl Wire<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let Some((&b, rest)) = self.0.split_first() else {
            return bad();
        };
        self.0 = rest;
        Ok(b)
    }

    /// An unsigned varint of at most `max` bytes, as postcard writes one.
    fn varint(&mut self, max: u32) -> Result<u64, String> {
        let mut value = 0u64;
        for i in 0..max {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        bad()
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.varint(5)?).or_else(|_| bad())
    }

    fn i32(&mut self) -> Result<i32, String> {
        let v = self.u32()?;
        Ok((v >> 1) as i32 ^ -((v & 1) as i32))
    }

    fn i64(&mut self) -> Result<i64, String> {
        let v = self.varint(10)?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A sequence's length; each element takes a byte at least, so a length beyond the
    /// bytes left is an error (and never a huge allocation).
    fn len(&mut self) -> Result<usize, String> {
        match usize::try_from(self.varint(10)?) {
            Ok(n) if n <= self.0.len() => Ok(n),
            _ => bad(),
        }
    }

    fn seq<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn option<T>(
        &mut self,
        value: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        match self.byte()? {
            0 => Ok(None),
            1 => value(self).map(Some),
            _ => bad(),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.len()?;
        let (text, rest) = self.0.split_at(n);
        self.0 = rest;
        match std::str::from_utf8(text) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => bad(),
        }
    }
}

impl Topology {
    /// Reads the bytes the build wrote with postcard, by hand: the same values as
    /// [`read`]`::<Topology>` (`tests/data.rs` compares them), without serde's generic
    /// deserializer in the wasm (issue 12).
    pub fn read(bytes: &[u8]) -> Result<Topology, String> {
        let w = &mut Wire(bytes);
        let decimals = w.u32()?;
        let arcs = w.seq(|w| w.seq(|w| Ok((w.i64()?, w.i64()?))))?;
        let collections = w.seq(|w| {
            w.seq(|w| {
                let mut text = || w.option(Wire::string);
                let properties = Properties {
                    adcode: text()?,
                    name: text()?,
                    level: text()?,
                    parent: text()?,
                };
                let polygons = w.option(|w| {
                    w.seq(|w| {
                        w.seq(|w| {
                            Ok(TopoRing {
                                start: w.u32()?,
                                arcs: w.seq(Wire::i32)?,
                            })
                        })
                    })
                })?;
                Ok(TopoFeature {
                    properties,
                    polygons,
                })
            })
        })?;
        if !w.0.is_empty() {
            return Err("packed data: trailing bytes".into());
        }
        Ok(Topology {
            decimals,
            arcs,
            collections,
        })
    }
}

impl Topology {
    /// The collections with every ring joined from its arcs.
    pub fn unpack(&self) -> Result<Vec<Collection>, String> {
        if self.decimals > MAX_DECIMALS {
            return Err("packed data: bad grid".into());
        }
        let mut last = GridPoint::default();
        let arcs: Vec<Vec<GridPoint>> = self
            .arcs
            .iter()
            .map(|arc| {
                arc.iter()
                    .map(|&(lon, lat)| {
                        last = GridPoint {
                            lon: last.lon.wrapping_add(lon),
                            lat: last.lat.wrapping_add(lat),
                        };
                        last
                    })
                    .collect()
            })
            .collect();
        let ring = |r: &TopoRing| -> Result<Vec<GridPoint>, String> {
            let mut points: Vec<GridPoint> = Vec::new();
            for &i in &r.arcs {
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
            let start = r.start as usize;
            if start > points.len() {
                return Err("packed data: bad ring".into());
            }
            points.rotate_left(start);
            Ok(points)
        };
        // Plain loops rather than nested `collect`s of `Result`s: the same work in less
        // wasm (issue 12).
        let mut collections = Vec::with_capacity(self.collections.len());
        for topo in &self.collections {
            let mut features = Vec::with_capacity(topo.len());
            for f in topo {
                let polygons = match &f.polygons {
                    None => None,
                    Some(topo_polygons) => {
                        let mut polygons = Vec::with_capacity(topo_polygons.len());
                        for rings in topo_polygons {
                            let mut polygon = Vec::with_capacity(rings.len());
                            for r in rings {
                                polygon.push(ring(r)?);
                            }
                            polygons.push(polygon);
                        }
                        Some(polygons)
                    }
                };
                features.push(Feature {
                    properties: f.properties.clone(),
                    polygons,
                });
            }
            collections.push(Collection {
                decimals: self.decimals,
                features,
            });
        }
        Ok(collections)
    }
}
