//! Viewport arithmetic: map view (centre + zoom) ⇄ SVG viewBox for a container size.

use crate::geo::decimal::push_fixed;
use crate::geo::projection::Albers;
use crate::geo::{LonLat, Point, Rect};

/// The map's view: centre and zoom. Zoom 1 shows the whole region view across the
/// container's shorter side; larger numbers zoom in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Zoom factor (see the type's doc).
    pub zoom: f64,
}

impl MapView {
    /// Smallest zoom allowed.
    pub const MIN_ZOOM: f64 = 0.6;
    /// Largest zoom allowed.
    pub const MAX_ZOOM: f64 = 40.0;
}

/// The visible part of the map for a container of `width` × `height` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Centre in map kilometres.
    pub center: Point,
    /// Scale, screen pixels per kilometre.
    pub px_per_km: f64,
    /// Container width, px.
    pub width: f64,
    /// Container height, px.
    pub height: f64,
}

impl Viewport {
    /// The rectangle of map space on screen.
    pub fn visible(&self) -> Rect {
        let (hw, hh) = (
            self.width / 2.0 / self.px_per_km,
            self.height / 2.0 / self.px_per_km,
        );
        Rect {
            min_x: self.center.x - hw,
            min_y: self.center.y - hh,
            max_x: self.center.x + hw,
            max_y: self.center.y + hh,
        }
    }

    /// The part of map space on screen and not under the panels that `insets` keep
    /// clear of.
    pub fn free(&self, insets: Insets) -> Rect {
        let r = self.visible();
        let k = self.px_per_km;
        Rect {
            min_x: r.min_x + insets.left / k,
            min_y: r.min_y + insets.top / k,
            max_x: r.max_x - insets.right / k,
            max_y: r.max_y - insets.bottom / k,
        }
    }

    /// The SVG `viewBox` attribute value (to 10 m, without trailing zeros).
    pub fn view_box(&self) -> String {
        let r = self.visible();
        let mut s = String::new();
        for (i, v) in [r.min_x, r.min_y, r.width(), r.height()]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                s.push(' ');
            }
            push_fixed(&mut s, v, 2);
        }
        s
    }

    /// The map point under a screen position (px from the container's top-left).
    pub fn to_map(&self, x: f64, y: f64) -> Point {
        let r = self.visible();
        Point::new(r.min_x + x / self.px_per_km, r.min_y + y / self.px_per_km)
    }

    /// The screen position of a map point.
    pub fn to_screen(&self, p: Point) -> Point {
        let r = self.visible();
        Point::new(
            (p.x - r.min_x) * self.px_per_km,
            (p.y - r.min_y) * self.px_per_km,
        )
    }

    /// How this viewport's picture is scaled and moved on screen to show `to`'s: the map
    /// point at `p` px here is at `k * p + (dx, dy)` px in `to` (returned as `(k, dx, dy)`).
    /// A drag, a pinch or a wheel zoom shows the view it reaches this way until it ends
    /// (`components::map::pointer`).
    pub fn picture_to(&self, to: &Viewport) -> (f64, f64, f64) {
        let (a, b) = (self.visible(), to.visible());
        (
            to.px_per_km / self.px_per_km,
            (a.min_x - b.min_x) * to.px_per_km,
            (a.min_y - b.min_y) * to.px_per_km,
        )
    }
}

/// Space kept free at each side of the map container, px.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Insets {
    /// Left, px.
    pub left: f64,
    /// Top, px.
    pub top: f64,
    /// Right, px.
    pub right: f64,
    /// Bottom, px.
    pub bottom: f64,
}

impl Insets {
    /// The same margin on every side.
    pub const fn uniform(px: f64) -> Self {
        Insets {
            left: px,
            top: px,
            right: px,
            bottom: px,
        }
    }

