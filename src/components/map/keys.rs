//! The map for keyboard and screen-reader users. The map is one Tab stop; inside it,
//! N/P (also Page Down/Up, Home/End) move a keyboard cursor through the features shown,
//! Enter or Space selects the one under the cursor, Escape clears; arrows pan, + and −
//! zoom, 0 resets. The feature under the cursor has DOM focus (so a screen reader reads
//! its name and part in the plan) and a focus ring drawn over the map at any zoom.

use super::layers::symbol_transform;
use super::MapCamera;
use crate::components::effect::Effect;
use crate::components::html::Html;
use crate::components::lazy::{preload, preload_on_focus, spawn_on_demand, split, ChunkError};
use crate::components::stash::Followed;
use crate::components::{dom, Ctx};
use crate::ids::Focus;
use crate::scene::outline::Outline;
use crate::state::describe;
use leptos::ev;
use leptos::prelude::Owner;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Pixels moved by an arrow key.
const KEY_PAN_PX: f64 = 80.0;

/// The feature under the keyboard cursor, and the `<g>` its focus ring is drawn in
/// ([`focus_ring`]); `Copy`, handed to the map's parts that move or show it.
#[derive(Clone, Copy)]
pub struct KeyCursor(pub Followed<Option<Focus>>, dom::Slot);

impl KeyCursor {
    /// No cursor yet.
    pub fn new() -> KeyCursor {
        KeyCursor(Followed::new(None), dom::Slot::new())
    }
}

/// The element of a feature in the map.
fn feature_element(svg: &web_sys::Element, focus: &Focus) -> Option<web_sys::Element> {
    svg.query_selector(&format!("[data-focus=\"{focus}\"]"))
        .ok()
        .flatten()
}

/// Focuses an element of the map without scrolling anything (the map's container
/// clips, and scrolling it would shift the drawing).
fn focus_quietly(el: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        svg.focus_with_options(&options).ok();
    }
}

/// The map's `<svg>` from an event on it or inside it.
fn map_of(ev: &ev::Event) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into::<web_sys::Element>().ok()
}

/// Where the cursor goes.
enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// Moves the cursor through the places shown, focuses it and brings it into view.
fn step(cam: MapCamera, cursor: KeyCursor, svg: &web_sys::Element, step: Step) -> Option<Focus> {
    let places = cam.ctx.layers.with_untracked(|l| cam.ctx.scene.places(l));
    let n = places.len();
    if n == 0 {
        return None;
    }
    let from = cursor
        .0
        .get_untracked()
        .or_else(|| cam.ctx.focus.get_untracked());
    let at = from.and_then(|f| places.iter().position(|p| *p == f));
    let next = match (step, at) {
        (Step::First, _) | (Step::Next, None) => 0,
        (Step::Last, _) | (Step::Previous, None) => n - 1,
        (Step::Next, Some(i)) => (i + 1) % n,
        (Step::Previous, Some(i)) => (i + n - 1) % n,
    };
    let target = places[next].clone();
    move_to(cam, cursor, svg, target.clone());
    Some(target)
}

/// Puts the cursor on `target`, focuses it and brings it into view.
fn move_to(cam: MapCamera, cursor: KeyCursor, svg: &web_sys::Element, target: Focus) {
    if let Some(rect) = cam.ctx.scene.bounds_of(&target) {
        cam.reveal(rect);
    }
    if let Some(el) = feature_element(svg, &target) {
        focus_quietly(&el);
    }
    draw_ring(cam, cursor, &target);
    cursor.0.set(Some(target));
}

/// Draws the focus ring around `focus` (see [`focus_ring`]), in the `keys` chunk with what
/// moves the cursor.
fn draw_ring(cam: MapCamera, cursor: KeyCursor, focus: &Focus) {
    let Some(host) = cursor.1.get_untracked() else {
        return;
    };
    let mut h = Html::new();
    if let Some(outline) = cam.ctx.scene.outline_of(focus) {
        h.raw("<g class=\"focus-ring\" aria-hidden=\"true\"")
            .attr("data-ring", &focus.to_string())
            .raw(">");
        match outline {
            Outline::Path(d) => {
                for class in ["ring-casing", "ring-line"] {
                    // Path data is ours: nothing to escape.
                    h.raw("<path class=\"")
                        .raw(class)
                        .raw("\" d=\"")
                        .raw(d)
                        .raw("\"></path>");
                }
            }
            Outline::Point(at) => {
                let px_per_km = cam.px_per_km.get_untracked();
                h.raw("<g")
                    .attr("transform", &symbol_transform(at, px_per_km))
                    .raw(concat!(
                        "><circle class=\"ring-casing\" r=\"16\"></circle>",
                        "<circle class=\"ring-line\" r=\"16\"></circle></g>"
                    ));
            }
        }
        h.raw("</g>");
    }
    host.set_inner_html(&h.0);
}

