//! The browser features sharing uses: the page's own address, the clipboard and the
//! system share sheet. Each is looked up before use, since a missing one (the clipboard
//! outside secure contexts, `navigator.share` on most desktops) would throw.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The dashboard's address without query or fragment (`https://host/portal/plan/`).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// True if `navigator` has a property `name` that is not undefined or null.
fn navigator_has(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str(name)).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `done(true)` when `promise` fulfils, `done(false)` when it rejects. (Callbacks
/// rather than futures: the app needs no async executor for this.)
fn settle(promise: js_sys::Promise, done: impl FnOnce(bool) + 'static) {
    let once = Rc::new(Cell::new(Some(done)));
    let other = once.clone();
    let ok: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
        if let Some(done) = once.take() {
            done(true);
        }
    });
    let err: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
        if let Some(done) = other.take() {
            done(false);
        }
    });
    let _ = promise.then2(&ok, &err);
    // One of the two runs, once; both must outlive this call (a few bytes per click).
    ok.forget();
    err.forget();
}

/// Writes `text` to the clipboard, then calls `done` with false where the Clipboard API
/// is missing or refuses.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    match web_sys::window() {
        Some(window) if navigator_has("clipboard") => {
            settle(window.navigator().clipboard().write_text(text), done)
        }
        _ => done(false),
    }
}

/// True where the system share sheet exists (mostly phones).
pub fn can_share() -> bool {
    navigator_has("share")
}

/// Opens the system share sheet with a title and a link. A cancelled sheet is not an
/// error worth reporting.
pub fn share(title: &str, url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !can_share() {
        return;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    settle(window.navigator().share_with_data(&data), |_| ());
}

/// The window this page is framed in, if it is in a frame.
pub fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let same: &JsValue = parent.as_ref();
    (!js_sys::Object::is(same, window.as_ref())).then_some(parent)
}

/// Posts `{ source: "metro-plan", type, [key]: value }` to `parent`. The target origin is
/// `*`: the dashboard cannot know the portal's, so the message carries nothing but
/// this one value.
pub fn post(parent: &web_sys::Window, kind: &str, key: &str, value: JsValue) {
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(k), v);
    if set("source", &JsValue::from_str("metro-plan")).is_err()
        || set("type", &JsValue::from_str(kind)).is_err()
        || set(key, &value).is_err()
    {
        return;
    }
    parent.post_message(&message, "*").ok();
}
