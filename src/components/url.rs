//! Keeps the view state and the address bar in step (history push for discrete changes,
//! replace for pan and zoom; Back and Forward restore the state).

use super::ctx::Ctx;
use crate::i18n::Lang;
use crate::state::{query, HistoryStep, ViewState};
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
    // Set by Back/Forward: the state then comes from the address, which is corrected in
    // place if need be, never pushed (that would cut off the Forward entries).
    let restoring = StoredValue::new(false);
    // The language alone sets the title and `<html lang>`: a pan does not touch them.
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                root.set_attribute("lang", lang.tag()).ok();
            }
            doc.set_title(&format!(
                "{} · {}",
                ctx.plan.data.title.get(lang),
                ctx.plan.data.title.get(lang.other())
            ));
        }
    });
    Effect::new(move |_| {
        let state = ctx.state.get();
        let restored = restoring.try_update_value(std::mem::take) == Some(true);
        let step = last.with_value(|prev| HistoryStep::between(prev.as_ref(), &state, restored));
        let query = query::serialise(&state, default_lang);
        last.set_value(Some(state));
        pending.update_value(|n| *n += 1);
        if current_query().trim_start_matches('?') == query {
            return;
        }
        match step {
            HistoryStep::ReplaceWhenSettled => {
                let ticket = pending.get_value();
                set_timeout(
                    move || {
                        if pending.get_value() == ticket {
                            write_url(&query, false);
                        }
                    },
                    std::time::Duration::from_millis(250),
                );
            }
            HistoryStep::Replace => write_url(&query, false),
            HistoryStep::Push => write_url(&query, true),
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) = ViewState::from_link(&current_query(), default_lang, ctx.plan);
        restoring.set_value(true);
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
