//! Where the hover tooltip goes: beside the pointer (never on it), inside the map, and
//! clear of what the reader is looking at — the panels over the map, the selection and
//! the hovered feature itself — as far as the map has room.
//!
//! Pure screen arithmetic in px from the map's top-left corner; the component measures
//! the tooltip and the boxes and sets the position. Panels are boxes; a feature is its
//! shape where its box is a poor stand-in for it (a unit's outline, a belt's diagonal
//! line): how much of it a place would cover is counted on a grid of sample points.

use crate::geo::{Point, Rect};

/// Gap between the pointer and the tooltip's nearest corner or edge, px.
pub const GAP_PX: f64 = 12.0;

/// Sample points across (and down) the part of a place that meets a shape's box.
const SAMPLES: (usize, usize) = (8, 4);

/// The shape of what to avoid, px in the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Outline {
    /// Its box is its shape (a panel, a point symbol).
    Box,
    /// Polygons: rings, inside by the even–odd rule (an area with its holes).
    Rings(Vec<Vec<Point>>),
    /// A line and everything within `half_width` of it (a route, a schematic band).
    Line {
        /// The line's points.
        points: Vec<Point>,
        /// How far either side of it counts, px.
        half_width: f64,
    },
}

impl Outline {
    /// True if the point lies in the shape (`Box`: the caller has already tested it).
    fn contains(&self, p: Point) -> bool {
        match self {
            Outline::Box => true,
            Outline::Rings(rings) => rings.iter().fold(false, |inside, ring| {
                let n = ring.len();
                (0..n).fold(inside, |inside, i| {
                    let (a, b) = (ring[i], ring[(i + 1) % n]);
                    let crosses = (a.y > p.y) != (b.y > p.y)
                        && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
                    inside ^ crosses
                })
            }),
            Outline::Line { points, half_width } => {
                let reach = half_width * half_width;
                match points.as_slice() {
                    [only] => dist2(p, *only, *only) <= reach,
                    _ => points.windows(2).any(|w| dist2(p, w[0], w[1]) <= reach),
                }
            }
        }
    }
}

/// The squared distance from `p` to the segment `a`–`b`.
fn dist2(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    x * x + y * y
}

/// What the tooltip should not cover, and how much covering it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Avoid {
    /// Its box, px in the map (holding all of its shape).
    pub rect: Rect,
    /// Its shape within the box.
    pub outline: Outline,
    /// Cost of each px² covered.
    pub weight: f64,
}

impl Avoid {
    /// A panel over the map (layer list, controls, details, caption card): covering it
    /// hides what the reader may be using, so any other place is better.
    pub fn panel(rect: Rect) -> Avoid {
        Avoid {
            rect,
            outline: Outline::Box,
            weight: 1000.0,
        }
    }

    /// The selection on the map: what the reader is reading about.
    pub fn selection(rect: Rect) -> Avoid {
        Avoid {
            rect,
            outline: Outline::Box,
            weight: 10.0,
        }
    }

    /// The hovered feature: the tooltip names it, so should leave it seen.
    pub fn hovered(rect: Rect) -> Avoid {
        Avoid {
            rect,
            outline: Outline::Box,
            weight: 1.0,
        }
    }

    /// The same, counted on its shape rather than its box.
    pub fn shaped(self, outline: Outline) -> Avoid {
        Avoid { outline, ..self }
    }

