//! The key figures of the plan as cards: area, population, cities, document.

use super::format;
use crate::components::html::Html;
use crate::i18n::{thousands, ui, Lang, Phrase};
use crate::plan::PlanData;

/// Area, population, member cities and the document's structure, from the plan data:
/// the content of the `<dl class="figures">` in a language.
pub fn write(data: &'static PlanData, plan: &'static crate::plan::Plan, lang: Lang) -> String {
    let sep = ui::NUMBER_UNIT_SEP.get(lang);
    let figures = &data.figures;
    let members: Vec<_> = data
        .cities
        .iter()
        .filter(|c| c.member)
        .map(|c| c.id)
        .collect();
    let mut h = Html::new();
    let start = |h: &mut Html, id: &str, label: Phrase| {
        h.raw("<div class=\"figure\"")
            .attr("data-figure", id)
            .raw(">")
            .el("dt", "figure-label", label.get(lang))
            .raw("<dd class=\"figure-value\">");
    };
    let unit = |h: &mut Html, text: &str| {
        h.el("span", "figure-unit", text);
    };
    let number = |h: &mut Html, text: &str| {
        h.el("span", "figure-number", text);
    };
    start(&mut h, "area", ui::AREA);
    // The release's area is a whole number of km².
    number(&mut h, &thousands(figures.area_km2.round() as u64));
    h.text(sep);
    unit(&mut h, ui::KM2.get(lang));
    h.raw("</dd></div>");
    start(&mut h, "population", ui::POPULATION);
    unit(&mut h, figures.population_qualifier.get(lang));
    h.text(sep);
    number(
        &mut h,
        &format::population(figures.population_million, lang),
    );
    h.text(sep);
    unit(&mut h, ui::MILLION.get(lang));
    h.raw("</dd></div>");
    start(&mut h, "cities", ui::CITIES);
    number(&mut h, &members.len().to_string());
    h.raw(" ").el(
        "span",
        "figure-detail",
        &format::cities(plan, &members, lang, ui::LIST_SEP),
    );
    h.raw("</dd></div>");
    // "Preface, 12 chapters, 42 sections, 11 special columns", as separate parts.
    start(&mut h, "document", ui::DOCUMENT);
    let structure = data.structure;
    h.raw("<span class=\"figure-parts\">");
    if structure.preface {
        h.el("span", "figure-part", ui::PREFACE.get(lang)).raw(" ");
    }
    for (count, what) in [
        (structure.chapters, ui::CHAPTERS),
        (structure.sections, ui::SECTIONS),
        (structure.special_columns, ui::COLUMNS),
    ] {
        h.raw("<span class=\"figure-part\">");
        number(&mut h, &count.to_string());
        h.text(sep);
        unit(&mut h, what.get(lang));
        h.raw("</span> ");
    }
    h.raw("</span></dd></div>");
    h.0
}

/// The source line in a language: where and when the plan was presented, and the
/// release's credit line.
pub fn source(plan: &'static crate::plan::Plan, lang: Lang) -> String {
    let release = &plan.data.release;
    let sep = ui::DOT_SEP.get(lang);
    let mut h = Html::new();
    h.el("span", "source-label", ui::SOURCE.get(lang))
        .raw(" ")
        .el("span", "source-name", release.source.get(lang))
        .raw(" <span class=\"source-editor\">")
        .text(ui::EDITOR.get(lang))
        // The editor's name is published only in pinyin: marked as romanised Chinese.
        .raw("<span lang=\"zh-Latn\">")
        .text(release.editor.get(lang))
        .raw("</span>")
        .text(ui::CLOSE_PAREN.get(lang))
        .raw("</span>")
        .text(sep)
        .el("span", "source-event", release.event.get(lang))
        .text(sep)
        .el("span", "source-date", release.date.get(lang));
    h.0
}

/// The plan's dates in a language, each with where it was published.
pub fn milestones(plan: &'static crate::plan::Plan, lang: Lang) -> String {
    let mut h = Html::new();
    h.el("summary", "", ui::PLAN_DATES.get(lang)).raw("<ol>");
    for m in plan.data.release.milestones.iter() {
        h.raw("<li")
            .attr("data-date", &m.date)
            .raw("><time")
            .attr("datetime", &m.date)
            .raw(">")
            .text(&crate::i18n::date(&m.date, lang).unwrap_or_default())
            .raw("</time> ")
            .el("span", "milestone-what", m.what.get(lang))
            .raw(" <small class=\"milestone-source\">")
            .text(ui::PUBLISHED_IN.get(lang))
            .text(m.published_in.get(lang))
            .text(ui::CLOSE_PAREN.get(lang))
            .raw("</small></li>");
    }
    h.raw("</ol>");
    h.0
}
