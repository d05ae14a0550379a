//! Component tests in a real browser (headless chromium via chromedriver):
//! `cargo test --target wasm32-unknown-unknown`, see `.cargo/config.toml`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::browser::open;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_root_is_ready_and_names_the_plan() {
    // `open` waits for data-ready (it comes once the map has been measured, after a
    // frame) and fails the test if it never comes.
    let page = open("").await;
    assert!(page.one(".app").has_attribute("data-ready"));

    // The title in the current language, the other language beneath it.
    let heading = page.text("header");
    assert!(heading.contains("长春都市圈发展规划"), "header: {heading}");
    assert!(
        heading.contains("Development Plan for the Changchun Metropolitan Area"),
        "header: {heading}"
    );
    let h1 = page.text("h1");
    assert!(
        h1 == "长春都市圈发展规划" || h1 == "Development Plan for the Changchun Metropolitan Area",
        "h1: {h1}"
    );
}
