//! Browser tests of the header and panels: the real app is mounted into the page and the
//! DOM is checked in both languages against the plan data.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test panels` (needs
//! wasm-bindgen-test-runner and a WebDriver such as chromedriver).
#![cfg(target_arch = "wasm32")]

mod support;

use metro_plan::i18n::{Lang, Text};
use metro_plan::plan::PlanData;
use support::browser::{document, open, search, squash, tick, wait_for, window, Page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn plan() -> PlanData {
    support::plan().data
}

fn in_lang(texts: &[Text], lang: Lang) -> Vec<String> {
    texts.iter().map(|t| squash(t.get(lang))).collect()
}

/// The text of an element without the parts marked as being in another language.
fn own_language_text(el: &Element) -> String {
    let copy: Element = el
        .clone_node_with_deep(true)
        .expect("clone")
        .unchecked_into();
    let others = copy.query_selector_all("[lang]").expect("valid selector");
    for i in 0..others.length() {
        if let Some(other) = others.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            other.remove();
        }
    }
    copy.text_content().unwrap_or_default()
}

/// True if neither the element nor any of its ancestors has `display: none`.
fn is_drawn(el: &Element) -> bool {
    let mut current = Some(el.clone());
    while let Some(e) = current {
        let display = window()
            .get_computed_style(&e)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("display").ok());
        if display.as_deref() == Some("none") {
            return false;
        }
        current = e.parent_element();
    }
    true
}

