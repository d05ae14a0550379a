//! Work put off until the browser has painted (issue 12: what the reader does not need in
//! the frame that answers an input, or in the first frame of the page, runs after it).

use leptos::prelude::set_timeout;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// When the work runs if no frame comes (a hidden page draws none).
const NO_FRAME: Duration = Duration::from_millis(200);

/// Runs `f` `delay` after the next frame (a timer started from `requestAnimationFrame`),
/// or [`NO_FRAME`] from now if no frame comes, whichever is first; at once if there is no
/// window.
pub fn after_paint(delay: Duration, f: impl FnOnce() + 'static) {
    let once = Rc::new(RefCell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.borrow_mut().take() {
            f();
        }
    };
    let Some(window) = web_sys::window() else {
        return run();
    };
    let after_frame = run.clone();
    let frame = Closure::once_into_js(move || set_timeout(after_frame, delay));
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        return run();
    }
    set_timeout(run, NO_FRAME);
}
