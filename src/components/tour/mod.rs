//! The guided tour: the Tour button, the caption card (docked in the side column on wide
//! screens, a bottom sheet on phones) and its keys and swipes. The steps are data
//! (`data/tour.json`, [`crate::plan::tour`]); what a step sets and how Previous and Next
//! move is [`crate::state::tour`]. The map follows the state by itself.

mod caption;

use crate::components::effect::Effect;
use crate::components::html::{closest, Html};
use crate::components::lazy::{hand_over, preload, preload_on_intent, split, ChunkError, Handover};
use crate::components::stash::{Derived, Stash};
use crate::components::Ctx;
use crate::i18n::{ui, Lang, Phrase};
use crate::state::{TourPos, ViewState};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Pixels a swipe must travel sideways to change the step.
const SWIPE_PX: f64 = 50.0;

/// Starts, moves and ends the tour; remembers the state to return to. `Copy`.
#[derive(Clone, Copy)]
pub struct TourCtl {
    /// The app context.
    pub ctx: Ctx,
    /// The state before the tour started (`None` when it came from a link).
    before: Stash<Option<ViewState>>,
    /// The card's title takes the keyboard focus once written (the tour was started by
    /// its button; the card may wait for its chunk).
    focus_title: Stash<bool>,
}

impl TourCtl {
    /// Creates the controller (the tour chunk listens for the tour's keys, `follow`).
    pub fn new(ctx: Ctx) -> TourCtl {
        let ctl = TourCtl {
            ctx,
            before: Stash::new(None),
            focus_title: Stash::new(false),
        };
        preload_on_intent(".tour-button", || {
            preload!(preload_tour);
        });
        ctl
    }

    /// The place in the tour, if it is open.
    pub fn pos(&self) -> Option<TourPos> {
        self.ctx.state.with_untracked(|s| s.tour)
    }

    /// Opens the tour at its first step, remembering the state to return to.
    pub fn start(&self) {
        if self.pos().is_none() {
            self.before.set_value(Some(self.ctx.state.get_untracked()));
        }
        // The caption is what to read now (focused by [`card`] once written).
        self.focus_title.set_value(true);
        self.go(TourPos::START);
    }

    /// Shows a place of the tour.
    pub fn go(&self, pos: TourPos) {
        let (ctx, tour) = (self.ctx, self.ctx.tour);
        ctx.state.update(|s| {
            s.go_tour(pos, tour, &ctx.plan.data);
        });
        let focus = tour.at(pos).and_then(|s| s.focus.clone());
        if let Some(focus) = focus {
            crate::components::panels::show_item(&focus);
        }
        crate::components::panels::keep_map_in_view();
    }

    /// The next place (the last step's Next ends the tour).
    pub fn next(&self) {
        match self.pos().map(|p| self.ctx.tour.next(p)) {
            Some(Some(next)) => self.go(next),
            Some(None) => self.exit(),
            None => {}
        }
    }

    /// The previous place, if any.
    pub fn prev(&self) {
        if let Some(prev) = self.pos().and_then(|p| self.ctx.tour.prev(p)) {
            self.go(prev);
        }
    }

    /// Steps through the parts of the current step (the tasks one by one).
    pub fn parts(&self) {
        if let Some(first) = self.pos().and_then(|p| self.ctx.tour.parts(p)) {
            self.go(first);
        }
    }

    /// Ends the tour, returning to the state before it (in the language read now).
    pub fn exit(&self) {
        let before = self.before.try_update_value(Option::take).flatten();
        self.ctx
            .state
            .update(|s| *s = s.leave_tour(before.as_ref()));
        request_animation_frame(|| focus_first(".tour-button"));
    }

    /// ← and → move (unless the map has the focus: there they pan), Escape exits.
    fn listen_for_keys(&self) {
        let ctl = *self;
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ctl.pos().is_none()
                || ev.default_prevented()
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.alt_key()
                || ev.shift_key()
            {
                return;
            }
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let within = |sel: &str| {
                target
                    .as_ref()
                    .is_some_and(|t| t.closest(sel).ok().flatten().is_some())
            };
            if within("svg.map, input, textarea, select, [contenteditable]") {
                return;
            }
            match ev.key().as_str() {
                "ArrowRight" => ctl.next(),
                "ArrowLeft" => ctl.prev(),
                "Escape" => ctl.exit(),
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    }
}

/// Below the wide layout (where the map is not beside the text), scrolls the page down
/// until the map section is at the top of the screen, at once.
fn map_to_top_on_phones() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let narrow = window
        .match_media("(max-width: 1023.98px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let map = window.document().and_then(|d| {
        d.query_selector(&super::prerender::live(".map-section"))
            .ok()
            .flatten()
    });
    let (true, Some(map)) = (narrow, map) else {
        return;
    };
    let top = map.get_bounding_client_rect().top();
    if top > 1.0 {
        let y = window.scroll_y().unwrap_or(0.0) + top;
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// The first element of the app matching `selector`, if any: never one of the snapshots
/// of the first screen (`components::prerender`), which are still in the page while the
/// app starts (a card written into the snapshot's dock went with it).
fn find(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&super::prerender::live(selector))
        .ok()?
}

