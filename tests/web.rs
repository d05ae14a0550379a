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
    // data-ready comes once the map has been measured, after a frame.
    for _ in 0..40 {
        leptos::task::tick().await;
        if host
            .query_selector(".app[data-ready]")
            .ok()
            .flatten()
            .is_some()
        {
            break;
        }
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 25)
                .expect("timer");
        });
        wasm_bindgen_futures::JsFuture::from(frame)
            .await
            .expect("timer fires");
    }

    let root = host
        .query_selector(".app")
        .unwrap()
        .expect("the app renders a .app root");
    assert!(
        root.has_attribute("data-ready"),
        "the .app root has data-ready"
    );

    // The title in the current language, the other language beneath it.
    let heading = host
        .query_selector("header")
        .unwrap()
        .expect("the app renders a header")
        .text_content()
        .unwrap_or_default();
    assert!(heading.contains("长春都市圈发展规划"), "header: {heading}");
    assert!(
        heading.contains("Development Plan for the Changchun Metropolitan Area"),
        "header: {heading}"
    );
    let h1 = host
        .query_selector("h1")
        .unwrap()
        .expect("the app renders an h1")
        .text_content()
        .unwrap_or_default();
    assert!(
        h1 == "长春都市圈发展规划" || h1 == "Development Plan for the Changchun Metropolitan Area",
        "h1: {h1}"
    );
}
