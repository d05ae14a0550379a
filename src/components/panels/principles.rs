//! The five guiding principles of the key tasks.

use super::panel::Panel;
use super::text_list::TextList;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::plan::PlanData;
use leptos::prelude::*;

/// The principles panel.
#[component]
pub fn PrinciplesPanel() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    view! {
        <Panel id="principles" title=ctx.phrase(ui::PRINCIPLES_HEADING)>
            <p class="panel-intro">{ctx.text(&data.principles_intro)}</p>
            <TextList items=&data.principles class="chips guiding-principles" item_class="chip" />
        </Panel>
    }
}
