//! Code the first screen does not need, loaded on first use (issue 12).
//!
//! The release build (`scripts/build-release.sh`) sets `--cfg metro_split`: each function
//! marked with [`split`](macro@split) then becomes a `wasm_split` split point (Leptos'
//! `#[lazy]` machinery, `leptos::wasm_split`), whose code and the code only it reaches go
//! into a wasm chunk of their own that `scripts/post-build.mjs` cuts out of the wasm
//! (`wasm-split-cli`) and that is fetched the first time the function is called. Every
//! other build (tests, lints, `trunk serve`) has no split step, so there the function is
//! an ordinary one and [`on_demand!`] calls it directly.
//!
//! A chunk that cannot be fetched (offline, a stale deployment) gives
//! `Err(ChunkError)`; [`chunk_failed`] then tells the reader, instead of a panic.

use super::html::{closest, Html};
use super::stash::Stash;
use crate::i18n::{ui, Lang};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A chunk of code loaded on first use could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(metro_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ChunkError {
        ChunkError
    }
}

/// Marks a function as the entry of a chunk loaded on first use: with `--cfg
/// metro_split`, `wasm_split(CHUNK, fallible, preload(PRELOAD))`; otherwise nothing. The
/// function must return `Result<_, ChunkError>`, take no references (its arguments cross
/// a wasm module boundary: own them, or `&'static`) and be called through [`on_demand!`].
/// `PRELOAD` names the `async fn` that fetches the chunk without calling anything (for
/// [`preload!`]; it exists only in the split build).
macro_rules! split {
    ($chunk:ident / $preload:ident, $(#[$meta:meta])* $vis:vis fn $($rest:tt)*) => {
        #[cfg_attr(
            metro_split,
            leptos::wasm_split::wasm_split(
                $chunk,
                fallible,
                preload($preload),
                wasm_split_path = ::leptos::wasm_split
            )
        )]
        $(#[$meta])* $vis fn $($rest)*
    };
}
pub(crate) use split;

/// Starts fetching a chunk (its `PRELOAD` function, see [`split!`](macro@split)) without
/// waiting for it; a failure is left to the call that needs the chunk. Nothing without
/// `metro_split`.
macro_rules! preload {
    ($preload:ident) => {
        #[cfg(metro_split)]
        leptos::task::spawn_local(async {
            let _ = $preload().await;
        });
    };
}
pub(crate) use preload;

/// Calls a [`split`](macro@split) function: awaits its chunk in the split build, calls it
/// directly otherwise. Use inside an `async` block.
macro_rules! on_demand {
    ($call:expr) => {{
        #[cfg(metro_split)]
        let result = $call.await;
        #[cfg(not(metro_split))]
        let result = $call;
        result
    }};
}
pub(crate) use on_demand;

/// Calls a [`split`](macro@split) function that returns nothing the caller needs, in a
/// task of its own ([`on_demand!`]); if its chunk cannot be loaded, tells the reader in
/// `lang` ([`chunk_failed`]).
macro_rules! spawn_on_demand {
    ($lang:expr, $call:expr) => {{
        let lang = $lang;
        leptos::task::spawn_local(async move {
            if $crate::components::lazy::on_demand!($call).is_err() {
                $crate::components::lazy::chunk_failed(lang);
            }
        });
    }};
}
pub(crate) use spawn_on_demand;

/// Fetches a chunk as soon as the reader shows the intent to use it: the pointer over, or
/// the keyboard focus on, an element matching `selector` (one listener on the document,
/// `preload` called once). This hides most of the chunk's fetch behind the time between
/// hover or focus and the click (measured: the first use took ≈ 220–320 ms instead of
/// 50–70 ms on a slow 4G link without it). Nothing without `metro_split`.
pub fn preload_on_intent(selector: &'static str, preload: fn()) {
    preload_when(selector, preload, &["pointerover", "focusin"], false);
}

/// As [`preload_on_intent`], for what only the keyboard uses (the map's keys): the
/// keyboard focus on or in `selector`, not a pointer over it.
pub fn preload_on_focus(selector: &'static str, preload: fn()) {
    preload_when(selector, preload, &["focusin"], false);
}

/// As [`preload_on_intent`], for what only a hovering pointer uses (the map's tooltip):
/// a mouse or a pen over `selector`, not a touch (a tap is no hover, and its fetch would
/// compete with the one the tap needs) nor the keyboard focus.
pub fn preload_on_hover(selector: &'static str, preload: fn()) {
    preload_when(selector, preload, &["pointerover"], true);
}

