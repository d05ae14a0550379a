//! Geometry: typed coordinates, the map projection, SVG path building, areas,
//! interior points and label placement. Pure functions, no DOM.

pub mod decimal;
pub mod label;
pub mod math;
pub mod path;
pub mod projection;
pub mod shape;

/// A geographic position in degrees (GeoJSON order: longitude, latitude).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// A closed ring of positions (the first position is not repeated at the end).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ring(pub Vec<LonLat>);

/// A polygon: one outer ring and any number of holes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Polygon {
    /// The outer boundary.
    pub exterior: Ring,
    /// Holes cut out of it.
    pub holes: Vec<Ring>,
}

/// A unit's territory: one or more polygons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MultiPolygon(pub Vec<Polygon>);

/// A point in map (projected) space: kilometres, x east, y **south** (SVG orientation).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Kilometres east of the projection origin.
    pub x: f64,
    /// Kilometres south of the projection origin.
    pub y: f64,
}

impl Point {
    /// A point from its coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    /// Straight-line distance to another point.
    pub fn distance(self, other: Point) -> f64 {
        math::hypot(self.x - other.x, self.y - other.y)
    }
}

/// An axis-aligned rectangle in map space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Smallest x.
    pub min_x: f64,
    /// Smallest y.
    pub min_y: f64,
    /// Largest x.
    pub max_x: f64,
    /// Largest y.
    pub max_y: f64,
}

impl Rect {
    /// The empty rectangle: extending it by a point gives that point.
    pub const EMPTY: Rect = Rect {
        min_x: f64::INFINITY,
        min_y: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        max_y: f64::NEG_INFINITY,
    };

    /// The smallest rectangle holding all the points.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Rect {
        points.into_iter().fold(Rect::EMPTY, Rect::including)
    }

    /// This rectangle grown to hold `p`.
    pub fn including(self, p: Point) -> Rect {
        Rect {
            min_x: self.min_x.min(p.x),
            min_y: self.min_y.min(p.y),
            max_x: self.max_x.max(p.x),
            max_y: self.max_y.max(p.y),
        }
    }

    /// The smallest rectangle holding both.
    pub fn union(self, other: Rect) -> Rect {
        Rect {
            min_x: self.min_x.min(other.min_x),
            min_y: self.min_y.min(other.min_y),
            max_x: self.max_x.max(other.max_x),
            max_y: self.max_y.max(other.max_y),
        }
    }

    /// True if no point was ever added.
    pub fn is_empty(&self) -> bool {
        self.min_x > self.max_x || self.min_y > self.max_y
    }

    /// Width in kilometres.
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    /// Height in kilometres.
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    /// The centre point.
    pub fn center(&self) -> Point {
        Point::new(
            (self.min_x + self.max_x) / 2.0,
            (self.min_y + self.max_y) / 2.0,
        )
    }

    /// The rectangle grown by `margin` on every side.
    pub fn padded(self, margin: f64) -> Rect {
        Rect {
            min_x: self.min_x - margin,
            min_y: self.min_y - margin,
            max_x: self.max_x + margin,
            max_y: self.max_y + margin,
        }
    }

    /// True if the two rectangles overlap (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min_x < other.max_x
            && other.min_x < self.max_x
            && self.min_y < other.max_y
            && other.min_y < self.max_y
    }

    /// True if `other` lies wholly inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        self.min_x <= other.min_x
            && self.min_y <= other.min_y
            && other.max_x <= self.max_x
            && other.max_y <= self.max_y
    }
}

/// Sorts `items` stably by `less` (an insertion sort): for the few elements the app sorts
/// at start-up (a scan line's crossings, the units' labels). `slice::sort_by`'s driftsort
/// is several KB of wasm for each element type it sorts (issue 12, docs/performance.md "Where the
/// bytes are"); both are stable, so the order is the same.
pub fn sort_small_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn sort_small_by_is_stable_and_sorts_like_sort_by() {
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (items.clone(), items);
            super::sort_small_by(&mut ours, |a, b| a.0 < b.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std);
        }
    }
}
