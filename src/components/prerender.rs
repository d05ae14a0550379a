//! The first screen painted from `index.html` before the wasm runs (docs/performance.md "The first
//! screen before the wasm"): the release build's `index.html` carries a snapshot of the
//! ready app in each language (`.app.app-pre`, made by `scripts/prerender.mjs`), and
//! `public/pre.js` marks `<html data-pre="zh|en">` for `style/prerender.css` to show one of
//! them while this app is built hidden under it. The app takes their place in the task
//! that makes it ready; a failure to start (`app::show_fatal`, the data errors page,
//! `public/loader.js`) removes them too, so that the reader sees the error.

/// Selector of the snapshots. Document-wide look-ups that may run while the app starts
/// (before it is ready) leave out what lies inside them with [`live`].
pub const SNAPSHOT: &str = ".app-pre";

/// `selector` (one compound or complex selector, no comma list) limited to elements
/// outside the snapshots, for a document-wide look-up: `:not(.app-pre *)`.
pub fn live(selector: &str) -> String {
    format!("{selector}:not({SNAPSHOT} *):not({SNAPSHOT})")
}

/// Removes the snapshots and `<html data-pre>`, which shows the app. Does nothing where
/// there are none (a debug build, a page `public/pre.js` turned off, a second call).
pub fn remove_snapshots() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = doc.query_selector_all(SNAPSHOT) {
        for i in (0..list.length()).rev() {
            if let Some(node) = list.item(i) {
                if let Some(parent) = node.parent_node() {
                    parent.remove_child(&node).ok();
                }
            }
        }
    }
    if let Some(root) = doc.document_element() {
        root.remove_attribute("data-pre").ok();
    }
}
