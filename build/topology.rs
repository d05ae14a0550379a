//! Cuts boundary rings into arcs where borders meet (as in TopoJSON), so that a border
//! that several rings share is stored once: the domain part of the packed boundaries
//! (see `src/plan/packed.rs`). Build-time and test-time only, included by `#[path]`
//! beside `packed` like `build/boundary_files.rs`.

use super::packed::{Collection, GridPoint, TopoFeature, TopoRing, Topology};
use std::collections::HashMap;

/// Boundary collections as [`Topology`], all on the finest of their grids so that the
/// borders they share are stored once.
pub fn pack(collections: &[Collection]) -> Topology {
    let decimals = collections.iter().map(|c| c.decimals).max().unwrap_or(0);
    let on_grid = |c: &Collection, p: GridPoint| {
        // Exact: the reader bounds coordinates, so this cannot overflow.
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
    let Arcs { arcs, rings } = Arcs::of(&rings);
    let mut last = GridPoint::default();
    let arcs = arcs
        .iter()
        .map(|arc| {
            arc.iter()
                .map(|&p| {
                    let delta = (p.lon - last.lon, p.lat - last.lat);
                    last = p;
                    delta
                })
                .collect()
        })
        .collect();
    let mut rings = rings.into_iter();
    let collections = collections
        .iter()
        .map(|c| {
            c.features
                .iter()
                .map(|f| TopoFeature {
                    properties: f.properties.clone(),
                    polygons: f.polygons.as_ref().map(|polygons| {
                        polygons
                            .iter()
                            .map(|polygon| rings.by_ref().take(polygon.len()).collect())
                            .collect()
                    }),
                })
                .collect()
        })
        .collect();
    Topology {
        decimals,
        arcs,
        collections,
    }
}

/// Rings cut into arcs at the points where borders meet (as in TopoJSON), each arc
/// stored once however many rings run along it.
struct Arcs {
    /// The arcs; consecutive arcs of a ring share their end points.
    arcs: Vec<Vec<GridPoint>>,
    /// Each ring as its arcs, in the order of the input.
    rings: Vec<TopoRing>,
}

impl Arcs {
    fn of(rings: &[Vec<GridPoint>]) -> Arcs {
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
        let mut topology = Arcs {
            arcs: Vec::new(),
            rings: Vec::new(),
        };
        let mut index: HashMap<Vec<GridPoint>, i32> = HashMap::new();
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
            topology.rings.push(TopoRing {
                start: ((n - first) % n.max(1)) as u32,
                arcs,
            });
        }
        topology
    }

    /// The reference to an arc with these points, added if neither it nor its reverse
    /// is stored yet.
    fn arc(&mut self, index: &mut HashMap<Vec<GridPoint>, i32>, points: &[GridPoint]) -> i32 {
        if let Some(&i) = index.get(points) {
            return i;
        }
        let reversed: Vec<GridPoint> = points.iter().rev().copied().collect();
        if let Some(&i) = index.get(&reversed) {
            return !i;
        }
        let i = self.arcs.len() as i32;
        self.arcs.push(points.to_vec());
        index.insert(points.to_vec(), i);
        i
    }
}
