//! The area in one paragraph: its name and the cities that compose it.

use super::panel::Panel;
use crate::components::use_ctx;
use crate::plan::PlanData;
use leptos::prelude::*;

/// The overview at the top of the panels.
#[component]
pub fn OverviewPanel() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    view! {
        <Panel id="overview" title=ctx.text(&data.area_name)>
            <p class="panel-intro">{ctx.text(&data.composition)}</p>
        </Panel>
    }
}
