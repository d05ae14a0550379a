//! The key figures of the plan as cards: area, population, cities, document.

use super::format;
use crate::components::use_ctx;
use crate::i18n::{thousands, ui};
use crate::plan::PlanData;
use leptos::prelude::*;

/// Area, population, member cities and the document's structure, from the plan data.
#[component]
pub fn KeyFigures() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    let lang = ctx.lang;
    let sep = ctx.phrase(ui::NUMBER_UNIT_SEP);
    let figures = &data.figures;
    // The release's area is a whole number of km².
    let area = thousands(figures.area_km2.round() as u64);
    let million = figures.population_million;
    let members: Vec<_> = data
        .cities
        .iter()
        .filter(|c| c.member)
        .map(|c| c.id)
        .collect();
    let member_count = members.len();
    let member_names = move || format::cities(ctx.plan, &members, lang.get(), ui::LIST_SEP);
    view! {
        <dl class="figures">
            <div class="figure" data-figure="area">
                <dt class="figure-label">{ctx.phrase(ui::AREA)}</dt>
                <dd class="figure-value">
                    <span class="figure-number">{area}</span>
                    {sep}
                    <span class="figure-unit">{ctx.phrase(ui::KM2)}</span>
                </dd>
            </div>
            <div class="figure" data-figure="population">
                <dt class="figure-label">{ctx.phrase(ui::POPULATION)}</dt>
                <dd class="figure-value">
                    <span class="figure-unit">{ctx.text(&figures.population_qualifier)}</span>
                    {sep}
                    <span class="figure-number">
                        {move || format::population(million, lang.get())}
                    </span>
                    {sep}
                    <span class="figure-unit">{ctx.phrase(ui::MILLION)}</span>
                </dd>
            </div>
            <div class="figure" data-figure="cities">
                <dt class="figure-label">{ctx.phrase(ui::CITIES)}</dt>
                <dd class="figure-value">
                    <span class="figure-number">{member_count}</span>
                    " "
                    <span class="figure-detail">{member_names}</span>
                </dd>
            </div>
            <div class="figure" data-figure="document">
                <dt class="figure-label">{ctx.phrase(ui::DOCUMENT)}</dt>
                <dd class="figure-value">
                    <DocumentParts />
                </dd>
            </div>
        </dl>
    }
}

/// "Preface, 12 chapters, 42 sections, 11 special columns", as separate parts.
#[component]
fn DocumentParts() -> impl IntoView {
    let ctx = use_ctx();
    let structure = ctx.plan.data.structure;
    let sep = ctx.phrase(ui::NUMBER_UNIT_SEP);
    let parts = [
        (structure.chapters, ui::CHAPTERS),
        (structure.sections, ui::SECTIONS),
        (structure.special_columns, ui::COLUMNS),
    ];
    view! {
        <span class="figure-parts">
            {structure
                .preface
                .then(|| view! { <span class="figure-part">{ctx.phrase(ui::PREFACE)}</span> " " })}
            {parts
                .into_iter()
                .map(|(count, unit)| {
                    view! {
                        <span class="figure-part">
                            <span class="figure-number">{count}</span>
                            {sep}
                            <span class="figure-unit">{ctx.phrase(unit)}</span>
                        </span>
                        " "
                    }
                })
                .collect_view()}
        </span>
    }
}