    /// How much of it a box `r` covers, px² (on its shape: sampled).
    fn covered_by(&self, r: &Rect) -> f64 {
        let shared = overlap(r, &self.rect);
        if shared == 0.0 || self.outline == Outline::Box {
            return shared;
        }
        let clip = Rect {
            min_x: r.min_x.max(self.rect.min_x),
            min_y: r.min_y.max(self.rect.min_y),
            max_x: r.max_x.min(self.rect.max_x),
            max_y: r.max_y.min(self.rect.max_y),
        };
        let (nx, ny) = SAMPLES;
        let xs = |i: usize| clip.min_x + (i as f64 + 0.5) * clip.width() / nx as f64;
        let mut hits = 0usize;
        for j in 0..ny {
            let y = clip.min_y + (j as f64 + 0.5) * clip.height() / ny as f64;
            hits += match &self.outline {
                // One pass over the edges per row: where they cross it; a sample is
                // inside when an odd number of crossings lie left of it.
                Outline::Rings(rings) => {
                    let mut cross: Vec<f64> = Vec::new();
                    for ring in rings {
                        let n = ring.len();
                        for i in 0..n {
                            let (a, b) = (ring[i], ring[(i + 1) % n]);
                            if (a.y > y) != (b.y > y) {
                                cross.push(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
                            }
                        }
                    }
                    (0..nx)
                        .filter(|&i| {
                            let x = xs(i);
                            cross.iter().filter(|&&c| x < c).count() % 2 == 1
                        })
                        .count()
                }
                _ => (0..nx)
                    .filter(|&i| self.outline.contains(Point::new(xs(i), y)))
                    .count(),
            };
        }
        shared * hits as f64 / (nx * ny) as f64
    }
}

/// The tooltip's top-left corner for a box `size` (w, h) in a map `map` (w, h) px, the
/// pointer at `at`. Tries each side of the pointer (below right first, as readers
/// expect) and picks the one that lies inside the map without covering the pointer and
/// covers the least of `avoid`; a map too small for any keeps it inside as far as it can.
pub fn place(at: Point, size: (f64, f64), map: (f64, f64), avoid: &[Avoid]) -> Point {
    let (w, h) = size;
    let (mw, mh) = map;
    // Along an axis, the box slides to stay inside the map (as far as it fits).
    let slide_x = |x: f64| x.min(mw - w).max(0.0);
    let slide_y = |y: f64| y.min(mh - h).max(0.0);
    let (right, left) = (at.x + GAP_PX, at.x - GAP_PX - w);
    let (below, above) = (at.y + GAP_PX, at.y - GAP_PX - h);
    let candidates = [
        Point::new(right, below),
        Point::new(left, below),
        Point::new(right, above),
        Point::new(left, above),
        Point::new(slide_x(at.x - w / 2.0), below),
        Point::new(slide_x(at.x - w / 2.0), above),
        Point::new(right, slide_y(at.y - h / 2.0)),
        Point::new(left, slide_y(at.y - h / 2.0)),
    ];
    let cost = |p: &Point| {
        let r = Rect {
            min_x: p.x,
            min_y: p.y,
            max_x: p.x + w,
            max_y: p.y + h,
        };
        let inside = overlap(
            &r,
            &Rect {
                min_x: 0.0,
                min_y: 0.0,
                max_x: mw,
                max_y: mh,
            },
        );
        let outside = w * h - inside;
        let on_pointer = r.min_x < at.x && at.x < r.max_x && r.min_y < at.y && at.y < r.max_y;
        let covered: f64 = avoid.iter().map(|a| a.weight * a.covered_by(&r)).sum();
        // Outside the map or on the pointer outweighs any covering.
        let penalty = if on_pointer { 1e12 } else { 0.0 } + outside * 1e6;
        penalty + covered
    };
    let best = candidates
        .iter()
        .copied()
        .min_by(|a, b| cost(a).total_cmp(&cost(b)));
    match best {
        // Nothing fits without leaving the map: keep it inside.
        Some(p) if cost(&p) >= 1e6 => Point::new(slide_x(p.x), slide_y(p.y)),
        Some(p) => p,
        None => Point::new(slide_x(right), slide_y(below)),
    }
}

/// The area two boxes share, px².
fn overlap(a: &Rect, b: &Rect) -> f64 {
    let w = a.max_x.min(b.max_x) - a.min_x.max(b.min_x);
    let h = a.max_y.min(b.max_y) - a.min_y.max(b.min_y);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: (f64, f64) = (600.0, 500.0);
    const TIP: (f64, f64) = (200.0, 60.0);

    fn rect(p: Point, size: (f64, f64)) -> Rect {
        Rect {
            min_x: p.x,
            min_y: p.y,
            max_x: p.x + size.0,
            max_y: p.y + size.1,
        }
    }

    fn inside(r: &Rect, map: (f64, f64)) -> bool {
        r.min_x >= 0.0 && r.min_y >= 0.0 && r.max_x <= map.0 && r.max_y <= map.1
    }

    fn on(r: &Rect, at: Point) -> bool {
        r.min_x <= at.x && at.x <= r.max_x && r.min_y <= at.y && at.y <= r.max_y
    }

    #[test]
    fn below_right_of_the_pointer_where_there_is_room() {
        let at = Point::new(100.0, 100.0);
        assert_eq!(place(at, TIP, MAP, &[]), Point::new(112.0, 112.0));
    }

    #[test]
    fn near_the_edges_it_turns_inside_and_stays_off_the_pointer() {
        for at in [
            Point::new(590.0, 100.0),
            Point::new(100.0, 495.0),
            Point::new(595.0, 495.0),
            Point::new(300.0, 490.0),
            Point::new(2.0, 2.0),
        ] {
            let r = rect(place(at, TIP, MAP, &[]), TIP);
            assert!(inside(&r, MAP), "{at:?}: {r:?}");
            assert!(!on(&r, at), "{at:?}: {r:?}");
        }
    }

    #[test]
    fn in_a_narrow_map_it_goes_above_or_below_the_pointer() {
        let map = (320.0, 400.0);
        let tip = (230.0, 80.0);
        for x in [10.0, 160.0, 310.0] {
            let at = Point::new(x, 200.0);
            let r = rect(place(at, tip, map, &[]), tip);
            assert!(inside(&r, map), "{at:?}: {r:?}");
            assert!(!on(&r, at), "{at:?}: {r:?}");
        }
    }

    #[test]
    fn it_keeps_clear_of_panels_and_the_selection() {
        let at = Point::new(300.0, 200.0);
        // A panel below right of the pointer: the tooltip goes elsewhere.
        let panel = Avoid::panel(Rect {
            min_x: 305.0,
            min_y: 205.0,
            max_x: 600.0,
            max_y: 500.0,
        });
        let r = rect(place(at, TIP, MAP, std::slice::from_ref(&panel)), TIP);
        assert_eq!(overlap(&r, &panel.rect), 0.0, "{r:?}");
        // The selection below and left, a panel below right: above it goes.
        let selection = Avoid::selection(Rect {
            min_x: 0.0,
            min_y: 205.0,
            max_x: 295.0,
            max_y: 500.0,
        });
        let r = rect(place(at, TIP, MAP, &[panel, selection]), TIP);
        assert!(r.max_y <= at.y, "{r:?}");
        assert!(!on(&r, at));
    }

    #[test]
    fn it_leaves_most_of_the_hovered_feature_seen() {
        // The pointer near the left edge of a feature that extends right and down: the
        // tooltip goes left or above, not over the feature.
        let feature = Avoid::hovered(Rect {
            min_x: 290.0,
            min_y: 150.0,
            max_x: 500.0,
            max_y: 400.0,
        });
        let at = Point::new(295.0, 160.0);
        let r = rect(place(at, TIP, MAP, std::slice::from_ref(&feature)), TIP);
        assert!(overlap(&r, &feature.rect) < 0.1 * TIP.0 * TIP.1, "{r:?}");
    }

    #[test]
    fn a_map_smaller_than_the_tooltip_keeps_its_corner_inside() {
        let p = place(Point::new(50.0, 50.0), (300.0, 200.0), (100.0, 100.0), &[]);
        assert_eq!(p, Point::new(0.0, 0.0));
    }

    /// An L-shaped feature: its box is twice its shape.
    fn ell() -> Vec<Vec<Point>> {
        vec![vec![
            Point::new(100.0, 100.0),
            Point::new(500.0, 100.0),
            Point::new(500.0, 200.0),
            Point::new(200.0, 200.0),
            Point::new(200.0, 450.0),
            Point::new(100.0, 450.0),
        ]]
    }

    fn bounds(points: &[Point]) -> Rect {
        Rect::around(points.iter().copied())
    }

    /// The share of a box's sample points (a finer grid than the placement's) in a shape.
    fn share_in(r: &Rect, outline: &Outline) -> f64 {
        let mut hits = 0;
        for i in 0..40 {
            for j in 0..20 {
                let p = Point::new(
                    r.min_x + (i as f64 + 0.5) * r.width() / 40.0,
                    r.min_y + (j as f64 + 0.5) * r.height() / 20.0,
                );
                hits += usize::from(outline.contains(p));
            }
        }
        hits as f64 / 800.0
    }

    #[test]
    fn it_uses_the_empty_part_of_a_selection_s_box() {
        // The pointer in the L's notch, over another feature: below right of it lies the
        // L's box but not the L. Counted on the box, the tooltip would move away from
        // where readers expect it; on the shape, it stays below right, off the L.
        let rings = ell();
        let selection = Avoid::selection(bounds(&rings[0]));
        let at = Point::new(230.0, 230.0);
        let boxed = rect(place(at, TIP, MAP, std::slice::from_ref(&selection)), TIP);
        let outline = Outline::Rings(rings);
        let shaped = selection.clone().shaped(outline.clone());
        let r = rect(place(at, TIP, MAP, &[shaped]), TIP);
        assert_eq!(r.min_x, at.x + GAP_PX, "{r:?}");
        assert_eq!(r.min_y, at.y + GAP_PX, "{r:?}");
        assert_eq!(share_in(&r, &outline), 0.0, "{r:?}");
        assert_ne!(boxed, r, "the box alone sends it elsewhere");
    }

    #[test]
    fn along_a_diagonal_line_it_goes_to_a_side_the_line_leaves_free() {
        // A belt from top left to bottom right through the pointer: every place beside
        // the pointer meets the line's box, but two of them (above right, below left)
        // stay clear of the line itself.
        let points = vec![Point::new(50.0, 20.0), Point::new(550.0, 480.0)];
        let at = Point::new(300.0, 250.0);
        let outline = Outline::Line {
            points: points.clone(),
            half_width: 8.0,
        };
        let hovered = Avoid::hovered(bounds(&points).padded(8.0)).shaped(outline.clone());
        let r = rect(place(at, TIP, MAP, &[hovered]), TIP);
        assert!(share_in(&r, &outline) < 0.02, "{r:?}");
        assert!(!on(&r, at), "{r:?}");
        // Counted on its box, every place covers the same, and it stays on the line.
        let boxed = Avoid::hovered(bounds(&points).padded(8.0));
        let b = rect(place(at, TIP, MAP, &[boxed]), TIP);
        assert!(share_in(&b, &outline) > 0.1, "{b:?}");
    }

    #[test]
    fn a_shape_is_counted_by_what_lies_inside_it() {
        let outline = Outline::Rings(ell());
        assert!(outline.contains(Point::new(150.0, 300.0)));
        assert!(!outline.contains(Point::new(300.0, 300.0)));
        let a = Avoid::hovered(bounds(&ell()[0])).shaped(outline);
        // A box in the notch covers none of it; one on the bar, all of what it meets.
        let notch = Rect {
            min_x: 250.0,
            min_y: 250.0,
            max_x: 450.0,
            max_y: 400.0,
        };
        assert_eq!(a.covered_by(&notch), 0.0);
        let bar = Rect {
            min_x: 300.0,
            min_y: 120.0,
            max_x: 400.0,
            max_y: 180.0,
        };
        assert_eq!(a.covered_by(&bar), 100.0 * 60.0);
    }

    #[test]
    fn placing_among_shapes_is_quick() {
        // The plan's most detailed unit outline (214 points), hovered and selected, and
        // a panel, at 1 px per km: a placement stays far below a frame's time even in a
        // debug build (0.7 ms measured on a loaded 2-core machine).
        let plan = crate::plan::testing::plan();
        let proj = crate::geo::projection::Albers::northeast_china();
        let rings: Vec<Vec<Point>> = plan
            .units
            .iter()
            .map(|u| crate::geo::shape::project(&proj, &u.boundary.geometry))
            .max_by_key(|s| s.iter().flat_map(|s| &s.rings).map(Vec::len).sum::<usize>())
            .unwrap_or_default()
            .into_iter()
            .flat_map(|s| s.rings)
            .collect();
        let points: Vec<Point> = rings.iter().flatten().copied().collect();
        assert!(points.len() > 100, "{} points", points.len());
        let b = bounds(&points);
        // Moved to the map's top-left corner, as px.
        let rings: Vec<Vec<Point>> = rings
            .iter()
            .map(|r| {
                r.iter()
                    .map(|p| Point::new(p.x - b.min_x, p.y - b.min_y))
                    .collect()
            })
            .collect();
        let b = Rect {
            min_x: 0.0,
            min_y: 0.0,
            max_x: b.width(),
            max_y: b.height(),
        };
        let shape = Avoid::hovered(b).shaped(Outline::Rings(rings.clone()));
        let sel = Avoid::selection(b).shaped(Outline::Rings(rings));
        let panel = Avoid::panel(Rect {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 100.0,
            max_y: 300.0,
        });
        let avoid = [shape, sel, panel];
        let start = std::time::Instant::now();
        for k in 0..100 {
            let at = Point::new(b.width() * (k as f64 / 100.0), b.height() / 2.0);
            place(at, TIP, MAP, &avoid);
        }
        let each = start.elapsed().as_secs_f64() * 10.0; // ms per placement
        eprintln!("{each:.3} ms per placement ({} points)", points.len());
        assert!(
            each < 10.0,
            "{each} ms per placement ({} points)",
            points.len()
        );
    }
}
