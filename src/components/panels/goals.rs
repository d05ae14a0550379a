//! The phased goals as a timeline: today → 2030 → 2035.

use super::circles::write_circles;
use super::format;
use super::markup::Writer;
use crate::components::html::Html;
use crate::i18n::ui;
use crate::ids::Focus;
use crate::plan::PhasedGoal;

/// The goals panel's heading.
pub fn title(w: &Writer) -> &'static str {
    ui::GOALS_HEADING.get(w.lang)
}

/// The goals panel.
pub fn write(h: &mut Html, w: &Writer) {
    let data = &w.plan.data;
    h.el("p", "reading-note", ui::GOAL_READING.get(w.lang))
        .raw("<ol class=\"timeline\"><li class=\"timeline-step timeline-today\">")
        .el("h3", "timeline-when", ui::TODAY.get(w.lang))
        .el("p", "timeline-text", w.t(&data.goals_intro))
        .raw("</li>");
    for goal in data.goals.iter() {
        goal_step(h, w, goal);
    }
    h.raw("</ol>");
}

/// One goal on the timeline: its year and headline (the button that selects it), its
/// target, outcomes, characteristics and circles — whichever the plan gives it.
fn goal_step(h: &mut Html, w: &Writer, goal: &'static PhasedGoal) {
    let lang = w.lang;
    let focus = Focus::Goal(goal.id);
    h.raw("<li class=\"timeline-step goal\"")
        .attr("data-step", &focus.to_string())
        .raw("><h3 class=\"timeline-when\">");
    w.select(h, &focus, "goal-button", "goal", goal.id.as_str());
    h.el(
        "span",
        "goal-year",
        &format::fill(ui::YEAR, lang, goal.id.as_str()),
    )
    .el("span", "goal-headline", w.t(&goal.headline));
    h.raw("</button>");
    h.raw("</h3>");
    if let Some(amount) = goal.economy_trillion_rmb {
        h.raw("<p class=\"goal-stat\">")
            .el("span", "goal-stat-label", ui::ECONOMY.get(lang))
            .raw(" ")
            .el(
                "span",
                "goal-stat-value",
                &format::fill(ui::TRILLION_RMB, lang, &format::number(amount)),
            )
            .raw("</p>");
    }
    if !goal.outcomes.is_empty() {
        h.el("h4", "goal-subtitle", ui::OUTCOMES.get(lang));
        w.list(h, &goal.outcomes, "goal-outcomes", "");
    }
    if let Some(intro) = &goal.traits_intro {
        h.open("p", "goal-subtitle").text(w.t(intro));
        if !goal.traits.is_empty() {
            h.text(ui::CHARACTERIZED_BY.get(lang));
        }
        h.close("p");
    }
    if !goal.traits.is_empty() {
        w.list(h, &goal.traits, "chips goal-traits", "chip");
    }
    if !goal.circles.is_empty() {
        write_circles(h, w, &goal.circles, &goal.headline);
    }
    h.raw("</li>");
}
