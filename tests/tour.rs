//! The tour's data file as the build reads it (`build/tour.rs`) and as the app checks it
//! (`src/plan/tour_check.rs`): the embedded tour is the file, and a broken file is
//! reported step by step.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use metro_plan::plan::tour::Tour;
use metro_plan::plan::EMBEDDED;
use support::{load_tour, plan};

const TOUR_TEXT: &str = include_str!("../data/tour.json");

#[test]
fn the_tour_file_is_valid_and_the_built_in_tour_is_it() {
    let plan = plan();
    let loaded = load_tour(TOUR_TEXT, EMBEDDED.plan, &plan).unwrap_or_else(|e| panic!("{e:#?}"));
    let embedded = Tour::embedded(&plan).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(format!("{loaded:?}"), format!("{embedded:?}"));
}

#[test]
fn every_step_has_both_languages_and_known_ids() {
    let plan = plan();
    let tour = Tour::embedded(&plan).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(tour.check(&plan), Vec::<String>::new());
    for step in tour
        .steps
        .iter()
        .flat_map(|s| std::iter::once(s).chain(s.each.iter()))
    {
        assert!(
            !step.title.en.is_empty() && !step.title.zh.is_empty(),
            "{}",
            step.id
        );
        for part in step.caption.iter() {
            assert!(part.kind().is_some(), "{}", step.id);
            for t in part.texts() {
                assert!(!t.en.is_empty() && !t.zh.is_empty(), "{}: {t:?}", step.id);
            }
        }
    }
}

#[test]
fn a_broken_tour_file_is_reported() {
    let plan = plan();
    // A path that names nothing, a text in one language, steps out of order, a field
    // the tour does not know, a view that does not exist.
    let broken = TOUR_TEXT
        .replace("layout.center.description", "layout.center.nothing")
        .replace(
            r#""title": {"en": "Five belts", "zh": "五带", "zh_from": "published"}"#,
            r#""title": {"en": "Five belts", "zh": ""}"#,
        )
        .replace("\"id\": \"corridor\"", "\"id\": \"corridor-x\"")
        .replace("\"view\": \"region\"", "\"view\": \"world\", \"zoom\": 3");
    let all = load_tour(&broken, EMBEDDED.plan, &plan)
        .unwrap_err()
        .join("\n");
    assert!(
        all.contains("\"layout.center.nothing\" names nothing"),
        "{all}"
    );
    assert!(
        all.contains("step belts") && all.contains("both languages"),
        "{all}"
    );
    assert!(all.contains("must follow the plan"), "{all}");
    assert!(all.contains("unknown field \"zoom\""), "{all}");
    assert!(all.contains("view \"world\" is not one of"), "{all}");
    // A selection of an unknown kind stops the strict read.
    let unknown = TOUR_TEXT.replace("\"focus\": \"center\"", "\"focus\": \"cluster:harbin\"");
    let all = load_tour(&unknown, EMBEDDED.plan, &plan)
        .unwrap_err()
        .join("\n");
    assert!(all.contains("tour.json"), "{all}");
}
