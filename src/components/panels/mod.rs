//! The header and the panels beside the map: the plan's figures, its "1351" layout,
//! phased goals, guiding principles, nine key tasks and safeguards. Every string comes
//! from the plan data or `i18n::ui`; selectable items select on the map and show the
//! map's selection.

mod circles;
mod figures;
pub(crate) mod format;
mod goals;
mod header;
mod layout;
mod overview;
mod panel;
mod principles;
mod safeguards;
mod select;
mod tasks;
mod text_list;

pub use header::{Facts, Header};

use crate::components::use_ctx;
use crate::i18n::ui;
use leptos::prelude::*;

/// The panels beside the map (below it on narrow screens), in the plan's order.
#[component]
pub fn Panels() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="panels" id="panels" tabindex="-1" role="region" aria-label=ctx.phrase(ui::PANELS)>
            <overview::OverviewPanel />
            <layout::LayoutPanel />
            <goals::GoalsPanel />
            <principles::PrinciplesPanel />
            <tasks::TasksPanel />
            <safeguards::SafeguardsPanel />
        </div>
    }
}
