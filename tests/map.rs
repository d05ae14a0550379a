//! The map in a real browser: every plan unit with its role, layer switches, hover and
//! selection. Run with `cargo test --target wasm32-unknown-unknown` (chromedriver).
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use support::browser::{document, mount_view, open, search, settle, wait_for, window, Page};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_map_becomes_ready() {
    let app = open("lang=en").await;
    assert!(app
        .root
        .query_selector(".app[data-ready=\"true\"]")
        .unwrap()
        .is_some());
    let view_box = app
        .one("svg.map")
        .get_attribute("viewBox")
        .unwrap_or_default();
    assert_eq!(view_box.split(' ').count(), 4, "{view_box}");
}

#[wasm_bindgen_test]
async fn all_thirty_plan_units_render_with_their_roles() {
    let app = open("lang=en").await;
    let mut codes: Vec<String> = app
        .all("svg.map [data-adcode]")
        .iter()
        .filter_map(|e| e.get_attribute("data-adcode"))
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 30);
    assert_eq!(app.all("[data-layer=\"area\"] .unit-whole").len(), 19);
    assert_eq!(app.all("[data-layer=\"area\"] .unit-partial").len(), 2);
    assert_eq!(app.all("[data-layer=\"sphere\"] .unit-sphere").len(), 10);
    // Dongliao is partial and in the sphere: drawn in both layers.
    let dongliao = app.all("[data-adcode=\"220422\"]");
    assert_eq!(dongliao.len(), 2);
    assert_eq!(
        dongliao[0].get_attribute("data-role").as_deref(),
        Some("partial sphere")
    );
    assert_eq!(app.all("svg.map [data-belt]").len(), 5);
    assert_eq!(app.all("svg.map [data-cluster]").len(), 3);
    assert_eq!(app.all("svg.map [data-city]").len(), 14);
    assert_eq!(app.all("svg.map [data-feature=\"corridor\"]").len(), 1);
    assert_eq!(app.all("svg.map [data-feature=\"center\"]").len(), 1);
}

#[wasm_bindgen_test]
async fn each_switch_hides_exactly_its_layer() {
    let app =
        open("lang=en&layers=area,sphere,context,center,clusters,belts,corridor,labels").await;
    let layers = [
        "area", "sphere", "context", "center", "clusters", "belts", "corridor", "labels",
    ];
    for layer in layers {
        assert!(app.shown(layer), "{layer} starts shown");
    }
    for layer in layers {
        let input: HtmlElement = app
            .one(&format!("[data-toggle=\"{layer}\"] input"))
            .unchecked_into();
        input.click();
        settle(5).await;
        for other in layers {
            assert_eq!(
                app.shown(other),
                other != layer,
                "after hiding {layer}: {other}"
            );
        }
        input.click();
        settle(5).await;
        assert!(app.shown(layer), "{layer} shown again");
    }
    // A single belt.
    let pharma: HtmlElement = app
        .one("[data-toggle=\"belt:pharma\"] input")
        .unchecked_into();
    pharma.click();
    settle(5).await;
    let belt = app.one("svg.map g[data-belt=\"pharma\"]");
    assert_eq!(belt.get_attribute("display").as_deref(), Some("none"));
    assert!(app.shown("belts"));
    assert!(wait_for(2000, || search().contains("belt:tourism")).await);
}

fn dispatch_pointer(target: &Element, kind: &str, x: i32, y: i32) {
    dispatch_finger(target, kind, 1, x, y);
}

/// A pointer event of pointer `id` (two ids make a pinch).
fn dispatch_finger(target: &Element, kind: &str, id: i32, x: i32, y: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_pointer_id(id);
    init.set_pointer_type("touch");
    let ev = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&ev).expect("dispatched");
}

#[wasm_bindgen_test]
async fn hover_shows_a_tooltip_in_both_languages() {
    let app = open("lang=en").await;
    let chaoyang = app.one("[data-layer=\"area\"] [data-adcode=\"220104\"]");
    let r = chaoyang.get_bounding_client_rect();
    dispatch_pointer(
        &chaoyang,
        "pointermove",
        (r.left() + r.width() / 2.0) as i32,
        (r.top() + r.height() / 2.0) as i32,
    );
    settle(5).await;
    let tip = app.one(".tooltip").text_content().unwrap_or_default();
    assert!(tip.contains("Chaoyang District"), "{tip}");
    assert!(tip.contains("朝阳区"), "{tip}");
    assert!(tip.contains("Changchun"), "{tip}");
    assert!(tip.contains("Designated area (whole unit)"), "{tip}");
}

