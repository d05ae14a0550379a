//! Keeps the view state and the address bar in step (history push for discrete changes,
//! replace for pan and zoom; Back and Forward restore the state).

use super::ctx::Ctx;
use crate::i18n::Lang;
use crate::state::{query, ViewState};
use leptos::prelude::*;

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

/// Mirrors state changes into the URL, the document title and `<html lang>`, and applies
/// Back/Forward.
pub fn sync(ctx: Ctx, default_lang: Lang) {
    let last: StoredValue<Option<ViewState>> = StoredValue::new(None);
    // Increments on every change, so that a delayed write can tell it is stale.
    let pending = StoredValue::new(0u32);
    Effect::new(move |_| {
        let state = ctx.state.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                root.set_attribute("lang", state.lang.tag()).ok();
            }
            doc.set_title(&format!(
                "{} · {}",
                ctx.plan.data.title.get(state.lang),
                ctx.plan.data.title.get(state.lang.other())
            ));
        }
        // Pan and zoom replace the entry; anything else is a step Back can undo.
        let only_view_changed = last.with_value(|prev| {
            prev.as_ref().is_some_and(|p| {
                ViewState {
                    view: state.view,
                    ..p.clone()
                } == state
            })
        });
        let first = last.with_value(Option::is_none);
        let query = query::serialise(&state, default_lang);
        last.set_value(Some(state));
        pending.update_value(|n| *n += 1);
        if current_query().trim_start_matches('?') == query {
            return;
        }
        if only_view_changed {
            // Pan and zoom fire many times a second and browsers throttle history
            // calls, so the address follows once the motion pauses.
            let ticket = pending.get_value();
            set_timeout(
                move || {
                    if pending.get_value() == ticket {
                        write_url(&query, false);
                    }
                },
                std::time::Duration::from_millis(250),
            );
        } else {
            write_url(&query, !first);
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) = super::app::open_link(&current_query(), default_lang, ctx.plan, ctx.tour);
        ctx.state.set(state);
    });
    on_cleanup(move || handle.remove());
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
