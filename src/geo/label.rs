//! Label placement: which labels to show at a given scale so that none overlap.

use super::{Point, Rect};

/// A label that may be shown, with its position in map space.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelCandidate {
    /// Where the label's centre sits, in map kilometres.
    pub anchor: Point,
    /// Shift of the label's centre from the anchor, in screen pixels (e.g. above a dot).
    pub offset_px: Point,
    /// Other shifts to try, in order, when the first one collides (e.g. right of a dot).
    pub alternatives: Vec<Point>,
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

/// Horizontal room kept free between two shown labels, in ems: without it two names
/// whose estimated boxes just touch are drawn run together ("Changchun Jilin").
pub const LABEL_GAP_EM: f64 = 0.35;

/// Chooses which labels to show, in priority order (the slice order), and where: a
/// label takes the first of its offsets whose box, widened by [`LABEL_GAP_EM`] on each
/// side, overlaps no label already shown and
/// none of the `obstacles` (e.g. city markers, in map kilometres); if none is free it
/// is not shown. Returns the chosen offset per label.
pub fn place_labels(
    candidates: &[LabelCandidate],
    obstacles: &[Rect],
    px_per_km: f64,
    font_px: f64,
) -> Vec<Option<Point>> {
    let mut taken: Vec<Rect> = Vec::with_capacity(candidates.len());
    candidates
        .iter()
        .map(|c| {
            let offsets = std::iter::once(c.offset_px).chain(c.alternatives.iter().copied());
            for offset in offsets {
                let tried = LabelCandidate {
                    offset_px: offset,
                    alternatives: Vec::new(),
                    ..c.clone()
                };
                let mut b = label_box(&tried, px_per_km, font_px);
                let gap = LABEL_GAP_EM * font_px / 2.0 / px_per_km;
                b.min_x -= gap;
                b.max_x += gap;
                if !taken.iter().chain(obstacles).any(|t| t.overlaps(&b)) {
                    taken.push(b);
                    return Some(offset);
                }
            }
            None
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
            alternatives: Vec::new(),
            width_em: text_width_em(text),
        }
    }

    fn shown(placed: &[Option<Point>]) -> Vec<bool> {
        placed.iter().map(Option::is_some).collect()
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
        assert_eq!(
            shown(&place_labels(&cands, &[], 1.0, 12.0)),
            vec![true, false]
        );
        assert_eq!(
            shown(&place_labels(&cands, &[], 10.0, 12.0)),
            vec![true, true]
        );
    }

    #[test]
    fn no_two_shown_labels_overlap_at_any_scale() {
        let cands: Vec<_> = (0..60)
            .map(|i| at(f64::from(i % 10) * 13.0, f64::from(i / 10) * 7.0, "Label"))
            .collect();
        for px_per_km in [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0] {
            let placed = place_labels(&cands, &[], px_per_km, 12.0);
            let boxes: Vec<_> = cands
                .iter()
                .zip(&placed)
                .filter_map(|(c, at)| {
                    let c = LabelCandidate {
                        offset_px: (*at)?,
                        ..c.clone()
                    };
                    Some(label_box(&c, px_per_km, 12.0))
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "overlap at {px_per_km} px/km");
                }
            }
            assert!(placed[0].is_some(), "the first label always shows");
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
            vec![None]
        );
    }

    #[test]
    fn labels_whose_boxes_would_just_touch_keep_a_gap() {
        // "Changchun" is 5.16 em wide: at 12 px and 1 px/km its box ends 31 km right of
        // its centre; a second label starting exactly there would be drawn run together.
        let first = at(0.0, 0.0, "Changchun");
        let half = |c: &LabelCandidate| c.width_em * 12.0 / 2.0;
        let touching = at(half(&first) + half(&at(0.0, 0.0, "Jilin")), 0.0, "Jilin");
        assert_eq!(
            shown(&place_labels(&[first.clone(), touching], &[], 1.0, 12.0)),
            vec![true, false]
        );
        let clear = at(
            half(&first) + half(&at(0.0, 0.0, "Jilin")) + 6.0,
            0.0,
            "Jilin",
        );
        assert_eq!(
            shown(&place_labels(&[first, clear], &[], 1.0, 12.0)),
            vec![true, true]
        );
    }

    #[test]
    fn a_label_moves_to_a_free_alternative() {
        let first = at(0.0, 0.0, "Changchun");
        let mut second = at(30.0, 0.0, "Jilin");
        second.offset_px = Point::new(0.0, -14.0);
        second.alternatives = vec![Point::new(0.0, 14.0), Point::new(40.0, 0.0)];
        let placed = place_labels(&[first, second], &[], 1.0, 12.0);
        assert_eq!(placed[1], Some(Point::new(40.0, 0.0)), "{placed:?}");
    }
}