#[wasm_bindgen_test]
async fn header_shows_every_seed_figure_in_both_languages() {
    let page = open("?lang=en").await;
    assert_eq!(
        page.text("h1"),
        "Development Plan for the Changchun Metropolitan Area"
    );
    assert_eq!(page.text(".header-subtitle"), "长春都市圈发展规划");
    assert_eq!(
        page.attr(".header-subtitle", "lang").as_deref(),
        Some("zh-CN")
    );
    assert_eq!(page.text("[data-figure=area] dd"), "29,700 km²");
    assert_eq!(
        page.text("[data-figure=population] dd"),
        "approximately 12.1 million"
    );
    assert_eq!(
        page.text("[data-figure=cities] dd"),
        "4 Changchun, Jilin, Siping, Liaoyuan"
    );
    assert_eq!(
        page.text("[data-figure=document] dd"),
        "Preface 12 chapters 42 sections 11 special columns"
    );
    let source = page.text(".source");
    for part in [
        "Changchun Government Affairs",
        "Information Office of the Jilin Provincial People's Government",
        "17 October 2025",
        "(editor: Liu Jiadi)",
    ] {
        assert!(source.contains(part), "{part} in {source}");
    }
    // The plan's dates, each with where it was published.
    let dates = page.text(".milestones");
    for part in [
        "22 August 2025",
        "28 September 2025",
        "吉政发〔2025〕8号",
        "9 October 2025",
        "17 October 2025",
    ] {
        assert!(dates.contains(part), "{part} in {dates}");
    }
    assert_eq!(
        page.text(".header-summary"),
        "One spatial layout, two phased goals, nine key tasks, and one set of safeguard mechanisms."
    );

    // The switch names the other language in that language.
    assert_eq!(page.text(".lang-switch"), "中文");
    assert_eq!(page.attr(".lang-switch", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(
        page.attr(".lang-switch", "aria-label").as_deref(),
        Some("切换到中文")
    );
    page.click(".lang-switch").await;
    // Off screen, the key figures are written just after the paint, when `<html lang>`
    // follows; on screen they say their language until then (issue 12).
    assert!(
        wait_for(2000, || {
            page.find(".facts[lang]").is_none() && html_lang().as_deref() == Some("zh-CN")
        })
        .await,
        "the key figures were left in the other language"
    );

    assert_eq!(page.text("h1"), "长春都市圈发展规划");
    assert_eq!(
        page.text(".header-subtitle"),
        "Development Plan for the Changchun Metropolitan Area"
    );
    assert_eq!(page.attr(".header-subtitle", "lang").as_deref(), Some("en"));
    assert_eq!(page.text("[data-figure=area] dd"), "29,700平方公里");
    assert_eq!(page.text("[data-figure=population] dd"), "约1210万");
    assert_eq!(
        page.text("[data-figure=cities] dd"),
        "4 长春、吉林、四平、辽源"
    );
    assert_eq!(
        page.text("[data-figure=document] dd"),
        "前言 12章 42节 11个专栏"
    );
    assert!(page.text(".source").contains("长春政务"));
    assert!(page.text(".source").contains("2025年10月17日"));
    assert!(page.text(".source").contains("（编辑：Liu Jiadi）"));
    assert!(page.text(".milestones").contains("2025年8月22日"));
    assert_eq!(page.text(".lang-switch"), "English");
    assert_eq!(page.attr(".lang-switch", "lang").as_deref(), Some("en"));
    assert_eq!(html_lang().as_deref(), Some("zh-CN"));
    // Nothing English is left in the header, except what is marked as English.
    let rest = own_language_text(&page.one("header")) + &own_language_text(&page.one(".facts"));
    assert!(
        !rest.chars().any(|c| c.is_ascii_alphabetic()),
        "English left in the Chinese header: {rest}"
    );
}

/// The page's language, `<html lang>`.
fn html_lang() -> Option<String> {
    document().document_element()?.get_attribute("lang")
}

/// Waits until every panel is written in `lang`: after a switch, those off screen are
/// written just after the paint, when `<html lang>` follows, and those on screen say the
/// language they are in until then (issue 12).
async fn panels_rewritten(page: &Page, lang: Lang) {
    let tag = lang.tag();
    assert!(
        wait_for(2000, || {
            page.find(".panel[lang]").is_none() && html_lang().as_deref() == Some(tag)
        })
        .await,
        "a panel was left in the other language"
    );
}

/// Everything the panels list, checked against the plan data in one language.
fn check_panels(page: &Page, data: &PlanData, lang: Lang) {
    let tasks = page.all(".panels [data-task]");
    let ids: Vec<_> = tasks
        .iter()
        .filter_map(|t| t.get_attribute("data-task"))
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let names: Vec<_> = data.tasks.iter().map(|t| t.name.clone()).collect();
    assert_eq!(
        page.texts(".panels [data-task] .task-name"),
        in_lang(&names, lang)
    );
    assert_eq!(page.texts(".panels [data-task] .task-number"), ids);
    assert_eq!(
        page.all("ol.tasks > li").len(),
        9,
        "tasks are an ordered list"
    );

    let goals: Vec<_> = page
        .all(".panels [data-goal]")
        .iter()
        .filter_map(|g| g.get_attribute("data-goal"))
        .collect();
    assert_eq!(goals, ["2030", "2035"]);
    let g2030 = &data.goals[0];
    assert_eq!(page.texts(".goal-traits li"), in_lang(&g2030.traits, lang));
    assert_eq!(page.all(".goal-traits li").len(), 7);
    assert_eq!(
        page.texts(".goal-outcomes li"),
        in_lang(&g2030.outcomes, lang)
    );
    let circles = &data.goals[1].circles;
    let circle_names: Vec<_> = circles.iter().map(|c| c.name.clone()).collect();
    let qualities: Vec<_> = circles.iter().map(|c| c.quality.clone()).collect();
    assert_eq!(
        page.texts("svg text[data-circle]"),
        in_lang(&circle_names, lang)
    );
    assert_eq!(
        page.texts(".circles-key-name"),
        in_lang(&circle_names, lang)
    );
    assert_eq!(
        page.texts(".circles-key-quality"),
        in_lang(&qualities, lang)
    );
    assert_eq!(page.all("svg circle.disc").len(), 4);
    assert_eq!(
        page.attr(".circles svg", "role").as_deref(),
        Some("img"),
        "the circles are a figure"
    );
    assert_eq!(
        page.attr(".circles svg", "aria-label").as_deref(),
        Some(data.goals[1].headline.get(lang))
    );

    assert_eq!(
        page.texts(".guiding-principles li"),
        in_lang(&data.principles, lang)
    );
    assert_eq!(page.all(".guiding-principles li").len(), 5);
    assert_eq!(
        page.texts(".layout-principles li"),
        in_lang(&data.layout.principles, lang)
    );
    assert_eq!(page.all(".layout-principles li").len(), 4);
    assert_eq!(
        page.texts(".mechanisms li"),
        in_lang(&data.safeguards.mechanisms, lang)
    );
    assert_eq!(page.all(".mechanisms li").len(), 4);

    assert_eq!(page.all(".panels [data-focus=center]").len(), 1);
    assert_eq!(page.all(".panels [data-focus=corridor]").len(), 1);
    assert_eq!(page.all(".panels [data-cluster]").len(), 3);
    let belts: Vec<_> = page
        .all(".panels [data-belt]")
        .iter()
        .filter_map(|b| b.get_attribute("data-belt"))
        .collect();
    assert_eq!(
        belts,
        [
            "tourism",
            "pharma",
            "manufacturing",
            "agriculture",
            "energy"
        ]
    );

    // Strict CSP: no inline styles.
    assert!(page.all("header [style], .panels [style]").is_empty());

    let all = page.text(".panels");
    for text in [
        &data.composition,
        &data.layout.name,
        &data.layout.focus,
        &data.layout.corridor.aim,
        &data.goals_intro,
        &data.principles_intro,
        &data.safeguards.summary,
        &data.safeguards.aim,
    ] {
        assert!(
            all.contains(&squash(text.get(lang))),
            "{:?}",
            text.get(lang)
        );
    }
    assert!(page
        .text(".facts")
        .contains(&squash(data.summary.get(lang))));
}

#[wasm_bindgen_test]
async fn panels_render_everything_in_both_languages() {
    let data = plan();
    let page = open("?lang=en").await;
    check_panels(&page, &data, Lang::En);
    assert_eq!(
        page.text(".goal-stat-value"),
        "approximately RMB 1.35 trillion"
    );
    assert!(page.text("[data-goal='2030']").starts_with("2030"));
    assert!(page
        .text(".panels")
        .contains("Cultivating distinctive cultural characteristics"));

    page.click(".lang-switch").await;
    panels_rewritten(&page, Lang::Zh).await;
    check_panels(&page, &data, Lang::Zh);
    assert_eq!(page.text(".goal-stat-value"), "1.35万亿元左右");
    assert!(page.text("[data-goal='2030']").starts_with("2030年"));
    // Spot checks that the data really is Chinese where it should be.
    let all = page.text(".panels");
    for zh in [
        "培育特色鲜明的文化品格",
        "环境和谐宜居",
        "通勤圈",
        "合作共兴",
        "中心城市引领",
        "以人为本",
        "强化分级领导",
        "哈长沈大走廊",
    ] {
        assert!(all.contains(zh), "{zh}");
    }
    // No English is left in the panels.
    let rest = own_language_text(&page.one(".panels"));
    assert!(
        !rest.chars().any(|c| c.is_ascii_alphabetic()),
        "English left in the Chinese panels: {rest}"
    );

    // And back.
    page.click(".lang-switch").await;
    panels_rewritten(&page, Lang::En).await;
    check_panels(&page, &data, Lang::En);
}

#[wasm_bindgen_test]
async fn clicking_a_task_selects_it_and_shows_its_reading_on_the_map() {
    let page = open("?lang=en").await;
    let task = ".panels [data-task='6']";
    assert_eq!(page.attr(task, "aria-pressed").as_deref(), Some("false"));
    page.click(task).await;
    assert_eq!(page.attr(task, "aria-pressed").as_deref(), Some("true"));
    assert!(page.one(task).class_list().contains("is-selected"));
    assert_eq!(page.all(".panels [aria-pressed='true']").len(), 1);
    // The address follows just after the paint (issue 12).
    assert!(wait_for(2000, || search().contains("focus=task:6")).await);
    let query = search();
    assert!(query.contains("focus=task:6"), "{query}");
    // Task 6 reads as the tourism belt: that belt alone is shown, and highlighted here.
    assert!(query.contains("belt:tourism"), "{query}");
    assert!(!query.contains("sphere"), "{query}");
    let tourism = ".panels [data-belt='tourism']";
    assert!(page.one(tourism).class_list().contains("is-highlighted"));
    assert_eq!(page.attr(tourism, "aria-pressed").as_deref(), Some("false"));
    // The map shows the tourism belt alone (`open` waited for the map to be drawn).
    let drawn = |selector: &str| is_drawn(&page.one(&format!(".map-section {selector}")));
    assert!(drawn("[data-layer='belts'] [data-belt='tourism']"));
    assert!(!drawn("[data-layer='belts'] [data-belt='pharma']"));
    assert!(!drawn("[data-layer='sphere']"));

    // Another task replaces the selection; pressing it again clears it.
    page.click(".panels [data-task='9']").await;
    assert_eq!(page.attr(task, "aria-pressed").as_deref(), Some("false"));
    assert!(wait_for(2000, || search().contains("focus=task:9")).await);
    page.click(".panels [data-task='9']").await;
    assert_eq!(page.all(".panels [aria-pressed='true']").len(), 0);
    assert!(
        wait_for(2000, || !search().contains("focus=")).await,
        "{}",
        search()
    );
}

#[wasm_bindgen_test]
async fn clicking_a_goal_selects_it() {
    let page = open("?lang=zh").await;
    let goal = ".panels [data-goal='2035']";
    page.click(goal).await;
    assert_eq!(page.attr(goal, "aria-pressed").as_deref(), Some("true"));
    assert!(page
        .one(".goal:has([data-goal='2035'])")
        .class_list()
        .contains("is-selected"));
    assert!(wait_for(2000, || search().contains("focus=goal:2035")).await);
    let query = search();
    assert!(query.contains("focus=goal:2035"), "{query}");
    assert!(
        query.contains("sphere") && query.contains("clusters"),
        "{query}"
    );
    assert!(page
        .text(".panels")
        .contains("目标对应的地图图层为本看板的解读"));
}

#[wasm_bindgen_test]
async fn layout_items_select_on_the_map_and_follow_the_maps_selection() {
    let page = open("?lang=en").await;
    let belt = ".panels [data-belt='pharma']";
    page.click(belt).await;
    assert_eq!(page.attr(belt, "aria-pressed").as_deref(), Some("true"));
    assert!(
        wait_for(2000, || search().contains("focus=belt:pharma")).await,
        "{}",
        search()
    );
    page.click(".panels [data-cluster='changchun-siping']")
        .await;
    assert_eq!(page.attr(belt, "aria-pressed").as_deref(), Some("false"));
    assert!(wait_for(2000, || search().contains("focus=cluster:changchun-siping")).await);

    // A selection made elsewhere (here: Back/Forward to a link selecting the corridor)
    // shows in the panel.
    let path = window().location().pathname().unwrap_or_default();
    window()
        .history()
        .expect("history")
        .push_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}?lang=en&focus=corridor")),
        )
        .expect("pushState");
    let popstate = web_sys::Event::new("popstate").expect("event");
    window().dispatch_event(&popstate).expect("dispatch");
    tick().await;
    let corridor = ".panels [data-focus='corridor']";
    assert_eq!(page.attr(corridor, "aria-pressed").as_deref(), Some("true"));
    assert!(page.one(corridor).class_list().contains("is-selected"));
    assert_eq!(page.all(".panels [aria-pressed='true']").len(), 1);
}
