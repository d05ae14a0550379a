//! The guided tour as data (`data/tour.json`): each step's title and caption (the plan's
//! own texts), the layers it shows, what it selects and the extent it fits. The build
//! resolves the captions' paths into the plan's texts and checks the order
//! (`build/tour.rs`) and packs these types; `super::tour_check` checks the rest against
//! the plan at start-up (and in native tests).
//!
//! The build script compiles this file too (by `#[path]`): types only.

use crate::i18n::{List, Str, Text};
use crate::ids::{CityId, Focus, LayerItem};
use serde::{Deserialize, Serialize};

/// The tour: its steps in order.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// The steps.
    pub steps: List<TourStep>,
}

/// One step of the tour (or one part of a step that has parts).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// What the step is about: `area`, `center`, `cluster:ID`, `belts`, `belt:ID`,
    /// `corridor`, `goal:ID`, `tasks`, `task:N`, `safeguards`.
    pub id: Str,
    /// Its heading.
    pub title: Text,
    /// Its caption, part by part.
    pub caption: List<CaptionPart>,
    /// The layers shown; `None`: the map reading of its selection (a task, a goal).
    #[serde(default)]
    pub layers: Option<List<LayerItem>>,
    /// What it selects.
    #[serde(default)]
    pub focus: Option<Focus>,
    /// The extent the map fits.
    pub view: TourView,
    /// Parts a reader may step through one by one (the nine tasks).
    #[serde(default)]
    pub each: List<TourStep>,
}

/// The extent a step fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TourView {
    /// What the shown layers need (as the default view does).
    Layers,
    /// The selection.
    Focus,
    /// The designated area and the sphere.
    Metro,
    /// Northeast China, with every belt and the corridor.
    Region,
}

/// One part of a caption; exactly one field is set (see [`CaptionPart::kind`]).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionPart {
    /// A paragraph.
    #[serde(default)]
    pub text: Option<Text>,
    /// A list.
    #[serde(default)]
    pub list: List<Text>,
    /// A numbered list.
    #[serde(default)]
    pub numbered: List<Text>,
    /// Cities in order.
    #[serde(default)]
    pub route: List<CityId>,
    /// Names with a quality each (the four circles).
    #[serde(default)]
    pub pairs: List<Pair>,
    /// Key figures.
    #[serde(default)]
    pub figures: List<Figure>,
    /// What the map shows for a task or goal (the dashboard's reading).
    #[serde(default)]
    pub reading: Option<Focus>,
}

/// A name and its quality.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The name.
    pub name: Text,
    /// Its quality.
    pub detail: Text,
}

/// A key figure of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Figure {
    /// The designated area's size.
    Area,
    /// Its permanent population.
    Population,
}

/// What a caption part is, for the views.
#[derive(Debug, Clone, Copy)]
pub enum Caption<'a> {
    /// A paragraph.
    Text(&'a Text),
    /// A list.
    List(&'a [Text]),
    /// A numbered list.
    Numbered(&'a [Text]),
    /// Cities in order.
    Route(&'a [CityId]),
    /// Names with qualities.
    Pairs(&'a [Pair]),
    /// Key figures.
    Figures(&'a [Figure]),
    /// A task's or goal's map reading.
    Reading(&'a Focus),
}

impl CaptionPart {
    /// The one thing the part holds (`None` if it holds nothing or several things).
    pub fn kind(&self) -> Option<Caption<'_>> {
        let mut kinds = Vec::new();
        if let Some(t) = &self.text {
            kinds.push(Caption::Text(t));
        }
        if !self.list.is_empty() {
            kinds.push(Caption::List(&self.list));
        }
        if !self.numbered.is_empty() {
            kinds.push(Caption::Numbered(&self.numbered));
        }
        if !self.route.is_empty() {
            kinds.push(Caption::Route(&self.route));
        }
        if !self.pairs.is_empty() {
            kinds.push(Caption::Pairs(&self.pairs));
        }
        if !self.figures.is_empty() {
            kinds.push(Caption::Figures(&self.figures));
        }
        if let Some(f) = &self.reading {
            kinds.push(Caption::Reading(f));
        }
        match kinds.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Every text of the part.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out: Vec<&Text> = self.text.iter().collect();
        out.extend(self.list.iter());
        out.extend(self.numbered.iter());
        out.extend(self.pairs.iter().flat_map(|p| [&p.name, &p.detail]));
        out
    }
}
