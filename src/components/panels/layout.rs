//! The "1351" spatial layout in words: one center, three clusters, five belts, one
//! corridor, and the layout's principles. Each item selects its feature on the map.

use super::format;
use super::panel::Panel;
use super::select::SelectButton;
use super::text_list::TextList;
use crate::components::use_ctx;
use crate::i18n::{ui, Text};
use crate::ids::Focus;
use crate::ids::{CityId, LayerId};
use crate::plan::Layout;
use leptos::prelude::*;

/// The layout panel.
#[component]
pub fn LayoutPanel() -> impl IntoView {
    let ctx = use_ctx();
    let layout: &'static Layout = &ctx.plan.data.layout;
    view! {
        <Panel id="layout" title=ctx.phrase(ui::LAYOUT_HEADING)>
            <div class="layout-intro">
                <span class="layout-code">{layout.code.clone()}</span>
                <div class="layout-words">
                    <p class="layout-name">{ctx.text(&layout.name)}</p>
                    <p class="layout-focus">{ctx.text(&layout.focus)}</p>
                </div>
            </div>
            <h3 class="group-title">{ctx.phrase(ui::LAYOUT_PRINCIPLES)}</h3>
            <TextList items=&layout.principles class="chips layout-principles" item_class="chip" />
            <h3 class="group-title">{ctx.phrase(ui::layer_name(LayerId::Center))}</h3>
            <SelectButton focus=Focus::Center class="item" attr:data-focus=Focus::Center.to_string()>
                <span class="item-title">{ctx.text(&layout.center.name)}</span>
                <span class="item-text">{ctx.text(&layout.center.description)}</span>
            </SelectButton>
            <h3 class="group-title">{ctx.phrase(ui::layer_name(LayerId::Clusters))}</h3>
            <p class="group-intro">{ctx.text(&layout.clusters_intro)}</p>
            <ul class="items layout-clusters">
                {layout
                    .clusters
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <SelectButton
                                    focus=Focus::Cluster(c.id)
                                    class="item"
                                    attr:data-cluster=c.id.as_str()
                                >
                                    <span class="item-title">{ctx.text(&c.name)}</span>
                                    <Route cities=&c.cities sep=ui::LIST_SEP />
                                </SelectButton>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3 class="group-title">{ctx.phrase(ui::layer_name(LayerId::Belts))}</h3>
            <p class="group-intro">{ctx.text(&layout.belts_intro)}</p>
            <ul class="items layout-belts">
                {layout
                    .belts
                    .iter()
                    .map(|b| {
                        view! {
                            <li>
                                <SelectButton
                                    focus=Focus::Belt(b.id)
                                    class="item"
                                    attr:data-belt=b.id.as_str()
                                >
                                    <span class="item-title">
                                        <span class="swatch" aria-hidden="true"></span>
                                        {ctx.text(&b.industry)}
                                    </span>
                                    <span class="item-text">{ctx.text(&b.name)}</span>
                                    <Route cities=&b.cities sep=ui::ROUTE_SEP />
                                </SelectButton>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3 class="group-title">{ctx.phrase(ui::layer_name(LayerId::Corridor))}</h3>
            <SelectButton focus=Focus::Corridor class="item" attr:data-focus=Focus::Corridor.to_string()>
                <span class="item-title">{ctx.text(&layout.corridor.name)}</span>
                <Route cities=&layout.corridor.cities sep=ui::ROUTE_SEP />
                <span class="item-tags">
                    {layout.corridor.roles.iter().map(|r| view! { <Tag text=r /> }).collect_view()}
                </span>
                <span class="item-text">{ctx.text(&layout.corridor.aim)}</span>
            </SelectButton>
        </Panel>
    }
}

/// Cities in the plan's order, in the current language.
#[component]
fn Route(
    /// The cities.
    cities: &'static [CityId],
    /// What goes between two names.
    sep: crate::i18n::Phrase,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <span class="item-route">
            {move || format::cities(ctx.plan, cities, ctx.lang.get(), sep)}
        </span>
    }
}

/// A short label inside an item (a role of the corridor).
#[component]
fn Tag(text: &'static Text) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <span class="tag">{ctx.text(text)}</span>
        " "
    }
}
