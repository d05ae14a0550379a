//! The view state: everything a user can set, and its URL form (see ROADMAP.md).
//!
//! Parsing is pure and forgiving: each bad part of a link is dropped on its own and
//! reported, never a panic. Defaults are omitted from the URL.

pub mod query;

use crate::i18n::Lang;
use crate::ids::{Adcode, BeltId, CityId, ClusterId, GoalId, LayerId, TaskId, UnknownId};
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
        }
    }
}
