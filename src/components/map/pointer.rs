//! Mouse and touch on the map: pan, zoom, pinch, hover, select (keys are in `keys.rs`).

use super::MapCamera;
use crate::geo::Point;
use crate::ids::Focus;
use crate::scene::viewport::MapView;
use leptos::ev;
use wasm_bindgen::JsCast;

/// Pixels a pointer must move before a press becomes a drag (not a click).
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// The map's class while it is dragged or pinched (the grabbing cursor). Not `:active`: the
/// cursor is inherited, so changing it on the map at every press restyled each of its shapes
/// twice per click (≈ 110 elements, ≈ 3 ms each time at 4× CPU, issue 12).
const DRAGGING: &str = "is-dragging";
/// The map's class while a gesture shows it as a picture ([`show_moved`]): the style sheet
/// makes it a layer of its own that draws beyond its box (`will-change`, `overflow`).
const MOVING: &str = "is-moving";
/// How long after the last wheel event a wheel zoom ends and the map shows its view.
const WHEEL_PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

/// Pointers currently down on one map (each map has its own, in its [`MapCamera`]), at
/// their positions in the window (`clientX`/`clientY`: reading them needs no layout).
#[derive(Debug, Default, Clone)]
pub struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    travelled: f64,
    /// Set after a drag so that the click that ends it does not select.
    swallow_click: bool,
    /// The view a drag, a pinch or a wheel zoom has reached, shown as a picture of the map
    /// (the `<svg>` here) until the gesture ends.
    reached: Option<(MapView, web_sys::Element)>,
    /// The end of a wheel zoom, once the wheel pauses.
    wheel_end: Option<leptos::prelude::TimeoutHandle>,
}

impl Gesture {
    /// The view a gesture under way has reached (what the map shows), if any.
    pub fn reached(&self) -> Option<MapView> {
        self.reached.as_ref().map(|r| r.0)
    }
}

/// A drag, a pinch or a wheel zoom shows the view it reaches as the map's picture moved and
/// scaled by a CSS transform of the `<svg>`, which the browser composites without laying out
/// or painting the map again; the view itself (the `viewBox`, the labels, the state, the
/// address) follows once, when the gesture ends ([`end_gesture`]). Setting the view at every
/// `pointermove` or `wheel` re-laid out and repainted the whole map each time: ≈ 50 ms of
/// main-thread work per move at 4× CPU, so a phone dropped frames (issue 12). Meanwhile the
/// names keep their places, and a pinch or a wheel scales them with the picture.
fn show_moved(cam: MapCamera, el: &web_sys::Element, reached: MapView) {
    cam.gesture
        .update_value(|g| g.reached = Some((reached, el.clone())));
    el.class_list().add_1(MOVING).ok();
    let (w, h) = cam.size.get_untracked();
    let (k, dx, dy) = cam
        .viewport
        .get_untracked()
        .picture_to(&cam.camera.viewport(reached, w, h));
    if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let mut to = String::from("matrix(");
        for (i, v) in [k, 0.0, 0.0, k, dx, dy].into_iter().enumerate() {
            if i > 0 {
                to.push(',');
            }
            to.push_str(&crate::geo::decimal::fixed(v, 4));
        }
        to.push(')');
        svg.style().set_property("transform", &to).ok();
    }
}

/// Ends a gesture's picture (if any): the map shows the view it reached, in the same task,
/// so that the next frame has the new `viewBox` without the transform.
fn end_gesture(cam: MapCamera) {
    match cam.gesture.try_with_value(Gesture::reached) {
        // Setting the view drops the picture ([`MapCamera::set_view`]).
        Some(Some(view)) => cam.set_view(Some(view)),
        Some(None) => drop_picture(cam),
        // The map is gone (a wheel's timer after it).
        None => {}
    }
}

