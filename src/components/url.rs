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
    Effect::new(move |_| {
        let state = ctx.state.get();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(doc) = window.document() {
            if let Some(root) = doc.document_element() {
                root.set_attribute("lang", state.lang.tag()).ok();
            }
            doc.set_title(&format!(
                "{} · {}",
                ctx.plan.data.title.get(state.lang),
                ctx.plan.data.title.get(state.lang.other())
            ));
        }
        let query = query::serialise(&state, default_lang);
        let current = current_query();
        if current.trim_start_matches('?') == query {
            last.set_value(Some(state));
            return;
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
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let result = if only_view_changed || last.with_value(Option::is_none) {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
            result.ok();
        }
        last.set_value(Some(state));
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) = query::parse(&current_query(), default_lang);
        ctx.state.set(state);
    });
    on_cleanup(move || handle.remove());
}
