//! A tour step's caption: the plan's own texts, lists, routes and figures, in the
//! current language.

use crate::components::panels::{format, tasks};
use crate::components::use_ctx;
use crate::i18n::{thousands, ui};
use crate::plan::tour::{Caption as Kind, CaptionPart, Figure};
use crate::state::reading_of;
use leptos::either::EitherOf7;
use leptos::prelude::*;

/// The parts of a caption, in order.
#[component]
pub fn Caption(
    /// The step's caption.
    parts: &'static [CaptionPart],
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let plan = ctx.plan;
    parts
        .iter()
        .filter_map(CaptionPart::kind)
        .map(move |part| match part {
            Kind::Text(t) => EitherOf7::A(view! { <p class="tour-text">{ctx.text(t)}</p> }),
            Kind::List(items) => EitherOf7::B(view! {
                <ul class="tour-list">
                    {items.iter().map(|t| view! { <li>{ctx.text(t)}</li> }).collect_view()}
                </ul>
            }),
            Kind::Numbered(items) => EitherOf7::C(view! {
                <ol class="tour-numbered">
                    {items.iter().map(|t| view! { <li>{ctx.text(t)}</li> }).collect_view()}
                </ol>
            }),
            Kind::Route(cities) => EitherOf7::D(view! {
                <p class="tour-route">
                    {move || format::cities(plan, cities, lang.get(), ui::ROUTE_SEP)}
                </p>
            }),
            Kind::Pairs(pairs) => EitherOf7::E(view! {
                <ul class="tour-pairs">
                    {pairs
                        .iter()
                        .map(|p| view! {
                            <li>
                                <span class="tour-pair-name">{ctx.text(&p.name)}</span>
                                " "
                                <span class="tour-pair-detail">{ctx.text(&p.detail)}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            }),
            Kind::Figures(figures) => EitherOf7::F(view! {
                <dl class="tour-figures">
                    {figures.iter().map(|f| figure(*f)).collect_view()}
                </dl>
            }),
            Kind::Reading(focus) => {
                let reading = reading_of(focus, &plan.data);
                EitherOf7::G(view! {
                    <p class="tour-reading">
                        <span class="tour-reading-label">{ctx.phrase(ui::ON_MAP)}</span>
                        {move || reading.map(|r| tasks::reading(&plan.data, r, lang.get()))}
                    </p>
                })
            }
        })
        .collect_view()
}

/// A key figure: its label and value as the figure cards write them.
fn figure(figure: Figure) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let figures = &ctx.plan.data.figures;
    let (id, label) = match figure {
        Figure::Area => ("area", ui::AREA),
        Figure::Population => ("population", ui::POPULATION),
    };
    let value = move || {
        let lang = lang.get();
        let sep = ui::NUMBER_UNIT_SEP.get(lang);
        match figure {
            Figure::Area => format!(
                "{}{sep}{}",
                thousands(figures.area_km2.round() as u64),
                ui::KM2.get(lang)
            ),
            Figure::Population => format!(
                "{}{sep}{}{sep}{}",
                figures.population_qualifier.get(lang),
                format::population(figures.population_million, lang),
                ui::MILLION.get(lang)
            ),
        }
    };
    view! {
        <div class="tour-figure" data-figure=id>
            <dt>{ctx.phrase(label)}</dt>
            <dd>{value}</dd>
        </div>
    }
}
