//! Messages to the page that frames the dashboard (a portal with `embed.js`): the
//! content height on load and on every size change, and the share query on every state
//! change. Their shapes are a public contract (README, "Messages to the embedding page").
//! The dashboard listens to no message.

use super::browser::{parent_window, post};
use crate::components::ctx::Ctx;
use crate::components::effect::Effect;
use crate::state::share::share_query;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Reports `root`'s height and the state to the parent window, if there is one.
pub fn report_to_parent(ctx: Ctx, root: &web_sys::Element) {
    let Some(parent) = parent_window() else {
        return;
    };
    report_height(parent.clone(), root.clone());
    report_state(ctx, parent);
}

/// `{ source: "metro-plan", type: "height", height: N }` whenever the root's height in
/// whole CSS px changes (a ResizeObserver also fires once when it starts observing), and
/// again whenever the frame itself is resized: `embed.js` nudges a frame it finds already
/// loaded, so a height reported before the portal's script ran is not lost.
fn report_height(parent: web_sys::Window, root: web_sys::Element) {
    // Plain cells, not reactive values: nothing renders from them.
    let last = Rc::new(Cell::new(-1.0f64));
    let el = root.clone();
    let send = move |always: bool| {
        let height = el.get_bounding_client_rect().height().ceil();
        if always || height != last.get() {
            last.set(height);
            post(&parent, "height", "height", JsValue::from_f64(height));
        }
    };
    let observed = send.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || observed(false));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The root lives as long as the page, and so does its observer.
    on_resize.forget();
    let handle = window_event_listener(leptos::ev::resize, move |_| send(true));
    on_cleanup(move || handle.remove());
}

/// `{ source: "metro-plan", type: "state", query: "lang=en&…&embed=1" }` at once at the
/// start (`embed.js` waits for a frame it restored to report the restored state first),
/// then after every change, once it has settled for a moment (pan and zoom change the
/// state many times a second).
fn report_state(ctx: Ctx, parent: web_sys::Window) {
    let ticket = Rc::new(Cell::new(0u32));
    let sent = Rc::new(RefCell::new(String::new()));
    Effect::new(move |_| {
        let query = share_query(&ctx.state.get());
        if sent.borrow().is_empty() {
            post(&parent, "state", "query", JsValue::from_str(&query));
            *sent.borrow_mut() = query;
            return;
        }
        ticket.set(ticket.get().wrapping_add(1));
        let mine = ticket.get();
        let (ticket, sent, parent) = (ticket.clone(), sent.clone(), parent.clone());
        set_timeout(
            move || {
                if ticket.get() == mine && *sent.borrow() != query {
                    post(&parent, "state", "query", JsValue::from_str(&query));
                    *sent.borrow_mut() = query;
                }
            },
            std::time::Duration::from_millis(200),
        );
    });
}
