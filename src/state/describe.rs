//! Words for assistive technology: the accessible name of each map feature (its name and
//! its part in the plan, "Yushu City, partly in the designated area"), the map's title
//! and description, and what the live region announces. Pure, no DOM.

use super::ViewState;
use crate::i18n::{join, ui, Lang, Phrase};
use crate::ids::Focus;
use crate::ids::LayerId;
use crate::plan::{Plan, Unit, UnitRole};
use crate::scene::layers::Layers;

/// A unit role as a short phrase after a name ("partly in the designated area").
pub fn role_clause(role: UnitRole) -> Phrase {
    match role {
        UnitRole::Whole => ui::A11Y_WHOLE,
        UnitRole::Partial => ui::A11Y_PARTIAL,
        UnitRole::Sphere => ui::A11Y_SPHERE,
    }
}

/// A unit role as a table or details entry ("Designated area (whole unit)").
pub fn role_name(role: UnitRole) -> Phrase {
    match role {
        UnitRole::Whole => ui::ROLE_WHOLE,
        UnitRole::Partial => ui::ROLE_PARTIAL,
        UnitRole::Sphere => ui::ROLE_SPHERE,
    }
}

/// A unit's roles' names in `lang`, as a list (the table view and the downloads).
pub fn role_names(unit: &Unit, lang: Lang) -> String {
    join(
        unit.entry.roles.iter().map(|r| role_name(*r).get(lang)),
        ui::LIST_SEP.get(lang),
    )
}

/// The accessible name of a selectable item: its name in `lang` and its part in the plan.
/// `None` for an id the plan does not have.
pub fn feature_name(plan: &Plan, focus: &Focus, lang: Lang) -> Option<String> {
    let name = plan.title_of(focus)?.get(lang);
    let and = ui::A11Y_AND.get(lang);
    let part: String = match focus {
        Focus::Unit(code) => join(
            plan.unit(code)?
                .entry
                .roles
                .iter()
                .map(|r| role_clause(*r).get(lang)),
            and,
        ),
        Focus::Center => ui::A11Y_CENTER.get(lang).to_owned(),
        Focus::Cluster(_) => ui::A11Y_CLUSTER.get(lang).to_owned(),
        Focus::Belt(id) => {
            let belt = plan.data.layout.belts.iter().find(|b| b.id == *id)?;
            format!("{}{}", ui::A11Y_BELT.get(lang), belt.industry.get(lang))
        }
        Focus::Corridor => ui::A11Y_CORRIDOR.get(lang).to_owned(),
        Focus::City(id) => {
            if plan.city(*id)?.member {
                ui::MEMBER_CITY.get(lang).to_owned()
            } else {
                ui::NAMED_CITY.get(lang).to_owned()
            }
        }
        Focus::Goal(_) => ui::A11Y_GOAL.get(lang).to_owned(),
        Focus::Task(id) => crate::i18n::fill(ui::A11Y_TASK.get(lang), &id.to_string()),
    };
    Some(format!("{name}{}{part}", ui::A11Y_SEP.get(lang)))
}

/// The names of the shown layers, in contract order, joined as a list.
pub fn layer_list(layers: &Layers, plan: &Plan, lang: Lang) -> String {
    let mut names: Vec<&str> = Vec::new();
    for id in LayerId::ALL {
        if !layers.shows(*id) {
            continue;
        }
        if *id == LayerId::Belts {
            let all = plan
                .data
                .layout
                .belts
                .iter()
                .all(|b| layers.shows_belt(b.id));
            if !all {
                names.extend(
                    plan.data
                        .layout
                        .belts
                        .iter()
                        .filter(|b| layers.shows_belt(b.id))
                        .map(|b| b.industry.get(lang)),
                );
                continue;
            }
        }
        names.push(ui::layer_name(*id).get(lang));
    }
    if names.is_empty() {
        return ui::A11Y_NO_LAYERS.get(lang).to_owned();
    }
    join(names, ui::LIST_SEP.get(lang))
}

/// The map's description for `<desc>`: what it shows now.
pub fn map_description(plan: &Plan, layers: &Layers, lang: Lang) -> String {
    format!(
        "{}{}{}",
        ui::A11Y_MAP_DESC.get(lang),
        layer_list(layers, plan, lang),
        ui::A11Y_END.get(lang)
    )
}

