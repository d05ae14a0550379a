//! SVG path data built from map-space geometry. Built once per geometry at start-up.

use super::decimal::push_fixed;
use super::shape::Shape;
use super::Point;

/// Rounds to 0.01 km (10 m): finer than a pixel at the deepest zoom, and short text.
fn push_point(d: &mut String, cmd: char, p: Point) {
    d.push(cmd);
    push_fixed(d, p.x, 2);
    d.push(',');
    push_fixed(d, p.y, 2);
}

/// An elliptical arc's radii and flags (`A r,r 0 0 0 `), to be followed by its end point.
fn push_arc(d: &mut String, radius: f64) {
    d.push('A');
    push_fixed(d, radius, 2);
    d.push(',');
    push_fixed(d, radius, 2);
    d.push_str(" 0 0 0 ");
}

/// Path data for filled polygons (`M … L … Z` per ring; use `fill-rule="evenodd"`).
pub fn shapes_d(shapes: &[Shape]) -> String {
    let mut d = String::new();
    for ring in shapes.iter().flat_map(|s| &s.rings) {
        push_ring(&mut d, ring, true);
    }
    d
}

/// Path data for an open line through the points.
pub fn line_d(points: &[Point]) -> String {
    let mut d = String::new();
    push_ring(&mut d, points, false);
    d
}

fn push_ring(d: &mut String, points: &[Point], closed: bool) {
    for (i, &p) in points.iter().enumerate() {
        push_point(d, if i == 0 { 'M' } else { 'L' }, p);
    }
    if closed && !points.is_empty() {
        d.push('Z');
    }
}

/// Path data for a "capsule": the two points joined by a band of the given radius with
/// round ends. Used for the schematic cluster shapes.
pub fn capsule_d(a: Point, b: Point, radius: f64) -> String {
    let len = a.distance(b).max(f64::EPSILON);
    // Unit normal to the segment, scaled to the radius.
    let (nx, ny) = (-(b.y - a.y) / len * radius, (b.x - a.x) / len * radius);
    let mut d = String::new();
    push_point(&mut d, 'M', Point::new(a.x + nx, a.y + ny));
    push_point(&mut d, 'L', Point::new(b.x + nx, b.y + ny));
    push_arc(&mut d, radius);
    push_point(&mut d, ' ', Point::new(b.x - nx, b.y - ny));
    push_point(&mut d, 'L', Point::new(a.x - nx, a.y - ny));
    push_arc(&mut d, radius);
    push_point(&mut d, ' ', Point::new(a.x + nx, a.y + ny));
    d.push('Z');
    d
}

/// The polyline moved sideways by `offset` (to the left of the direction of travel for
/// positive values). Used so that belts sharing a road stay visible side by side.
pub fn offset_line(points: &[Point], offset: f64) -> Vec<Point> {
    let normal = |a: Point, b: Point| {
        let len = a.distance(b).max(f64::EPSILON);
        Point::new((b.y - a.y) / len, -(b.x - a.x) / len)
    };
    (0..points.len())
        .map(|i| {
            let before = (i > 0).then(|| normal(points[i - 1], points[i]));
            let after = (i + 1 < points.len()).then(|| normal(points[i], points[i + 1]));
            let n = match (before, after) {
                (Some(a), Some(b)) => {
                    let (x, y) = (a.x + b.x, a.y + b.y);
                    let len = super::math::hypot(x, y).max(f64::EPSILON);
                    // Miter join, limited so sharp turns do not shoot far out.
                    let cos_half = (len / 2.0).max(0.5);
                    Point::new(x / len / cos_half, y / len / cos_half)
                }
                (Some(n), None) | (None, Some(n)) => n,
                (None, None) => Point::default(),
            };
            Point::new(points[i].x + n.x * offset, points[i].y + n.y * offset)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygon_path_closes_each_ring() {
        let s = Shape {
            rings: vec![
                vec![
                    Point::new(0.0, 0.0),
                    Point::new(1.0, 0.0),
                    Point::new(1.0, 1.0),
                ],
                vec![
                    Point::new(0.2, 0.2),
                    Point::new(0.3, 0.2),
                    Point::new(0.3, 0.3),
                ],
            ],
        };
        assert_eq!(shapes_d(&[s]), "M0,0L1,0L1,1ZM0.2,0.2L0.3,0.2L0.3,0.3Z");
    }

    #[test]
    fn line_path_rounds_to_ten_metres() {
        let d = line_d(&[Point::new(1.23456, -2.0), Point::new(3.0, 4.005)]);
        assert_eq!(d, "M1.23,-2L3,4.01");
        assert_eq!(line_d(&[]), "");
    }

    #[test]
    fn capsule_has_two_round_ends() {
        let d = capsule_d(Point::new(0.0, 0.0), Point::new(10.0, 0.0), 2.0);
        assert_eq!(d.matches('A').count(), 2);
        assert!(d.starts_with("M0,2L10,2A2,2 0 0 0  10,-2L0,-2"), "{d}");
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn offset_line_moves_sideways_by_the_offset() {
        let line = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
        ];
        let moved = offset_line(&line, 1.0);
        // Left of travel east, in y-down space, is y − 1.
        assert_eq!(moved[0], Point::new(0.0, -1.0));
        // The corner moves diagonally so both legs stay 1 km away.
        assert!(
            (moved[1].x - 11.0).abs() < 1e-9 && (moved[1].y + 1.0).abs() < 1e-9,
            "{:?}",
            moved[1]
        );
        assert_eq!(moved[2], Point::new(11.0, 10.0));
    }
}