    /// The insets that keep clear of panels lying over a `width` × `height` container
    /// (their boxes in container px). Each box is kept clear of by giving up the strip on
    /// the side it hugs (the side that costs least), so a button in a corner costs a
    /// thin strip, not a column.
    pub fn clear_of(width: f64, height: f64, boxes: &[Rect]) -> Insets {
        let mut out = Insets::default();
        for b in boxes {
            let (min_x, max_x) = (b.min_x.max(0.0), b.max_x.min(width));
            let (min_y, max_y) = (b.min_y.max(0.0), b.max_y.min(height));
            if min_x >= max_x || min_y >= max_y {
                continue; // Not over the container.
            }
            let sides = [max_x, width - min_x, max_y, height - min_y];
            let least = sides.iter().copied().fold(f64::INFINITY, f64::min);
            match sides.iter().position(|s| *s == least) {
                Some(0) => out.left = out.left.max(least),
                Some(1) => out.right = out.right.max(least),
                Some(2) => out.top = out.top.max(least),
                _ => out.bottom = out.bottom.max(least),
            }
        }
        out
    }

    /// These insets with `px` less on every side (never below 0).
    pub fn shrunk(self, px: f64) -> Insets {
        Insets {
            left: (self.left - px).max(0.0),
            top: (self.top - px).max(0.0),
            right: (self.right - px).max(0.0),
            bottom: (self.bottom - px).max(0.0),
        }
    }

    /// These insets with `px` more on every side.
    pub fn grown(self, px: f64) -> Insets {
        Insets {
            left: self.left + px,
            top: self.top + px,
            right: self.right + px,
            bottom: self.bottom + px,
        }
    }
}

/// Converts between the URL's `MapView` and viewports. `span_km` is the region extent's
/// larger side: zoom 1 shows it across the container's shorter side.
#[derive(Debug, Clone, Copy)]
pub struct Camera {
    proj: Albers,
    span_km: f64,
    bounds: Rect,
}

impl Camera {
    /// A camera over the region extent; the centre is kept inside `bounds`.
    pub fn new(region: Rect) -> Self {
        Camera {
            proj: Albers::northeast_china(),
            span_km: region.width().max(region.height()).max(1.0),
            bounds: region,
        }
    }

    /// The viewport for a view in a container.
    pub fn viewport(&self, view: MapView, width: f64, height: f64) -> Viewport {
        let (width, height) = (width.max(1.0), height.max(1.0));
        let zoom = view.zoom.clamp(MapView::MIN_ZOOM, MapView::MAX_ZOOM);
        let center = self.proj.project(LonLat {
            lon: view.lon,
            lat: view.lat,
        });
        Viewport {
            center: self.clamp(center),
            px_per_km: zoom * width.min(height) / self.span_km,
            width,
            height,
        }
    }

    /// The view of a viewport (inverse of [`Camera::viewport`]).
    pub fn view(&self, vp: &Viewport) -> MapView {
        let c = self.proj.invert(self.clamp(vp.center));
        MapView {
            lon: c.lon,
            lat: c.lat,
            zoom: (vp.px_per_km * self.span_km / vp.width.min(vp.height).max(1.0))
                .clamp(MapView::MIN_ZOOM, MapView::MAX_ZOOM),
        }
    }

    /// The view that fits `rect` in the container with `margin_px` around it.
    pub fn fit(&self, rect: Rect, width: f64, height: f64, margin_px: f64) -> MapView {
        self.fit_in(rect, width, height, Insets::uniform(margin_px))
    }

    /// The view that fits `rect` in the part of the container left free by `insets`
    /// (e.g. beside a panel that floats over the map). Insets that would leave less than
    /// 40 % of the container are ignored, so a small screen still shows the whole rect.
    pub fn fit_in(&self, rect: Rect, width: f64, height: f64, insets: Insets) -> MapView {
        let (width, height) = (width.max(1.0), height.max(1.0));
        let insets = Self::fit_insets(width, height, insets);
        let avail_w = width - insets.left - insets.right;
        let avail_h = height - insets.top - insets.bottom;
        let px_per_km = (avail_w / rect.width().max(1.0)).min(avail_h / rect.height().max(1.0));
        // Centre the rect in the free box: move the view centre by the box's offset.
        let dx = (insets.left - insets.right) / 2.0;
        let dy = (insets.top - insets.bottom) / 2.0;
        let c = rect.center();
        self.view(&Viewport {
            center: Point::new(c.x - dx / px_per_km, c.y - dy / px_per_km),
            px_per_km,
            width,
            height,
        })
    }

