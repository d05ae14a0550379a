//! The four circles of 2035 drawn as a figure: overlapping discs named in the current
//! language, with a key giving each circle's quality.

use crate::components::use_ctx;
use crate::geo::decimal::{fixed, Num};
use crate::i18n::Text;
use crate::plan::Circle;
use leptos::prelude::*;

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
            let (dx, dy) = (angle.cos(), angle.sin());
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

/// The circles figure: the drawing, and a key with each circle's quality.
#[component]
pub fn CirclesFigure(
    /// The circles, in the plan's order.
    circles: &'static [Circle],
    /// The figure's accessible name (the goal's headline).
    label: &'static Text,
) -> impl IntoView {
    let ctx = use_ctx();
    let places = placements(circles.len());
    let discs = circles
        .iter()
        .zip(places.clone())
        .map(|(c, p)| {
            view! {
                <circle
                    class=format!("disc disc-{}", c.id.as_str())
                    cx=coord(p.cx)
                    cy=coord(p.cy)
                    r=coord(RADIUS)
                ></circle>
            }
        })
        .collect_view();
    let names = circles
        .iter()
        .zip(places)
        .map(|(c, p)| {
            view! {
                <text
                    class="disc-name"
                    data-circle=c.id.as_str()
                    x=coord(p.label_x)
                    y=coord(p.label_y)
                    text-anchor="middle"
                    dominant-baseline="middle"
                >
                    {ctx.text(&c.name)}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="circles">
            <svg
                class="circles-drawing"
                viewBox=format!("0 0 {} {}", Num(WIDTH), Num(HEIGHT))
                role="img"
                aria-label=ctx.text(label)
            >
                <g class="discs">{discs}</g>
                <g class="disc-names">{names}</g>
            </svg>
            <figcaption>
                <ul class="circles-key">
                    {circles
                        .iter()
                        .map(|c| {
                            view! {
                                <li class="circles-key-item" data-circle=c.id.as_str()>
                                    <span
                                        class=format!("swatch disc-{}", c.id.as_str())
                                        aria-hidden="true"
                                    ></span>
                                    <span class="circles-key-name">{ctx.text(&c.name)}</span>
                                    " "
                                    <span class="circles-key-quality">{ctx.text(&c.quality)}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
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
