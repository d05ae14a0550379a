//! Prints the side column's text (the key facts and the six panels) in both languages as
//! the `<template data-side="LANG-PART">` elements that the release build's `index.html`
//! carries (`src/components/panels/source.rs`). Run natively by `scripts/build-release.sh`;
//! `scripts/post-build.mjs` puts its output into `index.html`.
//!
//!     cargo run --quiet --example side_html > side.html

use metro_plan::components::panels::source;
use metro_plan::plan::Plan;
use std::process::ExitCode;

fn main() -> ExitCode {
    match Plan::embedded() {
        Ok(plan) => {
            let plan: &'static Plan = Box::leak(Box::new(plan));
            print!("{}", source::templates(plan));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                eprintln!("side_html: {e}");
            }
            ExitCode::FAILURE
        }
    }
}
