//! The view state: everything a user can set, and its URL form (see ROADMAP.md).
//!
//! Parsing is pure and forgiving: each bad part of a link is dropped on its own and
//! reported, never a panic. Defaults are omitted from the URL.

pub mod describe;
pub mod query;
pub mod table;

use crate::i18n::Lang;
use crate::ids::{Focus, LayerId, LayerItem};
use crate::plan::{MapReading, PlanData, UnitRole};
use crate::scene::layers::Layers;
use crate::scene::viewport::MapView;

/// Everything the user can set. Serialised to the query string.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Interface language.
    pub lang: Lang,
    /// Shown layers.
    pub layers: Layers,
    /// The selection, if any.
    pub focus: Option<Focus>,
    /// The map view; `None` means the default (fitted) view.
    pub view: Option<MapView>,
    /// Compact mode for embedding in other pages.
    pub embed: bool,
    /// The table view instead of the map (`table=1`).
    pub table: bool,
}

impl ViewState {
    /// The state with all defaults for a browser whose language is `lang`.
    pub fn new(lang: Lang) -> Self {
        ViewState {
            lang,
            layers: Layers::default(),
            focus: None,
            view: None,
            embed: false,
            table: false,
        }
    }
}

impl ViewState {
    /// Selects something (or nothing) and shows what is needed to see it: a task's or a
    /// goal's map reading, or the layer of the selected feature.
    pub fn select(&mut self, focus: Option<Focus>, plan: &PlanData) {
        if let Some(reading) = focus.as_ref().and_then(|f| reading_of(f, plan)) {
            let mut layers = Layers::from_items(reading.layers.iter().copied());
            layers.set(LayerId::Context, true);
            layers.set(LayerId::Labels, true);
            self.layers = layers;
        }
        self.focus = focus;
        self.reveal_focus(plan);
    }

    /// Turns on the layers the selected feature needs to be seen (and nothing else).
    pub fn reveal_focus(&mut self, plan: &PlanData) {
        let needed = self
            .focus
            .as_ref()
            .map(|f| layers_for(f, plan))
            .unwrap_or_default();
        for item in needed {
            match item {
                LayerItem::Layer(id) => self.layers.set(id, true),
                LayerItem::Belt(id) => self.layers.set_belt(id, true),
            }
        }
    }

    /// The map feature to highlight: the selection itself, or what a task or goal points at.
    pub fn highlight(&self, plan: &PlanData) -> Option<Focus> {
        match &self.focus {
            Some(f @ (Focus::Task(_) | Focus::Goal(_))) => reading_of(f, plan)?.focus.clone(),
            other => other.clone(),
        }
    }
}

/// The map reading of a task or goal.
pub fn reading_of<'a>(focus: &Focus, plan: &'a PlanData) -> Option<&'a MapReading> {
    match focus {
        Focus::Task(id) => plan.tasks.iter().find(|t| t.id == *id).map(|t| &t.map),
        Focus::Goal(id) => plan.goals.iter().find(|g| g.id == *id).map(|g| &g.map),
        _ => None,
    }
}

/// The layers that must be on for a selected map feature to be seen.
fn layers_for(focus: &Focus, plan: &PlanData) -> Vec<LayerItem> {
    match focus {
        Focus::Unit(code) => plan
            .units
            .iter()
            .find(|u| &u.adcode == code)
            .map(|u| {
                let mut v = Vec::new();
                if u.roles.iter().any(|r| *r != UnitRole::Sphere) {
                    v.push(LayerItem::Layer(LayerId::Area));
                }
                if u.roles.contains(&UnitRole::Sphere) {
                    v.push(LayerItem::Layer(LayerId::Sphere));
                }
                v
            })
            .unwrap_or_default(),
        Focus::Center => vec![LayerItem::Layer(LayerId::Center)],
        Focus::Corridor => vec![LayerItem::Layer(LayerId::Corridor)],
        Focus::Cluster(_) => vec![LayerItem::Layer(LayerId::Clusters)],
        Focus::Belt(id) => vec![LayerItem::Belt(*id)],
        Focus::City(_) | Focus::Goal(_) | Focus::Task(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, TaskId};
    use crate::plan::EMBEDDED;

    fn plan() -> PlanData {
        serde_json::from_str(EMBEDDED.plan).expect("plan.json parses")
    }

    #[test]
    fn selecting_a_task_shows_its_reading() {
        let plan = plan();
        let mut s = ViewState::new(Lang::En);
        s.select(Some(Focus::Task(TaskId(6))), &plan);
        assert!(s.layers.shows_belt(BeltId::Tourism));
        assert!(!s.layers.shows_belt(BeltId::Pharma));
        assert!(!s.layers.shows(LayerId::Sphere));
        assert_eq!(s.highlight(&plan), Some(Focus::Belt(BeltId::Tourism)));
        s.select(Some(Focus::Task(TaskId(9))), &plan);
        assert!(s.layers.shows(LayerId::Clusters) && !s.layers.shows(LayerId::Belts));
    }

    #[test]
    fn selecting_a_feature_turns_its_layer_on() {
        let plan = plan();
        let mut s = ViewState::new(Lang::En);
        s.layers = Layers::none();
        s.select(Some(Focus::Unit("220422".parse().unwrap())), &plan);
        assert!(s.layers.shows(LayerId::Area) && s.layers.shows(LayerId::Sphere));
        s.select(Some(Focus::Corridor), &plan);
        assert!(s.layers.shows(LayerId::Corridor));
        s.select(None, &plan);
        assert_eq!(s.focus, None);
        // Dongliao (partial and sphere) shows with either layer.
        let dongliao = [UnitRole::Partial, UnitRole::Sphere];
        let only_sphere = Layers::from_items([LayerItem::Layer(LayerId::Sphere)]);
        assert!(only_sphere.shows_unit(&dongliao));
        assert!(!only_sphere.shows_unit(&[UnitRole::Whole]));
        // A link's selection is revealed without touching other layers.
        let (mut linked, _) = crate::state::query::parse("layers=area&focus=belt:energy", Lang::En);
        linked.reveal_focus(&plan);
        assert_eq!(linked.layers.items(), ["area", "belt:energy"]);
        assert!(
            s.layers.shows(LayerId::Corridor),
            "deselecting keeps layers"
        );
    }
}
