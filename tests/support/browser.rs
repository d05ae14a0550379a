//! Mounting the app in the test browser, for every browser test (`tests/*.rs` on
//! wasm32): one helper, so that each test mounts, waits and cleans up the same way.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The window of the test page.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The document of the test page.
pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The page's current `location.search`.
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// Lets effects (URL sync, `<html lang>`) and re-renders run.
pub async fn tick() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Waits `ms` for timers and animation frames to run, then lets effects run.
pub async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer fires");
    tick().await;
}

/// Waits until `ready` holds, checking every 25 ms for up to `timeout_ms`; false if it
/// never did.
pub async fn wait_for(timeout_ms: i32, ready: impl Fn() -> bool) -> bool {
    for _ in 0..timeout_ms / 25 {
        if ready() {
            return true;
        }
        settle(25).await;
    }
    ready()
}

/// A view mounted in its own container in the body; unmounted and removed when dropped.
pub struct Page {
    /// The container the view is mounted in.
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts `view` into a fresh container appended to the body (a failed test's page is
/// removed first).
pub fn mount_view<V>(view: impl FnOnce() -> V + 'static) -> Page
where
    V: IntoView + 'static,
    V::State: 'static,
{
    let body = document().body().expect("a body");
    let old = body
        .query_selector_all("[data-test-root]")
        .expect("valid selector");
    for i in 0..old.length() {
        if let Some(node) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            node.remove();
        }
    }
    // The test page has none of the app's CSS: give the map the fixed size its stylesheet
    // gives it, or the SVG takes its height from its viewBox, the camera its viewBox from the
    // map's height, and the map grows a little with every frame (the fitted view never
    // settles; the pinch test read it moving).
    if document().get_element_by_id("test-map-size").is_none() {
        let style = document().create_element("style").expect("a style");
        style.set_id("test-map-size");
        style.set_text_content(Some(
            ".map-wrap { position: relative; height: 480px; overflow: hidden; } \
             .map { display: block; width: 100%; height: 100%; }",
        ));
        document()
            .head()
            .expect("a head")
            .append_child(&style)
            .expect("appended");
    }
    let root: HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    root.set_attribute("data-test-root", "").expect("attribute");
    body.append_child(&root).expect("appended");
    let handle = leptos::mount::mount_to(root.clone(), view);
    Page {
        root,
        _handle: Box::new(handle),
    }
}

/// Mounts the whole app as if the page had been opened with `query` (with or without
/// the `?`), and waits until its root says it is ready: a test that needs the map can
/// count on it being drawn, measured and interactive.
pub async fn open(query: &str) -> Page {
    let path = window().location().pathname().unwrap_or_default();
    let query = query.trim_start_matches('?');
    window()
        .history()
        .expect("history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}")),
        )
        .expect("replaceState");
    let page = mount_view(metro_plan::App);
    let ready = wait_for(5000, || page.find(".app[data-ready='true']").is_some()).await;
    assert!(ready, "the app did not become ready for ?{query}");
    page
}

impl Page {
    /// The first element matching `selector`, if any.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).expect("valid selector")
    }

    /// The one element matching `selector`; panics naming it if there is none.
    pub fn one(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    /// Every element matching `selector`, in document order.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// The text of the one element matching `selector`, whitespace collapsed.
    pub fn text(&self, selector: &str) -> String {
        squash(&self.one(selector).text_content().unwrap_or_default())
    }

    /// The texts of all elements matching `selector`, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| squash(&e.text_content().unwrap_or_default()))
            .collect()
    }

    /// An attribute of the one element matching `selector`.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.one(selector).get_attribute(name)
    }

    /// Clicks the one element matching `selector` and lets the app react.
    pub async fn click(&self, selector: &str) {
        self.one(selector)
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
            .click();
        tick().await;
    }

    /// True unless the map layer's `<g>` is hidden.
    pub fn shown(&self, layer: &str) -> bool {
        self.one(&format!("g[data-layer=\"{layer}\"]"))
            .get_attribute("display")
            .as_deref()
            != Some("none")
    }
}

/// Whitespace collapsed to single spaces.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