#[wasm_bindgen_test]
async fn click_opens_details_and_escape_closes_them() {
    let app = open("lang=en").await;
    let yushu = app.one("[data-adcode=\"220182\"]");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    yushu.dispatch_event(&click).unwrap();
    settle(5).await;
    let details = app.one(".details").text_content().unwrap_or_default();
    assert!(details.contains("Yushu City"), "{details}");
    assert!(details.contains("parts of Yushu City"), "{details}");
    assert!(details.contains("km²"), "{details}");
    assert!(app.one("svg.map").class_list().contains("has-highlight"));
    assert!(yushu.class_list().contains("is-lit"));
    let key = web_sys::KeyboardEventInit::new();
    key.set_key("Escape");
    key.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap();
    app.one("svg.map").dispatch_event(&esc).unwrap();
    settle(5).await;
    assert!(app.root.query_selector(".details").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_link_with_bad_parts_shows_a_notice_and_a_working_map() {
    let app = open("lang=en&layers=area,nope&focus=belt:sea&view=x").await;
    let notice = app.one(".notice").text_content().unwrap_or_default();
    assert!(
        notice.contains("layers=nope") && notice.contains("focus=belt:sea"),
        "{notice}"
    );
    assert!(app.shown("area") && !app.shown("sphere"));
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
    let page = app
        .one("[data-error=\"data\"]")
        .text_content()
        .unwrap_or_default();
    assert!(page.contains("metro.geojson: not valid GeoJSON"), "{page}");
}

/// The width of the map's viewBox, map kilometres.
fn view_width(app: &Page) -> f64 {
    let view_box = app.attr("svg.map", "viewBox").unwrap_or_default();
    view_box
        .split(' ')
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("viewBox {view_box:?}"))
}

/// The app in English, its map, and the map's centre on the page (px).
async fn map_and_centre() -> (Page, Element, (i32, i32)) {
    let app = open("lang=en").await;
    let svg = app.one("svg.map");
    let r = svg.get_bounding_client_rect();
    let centre = (
        (r.left() + r.width() / 2.0) as i32,
        (r.top() + r.height() / 2.0) as i32,
    );
    (app, svg, centre)
}

#[wasm_bindgen_test]
async fn two_fingers_pinch_the_map_about_their_midpoint() {
    let (app, svg, (cx, cy)) = map_and_centre().await;
    let before = view_width(&app);
    dispatch_finger(&svg, "pointerdown", 11, cx - 40, cy);
    dispatch_finger(&svg, "pointerdown", 12, cx + 40, cy);
    // The fingers spread from 80 px apart to 160 px: twice the scale. Until they lift, the
    // map shows it as a picture scaled twice (a CSS matrix, pointer.rs); its view follows
    // at the end.
    dispatch_finger(&svg, "pointermove", 12, cx + 120, cy);
    settle(5).await;
    let scale = |svg: &Element| {
        let style = svg.unchecked_ref::<web_sys::SvgElement>().style();
        let transform = style.get_property_value("transform").unwrap_or_default();
        transform
            .strip_prefix("matrix(")
            .and_then(|m| m.split(',').next())
            .and_then(|k| k.trim().parse::<f64>().ok())
    };
    let k = scale(&svg);
    assert!(
        k.is_some_and(|k| (k - 2.0).abs() < 0.05),
        "picture scale {k:?}"
    );
    assert_eq!(view_width(&app), before);
    // Lifting the fingers ends the gesture without a selection, on the view reached.
    dispatch_finger(&svg, "pointerup", 11, cx - 40, cy);
    dispatch_finger(&svg, "pointerup", 12, cx + 120, cy);
    settle(5).await;
    let after = view_width(&app);
    assert!(
        (before / after - 2.0).abs() < 0.05,
        "viewBox width {before} → {after}"
    );
    assert_eq!(scale(&svg), None);
    assert!(app.find(".details").is_none());
    // The view reaches the address once the motion pauses.
    assert!(
        wait_for(2000, || search().contains("view=")).await,
        "{}",
        search()
    );
}

#[wasm_bindgen_test]
async fn a_drag_changes_the_view_and_the_address_only_when_it_ends() {
    let (app, svg, (cx, cy)) = map_and_centre().await;
    // (An app of an earlier test may still have an address write waiting: the address is
    // the page's. Wait until it keeps still.)
    let mut before = search();
    loop {
        settle(600).await;
        if search() == before {
            break;
        }
        before = search();
    }
    let view_box = app.attr("svg.map", "viewBox");
    dispatch_pointer(&svg, "pointerdown", cx, cy);
    dispatch_pointer(&svg, "pointermove", cx + 40, cy + 10);
    // Longer than a pan waits before the address follows (250 ms) and its write after the
    // paint: a drag from rest sets no view until it ends (the picture moves meanwhile).
    settle(400).await;
    assert_eq!(search(), before, "the address changed mid-drag");
    assert_eq!(app.attr("svg.map", "viewBox"), view_box);
    dispatch_pointer(&svg, "pointerup", cx + 40, cy + 10);
    assert!(
        wait_for(2000, || search().contains("view=")).await,
        "{}",
        search()
    );
    // (The map draws the new view in its next frame.)
    assert!(
        wait_for(2000, || app.attr("svg.map", "viewBox") != view_box).await,
        "the view did not follow the drag"
    );
}

#[wasm_bindgen_test]
async fn a_drag_during_a_smooth_move_starts_where_the_map_is() {
    let (app, svg, (cx, cy)) = map_and_centre().await;
    let rest = view_width(&app);
    // `+` zooms in smoothly (450 ms); the drag starts as soon as the move is seen.
    press(&svg, "+");
    assert!(
        wait_for(1000, || view_width(&app) < rest * 0.98).await,
        "no move"
    );
    dispatch_pointer(&svg, "pointerdown", cx, cy);
    dispatch_pointer(&svg, "pointermove", cx + 40, cy);
    let held = view_width(&app);
    assert!(
        held > rest / 1.5 * 1.02,
        "the move had ended: {rest} → {held}"
    );
    // The move stopped where the map was: longer than it would have lasted, no change.
    settle(600).await;
    assert_eq!(view_width(&app), held, "the move went on under the drag");
    dispatch_pointer(&svg, "pointerup", cx + 40, cy);
    settle(50).await;
    assert!(
        (view_width(&app) - held).abs() < held * 1e-6,
        "a drag changed the scale: {held} → {}",
        view_width(&app)
    );
    // (Its address follows, as for any pan, before the next test opens the page again.)
    assert!(
        wait_for(2000, || search().contains("view=")).await,
        "{}",
        search()
    );
}

fn history_length() -> u32 {
    window()
        .history()
        .expect("history")
        .length()
        .expect("length")
}

fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&ev).expect("dispatched");
}

