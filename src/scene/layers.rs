//! Which layers are shown, and what a layer set makes visible.

use super::CityMark;
use crate::ids::{BeltId, LayerId, LayerItem};
use crate::plan::UnitRole;

/// Which layers are shown. Belts show only while the belts layer is on, and then only
/// those in `belts` (all five unless the user picked single belts). Both are sets of
/// bits, one per id (`id as u32`, its place in `ALL`): a `BTreeSet` of each cost ≈ 2 KB
/// gzip of wasm in its tree code and sorting (issue 12).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers {
    on: u32,
    belts: u32,
}

/// The bit of a layer.
fn bit(id: LayerId) -> u32 {
    1 << id as u32
}

/// The bit of a belt.
fn belt_bit(id: BeltId) -> u32 {
    1 << id as u32
}

/// Every belt.
const ALL_BELTS: u32 = (1 << BeltId::ALL.len()) - 1;

// One bit each.
const _: () = assert!(LayerId::ALL.len() <= 32 && BeltId::ALL.len() < 32);

impl Default for Layers {
    /// The opening view: the plan's area, its setting and the center and clusters.
    fn default() -> Self {
        use LayerId::*;
        Layers {
            on: [Area, Sphere, Context, Center, Clusters, Labels]
                .into_iter()
                .fold(0, |on, id| on | bit(id)),
            belts: ALL_BELTS,
        }
    }
}

impl Layers {
    /// No layer at all.
    pub fn none() -> Self {
        Layers {
            on: 0,
            belts: ALL_BELTS,
        }
    }

    /// The layers that a list of items turns on (items as in the URL).
    pub fn from_items(items: impl IntoIterator<Item = LayerItem>) -> Self {
        let mut layers = Layers::none();
        let mut single = 0;
        for item in items {
            match item {
                LayerItem::Layer(id) => layers.on |= bit(id),
                LayerItem::Belt(id) => single |= belt_bit(id),
            }
        }
        // `belts` means all five; single belts alone mean just those.
        if single != 0 && !layers.shows(LayerId::Belts) {
            layers.on |= bit(LayerId::Belts);
            layers.belts = single;
        }
        layers
    }

    /// True if the layer is shown.
    pub fn shows(&self, id: LayerId) -> bool {
        self.on & bit(id) != 0
    }

    /// True if this belt is drawn.
    pub fn shows_belt(&self, id: BeltId) -> bool {
        self.shows(LayerId::Belts) && self.belts & belt_bit(id) != 0
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
            if id == LayerId::Belts && !self.shows(id) {
                self.belts = ALL_BELTS;
            }
            self.on |= bit(id);
        } else {
            self.on &= !bit(id);
        }
    }

    /// Shows or hides one belt. Hiding the last one turns the belts layer off.
    pub fn set_belt(&mut self, id: BeltId, on: bool) {
        if on {
            if !self.shows(LayerId::Belts) {
                self.on |= bit(LayerId::Belts);
                self.belts = 0;
            }
            self.belts |= belt_bit(id);
        } else if self.shows(LayerId::Belts) {
            self.belts &= !belt_bit(id);
            if self.belts == 0 {
                self.set(LayerId::Belts, false);
            }
        }
    }

    /// Turns a layer or one belt on or off ([`Layers::set`], [`Layers::set_belt`]).
    pub fn set_item(&mut self, item: LayerItem, on: bool) {
        match item {
            LayerItem::Layer(id) => self.set(id, on),
            LayerItem::Belt(id) => self.set_belt(id, on),
        }
    }

    /// The URL items, in contract order (`belts` when all five show, else `belt:ID`s).
    pub fn items(&self) -> Vec<String> {
        let mut out = Vec::new();
        for id in LayerId::ALL {
            if !self.shows(*id) {
                continue;
            }
            if *id == LayerId::Belts && self.belts != ALL_BELTS {
                out.extend(
                    BeltId::ALL
                        .iter()
                        .filter(|b| self.belts & belt_bit(**b) != 0)
                        .map(|b| LayerItem::Belt(*b).to_string()),
                );
            } else {
                out.push(LayerItem::Layer(*id).to_string());
            }
        }
        out
    }
}
