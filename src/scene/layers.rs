//! Which layers are shown, and what a layer set makes visible.

use super::CityMark;
use crate::ids::{BeltId, LayerId, LayerItem};
use crate::plan::UnitRole;
use std::collections::BTreeSet;

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

    /// True if the item is shown: its layer, or its belt.
    pub fn shows_item(&self, item: LayerItem) -> bool {
        match item {
            LayerItem::Layer(id) => self.shows(id),
            LayerItem::Belt(id) => self.shows_belt(id),
        }
    }

    /// True if a city's point is shown: the four member cities always, the others with
    /// a belt or the corridor that names them.
    pub fn shows_city(&self, city: &CityMark) -> bool {
        city.member || city.named_by.iter().any(|item| self.shows_item(*item))
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
                out.extend(self.belts.iter().map(|b| LayerItem::Belt(*b).to_string()));
            } else {
                out.push(LayerItem::Layer(*id).to_string());
            }
        }
        out
    }
}
