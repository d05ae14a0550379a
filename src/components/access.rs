//! Skip links and the live region that announces selection, layer, view and language
//! changes. The words come from `state::describe`.

use crate::components::effect::Effect;
use crate::components::html::{closest, Html};
use crate::components::lazy::{on_demand, preload, preload_on_use, split, ChunkError};
use crate::components::schedule::{after_paint, stale_lang, AFTER_INPUT};
use crate::components::stash::{Derived, Followed};
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::state::{describe, ViewState};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Moves keyboard focus to the element with `id` (without touching the URL's hash,
/// which would count as a history step).
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        focus_element(el);
    }
}

/// Focuses an HTML or SVG element.
pub fn focus_element(el: web_sys::Element) {
    match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(html) => {
            html.focus().ok();
        }
        Err(el) => {
            if let Ok(svg) = el.dyn_into::<web_sys::SvgElement>() {
                svg.focus().ok();
            }
        }
    }
}

/// "Skip to the map" and "Skip to the plan in detail": the first things Tab reaches.
/// Written as an HTML string (`components::html`), one click listener.
pub fn skip_links(ctx: Ctx) -> Option<Element> {
    let click = move |ev: web_sys::Event| {
        let Some(target) = closest(&ev, "[data-skip]").and_then(|a| a.get_attribute("data-skip"))
        else {
            return;
        };
        ev.prevent_default();
        // The map's place holds the table in table view.
        let id = if target == "map" && ctx.state.with_untracked(|s| s.table) {
            "table-view"
        } else {
            &target
        };
        focus_id(id);
    };
    let embed = Derived::new(move |_| ctx.state.with(|s| s.embed && !s.panels));
    // Off screen until focused: after a language switch they are written after the
    // paint, with the page's `lang` (issue 12).
    let lang = ctx.page_lang;
    let html = move || {
        let lang = lang.get();
        let mut h = Html::new();
        let link = |h: &mut Html, id: &str, words: &str| {
            h.raw("<a class=\"skip-link\" href=\"#")
                .raw(id)
                .raw("\" data-skip=\"")
                .raw(id)
                .raw("\">")
                .text(words)
                .raw("</a>");
        };
        link(&mut h, "map", ui::SKIP_TO_MAP.get(lang));
        // Embedded pages show no panels unless asked (`panels=1`).
        if !embed.get() {
            link(&mut h, "panels", ui::SKIP_TO_PANELS.get(lang));
        }
        h.0
    };
    let el = dom::el("nav", &[("class", "skip-links")])?;
    dom::bind(&el, "aria-label", move || {
        Some(ui::SKIP_LINKS.get(lang.get()).into())
    });
    dom::bind_html(&el, html);
    dom::on(&el, "click", click);
    Some(el)
}

/// A change to announce, with where the words go: it crosses into the `announce` chunk.
struct SayJob {
    ctx: Ctx,
    prev: ViewState,
    next: ViewState,
    said_in: Followed<Lang>,
    message: Followed<String>,
}

split! { announce / preload_announce,
/// Composes what the live region says after a change (`state::describe`) and puts it
/// there: a wasm chunk loaded on first use.
#[allow(clippy::boxed_local)]
fn announce(job: Box<SayJob>) -> Result<(), ChunkError> {
    let SayJob { ctx, prev, next, said_in, message } = *job;
    if let Some(said) = describe::announcement(ctx.plan, &prev, &next) {
        said_in.try_set(next.lang);
        message.try_set(said);
    }
    Ok(())
}
}

/// A polite live region saying what changed (selection, layers, table or map, language).
/// Pan and zoom are silent.
pub fn announcer(ctx: Ctx) -> Option<Element> {
    // What is said, and in which language (its own `lang` until the page's follows).
    let message = Followed::new(String::new());
    let said_in = Followed::new(ctx.lang.get_untracked());
    // Said just after the frame that shows the change (issue 12: the words composed and
    // written in the click took ≈ 0.3 ms of a layer toggle at 4× CPU, and their text had
    // to be laid out in its frame); changes before the same frame are said in order.
    // The words are composed by the `announce` chunk (issue 12), fetched at the reader's
    // first pointer press, key or focus in the page, before the change it announces.
    preload_on_use(".app", || {
        preload!(preload_announce);
    });
    Effect::new(move |prev: Option<ViewState>| {
        let now = ctx.state.get();
        if let Some(prev) = prev {
            let next = now.clone();
            after_paint(AFTER_INPUT, move || {
                let job = Box::new(SayJob {
                    ctx,
                    prev,
                    next,
                    said_in,
                    message,
                });
                // Not said if the chunk cannot be loaded: a live region has no place for
                // the notice, and the page works without it.
                leptos::task::spawn_local(async move {
                    let _ = on_demand!(announce(job));
                });
            });
        }
        now
    });
    let el = dom::el(
        "div",
        &[
            ("class", "visually-hidden"),
            ("role", "status"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
            ("data-announcer", ""),
        ],
    )?;
    let stale = stale_lang(move || said_in.get(), ctx.page_lang);
    dom::bind(&el, "lang", move || stale().map(Into::into));
    dom::bind_text(&el, move || Some(message.get().into()));
    Some(el)
}
