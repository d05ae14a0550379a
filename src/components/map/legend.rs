//! The legend: exactly the visible layers, every symbol explained, and the attribution.

use crate::components::use_ctx;
use crate::i18n::ui;
use crate::ids::{LayerId, LayerItem};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The legend.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    let plan = ctx.plan;
    let item = move |id: LayerId| {
        let lang = ctx.lang.get();
        match id {
            LayerId::Belts => EitherOf3::A(
                plan.data
                    .layout
                    .belts
                    .iter()
                    .filter(|b| ctx.layers.with(|l| l.shows_belt(b.id)))
                    .map(|b| {
                        view! {
                            <li data-legend=LayerItem::Belt(b.id).to_string()>
                                <svg class="legend-symbol" viewBox="0 0 28 12" aria-hidden="true">
                                    <path class=format!("belt-{} belt-line", b.id) d="M1,6H27" />
                                </svg>
                                <span>{b.name.get(lang).to_owned()}</span>
                            </li>
                        }
                    })
                    .collect_view(),
            ),
            LayerId::Area => EitherOf3::B(view! {
                <li data-legend="area">
                    <span class="legend-swatch swatch-area" aria-hidden="true"></span>
                    <span>{ui::LEGEND_WHOLE.get(lang)}</span>
                </li>
                <li data-legend="partial">
                    <span class="legend-swatch swatch-partial" aria-hidden="true"></span>
                    <span>{ui::LEGEND_PARTIAL.get(lang)}</span>
                </li>
            }),
            other => EitherOf3::C(view! {
                <li data-legend=other.as_str()>
                    <span class=format!("legend-swatch swatch-{other}") aria-hidden="true"></span>
                    <span>{ui::legend_text(other).get(lang)}</span>
                </li>
            }),
        }
    };
    view! {
        <section class="legend" aria-label=ctx.phrase(ui::LEGEND)>
            <h2 class="legend-title">{ctx.phrase(ui::LEGEND)}</h2>
            <ul>
                {move || {
                    let shown: Vec<LayerId> = LayerId::ALL
                        .iter()
                        .copied()
                        .filter(|id| ctx.layers.with(|l| l.shows(*id)))
                        .collect();
                    if shown.is_empty() {
                        Either::Left(view! { <li>{ui::LEGEND_EMPTY.get(ctx.lang.get())}</li> })
                    } else {
                        Either::Right(shown.into_iter().map(item).collect_view())
                    }
                }}
            </ul>
            <p class="attribution">{ctx.phrase(ui::ATTRIBUTION)}</p>
        </section>
    }
}