/// `keydown` on the map (or a feature in it). Which keys are the map's is decided here,
/// in the event, so that their default (scrolling the page) is prevented; what they do is
/// in the `keys` chunk (`components::lazy`, issue 12: fetched when the keyboard focus first
/// reaches the map, [`preload_on_focus`]), which the first key waits for if it is not in
/// yet.
pub fn key(cam: MapCamera, cursor: KeyCursor) -> impl Fn(ev::KeyboardEvent) + Copy {
    move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(svg) = map_of(&ev) else { return };
        let key = ev.key();
        let ours = match key.as_str() {
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "+" | "=" | "-" | "_" | "0"
            | "n" | "N" | "p" | "P" | "PageDown" | "PageUp" | "Home" | "End" | "Enter" | " " => {
                true
            }
            // Escape clears the selection, else the cursor; with neither, it is not the map's.
            "Escape" => {
                cam.ctx.focus.with_untracked(Option::is_some) || cursor.0.get_untracked().is_some()
            }
            _ => false,
        };
        if !ours {
            return;
        }
        ev.prevent_default();
        let job = Box::new(KeyJob {
            cam,
            cursor,
            svg,
            key,
            shift: ev.shift_key(),
        });
        spawn_on_demand!(cam.ctx.lang.get_untracked(), on_key(job));
    }
}

/// Fetches the `keys` chunk when the keyboard focus first reaches the map (not on a hover:
/// a pointer has no use for it).
pub fn preload_keys_on_focus() {
    preload_on_focus("#map", || {
        preload!(preload_keys);
    });
}

/// A key of the map's, with what the chunk needs, owned: it crosses into the chunk.
struct KeyJob {
    cam: MapCamera,
    cursor: KeyCursor,
    svg: Element,
    key: String,
    shift: bool,
}

split! { keys / preload_keys,
/// What a key of the map's does (see [`key`]): a wasm chunk loaded on first use.
#[allow(clippy::boxed_local)]
fn on_key(job: Box<KeyJob>) -> Result<(), ChunkError> {
    let KeyJob { cam, cursor, svg, key, shift } = *job;
    follow_cursor(cam, cursor, &svg);
    let ctx = cam.ctx;
    let (w, h) = cam.size.get_untracked();
    let pan = |dx: f64, dy: f64| {
        let target = cam.camera.pan(cam.current(), dx, dy, w, h);
        cam.set_view(Some(target));
    };
    match key.as_str() {
        "ArrowLeft" => pan(KEY_PAN_PX, 0.0),
        "ArrowRight" => pan(-KEY_PAN_PX, 0.0),
        "ArrowUp" => pan(0.0, KEY_PAN_PX),
        "ArrowDown" => pan(0.0, -KEY_PAN_PX),
        "+" | "=" => cam.zoom_by(1.5),
        "-" | "_" => cam.zoom_by(1.0 / 1.5),
        "0" => cam.set_view(None),
        "n" | "N" | "PageDown" if !(key == "N" && shift) => {
            step(cam, cursor, &svg, Step::Next);
        }
        "n" | "N" | "p" | "P" | "PageUp" => {
            step(cam, cursor, &svg, Step::Previous);
        }
        "Home" => {
            step(cam, cursor, &svg, Step::First);
        }
        "End" => {
            step(cam, cursor, &svg, Step::Last);
        }
        "Enter" | " " => match cursor.0.get_untracked() {
            Some(focus) => {
                ctx.toggle_select(focus.clone());
                crate::components::panels::show_item(&focus);
            }
            None => {
                // Start on the selection, or the first place, and select it.
                let visible = ctx.layers.with_untracked(|l| ctx.scene.places(l));
                let start = ctx
                    .focus
                    .get_untracked()
                    .filter(|f| visible.contains(f))
                    .or_else(|| visible.first().cloned());
                if let Some(target) = start {
                    move_to(cam, cursor, &svg, target.clone());
                    crate::components::panels::show_item(&target);
                    ctx.select(Some(target));
                }
            }
        },
        "Escape" => {
            if ctx.focus.with_untracked(Option::is_some) {
                ctx.select(None);
            } else if cursor.0.get_untracked().is_some() {
                cursor.0.set(None);
                focus_quietly(&svg);
            }
        }
        _ => {}
    }
    Ok(())
}
}