    /// The insets [`Camera::fit_in`] really keeps clear of in a `width` × `height`
    /// container: `insets` if they leave room, else those of the largest panel alone, else
    /// a margin. (A check of whether something is already clear must use the same, or a
    /// fit that had to ignore the small panels is never judged clear and fits again.)
    pub fn fit_insets(width: f64, height: f64, insets: Insets) -> Insets {
        /// The least free box a fit clear of the largest panel alone may use, px.
        const MIN_FREE_PX: f64 = 60.0;
        let (width, height) = (width.max(1.0), height.max(1.0));
        let roomy = |i: &Insets| {
            width - i.left - i.right >= width * 0.4 && height - i.top - i.bottom >= height * 0.4
        };
        // Too little room left: keep clear of the largest panel only (a bottom sheet over a
        // short map, not the small buttons in its corners), else of none.
        let margin = insets
            .left
            .min(insets.right)
            .min(insets.top)
            .min(insets.bottom);
        let largest = Insets {
            left: if insets.left >= insets.right.max(insets.top).max(insets.bottom) {
                insets.left
            } else {
                margin
            },
            right: if insets.right > insets.left && insets.right >= insets.top.max(insets.bottom) {
                insets.right
            } else {
                margin
            },
            top: if insets.top > insets.left.max(insets.right) && insets.top >= insets.bottom {
                insets.top
            } else {
                margin
            },
            bottom: if insets.bottom > insets.left.max(insets.right).max(insets.top) {
                insets.bottom
            } else {
                margin
            },
        };
        // What is left above a sheet may be small, but is better than a fit under it.
        let some_room = |i: &Insets| {
            width - i.left - i.right >= MIN_FREE_PX && height - i.top - i.bottom >= MIN_FREE_PX
        };
        if roomy(&insets) {
            insets
        } else if some_room(&largest) {
            largest
        } else {
            Insets::uniform(insets.top.min(insets.bottom).min(width * 0.1))
        }
    }

    /// True if a panel `panel_px` wide beside `rect` still leaves it shown at least
    /// `share` of the scale it gets without the panel (else the panel should fold).
    pub fn room_beside(
        &self,
        rect: Rect,
        width: f64,
        height: f64,
        margins: Insets,
        panel_px: f64,
        share: f64,
    ) -> bool {
        let scale = |insets: Insets| {
            let w = (width - insets.left - insets.right).max(0.0);
            let h = (height - insets.top - insets.bottom).max(0.0);
            (w / rect.width().max(1.0)).min(h / rect.height().max(1.0))
        };
        let beside = Insets {
            left: margins.left + panel_px,
            ..margins
        };
        scale(beside) >= share * scale(margins)
    }

    /// Keeps the centre inside the region so the map cannot be lost off-screen.
    fn clamp(&self, p: Point) -> Point {
        // `max`/`min` rather than `f64::clamp`, whose check of its bounds formats them
        // with `{:?}` (float formatting in the wasm, issue 12).
        Point::new(
            p.x.max(self.bounds.min_x).min(self.bounds.max_x),
            p.y.max(self.bounds.min_y).min(self.bounds.max_y),
        )
    }

    /// A view moved by a screen offset (drag) in a container.
    pub fn pan(&self, view: MapView, dx_px: f64, dy_px: f64, width: f64, height: f64) -> MapView {
        let mut vp = self.viewport(view, width, height);
        vp.center = Point::new(
            vp.center.x - dx_px / vp.px_per_km,
            vp.center.y - dy_px / vp.px_per_km,
        );
        self.view(&vp)
    }

    /// A view zoomed by `factor` keeping the map point under (`x`, `y`) px still.
    pub fn zoom_at(
        &self,
        view: MapView,
        factor: f64,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
    ) -> MapView {
        let vp = self.viewport(view, width, height);
        let target = (view.zoom * factor).clamp(MapView::MIN_ZOOM, MapView::MAX_ZOOM);
        let k = target / view.zoom.max(f64::EPSILON);
        let anchor = vp.to_map(x, y);
        let center = Point::new(
            anchor.x + (vp.center.x - anchor.x) / k,
            anchor.y + (vp.center.y - anchor.y) / k,
        );
        self.view(&Viewport {
            center,
            px_per_km: vp.px_per_km * k,
            ..vp
        })
    }