/// Takes a gesture's picture off the map, without setting its view: done by every change
/// of the view (`MapCamera::set_view`, `fly_to`), which either is the gesture's end or
/// starts from the view it reached ([`MapCamera::current`]).
pub(super) fn drop_picture(cam: MapCamera) {
    let Some((reached, wheel_end)) = cam
        .gesture
        .try_update_value(|g| (g.reached.take(), g.wheel_end.take()))
    else {
        return;
    };
    if let Some(timer) = wheel_end {
        timer.clear();
    }
    if let Some((_, el)) = reached {
        el.class_list().remove_1(MOVING).ok();
        if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
            svg.style().remove_property("transform").ok();
        }
    }
}

/// The pointer's position in the element that listens (the map), px: in the map's box,
/// which a gesture's picture does not move (the `<svg>`'s parent, whose size it has).
fn local(ev: &ev::MouseEvent) -> (f64, f64) {
    let Some(target) = map_of(ev) else {
        return (0.0, 0.0);
    };
    let r = target
        .parent_element()
        .unwrap_or(target)
        .get_bounding_client_rect();
    (
        f64::from(ev.client_x()) - r.left(),
        f64::from(ev.client_y()) - r.top(),
    )
}

/// The pointer's position in the window, px: unlike [`local`], read without the layout
/// (measuring the map in `pointerdown`, after a hover had changed the tooltip, recomputed
/// the page's style inside the press that starts a click: ≈ 3 ms at 4× CPU, issue 12).
fn client(ev: &ev::MouseEvent) -> (f64, f64) {
    (f64::from(ev.client_x()), f64::from(ev.client_y()))
}

/// The map element whose listener took the event.
fn map_of(ev: &ev::MouseEvent) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into().ok()
}

/// The selectable feature under an event, from the nearest `data-focus` attribute.
fn feature_at(ev: &ev::Event) -> Option<Focus> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let hit = el.closest("[data-focus]").ok()??;
    hit.get_attribute("data-focus")?.parse().ok()
}

/// `pointerdown`: starts a possible drag or pinch.
pub fn down(cam: MapCamera) -> impl Fn(ev::PointerEvent) + Copy {
    move |ev| {
        let (x, y) = client(&ev);
        cam.gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), x, y));
            if g.pointers.len() == 1 {
                g.travelled = 0.0;
                g.swallow_click = false;
            }
        });
    }
}

/// `pointermove`: drags, pinches or updates the hover.
pub fn moved(cam: MapCamera) -> impl Fn(ev::PointerEvent) + Copy {
    move |ev| {
        let (x, y) = client(&ev);
        let id = ev.pointer_id();
        let (w, h) = cam.size.get_untracked();
        let step = cam.gesture.try_update_value(|g| {
            let i = g.pointers.iter().position(|p| p.0 == id)?;
            let (_, px, py) = g.pointers[i];
            let before = g.pointers.clone();
            g.pointers[i] = (id, x, y);
            g.travelled += crate::geo::math::hypot(x - px, y - py);
            Some((before, g.pointers.clone(), g.travelled))
        });
        let Some((before, after, travelled)) = step.flatten() else {
            // Not pressed: hover (not over a wheel zoom's picture, which the tooltip's
            // placement from the view would not match).
            if cam.picture_shown() {
                return;
            }
            let at = local(&ev);
            let target = feature_at(&ev);
            let (hover, hover_at) = (cam.ctx.hover, cam.ctx.hover_at);
            let moved = target.is_some() && hover_at.try_get_value() != Some(at);
            hover_at.set_value(at);
            if moved || hover.with_untracked(|h| *h != target) {
                hover.set(target);
            }
            return;
        };
        if travelled < DRAG_THRESHOLD_PX && after.len() == 1 {
            return;
        }
        let started = cam
            .gesture
            .try_update_value(|g| !std::mem::replace(&mut g.swallow_click, true))
            .unwrap_or(false);
        let el = map_of(&ev);
        if let Some(el) = &el {
            if !el.has_pointer_capture(id) {
                el.set_pointer_capture(id).ok();
            }
            if started {
                el.class_list().add_1(DRAGGING).ok();
            }
        }
        if started {
            // A move under way stops where it is (and a wheel zoom's picture ends), as the
            // drag starts from it.
            cam.stop();
        }
        if cam.ctx.hover.with_untracked(Option::is_some) {
            cam.ctx.hover.set(None);
        }
        let Some(el) = el else { return };
        // From the view the gesture has reached so far (the picture on screen).
        let from = cam.current();
        let reached = match (before.as_slice(), after.as_slice()) {
            ([a0, b0, ..], [a1, b1, ..]) => {
                // The pinch's centre matters: positions in the map's box.
                let (lx, ly) = local(&ev);
                let at = |p: &(i32, f64, f64)| Point::new(p.1 - (x - lx), p.2 - (y - ly));
                cam.camera
                    .pinch(from, [at(a0), at(b0)], [at(a1), at(b1)], w, h)
            }
            // A drag needs only how far the pointer went.
            ([(_, x0, y0)], [(_, x1, y1)]) => cam.camera.pan(from, x1 - x0, y1 - y0, w, h),
            _ => return,
        };
        show_moved(cam, &el, reached);
    }
}