/// What the live region says after a change from `before` to `after` (`None` when the
/// change is one it does not announce, such as a pan or zoom).
pub fn announcement(plan: &Plan, before: &ViewState, after: &ViewState) -> Option<String> {
    let lang = after.lang;
    let mut parts = Vec::new();
    if before.lang != after.lang {
        parts.push(ui::A11Y_LANGUAGE.get(lang).to_owned());
    }
    if before.table != after.table {
        let view = if after.table {
            ui::A11Y_TABLE_SHOWN
        } else {
            ui::A11Y_MAP_SHOWN
        };
        parts.push(view.get(lang).to_owned());
    }
    if before.focus != after.focus {
        match &after.focus {
            Some(f) => parts.push(format!(
                "{}{}",
                ui::A11Y_SELECTED.get(lang),
                feature_name(plan, f, lang)?
            )),
            None => parts.push(ui::A11Y_CLEARED.get(lang).to_owned()),
        }
    }
    if before.layers != after.layers || before.lang != after.lang {
        parts.push(format!(
            "{}{}",
            ui::A11Y_LAYERS.get(lang),
            layer_list(&after.layers, plan, lang)
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(join(
        parts.iter().map(|p| {
            let mut p = p.clone();
            if !p.ends_with(['.', '。']) {
                p.push_str(ui::A11Y_END.get(lang));
            }
            p
        }),
        ui::A11Y_SENTENCE_SEP.get(lang),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, TaskId};
    use crate::plan::testing::{every_focus, plan};

    #[test]
    fn a_unit_is_named_with_its_part_in_the_plan() {
        let p = plan();
        let yushu = Focus::Unit("220182".parse().unwrap());
        assert_eq!(
            feature_name(&p, &yushu, Lang::En).unwrap(),
            "Yushu City, partly in the designated area"
        );
        assert_eq!(
            feature_name(&p, &yushu, Lang::Zh).unwrap(),
            "榆树市，部分地区属于规划范围"
        );
        let dongliao = Focus::Unit("220422".parse().unwrap());
        let name = feature_name(&p, &dongliao, Lang::En).unwrap();
        assert!(
            name.contains("partly in the designated area and in the sphere of influence"),
            "{name}"
        );
    }

    #[test]
    fn every_selectable_item_has_a_name_in_both_languages() {
        let p = plan();
        let all = every_focus(&p);
        let mut seen = std::collections::HashSet::new();
        for f in &all {
            for lang in Lang::ALL {
                let name = feature_name(&p, f, lang).unwrap_or_else(|| panic!("{f}"));
                assert!(name.len() > 4, "{f}: {name}");
                assert!(seen.insert(name.clone()), "two items named {name}");
            }
        }
        assert_eq!(
            feature_name(&p, &Focus::Belt(BeltId::Pharma), Lang::En).unwrap(),
            format!(
                "{}, industry belt: {}",
                p.data.layout.belts[1].name.en, p.data.layout.belts[1].industry.en
            )
        );
        assert_eq!(feature_name(&p, &Focus::Task(TaskId(99)), Lang::En), None);
    }

    #[test]
    fn announcements_name_what_changed() {
        let p = plan();
        let before = ViewState::new(Lang::En);
        let mut after = before.clone();
        assert_eq!(announcement(&p, &before, &after), None);
        after.view = Some(crate::scene::viewport::MapView {
            lon: 125.0,
            lat: 44.0,
            zoom: 2.0,
        });
        assert_eq!(announcement(&p, &before, &after), None, "pan is silent");
        after.select(Some(Focus::Corridor), &p.data);
        let said = announcement(&p, &before, &after).unwrap();
        assert!(
            said.starts_with(
                "Selected: Harbin-Changchun-Shenyang-Dalian corridor, the one corridor"
            ),
            "{said}"
        );
        assert!(
            said.contains("Layers shown: ") && said.contains("One corridor"),
            "{said}"
        );
        let mut zh = after.clone();
        zh.lang = Lang::Zh;
        let said = announcement(&p, &after, &zh).unwrap();
        assert!(said.starts_with("语言：中文。"), "{said}");
        let mut cleared = zh.clone();
        cleared.select(None, &p.data);
        assert_eq!(announcement(&p, &zh, &cleared).unwrap(), "已取消选择。");
        let mut table = cleared.clone();
        table.table = true;
        assert!(announcement(&p, &cleared, &table).unwrap().contains("表格"));
    }

    #[test]
    fn the_description_lists_the_shown_layers() {
        let p = plan();
        let mut layers = Layers::none();
        assert!(map_description(&p, &layers, Lang::En).contains("No layer"));
        layers.set(LayerId::Area, true);
        layers.set_belt(BeltId::Energy, true);
        let d = map_description(&p, &layers, Lang::En);
        assert!(d.contains("Designated area, "), "{d}");
        assert!(d.contains(&*p.data.layout.belts[4].industry.en), "{d}");
    }
}
