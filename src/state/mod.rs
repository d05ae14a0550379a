//! The view state: everything a user can set, and its URL form (docs/CONTRACTS.md).
//!
//! Parsing is pure and forgiving: each bad part of a link is dropped on its own and
//! reported, never a panic. Defaults are omitted from the URL.

pub mod describe;
pub mod query;
pub mod share;
pub mod table;
pub mod tour;

pub use tour::TourPos;

use crate::i18n::Lang;
use crate::ids::{Focus, LayerId, LayerItem};
use crate::plan::{MapReading, Plan, PlanData, UnitRole};
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
    /// The place in the guided tour, while it is open.
    pub tour: Option<TourPos>,
    /// The table view instead of the map (`table=1`).
    pub table: bool,
    /// In embed mode, the panels below the map (`panels=1`).
    pub panels: bool,
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
            tour: None,
            table: false,
            panels: false,
        }
    }
}

impl ViewState {
    /// The state a link opens, on load and on Back/Forward alike, with every part of
    /// the link that was dropped. Beyond [`query::parse`]: a well-formed selection the
    /// plan does not have (`task:99`) is dropped too, and the selection is made visible.
    /// A link with the default layers (none listed) gets a task's or goal's map reading
    /// as if it had been clicked; a link that lists layers keeps them and only gains
    /// what the selection needs.
    pub fn from_link(
        query: &str,
        default_lang: Lang,
        plan: &Plan,
    ) -> (ViewState, Vec<query::Dropped>) {
        let (mut state, mut dropped) = query::parse(query, default_lang);
        if let Some(focus) = state.focus.take() {
            match plan.title_of(&focus) {
                Some(_) => state.focus = Some(focus),
                None => dropped.push(query::Dropped {
                    key: "focus".into(),
                    value: focus.to_string(),
                }),
            }
        }
        if state.layers == Layers::default() {
            let focus = state.focus.clone();
            state.select(focus, &plan.data);
        } else {
            state.reveal_focus(&plan.data);
        }
        (state, dropped)
    }

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

    /// Turns on the layers the selected feature needs to be seen (and nothing else): for
    /// a city not drawn now, the belts that name it (or else the corridor).
    pub fn reveal_focus(&mut self, plan: &PlanData) {
        if let Some(Focus::City(id)) = self.focus {
            let member = plan.cities.iter().any(|c| c.id == id && c.member);
            let naming = plan.layers_naming(id);
            if !member && !naming.iter().any(|i| self.layers.shows_item(*i)) {
                // The belts that name it, or else the corridor.
                let belts: Vec<LayerItem> = naming
                    .iter()
                    .copied()
                    .filter(|i| matches!(i, LayerItem::Belt(_)))
                    .collect();
                for item in if belts.is_empty() { naming } else { belts } {
                    self.layers.set_item(item, true);
                }
            }
        }
        let needed = self
            .focus
            .as_ref()
            .map(|f| layers_for(f, plan))
            .unwrap_or_default();
        for item in needed {
            self.layers.set_item(item, true);
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

/// How a change of state goes into the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryStep {
    /// A new entry: a step Back undoes.
    Push,
    /// The current entry, now.
    Replace,
    /// The current entry, once the motion pauses (pan and zoom fire many times a second
    /// and browsers throttle history calls).
    ReplaceWhenSettled,
}

impl HistoryStep {
    /// The step for a change from `prev` (`None` on load) to `next`; `restored` when
    /// `next` came from Back/Forward (pushing then would cut off the Forward entries).
    pub fn between(prev: Option<&ViewState>, next: &ViewState, restored: bool) -> HistoryStep {
        match prev {
            None => HistoryStep::Replace,
            Some(_) if restored => HistoryStep::Replace,
            Some(p)
                if ViewState {
                    view: next.view,
                    ..p.clone()
                } == *next =>
            {
                HistoryStep::ReplaceWhenSettled
            }
            Some(_) => HistoryStep::Push,
        }
    }
}

/// The map reading of a task or goal.
pub fn reading_of<'a>(focus: &Focus, plan: &'a PlanData) -> Option<&'a MapReading> {
    match focus {
        Focus::Task(id) => plan.task(*id).map(|t| &t.map),
        Focus::Goal(id) => plan.goal(*id).map(|g| &g.map),
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
    use crate::plan::testing;

    fn plan() -> PlanData {
        testing::plan().data
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
    fn a_link_opens_a_visible_selection_of_the_plan() {
        let plan = testing::plan();
        let open = |q: &str| ViewState::from_link(q, Lang::Zh, &plan);
        // Unknown but well-formed selections are dropped and reported.
        let (s, dropped) = open("focus=task:99&lang=en");
        assert_eq!((s.focus, s.lang), (None, Lang::En));
        assert_eq!(
            dropped,
            [query::Dropped {
                key: "focus".into(),
                value: "task:99".into()
            }]
        );
        // Default layers: a task's map reading, as if clicked.
        let (s, dropped) = open("focus=task:6");
        let mut clicked = ViewState::new(Lang::Zh);
        clicked.select(Some(Focus::Task(TaskId(6))), &plan.data);
        assert_eq!((s, dropped), (clicked, vec![]));
        // Listed layers are kept; the selection's layer is added.
        let (s, _) = open("layers=area&focus=belt:energy");
        assert_eq!(s.layers.items(), ["area", "belt:energy"]);
        assert_eq!(s.focus, Some(Focus::Belt(BeltId::Energy)));
        // What the app writes reads back as the same state.
        let (s, _) = open("layers=sphere,corridor&focus=corridor&view=125.3,43.9,2");
        let (again, dropped) = open(&query::serialise(&s, Lang::Zh));
        assert_eq!((again, dropped), (s, vec![]));
    }

    #[test]
    fn pan_and_zoom_replace_the_entry_and_other_changes_push_one() {
        use crate::scene::viewport::MapView;
        let plan = plan();
        let start = ViewState::new(Lang::Zh);
        assert_eq!(
            HistoryStep::between(None, &start, false),
            HistoryStep::Replace
        );
        let mut panned = start.clone();
        panned.view = Some(MapView {
            lon: 125.3,
            lat: 43.9,
            zoom: 3.0,
        });
        let step = HistoryStep::between(Some(&start), &panned, false);
        assert_eq!(step, HistoryStep::ReplaceWhenSettled);
        let mut selected = panned.clone();
        selected.select(Some(Focus::Corridor), &plan);
        assert_eq!(
            HistoryStep::between(Some(&panned), &selected, false),
            HistoryStep::Push
        );
        let mut english = selected.clone();
        english.lang = Lang::En;
        assert_eq!(
            HistoryStep::between(Some(&selected), &english, false),
            HistoryStep::Push
        );
        // Back/Forward never pushes.
        assert_eq!(
            HistoryStep::between(Some(&english), &start, true),
            HistoryStep::Replace
        );
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
        // A link to a city that no shown layer draws turns on the belts that name it.
        let (mut linked, _) = crate::state::query::parse("focus=city:changbaishan", Lang::En);
        linked.reveal_focus(&plan);
        assert_eq!(
            linked.layers.items().last().map(String::as_str),
            Some("labels")
        );
        assert!(
            linked.layers.shows_belt(BeltId::Tourism) && !linked.layers.shows_belt(BeltId::Energy)
        );
        let (mut harbin, _) = crate::state::query::parse("focus=city:harbin", Lang::En);
        harbin.reveal_focus(&plan);
        assert!(harbin.layers.shows(LayerId::Corridor));
    }
}