/// `pointerup` / `pointercancel`: ends the gesture for that pointer.
pub fn up(cam: MapCamera) -> impl Fn(ev::PointerEvent) + Copy {
    move |ev| {
        let last = cam
            .gesture
            .try_update_value(|g| {
                g.pointers.retain(|p| p.0 != ev.pointer_id());
                g.pointers.is_empty()
            })
            .unwrap_or(true);
        if last {
            end_gesture(cam);
            if let Some(el) = map_of(&ev) {
                el.class_list().remove_1(DRAGGING).ok();
            }
        }
    }
}

/// `click`: selects the feature under the pointer, or clears the selection on empty map.
pub fn click(cam: MapCamera) -> impl Fn(ev::MouseEvent) + Copy {
    move |ev| {
        let swallow = cam
            .gesture
            .try_update_value(|g| std::mem::take(&mut g.swallow_click));
        if swallow == Some(true) {
            return;
        }
        match feature_at(&ev) {
            Some(focus) => {
                cam.ctx.toggle_select(focus.clone());
                crate::components::panels::show_item(&focus);
            }
            None => cam.ctx.select(None),
        }
    }
}

/// `dblclick`: zooms in (out with Shift) about the pointer.
pub fn double_click(cam: MapCamera) -> impl Fn(ev::MouseEvent) + Copy {
    move |ev| {
        ev.prevent_default();
        let (x, y) = local(&ev);
        let (w, h) = cam.size.get_untracked();
        let factor = if ev.shift_key() { 0.5 } else { 2.0 };
        let target = cam.camera.zoom_at(cam.current(), factor, x, y, w, h);
        cam.fly_to(Some(target));
    }
}

/// `wheel`: zooms about the pointer, as a picture until the wheel pauses ([`show_moved`]).
pub fn wheel(cam: MapCamera) -> impl Fn(ev::WheelEvent) + Copy {
    move |ev| {
        ev.prevent_default();
        let Some(el) = map_of(&ev) else { return };
        let (x, y) = local(&ev);
        let (w, h) = cam.size.get_untracked();
        // Lines and pages count as about 40 px and 800 px.
        let unit = match ev.delta_mode() {
            1 => 40.0,
            2 => 800.0,
            _ => 1.0,
        };
        let factor = crate::geo::math::exp(-ev.delta_y() * unit * 0.002);
        if !cam.picture_shown() {
            // A move under way stops where it is, as the zoom starts from it.
            cam.stop();
        }
        let target = cam.camera.zoom_at(cam.current(), factor, x, y, w, h);
        show_moved(cam, &el, target);
        let ends = leptos::prelude::set_timeout_with_handle(move || end_gesture(cam), WHEEL_PAUSE);
        if let Some(Some(before)) = cam
            .gesture
            .try_update_value(|g| std::mem::replace(&mut g.wheel_end, ends.ok()))
        {
            before.clear();
        }
    }
}
