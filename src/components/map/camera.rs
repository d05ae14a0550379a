//! The map's camera: container size, the displayed view, smooth moves.

use super::pointer::Gesture;
use crate::components::Ctx;
use crate::geo::Rect;
use crate::scene::layers::Layers;
use crate::scene::viewport::MapView;
use crate::scene::viewport::{Camera, Insets, Viewport};
use leptos::html;
use leptos::prelude::*;

/// Duration of a view transition, ms.
const TRANSITION_MS: f64 = 450.0;
/// Margin kept around fitted extents, px.
const FIT_MARGIN_PX: f64 = 24.0;

/// Reactive camera state of the map; `Copy`, provided as context to the map's parts.
#[derive(Clone, Copy)]
pub struct MapCamera {
    /// The app context.
    pub ctx: Ctx,
    /// Pure view arithmetic.
    pub camera: Camera,
    /// Container size in px.
    pub size: RwSignal<(f64, f64)>,
    /// A view shown during a transition, over the state's view.
    pub moving: RwSignal<Option<MapView>>,
    /// What is on screen.
    pub viewport: Memo<Viewport>,
    /// The scale, screen px per km: unlike `viewport`, it does not change while panning,
    /// so what depends only on the scale (symbol sizes, label offsets, font size) is not
    /// recomputed on every frame of a drag.
    pub px_per_km: Memo<f64>,
    /// Width of the layer panel floating over the map's left side (0 when folded), px:
    /// fitted views keep clear of it.
    pub panel_width: RwSignal<f64>,
    /// The pointers down on this map (drag, pinch).
    pub gesture: StoredValue<Gesture>,
    /// Transition generation: a newer move or a user gesture cancels older frames.
    generation: StoredValue<u32>,
    wrap: NodeRef<html::Div>,
}

impl MapCamera {
    /// Creates the camera, measures the container and follows layer and selection changes.
    pub fn new(ctx: Ctx, wrap: NodeRef<html::Div>) -> Self {
        let camera = Camera::new(ctx.scene.region_extent);
        let size = RwSignal::new((800.0, 600.0));
        let moving = RwSignal::new(None);
        let panel_width = RwSignal::new(0.0);
        let viewport = Memo::new(move |_| {
            let (w, h) = size.get();
            let view = moving.get().or(ctx.view.get()).unwrap_or_else(|| {
                let extent = ctx.layers.with(|l| ctx.scene.extent_for(l));
                camera.fit_in(extent, w, h, insets(panel_width.get()))
            });
            camera.viewport(view, w, h)
        });
        let px_per_km = Memo::new(move |_| viewport.with(|v| v.px_per_km));
        let cam = MapCamera {
            ctx,
            camera,
            size,
            moving,
            viewport,
            px_per_km,
            panel_width,
            gesture: StoredValue::new(Gesture::default()),
            generation: StoredValue::new(0),
            wrap,
        };
        cam.measure_on_resize();
        cam.follow_layers();
        cam.follow_selection();
        cam
    }

    /// The view on screen now.
    pub fn current(&self) -> MapView {
        self.camera.view(&self.viewport.get_untracked())
    }

    /// The default view for these layers.
    pub fn default_view(&self, layers: &Layers) -> MapView {
        self.fit(self.ctx.scene.extent_for(layers))
    }

    /// The view that shows `rect` in the free part of the map.
    pub fn fit(&self, rect: Rect) -> MapView {
        let (w, h) = self.size.get_untracked();
        let insets = insets(self.panel_width.get_untracked());
        self.camera.fit_in(rect, w, h, insets)
    }

    /// Sets the view at once (gestures), cancelling any transition.
    pub fn set_view(&self, view: Option<MapView>) {
        self.generation.update_value(|g| *g += 1);
        self.moving.set(None);
        self.ctx.state.update(|s| s.view = view);
    }

    /// Moves smoothly to `target`; at the end the state's view becomes `end`
    /// (`None` to return to the fitted default).
    pub fn fly_to(&self, target: MapView, end: Option<MapView>) {
        let from = self.current();
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        if reduced_motion() {
            self.set_view(end);
            return;
        }
        let cam = *self;
        let start = js_sys::Date::now();
        fn frame(
            cam: MapCamera,
            generation: u32,
            start: f64,
            from: MapView,
            target: MapView,
            end: Option<MapView>,
        ) {
            request_animation_frame(move || {
                if cam.generation.get_value() != generation {
                    return;
                }
                let t = ((js_sys::Date::now() - start) / TRANSITION_MS).min(1.0);
                // Ease in and out.
                let eased = t * t * (3.0 - 2.0 * t);
                if t < 1.0 {
                    cam.moving.set(Some(Camera::between(from, target, eased)));
                    frame(cam, generation, start, from, target, end);
                } else {
                    cam.moving.set(None);
                    cam.ctx.state.update(|s| s.view = end);
                }
            });
        }
        frame(cam, generation, start, from, target, end);
    }

    /// Moves (if needed) so that `rect` is on screen, keeping what is visible now.
    pub fn reveal(&self, rect: Rect) {
        let vp = self.viewport.get_untracked();
        let visible = vp.visible();
        if visible.contains(&rect) {
            return;
        }
        let target = self.fit(visible.union(rect));
        self.fly_to(target, Some(target));
    }

    fn measure(&self) {
        if let Some(el) = self.wrap.get_untracked() {
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                self.size.set((r.width(), r.height()));
            }
        }
    }

    fn measure_on_resize(&self) {
        let cam = *self;
        Effect::new(move |_| {
            // Coming back from the table view, the map has a size again.
            cam.ctx.state.with(|s| s.table);
            if cam.wrap.get().is_some() {
                request_animation_frame(move || {
                    cam.measure();
                    cam.ctx.ready.set(true);
                });
            }
        });
        let handle = window_event_listener(leptos::ev::resize, move |_| cam.measure());
        on_cleanup(move || handle.remove());
    }

    /// Showing a layer that lies outside the view moves the view so it can be seen.
    fn follow_layers(&self) {
        let cam = *self;
        Effect::new(move |prev: Option<Layers>| {
            let now = cam.ctx.layers.get();
            if let Some(prev) = prev.filter(|p| *p != now) {
                if cam.ctx.view.get_untracked().is_none() && cam.moving.get_untracked().is_none() {
                    let (before, after) = (cam.default_view(&prev), cam.default_view(&now));
                    if before != after {
                        // Animate from the old fitted view to the new one.
                        cam.moving.set(Some(before));
                        cam.fly_to(after, None);
                    }
                } else {
                    cam.reveal(cam.ctx.scene.extent_for(&now));
                }
            }
            now
        });
    }

    /// Selecting a feature off screen brings it into view.
    fn follow_selection(&self) {
        let cam = *self;
        Effect::new(move |_| {
            let target = cam.ctx.highlight.get();
            if let Some(rect) = target.and_then(|f| cam.ctx.scene.bounds_of(&f)) {
                cam.reveal(rect);
            }
        });
    }

    /// Zooms by a factor about the container's centre.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.size.get_untracked();
        let target = self
            .camera
            .zoom_at(self.current(), factor, w / 2.0, h / 2.0, w, h);
        self.fly_to(target, Some(target));
    }
}

/// The margins of fitted views, with room for the layer panel on the left.
fn insets(panel_width: f64) -> Insets {
    Insets {
        left: FIT_MARGIN_PX + panel_width,
        ..Insets::uniform(FIT_MARGIN_PX)
    }
}

/// True if the user asked for reduced motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
