//! Label placement: which labels to show at a given scale so that none overlap.

use super::{Point, Rect};

/// A label that may be shown, with its position in map space.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelCandidate {
    /// Where the label's centre sits, in map kilometres.
    pub anchor: Point,
    /// Shift of the label's centre from the anchor, in screen pixels (e.g. above a dot).
    pub offset_px: Point,
    /// Width of the text in ems (see [`text_width_em`]).
    pub width_em: f64,
}

/// Approximate width of a text in ems for the system UI fonts: CJK ideographs are one em,
/// Latin letters a little over half an em. Slightly generous so estimates err wide.
pub fn text_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.3,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_ascii() => 0.56,
            _ => 1.0,
        })
        .sum()
}

/// The screen-space box of a label, expressed in map kilometres at `px_per_km`.
pub fn label_box(c: &LabelCandidate, px_per_km: f64, font_px: f64) -> Rect {
    let half_w = c.width_em * font_px / 2.0 / px_per_km;
    let half_h = font_px * 0.65 / px_per_km;
    let center = Point::new(
        c.anchor.x + c.offset_px.x / px_per_km,
        c.anchor.y + c.offset_px.y / px_per_km,
    );
    Rect {
        min_x: center.x - half_w,
        min_y: center.y - half_h,
        max_x: center.x + half_w,
        max_y: center.y + half_h,
    }
}

/// Chooses which labels to show, in priority order (the slice order): a label is shown
/// unless its box would overlap a label already shown or one of the `obstacles`
/// (e.g. city markers), also given in map kilometres.
pub fn place_labels(
    candidates: &[LabelCandidate],
    obstacles: &[Rect],
    px_per_km: f64,
    font_px: f64,
) -> Vec<bool> {
    let mut taken: Vec<Rect> = Vec::with_capacity(candidates.len());
    candidates
        .iter()
        .map(|c| {
            let b = label_box(c, px_per_km, font_px);
            let free = !taken.iter().chain(obstacles).any(|t| t.overlaps(&b));
            if free {
                taken.push(b);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64, text: &str) -> LabelCandidate {
        LabelCandidate {
            anchor: Point::new(x, y),
            offset_px: Point::default(),
            width_em: text_width_em(text),
        }
    }

    #[test]
    fn widths_count_cjk_as_one_em() {
        assert_eq!(text_width_em("长春"), 2.0);
        assert!((text_width_em("Jilin") - (0.68 + 4.0 * 0.56)).abs() < 1e-9);
    }

    #[test]
    fn overlapping_labels_give_way_to_earlier_ones() {
        // Two labels 20 km apart: at 1 px/km and 12 px type they collide, at 10 px/km not.
        let cands = [at(0.0, 0.0, "Changchun"), at(20.0, 0.0, "Nanguan")];
        assert_eq!(place_labels(&cands, &[], 1.0, 12.0), vec![true, false]);
        assert_eq!(place_labels(&cands, &[], 10.0, 12.0), vec![true, true]);
    }

    #[test]
    fn no_two_shown_labels_overlap_at_any_scale() {
        let cands: Vec<_> = (0..60)
            .map(|i| at(f64::from(i % 10) * 13.0, f64::from(i / 10) * 7.0, "Label"))
            .collect();
        for px_per_km in [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0] {
            let shown = place_labels(&cands, &[], px_per_km, 12.0);
            let boxes: Vec<_> = cands
                .iter()
                .zip(&shown)
                .filter(|(_, s)| **s)
                .map(|(c, _)| label_box(c, px_per_km, 12.0))
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "overlap at {px_per_km} px/km");
                }
            }
            assert!(shown[0], "the first label always shows");
        }
    }

    #[test]
    fn obstacles_block_labels() {
        let marker = Rect {
            min_x: -1.0,
            min_y: -1.0,
            max_x: 1.0,
            max_y: 1.0,
        };
        assert_eq!(
            place_labels(&[at(0.0, 0.0, "A")], &[marker], 1.0, 12.0),
            vec![false]
        );
    }
}