thread_local! {
    /// Whether the effects that follow the keyboard cursor are made ([`follow_cursor`]).
    static FOLLOWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The effects that follow the keyboard cursor, made by the `keys` chunk at its first key
/// (only that chunk puts the cursor on a feature): the focus ring emptied when the cursor
/// goes and a point's ring resized by a zoom; a feature that a layer change hides loses
/// the cursor, and the focus goes back to the map. Under an owner of their own that is
/// never cleaned up: they live as long as the map, which lives as long as the page.
fn follow_cursor(cam: MapCamera, cursor: KeyCursor, svg: &Element) {
    if FOLLOWING.replace(true) {
        return;
    }
    let (ctx, host, svg) = (cam.ctx, cursor.1, svg.clone());
    let owner = Owner::new();
    owner.with(|| {
        Effect::new(move |_| {
            if cursor.0.with(Option::is_none) {
                if let Some(host) = host.get() {
                    host.set_inner_html("");
                }
            }
        });
        Effect::new(move |_| {
            let px_per_km = cam.px_per_km.get();
            let Some(host) = host.get() else { return };
            let point = cursor
                .0
                .with_untracked(|f| match ctx.scene.outline_of(f.as_ref()?)? {
                    Outline::Point(at) => Some(at),
                    Outline::Path(_) => None,
                });
            if let (Some(at), Ok(Some(g))) = (point, host.query_selector("g[transform]")) {
                g.set_attribute("transform", &symbol_transform(at, px_per_km))
                    .ok();
            }
        });
        Effect::new(move |_| {
            ctx.layers.track();
            let Some(current) = cursor.0.get_untracked() else {
                return;
            };
            if !ctx
                .layers
                .with_untracked(|l| ctx.scene.places(l))
                .contains(&current)
            {
                cursor.0.set(None);
                focus_quietly(&svg);
            }
        });
    });
    std::mem::forget(owner);
}

/// `focusout`: the cursor goes when focus moves to something outside the map (not when
/// the window loses focus, or the focused feature is being hidden: the layer rule in
/// [`follow_cursor`] handles that).
pub fn focus_out(cursor: KeyCursor) -> impl Fn(ev::FocusEvent) + Copy {
    move |ev| {
        let Some(svg) = map_of(&ev) else { return };
        let Some(next) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        if !svg.contains(Some(&next)) {
            cursor.0.set(None);
        }
    }
}

/// Gives every selectable feature its graphics role, its name in the current language
/// (with its part in the plan) and makes it focusable by script.
pub fn label_features(ctx: Ctx, svg: dom::Slot) {
    Effect::new(move |_| {
        // The page's language: after a switch, once its frame is painted (see `map_panel`).
        let lang = ctx.page_lang.get();
        let Some(svg) = svg.get() else { return };
        let Ok(list) = svg.query_selector_all("[data-focus]") else {
            return;
        };
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(focus) = el
                .get_attribute("data-focus")
                .and_then(|t| t.parse::<Focus>().ok())
            else {
                continue;
            };
            let role = match focus {
                Focus::Center | Focus::City(_) => "graphics-symbol",
                _ => "graphics-object",
            };
            el.set_attribute("role", role).ok();
            el.set_attribute("tabindex", "-1").ok();
            if let Some(name) = describe::feature_name(ctx.plan, &focus, lang) {
                el.set_attribute("aria-label", &name).ok();
            }
        }
    });
}

/// The focus ring around the feature under the keyboard cursor, drawn over everything
/// with strokes of fixed screen width (visible at any zoom, on any fill). Written as a
/// string into this `<g>` by the `keys` chunk when it moves the cursor ([`draw_ring`]; only
/// that chunk puts the cursor on a feature), emptied when the cursor goes and a point's
/// ring resized by a zoom ([`follow_cursor`]).
pub fn focus_ring(cursor: KeyCursor) -> Option<Element> {
    let el = dom::svg("g", &[])?;
    cursor.1.load(&el);
    Some(el)
}