/// As [`preload_on_intent`], for what any use of `selector` may need soon (the screen
/// reader's announcements): a pointer pressed, a key or the keyboard focus in it.
pub fn preload_on_use(selector: &'static str, preload: fn()) {
    preload_when(
        selector,
        preload,
        &["pointerdown", "keydown", "focusin"],
        false,
    );
}

/// Calls `preload` once, at the first event of one of `kinds` on or in `selector` (a
/// touch's skipped if `skip_touch`).
fn preload_when(
    selector: &'static str,
    preload: fn(),
    kinds: &'static [&'static str],
    skip_touch: bool,
) {
    #[cfg(metro_split)]
    {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let done = std::cell::Cell::new(false);
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let touch = || {
                ev.dyn_ref::<web_sys::PointerEvent>()
                    .is_some_and(|p| p.pointer_type() == "touch")
            };
            let skipped = done.get() || (skip_touch && touch());
            if !skipped && closest(&ev, selector).is_some() {
                done.set(true);
                preload();
            }
        });
        for kind in kinds {
            doc.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
                .ok();
        }
        listener.forget();
    }
    #[cfg(not(metro_split))]
    let _ = (selector, preload, kinds, skip_touch);
}

/// Where a part of the page handed over to its chunk is (the tooltip, the details card, the
/// tour's card): the main module follows only whether the part is wanted, and the first
/// time it is, calls the chunk ([`hand_over!`]), which makes the part's element, effects
/// and listeners under the owner it is given (the page's), so that the main module holds
/// none of their code. If the chunk cannot be loaded, the reader is told, and the next
/// change tries again. `Copy`. (The owner kept here as well cost 0.3 KB of wasm.)
#[derive(Clone, Copy)]
pub struct Handover(Stash<u8>);

impl Handover {
    /// Not handed over yet (a new value in the table: no `Default`).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Handover {
        Handover(Stash::new(0))
    }

    /// True if the part is `wanted` and not handed over nor being handed over: the caller
    /// then calls the chunk with [`hand_over!`].
    pub fn start(self, wanted: bool) -> bool {
        let go = wanted && self.0.get_value() == 0;
        if go {
            self.0.set_value(1);
        }
        go
    }

    /// The chunk's call returned: handed over, or the reader told (in `lang`) and the next
    /// [`Handover::start`] free to try again.
    pub fn done(self, result: Result<(), ChunkError>, lang: Lang) {
        self.0.set_value(if result.is_ok() { 2 } else { 0 });
        if result.is_err() {
            chunk_failed(lang);
        }
    }
}

/// Calls a part's chunk for its [`Handover`] in a task of its own: `hand_over!(handover,
/// lang, f, job)` calls the [`split`](macro@split) function `f` with `job` (made before the
/// task: a future that held the job's parts instead of its box cost 0.25 KB).
macro_rules! hand_over {
    ($handover:expr, $lang:expr, $f:ident, $job:expr) => {{
        let (handover, lang, job) = ($handover, $lang, $job);
        leptos::task::spawn_local(async move {
            handover.done($crate::components::lazy::on_demand!($f(job)), lang);
        });
    }};
}
pub(crate) use hand_over;

/// Tells the reader that a part of the dashboard could not be loaded: a dismissable
/// alert (one at a time), in `lang`, fixed at the top of the screen by the stylesheet
/// (`.chunk-error`), so that it is seen wherever the page is scrolled to.
pub fn chunk_failed(lang: Lang) {
    web_sys::console::error_1(&"metro-plan: a wasm chunk could not be loaded".into());
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc
        .query_selector("[data-chunk-error]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(app) = doc
        .query_selector(&super::prerender::live(".app"))
        .ok()
        .flatten()
    else {
        return;
    };
    let Ok(notice) = doc.create_element("div") else {
        return;
    };
    notice.set_class_name("notice chunk-error");
    notice.set_attribute("role", "alert").ok();
    notice.set_attribute("data-chunk-error", "").ok();
    let mut h = Html::new();
    h.el("span", "", ui::CHUNK_FAILED.get(lang))
        .raw("<button type=\"button\" data-chunk-dismiss=\"\">")
        .text(ui::DISMISS.get(lang))
        .close("button");
    notice.set_inner_html(&h.0);
    let target = notice.clone();
    let dismiss = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if closest(&ev, "[data-chunk-dismiss]").is_some() {
            target.remove();
        }
    });
    notice
        .add_event_listener_with_callback("click", dismiss.as_ref().unchecked_ref())
        .ok();
    dismiss.forget();
    app.prepend_with_node_1(&notice).ok();
}
