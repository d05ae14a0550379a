//! The phased goals as a timeline: today → 2030 → 2035.

use super::circles::CirclesFigure;
use super::format;
use super::panel::Panel;
use super::select::SelectButton;
use super::text_list::TextList;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::ids::Focus;
use crate::plan::{PhasedGoal, PlanData};
use leptos::prelude::*;

/// The goals panel.
#[component]
pub fn GoalsPanel() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    view! {
        <Panel id="goals" title=ctx.phrase(ui::GOALS_HEADING)>
            <p class="reading-note">{ctx.phrase(ui::GOAL_READING)}</p>
            <ol class="timeline">
                <li class="timeline-step timeline-today">
                    <h3 class="timeline-when">{ctx.phrase(ui::TODAY)}</h3>
                    <p class="timeline-text">{ctx.text(&data.goals_intro)}</p>
                </li>
                {data.goals.iter().map(|goal| view! { <GoalStep goal /> }).collect_view()}
            </ol>
        </Panel>
    }
}

/// One goal on the timeline: its year and headline (the button that selects it), its
/// target, outcomes, characteristics and circles — whichever the plan gives it.
#[component]
fn GoalStep(goal: &'static PhasedGoal) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let selected = ctx.is_selected(Focus::Goal(goal.id));
    let year = move || format::fill(ui::YEAR, lang.get(), goal.id.as_str());
    view! {
        <li class="timeline-step goal" class:is-selected=selected>
            <h3 class="timeline-when">
                <SelectButton
                    focus=Focus::Goal(goal.id)
                    class="goal-button"
                    attr:data-goal=goal.id.as_str()
                >
                    <span class="goal-year">{year}</span>
                    <span class="goal-headline">{ctx.text(&goal.headline)}</span>
                </SelectButton>
            </h3>
            {goal
                .economy_trillion_rmb
                .map(|amount| {
                    let value = move || format::fill(ui::TRILLION_RMB, lang.get(), &format::number(amount));
                    view! {
                        <p class="goal-stat">
                            <span class="goal-stat-label">{ctx.phrase(ui::ECONOMY)}</span>
                            " "
                            <span class="goal-stat-value">{value}</span>
                        </p>
                    }
                })}
            {(!goal.outcomes.is_empty())
                .then(|| {
                    view! {
                        <h4 class="goal-subtitle">{ctx.phrase(ui::OUTCOMES)}</h4>
                        <TextList items=&goal.outcomes class="goal-outcomes" />
                    }
                })}
            {goal
                .traits_intro
                .as_ref()
                .map(|intro| {
                    view! {
                        <p class="goal-subtitle">
                            {ctx.text(intro)}
                            {(!goal.traits.is_empty()).then(|| ctx.phrase(ui::CHARACTERIZED_BY))}
                        </p>
                    }
                })}
            {(!goal.traits.is_empty())
                .then(|| {
                    view! { <TextList items=&goal.traits class="chips goal-traits" item_class="chip" /> }
                })}
            {(!goal.circles.is_empty())
                .then(|| view! { <CirclesFigure circles=&goal.circles label=&goal.headline /> })}
        </li>
    }
}