    /// A view moved by two fingers going from `before` to `after` (px): zoomed by the
    /// change of their distance about their midpoint, and panned by the midpoint's move,
    /// so the map points under both fingers stay under them.
    pub fn pinch(
        &self,
        view: MapView,
        before: [Point; 2],
        after: [Point; 2],
        width: f64,
        height: f64,
    ) -> MapView {
        let mid = |[a, b]: [Point; 2]| Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        let (m0, m1) = (mid(before), mid(after));
        let d0 = before[0].distance(before[1]).max(1.0);
        let d1 = after[0].distance(after[1]).max(1.0);
        let panned = self.pan(view, m1.x - m0.x, m1.y - m0.y, width, height);
        self.zoom_at(panned, d1 / d0, m1.x, m1.y, width, height)
    }

    /// A view between two others, for smooth transitions (`t` from 0 to 1; zoom
    /// interpolated geometrically so the motion looks even).
    pub fn between(a: MapView, b: MapView, t: f64) -> MapView {
        let t = t.clamp(0.0, 1.0);
        // The end exactly (not `a + (b - a)`, a rounding away): a move that has ended shows
        // its target, and a gesture that starts then sees nothing moving.
        if t >= 1.0 {
            return b;
        }
        MapView {
            lon: a.lon + (b.lon - a.lon) * t,
            lat: a.lat + (b.lat - a.lat) * t,
            zoom: a.zoom * crate::geo::math::pow(b.zoom / a.zoom, t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera() -> Camera {
        Camera::new(Rect {
            min_x: -600.0,
            min_y: -400.0,
            max_x: 600.0,
            max_y: 800.0,
        })
    }

    /// A rect inside the camera's region, wider than tall.
    fn sample_rect() -> Rect {
        Rect {
            min_x: -200.0,
            min_y: -100.0,
            max_x: 100.0,
            max_y: 150.0,
        }
    }

    #[test]
    fn fit_shows_the_whole_rect_without_distortion() {
        let cam = camera();
        let rect = sample_rect();
        for (w, h) in [
            (1280.0, 800.0),
            (390.0, 500.0),
            (320.0, 320.0),
            (3840.0, 2160.0),
        ] {
            let view = cam.fit(rect, w, h, 16.0);
            let vp = cam.viewport(view, w, h);
            let vis = vp.visible();
            assert!(vis.padded(1e-6).contains(&rect), "{w}x{h}: {vis:?}");
            // Same scale both ways: the viewBox has the container's aspect ratio.
            assert!((vis.width() / vis.height() - w / h).abs() < 1e-9);
        }
    }

    #[test]
    fn fit_in_keeps_the_rect_clear_of_a_side_panel() {
        let cam = camera();
        let rect = sample_rect();
        let insets = Insets {
            left: 300.0,
            ..Insets::uniform(20.0)
        };
        let (w, h) = (1000.0, 700.0);
        let vp = cam.viewport(cam.fit_in(rect, w, h, insets), w, h);
        let top_left = vp.to_screen(Point::new(rect.min_x, rect.min_y));
        let bottom_right = vp.to_screen(Point::new(rect.max_x, rect.max_y));
        assert!(
            top_left.x >= 300.0 - 1e-6 && top_left.y >= 20.0 - 1e-6,
            "{top_left:?}"
        );
        assert!(bottom_right.x <= w - 20.0 + 1e-6 && bottom_right.y <= h - 20.0 + 1e-6);
        // On a phone-sized box the panel inset is ignored rather than squeezing the map.
        let small = cam.viewport(cam.fit_in(rect, 390.0, 500.0, insets), 390.0, 500.0);
        assert!(small.visible().padded(1e-6).contains(&rect));
    }

    #[test]
    fn what_a_fit_shows_is_judged_clear_of_the_panels_it_kept_clear_of() {
        // The desktop map with the layer list open (measured): 573 × 604 px, the list on
        // the left, the zoom buttons and the extents row hugging the right and the bottom.
        // With the 24 px fit margin the panels leave too little width, so fits keep clear
        // of the list alone; the check of `MapCamera::reveal` (half the margin) must see
        // the fitted rect as clear, or every selection zooms out a little further.
        let cam = camera();
        let rect = sample_rect();
        let (w, h) = (573.0, 604.0);
        let covered = Insets {
            left: 273.0,
            top: 0.0,
            right: 44.0,
            bottom: 44.0,
        };
        let vp = cam.viewport(cam.fit_in(rect, w, h, covered.grown(24.0)), w, h);
        let clear = Camera::fit_insets(w, h, covered.grown(24.0)).shrunk(12.0);
        assert!(vp.free(clear).contains(&rect), "{clear:?}");
        // The old check, all insets grown by half the margin, failed here.
        assert!(!vp.free(covered.grown(12.0)).contains(&rect));
    }

    #[test]
    fn a_short_map_keeps_clear_of_its_bottom_sheet_before_its_corner_buttons() {
        // 320 px phone: a map 282 × 397 px, the folded layer button at the top (74 px with
        // the margin), a caption sheet over the lower 196 px. Both leave too little room;
        // the sheet alone does not, so the rect is fitted above the sheet.
        let cam = camera();
        let rect = sample_rect();
        let (w, h) = (282.0, 397.0);
        let insets = Insets {
            top: 74.0,
            bottom: 196.0,
            ..Insets::uniform(24.0)
        };
        let vp = cam.viewport(cam.fit_in(rect, w, h, insets), w, h);
        let bottom_right = vp.to_screen(Point::new(rect.max_x, rect.max_y));
        assert!(bottom_right.y <= h - 196.0 + 1e-6, "{bottom_right:?}");
        let top_left = vp.to_screen(Point::new(rect.min_x, rect.min_y));
        assert!(top_left.y >= 24.0 - 1e-6, "{top_left:?}");
    }

    #[test]
    fn panels_are_kept_clear_of_on_the_side_they_hug() {
        let (w, h) = (800.0, 600.0);
        let r = |min_x, min_y, max_x, max_y| Rect {
            min_x,
            min_y,
            max_x,
            max_y,
        };
        // A folded layer button in the top-left corner costs a strip at the top; a row
        // of buttons at the bottom right a strip at the bottom; a tall list on the left
        // a column; a bottom sheet half over the map the part it covers.
        let insets = Insets::clear_of(
            w,
            h,
            &[
                r(8.0, 8.0, 100.0, 44.0),
                r(500.0, 550.0, 792.0, 592.0),
                r(8.0, 60.0, 280.0, 400.0),
                r(-10.0, 500.0, 900.0, 2000.0),
                r(900.0, 0.0, 1000.0, 100.0),
            ],
        );
        assert_eq!(insets.top, 44.0);
        assert_eq!(insets.left, 280.0);
        assert_eq!(insets.bottom, 100.0);
        assert_eq!(
            insets.right, 0.0,
            "a box outside the container costs nothing"
        );
        // The free part of a viewport excludes them.
        let cam = camera();
        let vp = cam.viewport(cam.fit(sample_rect(), w, h, 0.0), w, h);
        let free = vp.free(insets);
        let top_left = vp.to_screen(Point::new(free.min_x, free.min_y));
        let bottom_right = vp.to_screen(Point::new(free.max_x, free.max_y));
        assert!((top_left.x - 280.0).abs() < 1e-6 && (top_left.y - 44.0).abs() < 1e-6);
        assert!((bottom_right.x - w).abs() < 1e-6 && (bottom_right.y - 500.0).abs() < 1e-6);
    }

    #[test]
    fn the_layer_list_folds_when_the_map_is_too_narrow_for_it() {
        let cam = camera();
        let rect = sample_rect(); // 300 × 250 km: wider than tall.
        let margins = Insets::uniform(24.0);
        // A wide map has room beside the area for a 270 px list; a narrow one has not.
        assert!(cam.room_beside(rect, 1400.0, 700.0, margins, 270.0, 0.9));
        assert!(!cam.room_beside(rect, 800.0, 700.0, margins, 270.0, 0.9));
        assert!(!cam.room_beside(rect, 390.0, 500.0, margins, 270.0, 0.9));
    }

    #[test]
    fn view_round_trips_through_viewport() {
        let cam = camera();
        let v = sample_view(3.0);
        let back = cam.view(&cam.viewport(v, 800.0, 600.0));
        assert!((back.lon - v.lon).abs() < 1e-9 && (back.lat - v.lat).abs() < 1e-9);
        assert!((back.zoom - v.zoom).abs() < 1e-9);
    }

    /// A view over Changchun at `zoom`.
    fn sample_view(zoom: f64) -> MapView {
        MapView {
            lon: 125.3,
            lat: 43.9,
            zoom,
        }
    }

    #[test]
    fn a_pinch_keeps_the_map_under_both_fingers() {
        let cam = camera();
        let v = sample_view(2.0);
        let (w, h) = (1000.0, 700.0);
        let before = [Point::new(400.0, 300.0), Point::new(500.0, 300.0)];
        // Apart to twice the distance, and moved 30 px right and 10 px down.
        let after = [Point::new(380.0, 310.0), Point::new(580.0, 310.0)];
        let pinched = cam.pinch(v, before, after, w, h);
        assert!((pinched.zoom / v.zoom - 2.0).abs() < 1e-9);
        let (vp0, vp1) = (cam.viewport(v, w, h), cam.viewport(pinched, w, h));
        for (b, a) in before.iter().zip(&after) {
            let under_before = vp0.to_map(b.x, b.y);
            let under_after = vp1.to_map(a.x, a.y);
            assert!(under_before.distance(under_after) < 1e-6, "{b:?} → {a:?}");
        }
    }

    #[test]
    fn zoom_keeps_the_pointer_still_and_respects_limits() {
        let cam = camera();
        let v = sample_view(2.0);
        let (w, h) = (1000.0, 700.0);
        let before = cam.viewport(v, w, h).to_map(300.0, 200.0);
        let z = cam.zoom_at(v, 2.0, 300.0, 200.0, w, h);
        let after = cam.viewport(z, w, h).to_map(300.0, 200.0);
        assert!(before.distance(after) < 1e-6);
        assert!((cam.zoom_at(v, 1e6, 0.0, 0.0, w, h).zoom - MapView::MAX_ZOOM).abs() < 1e-9);
        assert!((cam.zoom_at(v, 1e-6, 0.0, 0.0, w, h).zoom - MapView::MIN_ZOOM).abs() < 1e-9);
    }

    #[test]
    fn panning_cannot_lose_the_map() {
        let cam = camera();
        let v = sample_view(2.0);
        let far = cam.pan(v, 1e7, 1e7, 800.0, 600.0);
        let c = cam.viewport(far, 800.0, 600.0).center;
        assert!(c.x >= -600.0 - 1e-6 && c.y >= -400.0 - 1e-6);
    }

    #[test]
    fn a_gesture_s_picture_puts_every_point_where_the_view_it_reaches_shows_it() {
        let cam = camera();
        let v = sample_view(2.0);
        let (w, h) = (800.0, 600.0);
        let from = cam.viewport(v, w, h);
        let pinched = cam.pinch(
            v,
            [Point::new(300.0, 200.0), Point::new(500.0, 400.0)],
            [Point::new(280.0, 150.0), Point::new(560.0, 430.0)],
            w,
            h,
        );
        // A drag, a pinch, and a drag far beyond the region (the view stops at its edge,
        // and so does the picture).
        for reached in [
            cam.pan(v, 120.0, -40.0, w, h),
            pinched,
            cam.pan(v, 1e7, 1e7, w, h),
        ] {
            let to = cam.viewport(reached, w, h);
            let (k, dx, dy) = from.picture_to(&to);
            for p in [
                from.center,
                from.to_map(10.0, 20.0),
                from.to_map(790.0, 580.0),
            ] {
                let (a, b) = (from.to_screen(p), to.to_screen(p));
                assert!((k * a.x + dx - b.x).abs() < 1e-6 && (k * a.y + dy - b.y).abs() < 1e-6);
            }
        }
        let (k, dx, dy) = from.picture_to(&cam.viewport(cam.pan(v, 120.0, -40.0, w, h), w, h));
        assert!((k - 1.0).abs() < 1e-12 && (dx - 120.0).abs() < 1e-6 && (dy + 40.0).abs() < 1e-6);
    }

    #[test]
    fn transitions_start_and_end_on_their_views() {
        let view = |lon, lat, zoom| MapView { lon, lat, zoom };
        let (a, b, c) = (
            view(125.0, 44.0, 1.0),
            view(126.0, 43.0, 4.0),
            view(125.3, 43.9, 1.9),
        );
        assert_eq!(Camera::between(a, b, 0.0), a);
        // The end is the target itself, with no rounding (the camera compares them).
        assert_eq!(Camera::between(a, b, 1.0), b);
        assert_eq!(Camera::between(a, c, 1.0), c);
        assert_eq!(Camera::between(c, a, 1.5), a);
        assert!((Camera::between(a, b, 0.5).zoom - 2.0).abs() < 1e-12);
    }
}