#[wasm_bindgen_test]
async fn a_pan_replaces_the_history_entry_and_a_selection_pushes_one() {
    let app = open("lang=en").await;
    let svg = app.one("svg.map");
    let start = history_length();
    let title = document().title();
    // Pan: the address follows in place, once the motion pauses.
    press(&svg, "ArrowLeft");
    assert!(
        wait_for(2000, || search().contains("view=")).await,
        "{}",
        search()
    );
    assert_eq!(history_length(), start, "a pan pushed an entry");
    assert_eq!(document().title(), title);
    // A selection is a step Back can undo.
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    let chaoyang = app.one("[data-layer='area'] [data-adcode='220104']");
    chaoyang.dispatch_event(&click).unwrap();
    // The address follows just after the paint (issue 12).
    assert!(
        wait_for(2000, || search().contains("focus=220104")).await,
        "{}",
        search()
    );
    assert_eq!(history_length(), start + 1);
    // Back restores the state without pushing again (Forward stays possible).
    window().history().expect("history").back().expect("back");
    assert!(
        wait_for(2000, || !search().contains("focus=")).await,
        "{}",
        search()
    );
    assert!(wait_for(2000, || app.find(".details").is_none()).await);
    settle(300).await;
    assert_eq!(history_length(), start + 1, "Back pushed an entry");
    assert!(search().contains("view="), "{}", search());
}
