//! The guided tour: the Tour button, the caption card (docked in the side column on wide
//! screens, a bottom sheet on phones) and its keys and swipes. The steps are data
//! (`data/tour.json`, [`crate::plan::tour`]); what a step sets and how Previous and Next
//! move is [`crate::state::tour`]. The map follows the state by itself.

mod caption;

use crate::components::{use_ctx, Ctx};
use crate::i18n::{ui, Lang, Phrase};
use crate::state::{TourPos, ViewState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Pixels a swipe must travel sideways to change the step.
const SWIPE_PX: f64 = 50.0;

/// Starts, moves and ends the tour; remembers the state to return to. `Copy`.
#[derive(Clone, Copy)]
pub struct TourCtl {
    ctx: Ctx,
    /// The state before the tour started (`None` when it came from a link).
    before: StoredValue<Option<ViewState>>,
}

impl TourCtl {
    /// Creates the controller, provides it as context, and listens for the tour's keys.
    pub fn provide(ctx: Ctx) -> TourCtl {
        let ctl = TourCtl {
            ctx,
            before: StoredValue::new(None),
        };
        provide_context(ctl);
        ctl.listen_for_keys();
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
        self.go(TourPos::START);
        // The caption is what to read now.
        request_animation_frame(|| focus_first("#tour-title"));
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
    let map = window
        .document()
        .and_then(|d| d.query_selector(".map-section").ok().flatten());
    let (true, Some(map)) = (narrow, map) else {
        return;
    };
    let top = map.get_bounding_client_rect().top();
    if top > 1.0 {
        let y = window.scroll_y().unwrap_or(0.0) + top;
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Focuses the first element matching `selector`, if any.
fn focus_first(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.focus().ok();
    }
}

/// A phrase with its `{}`s filled in order.
fn fill(phrase: Phrase, lang: Lang, values: &[usize]) -> String {
    values.iter().fold(phrase.get(lang).to_owned(), |text, v| {
        text.replacen("{}", &v.to_string(), 1)
    })
}

/// The button in the header that starts the tour (and ends it while it is open).
#[component]
pub fn TourButton() -> impl IntoView {
    let ctx = use_ctx();
    let ctl = expect_context::<TourCtl>();
    let open = Memo::new(move |_| ctx.state.with(|s| s.tour.is_some()));
    view! {
        <button
            type="button"
            class="tour-button"
            aria-pressed=move || if open.get() { "true" } else { "false" }
            on:click=move |_| if open.get_untracked() { ctl.exit() } else { ctl.start() }
        >
            {ctx.phrase(ui::TOUR)}
        </button>
    }
}

/// The caption card of the open tour: where the reader is, the step's title and
/// caption, and Previous / Next / Exit. The buttons stay while the steps change, so the
/// keyboard focus stays on them.
#[component]
pub fn TourCard() -> impl IntoView {
    let ctx = use_ctx();
    let open = Memo::new(move |_| ctx.state.with(|s| s.tour.is_some()));
    move || open.get().then(|| view! { <Card /> })
}

#[component]
fn Card() -> impl IntoView {
    let ctx = use_ctx();
    let ctl = expect_context::<TourCtl>();
    let tour = ctx.tour;
    let pos = Memo::new(move |_| ctx.state.with(|s| s.tour).unwrap_or(TourPos::START));
    let step = move || tour.at(pos.get());
    let count = move || {
        let lang = ctx.lang.get();
        let p = pos.get();
        let mut text = fill(ui::TOUR_STEP, lang, &[p.step, tour.len()]);
        if let Some(part) = p.part {
            text.push_str(" · ");
            text.push_str(&fill(ui::TOUR_PART, lang, &[part, tour.part_count(p)]));
        }
        text
    };
    let title = move || step().map(|s| s.title.get(ctx.lang.get()).to_owned());
    let is_first = move || tour.prev(pos.get()).is_none();
    let is_last = move || tour.next(pos.get()).is_none();
    let has_parts = move || pos.get().part.is_none() && tour.part_count(pos.get()) > 0;
    let swipe_from = StoredValue::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            swipe_from.set_value(Some((f64::from(ev.client_x()), f64::from(ev.client_y()))));
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = swipe_from.try_update_value(Option::take).flatten() else {
            return;
        };
        let dx = f64::from(ev.client_x()) - x0;
        let dy = f64::from(ev.client_y()) - y0;
        if dx.abs() >= SWIPE_PX && dx.abs() > 2.0 * dy.abs() {
            if dx < 0.0 {
                ctl.next();
            } else {
                ctl.prev();
            }
        }
    };
    // On phones the caption is a bottom sheet over the lower part of the screen: each
    // step brings the map up to the top of the screen (the header scrolls away), so
    // that the map above the sheet is tall enough to show the step. At once, so that
    // the map measures the sheet over it where it will stay.
    Effect::new(move |_| {
        pos.track();
        if !ctx.state.with_untracked(|s| s.embed) {
            map_to_top_on_phones();
        }
    });
    view! {
        <section
            class="tour-card"
            data-overlay
            aria-labelledby="tour-label tour-title"
            data-tour-step=move || step().map(|s| s.id.clone())
            data-tour-pos=move || pos.get().to_string()
            on:pointerdown=on_down
            on:pointerup=on_up
            on:pointercancel=move |_| swipe_from.set_value(None)
        >
            <p class="tour-label" id="tour-label">{ctx.phrase(ui::TOUR_LABEL)}</p>
            <p class="tour-count" aria-live="polite">{count}</p>
            <h2 class="tour-title" id="tour-title" tabindex="-1">{title}</h2>
            {move || has_parts().then(|| view! {
                <button type="button" class="tour-each" on:click=move |_| ctl.parts()>
                    {ctx.phrase(ui::TOUR_EACH)}
                </button>
            })}
            <div class="tour-caption">
                {move || step().map(|s| caption::Caption(caption::CaptionProps { parts: &s.caption }))}
            </div>
            <div class="tour-nav">
                <button type="button" class="tour-prev" data-action="tour-prev"
                    disabled=is_first on:click=move |_| ctl.prev()>
                    {ctx.phrase(ui::TOUR_PREV)}
                </button>
                <button type="button" class="tour-next" data-action="tour-next" on:click=move |_| ctl.next()>
                    {move || if is_last() { ui::TOUR_DONE.get(ctx.lang.get()) } else { ui::TOUR_NEXT.get(ctx.lang.get()) }}
                </button>
                <button type="button" class="tour-exit" data-action="tour-exit" on:click=move |_| ctl.exit()>
                    {ctx.phrase(ui::TOUR_EXIT)}
                </button>
            </div>
            <p class="tour-keys">{ctx.phrase(ui::TOUR_KEYS)}</p>
        </section>
    }
}
