//! Where the side column's text comes from (issue 12: first-load size). The key facts and
//! the six panels are fixed text per language, so the release build writes them once, at
//! build time: `scripts/build-release.sh` runs `examples/side_html.rs` (natively, with the
//! writers of this module), and `scripts/post-build.mjs` puts what it prints into
//! `index.html` as one inert `<template data-side="LANG-PART">` per language and part. The
//! app takes each part's markup from its template ([`part_html`]); built with `--cfg
//! metro_baked_side` (the release build) it carries no writers at all, which keeps the
//! panels' writing code and the plan's texts that only they use out of the wasm. Other
//! builds (`trunk serve`, the tests) have no templates and write the parts here.
//!
//! A part is written without a selection: the panel shows the selection on it after each
//! write (`markup::panel`), the same for a template and a writer.

use crate::i18n::Lang;
use crate::plan::Plan;

/// The side column's parts, in the page's order: the key facts, then the panels.
pub const PARTS: [&str; 7] = [
    "facts",
    "overview",
    "layout",
    "goals",
    "principles",
    "tasks",
    "safeguards",
];

/// The markup of `part` in `lang`: from its template in the page if there is one, else
/// written here (a build with the writers), else (a release page that lost its templates)
/// a notice that says this part could not be loaded.
pub fn part_html(plan: &'static Plan, lang: Lang, part: &'static str) -> String {
    if let Some(html) = template(lang, part) {
        return html;
    }
    #[cfg(not(metro_baked_side))]
    {
        write_part(plan, lang, part)
    }
    #[cfg(metro_baked_side)]
    {
        let _ = plan;
        web_sys::console::error_1(
            &format!(
                "metro-plan: index.html has no template for {} {part}",
                lang.as_str()
            )
            .into(),
        );
        let mut h = crate::components::html::Html::new();
        h.raw("<p class=\"side-missing\" role=\"alert\">")
            .text(crate::i18n::ui::CHUNK_FAILED.get(lang))
            .raw("</p>");
        h.0
    }
}

/// The content of `<template data-side="LANG-PART">` in the page, as markup.
fn template(lang: Lang, part: &str) -> Option<String> {
    let selector = format!("template[data-side=\"{}-{part}\"]", lang.as_str());
    let doc = web_sys::window()?.document()?;
    Some(doc.query_selector(&selector).ok()??.inner_html())
}

/// Writes `part` in `lang` (see [`PARTS`]); empty for an unknown part.
#[cfg(not(metro_baked_side))]
pub fn write_part(plan: &'static Plan, lang: Lang, part: &str) -> String {
    use super::markup::Writer;
    use super::{figures, goals, layout, overview, principles, safeguards, tasks};
    use crate::components::html::Html;
    let mut h = Html::new();
    if part == "facts" {
        h.el("p", "header-summary", plan.data.summary.get(lang))
            .raw("<dl class=\"figures\">")
            .raw(&figures::write(&plan.data, plan, lang))
            .raw("</dl><p class=\"source\">")
            .raw(&figures::source(plan, lang))
            .raw("</p><details class=\"milestones\">")
            .raw(&figures::milestones(plan, lang))
            .raw("</details>");
        return h.0;
    }
    let (title, write): (super::markup::Title, super::markup::Write) = match part {
        "overview" => (overview::title, overview::write),
        "layout" => (layout::title, layout::write),
        "goals" => (goals::title, goals::write),
        "principles" => (principles::title, principles::write),
        "tasks" => (tasks::title, tasks::write),
        "safeguards" => (safeguards::title, safeguards::write),
        _ => return h.0,
    };
    let w = Writer { plan, lang };
    h.raw("<h2 class=\"panel-title\" id=\"panel-")
        .text(part)
        .raw("-title\">")
        .text(title(&w))
        .raw("</h2>");
    write(&mut h, &w);
    h.0
}

/// Every part in both languages as the templates `index.html` carries (printed by
/// `examples/side_html.rs` for the release build): the Chinese parts, then the English
/// ones (each part's two languages side by side compressed 47 B worse).
#[cfg(not(metro_baked_side))]
pub fn templates(plan: &'static Plan) -> String {
    let mut out = String::new();
    for lang in [Lang::Zh, Lang::En] {
        for part in PARTS {
            out.push_str("<template data-side=\"");
            out.push_str(lang.as_str());
            out.push('-');
            out.push_str(part);
            out.push_str("\">");
            out.push_str(&write_part(plan, lang, part));
            out.push_str("</template>");
        }
    }
    out
}