/// Focuses the first element matching `selector`, if any.
fn focus_first(selector: &str) {
    if let Some(el) = find(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.focus().ok();
    }
}

/// A phrase with its `{}`s filled in order.
fn fill(phrase: Phrase, lang: Lang, values: &[usize]) -> String {
    values.iter().fold(phrase.get(lang).to_owned(), |text, v| {
        crate::i18n::fill(&text, &v.to_string())
    })
}

/// The caption card of the open tour, from the first time the tour opens: then the tour
/// chunk takes it over ([`tour_mount`], under the page's owner), and until then this
/// follows only whether the tour is open (`lazy::Handover`).
pub fn card(ctl: TourCtl) {
    let ctx = ctl.ctx;
    let (Some(owner), handover) = (Owner::current(), Handover::new()) else {
        return;
    };
    Effect::new(move |_| {
        if handover.start(ctx.state.with(|s| s.tour.is_some())) {
            let owner = owner.clone();
            hand_over!(
                handover,
                ctx.lang.get_untracked(),
                tour_mount,
                Box::new(MountJob { ctl, owner })
            );
        }
    });
}

/// What the tour chunk takes over the card with: the tour's controller and the owner of
/// what it makes (the page's).
struct MountJob {
    ctl: TourCtl,
    owner: Owner,
}

split! { tour / preload_tour,
/// Takes the caption card over (see [`card`]): a wasm chunk loaded when the tour first
/// opens (`components::lazy`), with the caption writer.
#[allow(clippy::boxed_local)]
fn tour_mount(job: Box<MountJob>) -> Result<(), ChunkError> {
    let MountJob { ctl, owner } = *job;
    owner.with(|| follow(ctl));
    Ok(())
}
}

/// The card while the tour is open: where the reader is, the step's title and caption,
/// and Previous / Next / Exit. Written as HTML (`components::html`) at the top of the dock
/// when the tour opens and removed when it ends; each step and language then sets the
/// texts, the caption and the buttons' states in place, so the buttons stay and the
/// keyboard focus with them. One listener takes the card's clicks and swipes.
fn follow(ctl: TourCtl) {
    ctl.listen_for_keys();
    let ctx = ctl.ctx;
    let pos = Derived::new(move |_| ctx.state.with(|s| s.tour));
    // A sideways swipe (touch or pen, not the mouse, which selects text) changes the step.
    let swipe_from = Stash::new(None::<(f64, f64)>);
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let kind = ev.type_();
        if kind == "click" {
            let action = closest(&ev, "[data-action]").and_then(|b| b.get_attribute("data-action"));
            match action.as_deref() {
                Some("tour-prev") => ctl.prev(),
                Some("tour-next") => ctl.next(),
                Some("tour-exit") => ctl.exit(),
                Some("tour-each") => ctl.parts(),
                _ => {}
            }
            return;
        }
        let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
            return;
        };
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        match kind.as_str() {
            "pointerdown" if ev.pointer_type() != "mouse" => swipe_from.set_value(Some((x, y))),
            "pointerup" => {
                let Some((x0, y0)) = swipe_from.try_update_value(Option::take).flatten() else {
                    return;
                };
                let (dx, dy) = (x - x0, y - y0);
                if dx.abs() >= SWIPE_PX && dx.abs() > 2.0 * dy.abs() {
                    if dx < 0.0 {
                        ctl.next();
                    } else {
                        ctl.prev();
                    }
                }
            }
            _ => swipe_from.set_value(None),
        }
    })
    .into_js_value()
    .unchecked_into::<js_sys::Function>();
    Effect::new(move |shown: Option<Option<TourPos>>| {
        let (p, lang) = (pos.get(), ctx.lang.get());
        match (p, find(".tour-card")) {
            (None, Some(card)) => card.remove(),
            (Some(p), _) => {
                let card = find(".tour-card").or_else(|| open_card(&listener));
                if let Some(card) = card {
                    show(ctx, &card, p, lang);
                    if ctl.focus_title.try_update_value(std::mem::take) == Some(true) {
                        request_animation_frame(|| focus_first("#tour-title"));
                    }
                }
                // On phones the caption is a bottom sheet over the lower part of the
                // screen: each step brings the map up to the top of the screen (the
                // header scrolls away), so that the map above the sheet is tall enough
                // to show the step. At once, so that the map measures the sheet over it
                // where it will stay.
                if shown.flatten() != Some(p) && !ctx.state.with_untracked(|s| s.embed) {
                    map_to_top_on_phones();
                }
            }
            (None, None) => {}
        }
        p
    });
}

