//! Work put off until the browser has painted (issue 12: what the reader does not need in
//! the frame that answers an input, or in the first frame of the page, runs after it).

use crate::components::stash::{Followed, Stash};
use leptos::prelude::set_timeout;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// When the work runs if no frame comes (a hidden page draws none).
const NO_FRAME: Duration = Duration::from_millis(200);

/// Work waiting for the next frame: its delay and itself.
type Waiting = Vec<(Duration, Box<dyn FnOnce()>)>;

thread_local! {
    /// The work asked for since the last frame, with the number of its batch: one frame
    /// callback and one fallback timer serve a whole batch (issue 12: a language switch
    /// puts off a dozen parts; each with its own `requestAnimationFrame` callback and
    /// timers, they cost ≈ 3 ms of the click's script at 4× CPU and as much again in the
    /// frame, before its paint).
    static WAITING: RefCell<(u32, Waiting)> = RefCell::new((0, Vec::new()));
}

/// Runs `f` `delay` after the next frame has been drawn, or [`NO_FRAME`] from now if no
/// frame comes, whichever is first; at once if there is no window. The delay starts once
/// the frame's style, layout and paint are done (a timer posted from
/// `requestAnimationFrame` runs after them): started from `requestAnimationFrame` itself,
/// a frame that took longer than the delay (a language switch at 4× CPU on a busy
/// machine) had the work run just after it, before the browser had even passed on the
/// paint, and inside the benchmark's input → paint window. Work asked for before the
/// same frame runs in the order asked.
pub fn after_paint(delay: Duration, f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let batch = WAITING.with_borrow_mut(|(batch, waiting)| {
        waiting.push((delay, Box::new(f)));
        if waiting.len() > 1 {
            return None;
        }
        *batch = batch.wrapping_add(1);
        Some(*batch)
    });
    // The first of a batch asks for the frame.
    let Some(batch) = batch else { return };
    let frame = Closure::once_into_js(|| {
        let waiting = take(None);
        set_timeout(move || run(waiting), Duration::ZERO)
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        return run_now(take(None));
    }
    // (Unless a frame has taken the batch meanwhile.)
    set_timeout(move || run_now(take(Some(batch))), NO_FRAME);
}

/// The work waiting: all of it, or only if it is still batch `only`.
fn take(only: Option<u32>) -> Waiting {
    WAITING.with_borrow_mut(|(batch, waiting)| {
        if only.is_some_and(|b| b != *batch) {
            Vec::new()
        } else {
            std::mem::take(waiting)
        }
    })
}

/// Runs the work, each after its delay (in order).
fn run(waiting: Waiting) {
    for (delay, f) in waiting {
        set_timeout(f, delay);
    }
}

/// Runs the work at once.
fn run_now(waiting: Waiting) {
    waiting.into_iter().for_each(|(_, f)| f());
}

/// How long after the frame that answers an input the work put off from it runs: a timer
/// started right after the frame (0 ms, a message, an idle callback) still often ran
/// inside the benchmark's input → paint window at 4× CPU (its delivery took 10–20 ms); a
/// moment later it is out of the way of the paint and of the next input.
pub const AFTER_INPUT: Duration = Duration::from_millis(50);

/// The page's language as `<html lang>` says it: `lang`, except that after a switch it
/// follows [`AFTER_INPUT`] after the next frame (issue 12: Chrome restyles the whole
/// document when `<html lang>` changes, and lays out again every text whose language,
/// hence fonts, it changes: the map's shapes and the side column off screen as well).
/// What a switch writes in its frame says its language with its own `lang`
/// ([`stale_lang`], `Ctx::lang_attr`) until the page's follows; what is written after the
/// paint (off-screen panels, the map's names for screen readers) follows this signal and
/// needs none.
pub fn page_lang(
    lang: crate::components::stash::Derived<crate::i18n::Lang>,
) -> crate::components::stash::Followed<crate::i18n::Lang> {
    use crate::components::effect::Effect;
    let written = Followed::new(lang.get_untracked());
    Effect::new(move |first: Option<()>| {
        lang.track();
        if first.is_none() {
            return;
        }
        after_paint(AFTER_INPUT, move || {
            // The language then (the reader may have switched back meanwhile).
            if let Some(now) = lang.try_get_untracked() {
                if written.try_get_untracked().is_some_and(|w| w != now) {
                    written.set(now);
                }
            }
        });
    });
    written
}

/// The language a part of the page that may be off screen (a side-column panel) is
/// written in. It follows the language at once while `node` is on screen (or not yet
/// observed), and with the page's language ([`page_lang`]) while it is off screen (issue
/// 12: a language switch rewrites every text; what the reader cannot see waits for the
/// paint). Until then the part keeps its text in the language it was written in, which is
/// still the page's: it neither changes nor is styled or laid out again in the switch's
/// frame. A part written at once says its new language with its own `lang`
/// ([`stale_lang`]) until the page's follows.
pub fn lang_on_screen(
    ctx: crate::components::Ctx,
    node: crate::components::dom::Slot,
) -> crate::components::stash::Followed<crate::i18n::Lang> {
    use crate::components::effect::Effect;
    use leptos::prelude::*;
    // Whether the part is on screen, from an IntersectionObserver (which reads the layout
    // without forcing it); true until it first reports.
    let on_screen = Stash::new(true);
    let report = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok());
        if let Some(entry) = last {
            // (`try_`: it may report after the part has left the page.)
            on_screen.try_set_value(entry.is_intersecting());
        }
    })
    .into_js_value();
    if let Ok(observer) = web_sys::IntersectionObserver::new(report.unchecked_ref()) {
        let observer = Stash::new(observer);
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                observer.with_value(|o| o.observe(&el));
            }
        });
        on_cleanup(move || observer.with_value(|o| o.disconnect()));
    }
    let written = Followed::new(ctx.lang.get_untracked());
    Effect::new(move |_| {
        let now = ctx.lang.get();
        if written.get_untracked() != now && on_screen.try_get_value().unwrap_or(true) {
            written.set(now);
        }
    });
    // The others with the page (all in the task that changes `<html lang>`).
    Effect::new(move |_| {
        let page = ctx.page_lang.get();
        if written.get_untracked() != page {
            written.set(page);
        }
    });
    written
}

/// The `lang` attribute of a part written in `written`: its language while it differs
/// from the page's ([`page_lang`]), none once they agree.
pub fn stale_lang(
    written: impl Fn() -> crate::i18n::Lang + Copy + 'static,
    page: crate::components::stash::Followed<crate::i18n::Lang>,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        let w = written();
        (w != page.get()).then(|| w.tag())
    }
}
