//! Where the hover tooltip goes: beside the pointer (never on it), inside the map, and
//! clear of what the reader is looking at — the panels over the map, the selection and
//! the hovered feature itself — as far as the map has room.
//!
//! Pure screen arithmetic in px from the map's top-left corner; the component measures
//! the tooltip and the boxes and sets the position.

use crate::geo::{Point, Rect};

/// Gap between the pointer and the tooltip's nearest corner or edge, px.
pub const GAP_PX: f64 = 12.0;

/// What the tooltip should not cover, and how much covering it matters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Avoid {
    /// The box, px in the map.
    pub rect: Rect,
    /// Cost of each px² covered.
    pub weight: f64,
}

impl Avoid {
    /// A panel over the map (layer list, controls, details, caption card): covering it
    /// hides what the reader may be using, so any other place is better.
    pub fn panel(rect: Rect) -> Avoid {
        Avoid {
            rect,
            weight: 1000.0,
        }
    }

    /// The selection on the map: what the reader is reading about.
    pub fn selection(rect: Rect) -> Avoid {
        Avoid { rect, weight: 10.0 }
    }

    /// The hovered feature: the tooltip names it, so should leave it seen.
    pub fn hovered(rect: Rect) -> Avoid {
        Avoid { rect, weight: 1.0 }
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
        let covered: f64 = avoid.iter().map(|a| a.weight * overlap(&r, &a.rect)).sum();
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
        let r = rect(place(at, TIP, MAP, &[panel]), TIP);
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
        let r = rect(place(at, TIP, MAP, &[feature]), TIP);
        assert!(overlap(&r, &feature.rect) < 0.1 * TIP.0 * TIP.1, "{r:?}");
    }

    #[test]
    fn a_map_smaller_than_the_tooltip_keeps_its_corner_inside() {
        let p = place(Point::new(50.0, 50.0), (300.0, 200.0), (100.0, 100.0), &[]);
        assert_eq!(p, Point::new(0.0, 0.0));
    }
}
