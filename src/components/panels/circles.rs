//! The four circles of 2035 drawn as a figure: overlapping discs named in the current
//! language, with a key giving each circle's quality.

use super::markup::Writer;
use crate::components::html::Html;
use crate::geo::decimal::{fixed, Num};
use crate::i18n::Text;
use crate::plan::Circle;

/// The figure's drawing area (SVG user units), with a margin for the outlines.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 256.0;
/// Radius of a disc.
const RADIUS: f64 = 86.0;
/// How far disc centres sit from the figure's centre, across and down (per unit of the
/// direction): close enough for all discs to overlap in the middle, far enough apart
/// across for each to keep a lobe of its own, wide enough for its name.
const SPREAD_X: f64 = 101.8;
const SPREAD_Y: f64 = 56.6;
/// How far a name sits from its disc's centre, outwards (per unit of the direction).
const LABEL_X: f64 = 10.0;
const LABEL_Y: f64 = 57.0;

/// Where one disc and its name go.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placement {
    cx: f64,
    cy: f64,
    label_x: f64,
    label_y: f64,
}

/// Places `n` discs evenly around the centre, the first at the upper left, going
/// clockwise (four discs make a 2 × 2 overlap).
fn placements(n: usize) -> Vec<Placement> {
    let (mx, my) = (WIDTH / 2.0, HEIGHT / 2.0);
    if n == 1 {
        return vec![Placement {
            cx: mx,
            cy: my,
            label_x: mx,
            label_y: my,
        }];
    }
    (0..n)
        .map(|k| {
            let angle = (-135.0 + 360.0 * k as f64 / n as f64).to_radians();
            let (dx, dy) = (crate::geo::math::cos(angle), crate::geo::math::sin(angle));
            let (cx, cy) = (mx + SPREAD_X * dx, my + SPREAD_Y * dy);
            Placement {
                cx,
                cy,
                label_x: cx + LABEL_X * dx,
                label_y: cy + LABEL_Y * dy,
            }
        })
        .collect()
}

/// SVG coordinates with one decimal.
fn coord(x: f64) -> String {
    fixed(x, 1)
}

/// The circles figure: the drawing, and a key with each circle's quality. `label` is the
/// figure's accessible name (the goal's headline).
pub fn write_circles(h: &mut Html, w: &Writer, circles: &'static [Circle], label: &'static Text) {
    let places = placements(circles.len());
    h.raw("<figure class=\"circles\"><svg class=\"circles-drawing\"")
        .attr("viewBox", &format!("0 0 {} {}", Num(WIDTH), Num(HEIGHT)))
        .raw(" role=\"img\"")
        .attr("aria-label", w.t(label))
        .raw("><g class=\"discs\">");
    for (c, p) in circles.iter().zip(&places) {
        h.raw("<circle class=\"disc disc-")
            .raw(c.id.as_str())
            .raw("\"")
            .attr("cx", &coord(p.cx))
            .attr("cy", &coord(p.cy))
            .attr("r", &coord(RADIUS))
            .raw("></circle>");
    }
    h.raw("</g><g class=\"disc-names\">");
    for (c, p) in circles.iter().zip(&places) {
        h.raw("<text class=\"disc-name\"")
            .attr("data-circle", c.id.as_str())
            .attr("x", &coord(p.label_x))
            .attr("y", &coord(p.label_y))
            .raw(" text-anchor=\"middle\" dominant-baseline=\"middle\">")
            .text(w.t(&c.name))
            .raw("</text>");
    }
    h.raw("</g></svg><figcaption><ul class=\"circles-key\">");
    for c in circles {
        h.raw("<li class=\"circles-key-item\"")
            .attr("data-circle", c.id.as_str())
            .raw("><span class=\"swatch disc-")
            .raw(c.id.as_str())
            .raw("\" aria-hidden=\"true\"></span>")
            .el("span", "circles-key-name", w.t(&c.name))
            .raw(" ")
            .el("span", "circles-key-quality", w.t(&c.quality))
            .raw("</li>");
    }
    h.raw("</ul></figcaption></figure>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_discs_overlap_in_the_middle_and_keep_their_names_apart() {
        let p = placements(4);
        assert_eq!(p.len(), 4);
        let (mx, my) = (WIDTH / 2.0, HEIGHT / 2.0);
        for (i, a) in p.iter().enumerate() {
            // Every disc covers the centre and stays inside the drawing.
            assert!((a.cx - mx).hypot(a.cy - my) < RADIUS);
            assert!(a.cx - RADIUS >= 0.0 && a.cx + RADIUS <= WIDTH, "{a:?}");
            assert!(a.cy - RADIUS >= 0.0 && a.cy + RADIUS <= HEIGHT, "{a:?}");
            // Its name (up to about 124 units wide in English) is inside it and outside
            // every other disc.
            for x in [a.label_x - 62.0, a.label_x, a.label_x + 62.0] {
                assert!((x - a.cx).hypot(a.label_y - a.cy) < RADIUS, "{i} {x}");
                for (j, b) in p.iter().enumerate() {
                    if i != j {
                        assert!((x - b.cx).hypot(a.label_y - b.cy) > RADIUS, "{i} {j} {x}");
                    }
                }
            }
        }
        // The first is at the upper left, then clockwise.
        assert!(p[0].cx < mx && p[0].cy < my);
        assert!(p[1].cx > mx && p[1].cy < my);
        assert!(p[2].cx > mx && p[2].cy > my);
    }
}
