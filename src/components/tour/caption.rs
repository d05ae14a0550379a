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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing::plan_and_tour;

    /// The caption written for the step with `id`, and its part-kinds' classes in order.
    fn written(id: &str, lang: Lang) -> (String, Vec<&'static str>) {
        let (plan, tour) = plan_and_tour();
        let step = tour
            .steps
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.caption.to_vec());
        let parts = step.unwrap_or_default();
        let mut h = Html::new();
        write(&mut h, &plan, &parts, lang);
        let classes = [
            "tour-text",
            "tour-list",
            "tour-numbered",
            "tour-route",
            "tour-pairs",
            "tour-figures",
            "tour-reading",
        ];
        let mut found: Vec<(usize, &str)> = classes
            .iter()
            .flat_map(|c| {
                let needle = format!("class=\"{c}\"");
                h.0.match_indices(&needle)
                    .map(|(i, _)| (i, *c))
                    .collect::<Vec<_>>()
            })
            .collect();
        found.sort();
        (h.0, found.into_iter().map(|(_, c)| c).collect())
    }

    #[test]
    fn every_step_writes_one_element_per_caption_part_in_both_languages() {
        let (_, tour) = plan_and_tour();
        for step in tour.steps.iter() {
            for lang in Lang::ALL {
                let (html, classes) = written(&step.id, lang);
                let kinds = step.caption.iter().filter_map(CaptionPart::kind).count();
                assert_eq!(classes.len(), kinds, "{} ({lang:?}): {html}", step.id);
            }
        }
    }

    #[test]
    fn figures_and_pairs_are_written_as_the_views_were() {
        let (html, _) = written("area", Lang::En);
        let figure = "<dl class=\"tour-figures\"><div class=\"tour-figure\" \
                      data-figure=\"area\"><dt>Designated area</dt><dd>29,700 km²</dd>";
        assert!(html.contains(figure), "{html}");
        let (html, _) = written("goal:2035", Lang::En);
        let pair = "</span> <span class=\"tour-pair-detail\">";
        assert!(html.contains("<ul class=\"tour-pairs\"><li><span class=\"tour-pair-name\">"));
        assert!(html.contains(pair), "{html}");
    }
}
