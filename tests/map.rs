//! The map in a real browser: every plan unit with its role, layer switches, hover and
//! selection. Run with `cargo test --target wasm32-unknown-unknown` (chromedriver).
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app in its own container; unmounted when dropped.
struct Mounted {
    root: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Waits for timers and animation frames to run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer fires");
    leptos::task::tick().await;
}

/// Mounts `view` into a fresh container appended to the body.
fn mount_view(view: impl FnOnce() -> AnyView + 'static) -> Mounted {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    let el: HtmlElement = root.clone().unchecked_into();
    let handle = leptos::mount::mount_to(el, view);
    Mounted {
        root,
        _handle: handle,
    }
}

/// Mounts the app as if opened with `query`, and waits until it is ready.
async fn mount(query: &str) -> Mounted {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")))
        .expect("url set");
    let app = mount_view(|| metro_plan::App().into_any());
    for _ in 0..40 {
        settle(25).await;
        if app
            .root
            .query_selector(".app[data-ready]")
            .ok()
            .flatten()
            .is_some()
        {
            break;
        }
    }
    app
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn shown(root: &Element, layer: &str) -> bool {
    one(root, &format!("g[data-layer=\"{layer}\"]"))
        .get_attribute("display")
        .as_deref()
        != Some("none")
}

#[wasm_bindgen_test]
async fn the_map_becomes_ready() {
    let app = mount("lang=en").await;
    assert!(app
        .root
        .query_selector(".app[data-ready=\"true\"]")
        .unwrap()
        .is_some());
    let view_box = one(&app.root, "svg.map")
        .get_attribute("viewBox")
        .unwrap_or_default();
    assert_eq!(view_box.split(' ').count(), 4, "{view_box}");
}

#[wasm_bindgen_test]
async fn all_thirty_plan_units_render_with_their_roles() {
    let app = mount("lang=en").await;
    let mut codes: Vec<String> = all(&app.root, "svg.map [data-adcode]")
        .iter()
        .filter_map(|e| e.get_attribute("data-adcode"))
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 30);
    assert_eq!(
        all(&app.root, "[data-layer=\"area\"] .unit-whole").len(),
        19
    );
    assert_eq!(
        all(&app.root, "[data-layer=\"area\"] .unit-partial").len(),
        2
    );
    assert_eq!(
        all(&app.root, "[data-layer=\"sphere\"] .unit-sphere").len(),
        10
    );
    // Dongliao is partial and in the sphere: drawn in both layers.
    let dongliao = all(&app.root, "[data-adcode=\"220422\"]");
    assert_eq!(dongliao.len(), 2);
    assert_eq!(
        dongliao[0].get_attribute("data-role").as_deref(),
        Some("partial sphere")
    );
    assert_eq!(all(&app.root, "svg.map [data-belt]").len(), 5);
    assert_eq!(all(&app.root, "svg.map [data-cluster]").len(), 3);
    assert_eq!(all(&app.root, "svg.map [data-city]").len(), 14);
    assert_eq!(
        all(&app.root, "svg.map [data-feature=\"corridor\"]").len(),
        1
    );
    assert_eq!(all(&app.root, "svg.map [data-feature=\"center\"]").len(), 1);
}

#[wasm_bindgen_test]
async fn each_switch_hides_exactly_its_layer() {
    let app =
        mount("lang=en&layers=area,sphere,context,center,clusters,belts,corridor,labels").await;
    let layers = [
        "area", "sphere", "context", "center", "clusters", "belts", "corridor", "labels",
    ];
    for layer in layers {
        assert!(shown(&app.root, layer), "{layer} starts shown");
    }
    for layer in layers {
        let input: HtmlElement =
            one(&app.root, &format!("[data-toggle=\"{layer}\"] input")).unchecked_into();
        input.click();
        settle(5).await;
        for other in layers {
            assert_eq!(
                shown(&app.root, other),
                other != layer,
                "after hiding {layer}: {other}"
            );
        }
        input.click();
        settle(5).await;
        assert!(shown(&app.root, layer), "{layer} shown again");
    }
    // A single belt.
    let pharma: HtmlElement =
        one(&app.root, "[data-toggle=\"belt:pharma\"] input").unchecked_into();
    pharma.click();
    settle(5).await;
    let belt = one(&app.root, "svg.map g[data-belt=\"pharma\"]");
    assert_eq!(belt.get_attribute("display").as_deref(), Some("none"));
    assert!(shown(&app.root, "belts"));
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("belt:tourism"));
}

fn dispatch_pointer(target: &Element, kind: &str, x: i32, y: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_pointer_id(1);
    let ev = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&ev).expect("dispatched");
}

#[wasm_bindgen_test]
async fn hover_shows_a_tooltip_in_both_languages() {
    let app = mount("lang=en").await;
    let chaoyang = one(&app.root, "[data-layer=\"area\"] [data-adcode=\"220104\"]");
    let r = chaoyang.get_bounding_client_rect();
    dispatch_pointer(
        &chaoyang,
        "pointermove",
        (r.left() + r.width() / 2.0) as i32,
        (r.top() + r.height() / 2.0) as i32,
    );
    settle(5).await;
    let tip = one(&app.root, ".tooltip")
        .text_content()
        .unwrap_or_default();
    assert!(tip.contains("Chaoyang District"), "{tip}");
    assert!(tip.contains("朝阳区"), "{tip}");
    assert!(tip.contains("Changchun"), "{tip}");
    assert!(tip.contains("Designated area (whole unit)"), "{tip}");
}

#[wasm_bindgen_test]
async fn click_opens_details_and_escape_closes_them() {
    let app = mount("lang=en").await;
    let yushu = one(&app.root, "[data-adcode=\"220182\"]");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    yushu.dispatch_event(&click).unwrap();
    settle(5).await;
    let details = one(&app.root, ".details")
        .text_content()
        .unwrap_or_default();
    assert!(details.contains("Yushu City"), "{details}");
    assert!(details.contains("parts of Yushu City"), "{details}");
    assert!(details.contains("km²"), "{details}");
    assert!(one(&app.root, "svg.map")
        .class_list()
        .contains("has-highlight"));
    assert!(yushu.class_list().contains("is-lit"));
    let key = web_sys::KeyboardEventInit::new();
    key.set_key("Escape");
    key.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap();
    one(&app.root, "svg.map").dispatch_event(&esc).unwrap();
    settle(5).await;
    assert!(app.root.query_selector(".details").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_link_with_bad_parts_shows_a_notice_and_a_working_map() {
    let app = mount("lang=en&layers=area,nope&focus=belt:sea&view=x").await;
    let notice = one(&app.root, ".notice").text_content().unwrap_or_default();
    assert!(
        notice.contains("layers=nope") && notice.contains("focus=belt:sea"),
        "{notice}"
    );
    assert!(shown(&app.root, "area") && !shown(&app.root, "sphere"));
}

#[wasm_bindgen_test]
async fn broken_data_shows_every_problem_instead_of_a_blank_page() {
    let sources = metro_plan::plan::Sources {
        anchors: r#"{"method":"m","cities":[]}"#,
        metro: "{not json",
        ..metro_plan::plan::EMBEDDED
    };
    let plan = support::load(&sources);
    let app = mount_view(move || view! { <metro_plan::AppFrom plan /> }.into_any());
    settle(5).await;
    let page = one(&app.root, "[data-error=\"data\"]")
        .text_content()
        .unwrap_or_default();
    assert!(page.contains("metro.geojson: not valid GeoJSON"), "{page}");
}
