//! The map's camera: container size, the panels lying over the map, the displayed view
//! and smooth moves between views.
//!
//! The state holds the view a reader chose (`None`: fit what is shown); the camera shows
//! it, moving smoothly to every new target except those a gesture sets (drag, wheel,
//! pinch) and except under `prefers-reduced-motion`.

use super::pointer::Gesture;
use crate::components::effect::Effect;
use crate::components::schedule::{after_paint, AFTER_INPUT};
use crate::components::stash::{Derived, Followed, Stash};
use crate::components::Ctx;
use crate::geo::Rect;
use crate::scene::layers::Layers;
use crate::scene::viewport::MapView;
use crate::scene::viewport::{Camera, Insets, Viewport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Duration of a view transition, ms.
const TRANSITION_MS: f64 = 450.0;
/// Margin kept around fitted extents, px.
const FIT_MARGIN_PX: f64 = 24.0;
/// How wide the open layer list is (its CSS `max-width`), px.
const LAYER_LIST_PX: f64 = 278.0;
/// The layer list opens beside the area only if the area keeps this share of its scale.
const LAYER_LIST_SHARE: f64 = 0.9;
/// The panels that may lie over the map: the fitted views and the recentring keep
/// clear of them (each marks itself with this attribute), looked up outside the first
/// screen's snapshots (`components::prerender::live`) since the app starts under them.
const OVERLAYS: &str = "[data-overlay]";

/// Reactive camera state of the map; `Copy`, handed to each of the map's parts (with the app
/// context in it).
#[derive(Clone, Copy)]
pub struct MapCamera {
    /// The app context.
    pub ctx: Ctx,
    /// Pure view arithmetic.
    pub camera: Camera,
    /// Container size in px.
    pub size: Followed<(f64, f64)>,
    /// Whether the container has been measured (`size` holds a guess until then).
    pub measured: Followed<bool>,
    /// What the panels over the map cover, px from each side (margins not included).
    pub covered: Followed<Insets>,
    /// Whether the layer list is open (decided by the room beside the area at first and
    /// whenever a resize changes that room, else by the reader).
    pub layers_open: Followed<bool>,
    /// The view the state asks for (its own, or the fitted default).
    pub target: Derived<MapView>,
    /// What is on screen.
    pub viewport: Derived<Viewport>,
    /// The view on screen (trails `target` during a transition).
    shown: Followed<Option<MapView>>,
    /// Set by gestures: the next target is shown at once.
    instant: Stash<bool>,
    /// The scale, screen px per km: unlike `viewport`, it does not change while panning,
    /// so what depends only on the scale (symbol sizes, label offsets, font size) is not
    /// recomputed on every frame of a drag.
    pub px_per_km: Derived<f64>,
    /// The pointers down on this map (drag, pinch).
    pub gesture: Stash<Gesture>,
    /// Transition generation: a newer move or a gesture cancels older frames.
    generation: Stash<u32>,
    /// Whether the map had room for the open layer list when last measured (`None`
    /// before the first measurement).
    layer_room: Stash<Option<bool>>,
    wrap: crate::components::dom::Slot,
}

impl MapCamera {
    /// Creates the camera, measures the container and follows layer and selection changes.
    pub fn new(ctx: Ctx, wrap: crate::components::dom::Slot) -> Self {
        let camera = Camera::new(ctx.scene.region_extent);
        let size = Followed::new((800.0, 600.0));
        let covered = Followed::new(Insets::default());
        // What the default view fits: the layers' extent, or the tour step's.
        // (From the memos, not the whole state: a pan changes the state on every frame.)
        let tour = Derived::new(move |_| ctx.state.with(|s| s.tour));
        // (The extent is not a memo of its own: a few rectangles' union, computed again
        // only when `target` is; `target` is compared, so what follows it runs only when
        // the view changes.)
        let extent = move || {
            ctx.layers
                .with(|layers| match tour.get().and_then(|p| ctx.tour.at(p)) {
                    Some(step) => ctx
                        .highlight
                        .with(|focus| ctx.scene.extent_of_step(step.view, layers, focus.as_ref())),
                    None => ctx.scene.extent_for(layers),
                })
        };
        let target = Derived::new(move |_| {
            // The state's own view, read from the whole state: this memo is compared, so a
            // memo of the view in between would spare nothing after it.
            ctx.state.with(|s| s.view).unwrap_or_else(|| {
                let (w, h) = size.get();
                camera.fit_in(extent(), w, h, covered.get().grown(FIT_MARGIN_PX))
            })
        });
        let shown = Followed::new(None);
        let viewport = Derived::new(move |_| {
            let (w, h) = size.get();
            let view = shown.try_get().flatten();
            camera.viewport(view.unwrap_or_else(|| target.get()), w, h)
        });
        let px_per_km = Derived::new(move |_| viewport.with(|v| v.px_per_km));
        let cam = MapCamera {
            ctx,
            camera,
            size,
            measured: Followed::new(false),
            covered,
            layers_open: Followed::new(false),
            target,
            viewport,
            shown,
            instant: Stash::new(true),
            px_per_km,
            gesture: Stash::new(Gesture::default()),
            generation: Stash::new(0),
            layer_room: Stash::new(None),
            wrap,
        };
        cam.follow_target();
        cam.measure_on_resize();
        cam.follow_layers();
        cam.follow_selection(tour);
        cam
    }

    /// The view on screen now: the one a drag, a pinch or a wheel zoom under way has reached
    /// (shown as a picture, `pointer::show_moved`), else the map's.
    pub fn current(&self) -> MapView {
        self.gesture
            .try_with_value(super::pointer::Gesture::reached)
            .flatten()
            .unwrap_or_else(|| self.camera.view(&self.viewport.get_untracked()))
    }

    /// Whether a drag, a pinch or a wheel zoom shows the map as a picture now (its view not
    /// set yet, `pointer::show_moved`).
    pub fn picture_shown(&self) -> bool {
        self.gesture.try_with_value(|g| g.reached().is_some()) == Some(true)
    }

    /// Stops a move under way where it is, as a gesture starts from the view on screen (a
    /// smooth move, or a wheel zoom's picture that has not paused yet). Sets the view only
    /// then: setting it runs everything that follows the state (the address, the names'
    /// places, the layers' marks), ≈ 20 ms at 4× CPU in a drag's or a wheel zoom's first
    /// event when nothing was moving (issue 12).
    pub fn stop(&self) {
        let moving = self.shown.try_get_untracked().flatten() != Some(self.target.get_untracked());
        if self.picture_shown() || moving {
            self.set_view(Some(self.current()));
        }
    }

    /// The view that shows `rect` in the free part of the map.
    pub fn fit(&self, rect: Rect) -> MapView {
        let (w, h) = self.size.get_untracked();
        let insets = self.covered.get_untracked().grown(FIT_MARGIN_PX);
        self.camera.fit_in(rect, w, h, insets)
    }

    /// Sets the view at once (gestures), cancelling any transition.
    pub fn set_view(&self, view: Option<MapView>) {
        super::pointer::drop_picture(*self);
        self.instant.set_value(true);
        self.ctx.state.update(|s| s.view = view);
    }

    /// Moves smoothly to `view` (`None`: back to the fitted default). At once from a
    /// gesture's picture (a wheel zoom that has not paused yet): a move would start from the
    /// view under the picture, and the map would jump back first.
    pub fn fly_to(&self, view: Option<MapView>) {
        if self.picture_shown() {
            self.instant.set_value(true);
        }
        super::pointer::drop_picture(*self);
        self.ctx.state.update(|s| s.view = view);
    }

    /// Moves (if needed) so that `rect` is on screen and clear of the panels over the map,
    /// keeping what is visible now. Returns whether it moves. Judged on the view the map is
    /// heading to (the shown one may be mid-move, or not yet follow the overlays measured
    /// just now).
    pub fn reveal(&self, rect: Rect) -> bool {
        let (w, h) = self.size.get_untracked();
        let vp = self.camera.viewport(self.target.get_untracked(), w, h);
        // Clear of what a fit keeps clear of (which ignores the small panels when they
        // leave too little room), with half the fit's margin to spare: judged against all
        // panels, a fit that had to ignore some is never clear, and every selection would
        // zoom out a little further.
        let insets = self.covered.get_untracked().grown(FIT_MARGIN_PX);
        let free = vp.free(Camera::fit_insets(w, h, insets).shrunk(FIT_MARGIN_PX / 2.0));
        if free.contains(&rect) {
            return false;
        }
        let target = self.fit(free.union(rect));
        self.fly_to(Some(target));
        true
    }

    /// Shows every new target: at once after a gesture, smoothly otherwise.
    fn follow_target(&self) {
        let cam = *self;
        Effect::new(move |_| {
            let to = cam.target.get();
            cam.generation.update_value(|g| *g += 1);
            let from = cam.shown.try_get_untracked().flatten();
            let gesture = cam
                .instant
                .try_update_value(std::mem::take)
                .unwrap_or(false);
            let at_once = gesture || !cam.ctx.ready.get_untracked() || reduced_motion();
            match from {
                Some(from) if !at_once && from != to => cam.animate(from, to),
                _ => cam.show(to),
            }
        });
    }

    /// Shows `view` (the viewport follows).
    fn show(&self, view: MapView) {
        self.shown.try_set(Some(view));
    }

    /// Moves the shown view from `from` to `to` over [`TRANSITION_MS`].
    fn animate(&self, from: MapView, to: MapView) {
        let generation = self.generation.get_value();
        // The clock starts at the first frame, which shows `from` as it is: the frame that
        // paints the change that set off the move (a click, a toggle) does not also lay out
        // and paint the whole map for a step too small to see.
        fn frame(cam: MapCamera, generation: u32, start: Option<f64>, from: MapView, to: MapView) {
            request_animation_frame(move || {
                if cam.generation.try_get_value() != Some(generation) {
                    return;
                }
                let Some(start) = start else {
                    frame(cam, generation, Some(js_sys::Date::now()), from, to);
                    return;
                };
                let t = ((js_sys::Date::now() - start) / TRANSITION_MS).min(1.0);
                // Ease in and out.
                let eased = t * t * (3.0 - 2.0 * t);
                cam.show(Camera::between(from, to, eased));
                if t < 1.0 {
                    frame(cam, generation, Some(start), from, to);
                }
            });
        }
        frame(*self, generation, None, from, to);
    }

    fn measure(&self) {
        // (`try_`: a frame or an observer may call after the map has left the page.)
        if let Some(el) = self.wrap.get_untracked() {
            let r = el.get_bounding_client_rect();
            let size = (r.width(), r.height());
            if size.0 > 0.0 && size.1 > 0.0 {
                if size != self.size.get_untracked() {
                    self.instant.set_value(true);
                    self.size.set(size);
                }
                if !self.measured.get_untracked() {
                    self.measured.set(true);
                }
            }
        }
    }

    /// Measures what the panels over the map cover (after they have been drawn).
    pub fn measure_overlays(&self) {
        let Some(el) = self.wrap.get_untracked() else {
            return;
        };
        let map = el.get_bounding_client_rect();
        let boxes = self.overlay_boxes();
        let covered = Insets::clear_of(map.width(), map.height(), &boxes);
        if covered != self.covered.get_untracked() {
            self.covered.set(covered);
        }
    }

    /// The boxes of the panels over the map (those shown), px from the map's top-left.
    pub fn overlay_boxes(&self) -> Vec<Rect> {
        let mut boxes = Vec::new();
        let Some(el) = self.wrap.get_untracked() else {
            return boxes;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return boxes;
        };
        let map = el.get_bounding_client_rect();
        if let Ok(list) = doc.query_selector_all(&crate::components::prerender::live(OVERLAYS)) {
            for i in 0..list.length() {
                let Some(node) = list.item(i) else { continue };
                let Ok(panel) = node.dyn_into::<web_sys::Element>() else {
                    continue;
                };
                let r = panel.get_bounding_client_rect();
                if r.width() > 0.0 && r.height() > 0.0 {
                    boxes.push(Rect {
                        min_x: r.left() - map.left(),
                        min_y: r.top() - map.top(),
                        max_x: r.right() - map.left(),
                        max_y: r.bottom() - map.top(),
                    });
                }
            }
        }
        boxes
    }

    /// Measures once the map is drawn (deciding whether the layer list fits beside the
    /// area), shows a linked selection, then marks the app ready; re-measures on resize
    /// (folding or opening the layer list when the room for it changes).
    fn measure_on_resize(&self) {
        let cam = *self;
        // Coming back from the table view, the map has a size again.
        let table = Derived::new(move |_| cam.ctx.state.with(|s| s.table));
        let first = Stash::new(true);
        Effect::new(move |_| {
            table.track();
            if cam.wrap.get().is_none() {
                return;
            }
            request_animation_frame(move || {
                cam.instant.set_value(true);
                cam.measure();
                if !first.get_value() {
                    cam.measure_overlays();
                    request_animation_frame(move || cam.instant.set_value(false));
                    return;
                }
                first.set_value(false);
                let room = cam.room_for_layer_list();
                cam.layer_room.set_value(Some(room));
                cam.layers_open.set(room);
                // The next frame has the layer list drawn open or folded. What the
                // panels cover and a linked selection are shown at once, not animated
                // after the app says it is ready.
                request_animation_frame(move || {
                    cam.instant.set_value(true);
                    // The layer list drawn open or folded may have changed the map's
                    // size: the app is ready with the size it has now.
                    cam.measure();
                    cam.measure_overlays();
                    if let Some(rect) = cam.highlight_bounds() {
                        cam.reveal(rect);
                    }
                    cam.ctx.ready.set(true);
                    request_animation_frame(move || cam.instant.set_value(false));
                });
            });
        });
        // A resize (a window made narrower, a phone turned, a portal resizing its frame,
        // the side column changing width) folds the layer list when the map loses the
        // room for it and opens it when the map gains it; in between, it stays as the
        // reader set it. (Its `toggle` re-measures what it covers.) The map's own size is
        // observed; the window's resize also moves the panels fixed to the screen.
        let resized = move || {
            cam.instant.set_value(true);
            cam.measure();
            if let Some(before) = cam.layer_room.get_value() {
                let room = cam.room_for_layer_list();
                if room != before {
                    cam.layer_room.set_value(Some(room));
                    cam.layers_open.set(room);
                }
            }
            cam.measure_overlays();
            request_animation_frame(move || cam.instant.set_value(false));
        };
        let handle = window_event_listener(leptos::ev::resize, move |_| resized());
        on_cleanup(move || handle.remove());
        let observer = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(resized)
            .into_js_value()
            .dyn_into::<js_sys::Function>()
            .ok()
            .and_then(|f| web_sys::ResizeObserver::new(&f).ok());
        if let Some(observer) = observer {
            let observed = Stash::new(observer);
            Effect::new(move |_| {
                if let Some(el) = cam.wrap.get() {
                    observed.with_value(|o| o.observe(&el));
                }
            });
            on_cleanup(move || observed.with_value(|o| o.disconnect()));
        }
    }

    /// True if the map, at its present size, has room for the open layer list beside
    /// what it shows by default.
    fn room_for_layer_list(&self) -> bool {
        let (w, h) = self.size.get_untracked();
        let extent = self
            .ctx
            .layers
            .with_untracked(|l| self.ctx.scene.extent_for(l));
        self.camera.room_beside(
            extent,
            w,
            h,
            Insets::uniform(FIT_MARGIN_PX),
            LAYER_LIST_PX,
            LAYER_LIST_SHARE,
        )
    }

    /// Where the highlighted feature lies, if it is on the map.
    fn highlight_bounds(&self) -> Option<Rect> {
        let target = self.ctx.highlight.get_untracked()?;
        self.ctx.scene.bounds_of(&target)
    }

    /// Showing a layer that lies outside a chosen view moves the view so it can be seen
    /// (the fitted default follows the layers by itself).
    fn follow_layers(&self) {
        let cam = *self;
        Effect::new(move |prev: Option<Layers>| {
            let now = cam.ctx.layers.get();
            if prev.is_some_and(|p| p != now) && cam.ctx.state.with_untracked(|s| s.view.is_some())
            {
                cam.reveal(cam.ctx.scene.extent_for(&now));
            }
            now
        });
    }

    /// A new selection is brought into view, clear of the panels over the map (which may
    /// just have changed: the details, a bottom sheet).
    fn follow_selection(&self, tour: Derived<Option<crate::state::TourPos>>) {
        let cam = *self;
        Effect::new(move |before: Option<_>| {
            let target = cam.ctx.highlight.get();
            // A tour step may open or change the caption card over the map, the language
            // the size of every panel over it, and a panel whose chunk was still loading
            // appear after the change that showed it (`Ctx::overlays`). (Those memos, not
            // the state: this must not measure on every pan frame or layer toggle.)
            let now = (target.clone(), tour.get(), cam.ctx.overlays.get());
            cam.ctx.lang.track();
            if !cam.ctx.ready.get_untracked() {
                return now; // The first measurement shows a linked selection.
            }
            let follow = move || {
                cam.measure_overlays();
                if let Some(rect) = target.and_then(|f| cam.ctx.scene.bounds_of(&f)) {
                    cam.reveal(rect);
                }
            };
            if before.as_ref() == Some(&now) {
                // The language alone: measured after the paint (issue 12: measured in the
                // switch's frame, after the labels' widths were written, it laid out the
                // whole page a second time there, ≈ 12 ms at 4× CPU). The fitted view
                // then moves, as it would have a frame later.
                after_paint(AFTER_INPUT, follow);
            } else {
                request_animation_frame(follow);
            }
            now
        });
    }

    /// Zooms by a factor about the centre of the free part of the map.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.size.get_untracked();
        let c = self.covered.get_untracked();
        let (x, y) = ((c.left + w - c.right) / 2.0, (c.top + h - c.bottom) / 2.0);
        let target = self.camera.zoom_at(self.current(), factor, x, y, w, h);
        self.fly_to(Some(target));
    }
}

/// True if the user asked for reduced motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
