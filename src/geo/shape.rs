//! Projected shapes and what is measured on them: area, bounds, interior points.

use super::projection::Albers;
use super::{MultiPolygon, Point, Rect, Ring};

/// A polygon in map space: the outer ring first, then holes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shape {
    /// Rings in map kilometres; `rings[0]` is the outer boundary.
    pub rings: Vec<Vec<Point>>,
}

/// Projects every polygon of a multipolygon.
pub fn project(proj: &Albers, mp: &MultiPolygon) -> Vec<Shape> {
    let ring = |r: &Ring| r.0.iter().map(|&p| proj.project(p)).collect::<Vec<_>>();
    mp.0.iter()
        .map(|poly| Shape {
            rings: std::iter::once(&poly.exterior)
                .chain(&poly.holes)
                .map(ring)
                .collect(),
        })
        .collect()
}

/// Twice the signed area of a ring, its points read as `(x, y)` by `xy` (the shoelace
/// formula): positive when the ring turns counterclockwise with y pointing up.
pub fn twice_signed_area<T: Copy>(ring: &[T], xy: impl Fn(T) -> (f64, f64)) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let ((ax, ay), (bx, by)) = (xy(ring[i]), xy(ring[(i + 1) % n]));
            ax * by - bx * ay
        })
        .sum()
}

/// Signed shoelace area of a ring (km²). The sign depends on winding.
pub fn ring_area(ring: &[Point]) -> f64 {
    twice_signed_area(ring, |p| (p.x, p.y)) / 2.0
}

/// Area of one polygon: its outer ring less its holes (km²).
pub fn shape_area(shape: &Shape) -> f64 {
    let mut rings = shape.rings.iter().map(|r| ring_area(r).abs());
    let outer = rings.next().unwrap_or(0.0);
    outer - rings.sum::<f64>()
}

/// Area of a unit (km²). Because the projection is equal-area this is the area on the
/// sphere, up to the straight edges between boundary vertices.
pub fn area_km2(shapes: &[Shape]) -> f64 {
    shapes.iter().map(shape_area).sum()
}

/// The bounding rectangle of all rings.
pub fn bounds(shapes: &[Shape]) -> Rect {
    Rect::around(
        shapes
            .iter()
            .flat_map(|s| s.rings.iter().flatten().copied()),
    )
}

/// A point well inside the largest polygon, for a label or a tooltip anchor.
///
/// Scans a few horizontal lines across the polygon and takes the middle of the widest
/// inside span; unlike the centroid it always lies inside, even for crescents.
pub fn interior_point(shapes: &[Shape]) -> Option<Point> {
    let largest = shapes
        .iter()
        .max_by(|a, b| shape_area(a).total_cmp(&shape_area(b)))?;
    let b = bounds(std::slice::from_ref(largest));
    if b.is_empty() {
        return None;
    }
    const LINES: usize = 9;
    let mid_y = b.center().y;
    // Prefer wide spans, and among similar widths the one nearest the vertical middle.
    let score = |&(x0, x1, y): &(f64, f64, f64)| (x1 - x0) - 0.3 * (y - mid_y).abs();
    (1..=LINES)
        .filter_map(|i| {
            widest_span(
                largest,
                b.min_y + b.height() * i as f64 / (LINES + 1) as f64,
            )
        })
        .max_by(|a, b| score(a).total_cmp(&score(b)))
        .map(|(x0, x1, y)| Point::new((x0 + x1) / 2.0, y))
}

/// The widest inside span `(x0, x1, y)` of the horizontal line at `y`.
fn widest_span(shape: &Shape, y: f64) -> Option<(f64, f64, f64)> {
    let mut xs: Vec<f64> = shape
        .rings
        .iter()
        .flat_map(|ring| {
            let n = ring.len();
            (0..n).filter_map(move |i| {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                let crosses = (a.y <= y) != (b.y <= y);
                crosses.then(|| a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
            })
        })
        .collect();
    super::sort_small_by(&mut xs, |a, b| a.total_cmp(b).is_lt());
    xs.chunks_exact(2)
        .map(|pair| (pair[0], pair[1], y))
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
}

/// True if `p` lies inside the shape (even–odd rule over all rings).
pub fn contains(shape: &Shape, p: Point) -> bool {
    shape.rings.iter().fold(false, |inside, ring| {
        let n = ring.len();
        (0..n).fold(inside, |inside, i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let crosses =
                (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            inside ^ crosses
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Vec<Point> {
        vec![
            Point::new(x, y),
            Point::new(x + side, y),
            Point::new(x + side, y + side),
            Point::new(x, y + side),
        ]
    }

    #[test]
    fn area_subtracts_holes() {
        let shape = Shape {
            rings: vec![square(0.0, 0.0, 10.0), square(2.0, 2.0, 2.0)],
        };
        assert_eq!(shape_area(&shape), 96.0);
        assert_eq!(area_km2(&[shape.clone(), shape]), 192.0);
    }

    #[test]
    fn interior_point_of_a_crescent_is_inside() {
        // A "C" shape whose centroid lies in the empty middle.
        let c = Shape {
            rings: vec![vec![
                Point::new(0.0, 0.0),
                Point::new(10.0, 0.0),
                Point::new(10.0, 2.0),
                Point::new(2.0, 2.0),
                Point::new(2.0, 8.0),
                Point::new(10.0, 8.0),
                Point::new(10.0, 10.0),
                Point::new(0.0, 10.0),
            ]],
        };
        let p = interior_point(std::slice::from_ref(&c)).unwrap();
        assert!(contains(&c, p), "{p:?}");
    }

    #[test]
    fn contains_respects_holes() {
        let shape = Shape {
            rings: vec![square(0.0, 0.0, 10.0), square(2.0, 2.0, 2.0)],
        };
        assert!(contains(&shape, Point::new(5.0, 5.0)));
        assert!(!contains(&shape, Point::new(3.0, 3.0)));
        assert!(!contains(&shape, Point::new(11.0, 3.0)));
    }
}
