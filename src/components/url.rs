//! Keeps the view state and the address bar in step (history push for discrete changes,
//! replace for pan and zoom; Back and Forward restore the state).
//!
//! The address is written just after the frame that shows the change has been painted,
//! not inside the click (issue 12): `history.pushState` costs 5–18 ms at 4× CPU, and each
//! new entry makes Chrome fetch the page icon again. The writes keep their order, and
//! each one compares with the address as it is when it is written.

use super::ctx::Ctx;
use super::schedule::after_paint;
use crate::components::effect::Effect;
use crate::components::stash::Stash;
use crate::i18n::Lang;
use crate::state::{query, HistoryStep, ViewState};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The browser's preferred language (Chinese if it is preferred over English).
pub fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let langs: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::from_preferences(langs.iter().map(String::as_str))
}

/// The current `location.search`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Whether the address already holds `query` (written without its `?`).
fn address_holds(query: &str) -> bool {
    current_query().strip_prefix('?').unwrap_or_default() == query
}

/// Mirrors state changes into the URL, the document title and `<html lang>`, and applies
/// Back/Forward.
pub fn sync(ctx: Ctx, default_lang: Lang) {
    let last: Stash<Option<ViewState>> = Stash::new(None);
    // Increments on every change, so that a delayed write can tell it is stale.
    let pending = Stash::new(0u32);
    // Set by Back/Forward: the state then comes from the address, which is corrected in
    // place if need be, never pushed (that would cut off the Forward entries).
    let restoring = Stash::new(false);
    // The page's language alone sets the title and `<html lang>`: a pan does not touch
    // them. After a switch both follow once its frame is painted (`Ctx::page_lang`):
    // `document.title = …` took ≈ 4 ms of the switch at 4× CPU, and `<html lang>` had
    // Chrome restyle the whole page and lay out again every text whose fonts it changes.
    Effect::new(move |_| {
        let lang = ctx.page_lang.get();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = doc.document_element() {
            root.set_attribute("lang", lang.tag()).ok();
        }
        doc.set_title(&format!(
            "{} · {}",
            ctx.plan.data.title.get(lang),
            ctx.plan.data.title.get(lang.other())
        ));
    });
    let writes = Writes {
        queue: Rc::default(),
        alive: Stash::new(()),
    };
    let queue = writes.clone();
    Effect::new(move |_| {
        let state = ctx.state.get();
        let restored = restoring.try_update_value(std::mem::take) == Some(true);
        let (step, on_load) = last.with_value(|prev| {
            let step = HistoryStep::between(prev.as_ref(), &state, restored);
            (step, prev.is_none())
        });
        let query = query::serialise(&state, default_lang);
        last.set_value(Some(state));
        pending.update_value(|n| *n += 1);
        match step {
            HistoryStep::ReplaceWhenSettled => {
                let ticket = pending.get_value();
                let queue = queue.clone();
                set_timeout(
                    move || {
                        // (`None` once the app is gone: nothing to write then.)
                        if pending.try_get_value() == Some(ticket) {
                            queue.add(query, false);
                        }
                    },
                    std::time::Duration::from_millis(250),
                );
            }
            // On load the address is corrected at once, as the page starts with it.
            HistoryStep::Replace if on_load => {
                if !address_holds(&query) {
                    write_url(&query, false);
                }
            }
            HistoryStep::Replace => queue.add(query, false),
            HistoryStep::Push => queue.add(query, true),
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) =
            ViewState::from_tour_link(&current_query(), default_lang, ctx.plan, ctx.tour);
        // A write still waiting belongs to the entry just left: the address now shown is
        // the one to follow.
        writes.queue.borrow_mut().clear();
        restoring.set_value(true);
        ctx.state.set(state);
    });
    on_cleanup(move || handle.remove());
}

/// How long after the frame that shows a change its address is written. A task posted
/// right after the frame (a timer of 0, a message, an idle callback) still often ran
/// before the rendering's end was reported (in traces at 4× CPU the write landed inside
/// the benchmark's input → paint window, 3–7 ms); a moment later it is out of the way of
/// the paint and of the next input, and no one can tell the address bar was late.
const AFTER_PAINT: std::time::Duration = std::time::Duration::from_millis(50);
/// Address writes waiting for the next paint.
#[derive(Clone)]
struct Writes {
    /// Oldest first: (query, push).
    queue: Rc<RefCell<Vec<(String, bool)>>>,
    /// Disposed with the app: an app taken out of the page (the tests mount many) writes
    /// nothing more.
    alive: Stash<()>,
}

impl Writes {
    /// Queues a write; the first of a batch asks for the flush after the next paint
    /// ([`after_paint`]).
    fn add(&self, query: String, push: bool) {
        let first = {
            let mut queue = self.queue.borrow_mut();
            queue.push((query, push));
            queue.len() == 1
        };
        if !first {
            return;
        }
        let after = self.clone();
        after_paint(AFTER_PAINT, move || after.flush());
    }

    /// Writes what is queued, in order, each unless the address already says it.
    fn flush(&self) {
        let queue = std::mem::take(&mut *self.queue.borrow_mut());
        if self.alive.try_get_value().is_none() {
            return;
        }
        for (query, push) in queue {
            if !address_holds(&query) {
                write_url(&query, push);
            }
        }
    }
}

/// Writes the query to the address bar: a new history entry (`push`) or in place.
fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let result = if push {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
        result.ok();
    }
}
