//! Component tests in a real browser (headless chromium via chromedriver):
//! `cargo test --target wasm32-unknown-unknown`, see `.cargo/config.toml`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use metro_plan::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh `<div>` appended to the document body and returns that div.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("create a host div")
        .unchecked_into();
    document
        .body()
        .expect("document has a body")
        .append_child(&host)
        .expect("append the host div");
    // The handle would unmount on drop; the test page is thrown away afterwards.
    std::mem::forget(leptos::mount::mount_to(host.clone(), view));
    host
}

#[wasm_bindgen_test]
async fn app_root_is_ready_and_names_the_plan() {
    let host = mount(App);
    leptos::task::tick().await;

    let root = host
        .query_selector(".app")
        .unwrap()
        .expect("the app renders a .app root");
    assert!(
        root.has_attribute("data-ready"),
        "the .app root has data-ready"
    );

    let heading = host
        .query_selector("h1")
        .unwrap()
        .expect("the app renders an h1")
        .text_content()
        .unwrap_or_default();
    assert!(heading.contains("长春都市圈发展规划"), "h1: {heading}");
    assert!(
        heading.contains("Development Plan for the Changchun Metropolitan Area"),
        "h1: {heading}"
    );
}
