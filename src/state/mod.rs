//! The view state: everything a user can set, and its URL form (see ROADMAP.md).
//!
//! Parsing is pure and forgiving: each bad part of a link is dropped on its own and
//! reported, never a panic. Defaults are omitted from the URL.

pub mod describe;
pub mod query;
pub mod table;

use crate::i18n::Lang;
use crate::ids::{Adcode, BeltId, CityId, ClusterId, GoalId, LayerId, TaskId, UnknownId};
use crate::plan::{MapReading, PlanData, UnitRole};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// What is selected: a map feature or a panel item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A county-level unit by adcode.
    Unit(Adcode),
    /// The central city (the "one center").
    Center,
    /// The Harbin–Changchun–Shenyang–Dalian corridor.
    Corridor,
    /// One of the three clusters.
    Cluster(ClusterId),
    /// One of the five belts.
    Belt(BeltId),
    /// A named city.
    City(CityId),
    /// A phased goal.
    Goal(GoalId),
    /// A key task.
    Task(TaskId),
}

impl FromStr for Focus {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        let bad = || UnknownId {
            kind: "focus",
            text: s.to_owned(),
        };
        Ok(match s.split_once(':') {
            None if s == "center" => Focus::Center,
            None if s == "corridor" => Focus::Corridor,
            None => Focus::Unit(s.parse().map_err(|_| bad())?),
            Some(("cluster", id)) => Focus::Cluster(id.parse()?),
            Some(("belt", id)) => Focus::Belt(id.parse()?),
            Some(("city", id)) => Focus::City(id.parse()?),
            Some(("goal", id)) => Focus::Goal(id.parse()?),
            Some(("task", text)) => match text.parse::<u8>() {
                // Only the canonical spelling: no sign, no leading zeros.
                Ok(n) if n.to_string() == text => Focus::Task(TaskId(n)),
                _ => return Err(bad()),
            },
            Some(_) => return Err(bad()),
        })
    }
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Focus::Unit(code) => write!(f, "{code}"),
            Focus::Center => f.write_str("center"),
            Focus::Corridor => f.write_str("corridor"),
            Focus::Cluster(id) => write!(f, "cluster:{id}"),
            Focus::Belt(id) => write!(f, "belt:{id}"),
            Focus::City(id) => write!(f, "city:{id}"),
            Focus::Goal(id) => write!(f, "goal:{id}"),
            Focus::Task(id) => write!(f, "task:{id}"),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Focus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One item of the `layers=` list: a whole layer, or a single belt (`belt:ID`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerItem {
    /// A whole layer.
    Layer(LayerId),
    /// One belt of the belts layer.
    Belt(BeltId),
}

impl FromStr for LayerItem {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        match s.strip_prefix("belt:") {
            Some(id) => Ok(LayerItem::Belt(id.parse()?)),
            None => Ok(LayerItem::Layer(s.parse()?)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for LayerItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Which layers are shown. Belts show only while the belts layer is on, and then only
/// those in `belts` (all five unless the user picked single belts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers {
    on: BTreeSet<LayerId>,
    belts: BTreeSet<BeltId>,
}

impl Default for Layers {
    /// The opening view: the plan's area, its setting and the center and clusters.
    fn default() -> Self {
        use LayerId::*;
        Layers {
            on: [Area, Sphere, Context, Center, Clusters, Labels].into(),
            belts: BeltId::ALL.iter().copied().collect(),
        }
    }
}

impl Layers {
    /// No layer at all.
    pub fn none() -> Self {
        Layers {
            on: BTreeSet::new(),
            belts: BeltId::ALL.iter().copied().collect(),
        }
    }

    /// The layers that a list of items turns on (items as in the URL).
    pub fn from_items(items: impl IntoIterator<Item = LayerItem>) -> Self {
        let mut layers = Layers::none();
        let mut single: BTreeSet<BeltId> = BTreeSet::new();
        for item in items {
            match item {
                LayerItem::Layer(id) => {
                    layers.on.insert(id);
                }
                LayerItem::Belt(id) => {
                    single.insert(id);
                }
            }
        }
        // `belts` means all five; single belts alone mean just those.
        if !single.is_empty() && !layers.on.contains(&LayerId::Belts) {
            layers.on.insert(LayerId::Belts);
            layers.belts = single;
        }
        layers
    }

    /// True if the layer is shown.
    pub fn shows(&self, id: LayerId) -> bool {
        self.on.contains(&id)
    }

    /// True if this belt is drawn.
    pub fn shows_belt(&self, id: BeltId) -> bool {
        self.shows(LayerId::Belts) && self.belts.contains(&id)
    }

    /// True if a unit with these roles is drawn: whole and partial units in the area
    /// layer, sphere units in the sphere layer.
    pub fn shows_unit(&self, roles: &[UnitRole]) -> bool {
        roles.iter().any(|r| match r {
            UnitRole::Whole | UnitRole::Partial => self.shows(LayerId::Area),
            UnitRole::Sphere => self.shows(LayerId::Sphere),
        })
    }

    /// Turns a layer on or off. Turning belts on again shows all five.
    pub fn set(&mut self, id: LayerId, on: bool) {
        if on {
            if id == LayerId::Belts && !self.on.contains(&id) {
                self.belts = BeltId::ALL.iter().copied().collect();
            }
            self.on.insert(id);
        } else {
            self.on.remove(&id);
        }
    }

    /// Shows or hides one belt. Hiding the last one turns the belts layer off.
    pub fn set_belt(&mut self, id: BeltId, on: bool) {
        if on {
            if !self.shows(LayerId::Belts) {
                self.on.insert(LayerId::Belts);
                self.belts.clear();
            }
            self.belts.insert(id);
        } else if self.shows(LayerId::Belts) {
            self.belts.remove(&id);
            if self.belts.is_empty() {
                self.set(LayerId::Belts, false);
            }
        }
    }

    /// The URL items, in contract order (`belts` when all five show, else `belt:ID`s).
    pub fn items(&self) -> Vec<String> {
        let mut out = Vec::new();
        for id in LayerId::ALL {
            if !self.shows(*id) {
                continue;
            }
            if *id == LayerId::Belts && self.belts.len() < BeltId::ALL.len() {
                out.extend(self.belts.iter().map(|b| format!("belt:{b}")));
            } else {
                out.push(id.as_str().to_owned());
            }
        }
        out
    }
}

/// The map's view: centre and zoom. Zoom 1 shows the whole region view across the
/// container's shorter side; larger numbers zoom in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Zoom factor (see the type's doc).
    pub zoom: f64,
}

impl MapView {
    /// Smallest zoom allowed.
    pub const MIN_ZOOM: f64 = 0.6;
    /// Largest zoom allowed.
    pub const MAX_ZOOM: f64 = 40.0;
}

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