/// The card, its texts set by [`show`]. The "each task" button is hidden where the step
/// has no parts to step through.
const CARD: &str = "<section class=\"tour-card\" data-overlay=\"\" \
aria-labelledby=\"tour-label tour-title\">\
<p class=\"tour-label\" id=\"tour-label\"></p>\
<p class=\"tour-count\" aria-live=\"polite\"></p>\
<h2 class=\"tour-title\" id=\"tour-title\" tabindex=\"-1\"></h2>\
<button type=\"button\" class=\"tour-each\" data-action=\"tour-each\" hidden></button>\
<div class=\"tour-caption\"></div>\
<div class=\"tour-nav\">\
<button type=\"button\" class=\"tour-prev\" data-action=\"tour-prev\"></button>\
<button type=\"button\" class=\"tour-next\" data-action=\"tour-next\"></button>\
<button type=\"button\" class=\"tour-exit\" data-action=\"tour-exit\"></button>\
</div>\
<p class=\"tour-keys\"></p></section>";

/// Writes the card at the top of the dock, its clicks and swipes going to `listener`.
fn open_card(listener: &js_sys::Function) -> Option<web_sys::Element> {
    let dock = find(".dock")?;
    dock.insert_adjacent_html("afterbegin", CARD).ok()?;
    let card = dock.first_element_child()?;
    for kind in ["click", "pointerdown", "pointerup", "pointercancel"] {
        card.add_event_listener_with_callback(kind, listener).ok();
    }
    Some(card)
}

/// Shows the place `pos` in the card `root` in a language: texts, caption, buttons.
fn show(ctx: Ctx, root: &web_sys::Element, pos: TourPos, lang: Lang) {
    let tour = ctx.tour;
    let step = tour.at(pos);
    let find = |sel: &str| root.query_selector(sel).ok().flatten();
    let mut count = fill(ui::TOUR_STEP, lang, &[pos.step, tour.len()]);
    if let Some(part) = pos.part {
        count.push_str(" · ");
        count.push_str(&fill(ui::TOUR_PART, lang, &[part, tour.part_count(pos)]));
    }
    let last = tour.next(pos).is_none();
    for (sel, text) in [
        (".tour-label", ui::TOUR_LABEL.get(lang)),
        (".tour-count", &count),
        (".tour-title", step.map_or("", |s| s.title.get(lang))),
        (".tour-each", ui::TOUR_EACH.get(lang)),
        (".tour-prev", ui::TOUR_PREV.get(lang)),
        (
            ".tour-next",
            if last { ui::TOUR_DONE } else { ui::TOUR_NEXT }.get(lang),
        ),
        (".tour-exit", ui::TOUR_EXIT.get(lang)),
        (".tour-keys", ui::TOUR_KEYS.get(lang)),
    ] {
        if let Some(el) = find(sel) {
            el.set_text_content(Some(text));
        }
    }
    let has_parts = pos.part.is_none() && tour.part_count(pos) > 0;
    for (sel, attr, on) in [
        (".tour-each", "hidden", !has_parts),
        (".tour-prev", "disabled", tour.prev(pos).is_none()),
    ] {
        if let Some(el) = find(sel) {
            el.toggle_attribute_with_force(attr, on).ok();
        }
    }
    if let Some(el) = find(".tour-caption") {
        let mut h = Html::new();
        if let Some(step) = step {
            caption::write(&mut h, ctx.plan, &step.caption, lang);
        }
        el.set_inner_html(&h.0);
    }
    root.set_attribute("data-tour-pos", &pos.to_string()).ok();
    match step {
        Some(step) => root.set_attribute("data-tour-step", &step.id),
        None => root.remove_attribute("data-tour-step"),
    }
    .ok();
}
