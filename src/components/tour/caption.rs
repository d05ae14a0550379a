//! A tour step's caption written as HTML (`components::html`): the plan's own texts,
//! lists, routes and figures, in a language.

use crate::components::html::Html;
use crate::components::panels::{format, tasks};
use crate::i18n::{thousands, ui, Lang, Text};
use crate::plan::tour::{Caption as Kind, CaptionPart, Figure};
use crate::plan::Plan;
use crate::state::reading_of;

/// Writes the parts of a caption, in order.
pub fn write(h: &mut Html, plan: &Plan, parts: &[CaptionPart], lang: Lang) {
    for part in parts.iter().filter_map(CaptionPart::kind) {
        match part {
            Kind::Text(text) => {
                h.el("p", "tour-text", text.get(lang));
            }
            Kind::List(items) => list(h, "ul", "tour-list", items, lang),
            Kind::Numbered(items) => list(h, "ol", "tour-numbered", items, lang),
            Kind::Route(cities) => {
                h.el(
                    "p",
                    "tour-route",
                    &format::cities(plan, cities, lang, ui::ROUTE_SEP),
                );
            }
            Kind::Pairs(pairs) => {
                h.open("ul", "tour-pairs");
                for p in pairs {
                    h.raw("<li>")
                        .el("span", "tour-pair-name", p.name.get(lang))
                        .raw(" ")
                        .el("span", "tour-pair-detail", p.detail.get(lang))
                        .raw("</li>");
                }
                h.close("ul");
            }
            Kind::Figures(figures) => {
                h.open("dl", "tour-figures");
                for f in figures {
                    figure(h, plan, *f, lang);
                }
                h.close("dl");
            }
            Kind::Reading(focus) => {
                h.open("p", "tour-reading")
                    .el("span", "tour-reading-label", ui::ON_MAP.get(lang));
                if let Some(reading) = reading_of(focus, &plan.data) {
                    h.text(&tasks::reading(&plan.data, reading, lang));
                }
                h.close("p");
            }
        }
    }
}

/// A list of plan texts (`ul` or `ol`).
fn list(h: &mut Html, tag: &str, class: &str, items: &[Text], lang: Lang) {
    h.open(tag, class);
    for t in items {
        h.el("li", "", t.get(lang));
    }
    h.close(tag);
}

/// A key figure: its label and value as the figure cards write them.
fn figure(h: &mut Html, plan: &Plan, figure: Figure, lang: Lang) {
    let figures = &plan.data.figures;
    let sep = ui::NUMBER_UNIT_SEP.get(lang);
    let (id, label, value) = match figure {
        Figure::Area => (
            "area",
            ui::AREA,
            format!(
                "{}{sep}{}",
                thousands(figures.area_km2.round() as u64),
                ui::KM2.get(lang)
            ),
        ),
        Figure::Population => (
            "population",
            ui::POPULATION,
            format!(
                "{}{sep}{}{sep}{}",
                figures.population_qualifier.get(lang),
                format::population(figures.population_million, lang),
                ui::MILLION.get(lang)
            ),
        ),
    };
    h.raw("<div class=\"tour-figure\"")
        .attr("data-figure", id)
        .raw(">")
        .el("dt", "", label.get(lang))
        .el("dd", "", &value)
        .raw("</div>");
}
