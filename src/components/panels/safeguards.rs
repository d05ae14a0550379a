//! The safeguard mechanisms.

use super::panel::Panel;
use super::text_list::TextList;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::plan::Safeguards;
use leptos::prelude::*;

/// The safeguards panel.
#[component]
pub fn SafeguardsPanel() -> impl IntoView {
    let ctx = use_ctx();
    let safeguards: &'static Safeguards = &ctx.plan.data.safeguards;
    view! {
        <Panel id="safeguards" title=ctx.phrase(ui::SAFEGUARDS_HEADING)>
            <p class="panel-intro">{ctx.text(&safeguards.summary)}</p>
            <TextList items=&safeguards.mechanisms class="mechanisms" item_class="mechanism" />
            <p class="panel-outro">{ctx.text(&safeguards.aim)}</p>
        </Panel>
    }
}
