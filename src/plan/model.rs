//! The plan's facts as typed data, read from `data/plan.json` (every field traced to the
//! press release; see the data file), and the city points of `data/geo/anchors.json`.
//!
//! The build script compiles this file too (by `#[path]`): it reads the files strictly
//! into these types with `serde_json` and writes them with postcard (see [`super::packed`]).

use crate::i18n::{List, Str, Text};
use crate::ids::{Adcode, BeltId, CircleId, CityId, ClusterId, Focus, GoalId, LayerItem, TaskId};
use serde::{Deserialize, Serialize};

/// The plan metadata as in `data/plan.json`. The fields marked `not(metro_baked_side)` are
/// read only by the side column's writers (`components::panels::source`), the downloads'
/// writer and the checks: the release build, whose side column comes from `index.html`,
/// bakes and ships none of them (`build/bake.rs`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanData {
    /// The plan's title.
    pub title: Text,
    /// The name of the area the plan builds ("Changchun Modern Metropolitan Area").
    pub area_name: Text,
    /// Where and when the plan was presented.
    pub release: Release,
    /// Preface, chapters, sections, special columns.
    pub structure: Structure,
    /// Area and population.
    pub figures: Figures,
    /// "One spatial layout, two phased goals, nine key tasks, and one set of safeguards."
    #[cfg(not(metro_baked_side))]
    pub summary: Text,
    /// Which cities make up the area.
    #[cfg(not(metro_baked_side))]
    pub composition: Text,
    /// The release's sentence on the designated area.
    pub area_statement: Text,
    /// The designated-area sentence split by city, as the release words each part.
    pub area_clauses: List<AreaClause>,
    /// The release's sentence on the sphere of influence.
    pub sphere_statement: Text,
    /// Every city the plan names.
    pub cities: List<City>,
    /// Neighbouring provinces, named on the map for orientation (not plan facts).
    pub provinces: List<Province>,
    /// Every county-level unit the plan names, with its role.
    pub units: List<UnitEntry>,
    /// The "1351" spatial layout.
    pub layout: Layout,
    /// Lead-in to the two goals.
    #[cfg(not(metro_baked_side))]
    pub goals_intro: Text,
    /// The phased goals, 2030 and 2035.
    pub goals: List<PhasedGoal>,
    /// Lead-in to the guiding principles.
    #[cfg(not(metro_baked_side))]
    pub principles_intro: Text,
    /// The five guiding principles of the key tasks.
    #[cfg(not(metro_baked_side))]
    pub principles: List<Text>,
    /// The nine key tasks, in the release's order.
    pub tasks: List<KeyTask>,
    /// The safeguard mechanisms.
    #[cfg(not(metro_baked_side))]
    pub safeguards: Safeguards,
}

impl PlanData {
    /// A phased goal by id.
    pub fn goal(&self, id: GoalId) -> Option<&PhasedGoal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// A key task by number.
    pub fn task(&self, id: TaskId) -> Option<&KeyTask> {
        self.tasks.iter().find(|t| t.id == id)
    }
}

/// The press conference and source line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Who held the press conference.
    pub event: Text,
    /// Its date (the release gives day and month; the year is published elsewhere, see
    /// `milestones`).
    pub date: Text,
    /// The source line of the release.
    pub source: Text,
    /// The release's editor, as credited under it.
    #[cfg(not(metro_baked_side))]
    pub editor: Text,
    /// The plan's dated steps (approval, issue, press conference), each with where it
    /// was published.
    #[cfg(not(metro_baked_side))]
    pub milestones: List<Milestone>,
}

/// A dated step in the plan's adoption.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// ISO date, `YYYY-MM-DD`.
    pub date: Str,
    /// What happened.
    pub what: Text,
    /// Where it was published.
    pub published_in: Text,
}

/// How the plan document is organised.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    /// Whether it has a preface.
    pub preface: bool,
    /// Number of chapters.
    pub chapters: u32,
    /// Number of sections.
    pub sections: u32,
    /// Number of special columns.
    pub special_columns: u32,
}

/// The headline figures.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Total area of the designated area, km².
    pub area_km2: f64,
    /// Permanent population, millions.
    pub population_million: f64,
    /// "approximately".
    pub population_qualifier: Text,
}

/// The part of the designated-area sentence about one city.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaClause {
    /// Which city.
    pub city: CityId,
    /// The release's words.
    pub text: Text,
}

/// A city the plan names.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Stable id.
    pub id: CityId,
    /// Its administrative code, if it has one (Changbaishan has none).
    #[serde(default)]
    pub adcode: Option<Adcode>,
    /// True for the four cities that compose the metropolitan area.
    #[serde(default)]
    pub member: bool,
    /// Short name.
    pub name: Text,
}

/// What a place the plan names is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// One of the four cities that compose the metropolitan area.
    MemberCity,
    /// Another city, named by a belt or the corridor.
    NamedCity,
    /// A place that is not a city (no administrative code: Changbaishan).
    Place,
}

impl City {
    /// What it is: a member city, another city, or a place that is not a city.
    pub fn kind(&self) -> PlaceKind {
        match (self.member, &self.adcode) {
            (true, _) => PlaceKind::MemberCity,
            (false, Some(_)) => PlaceKind::NamedCity,
            (false, None) => PlaceKind::Place,
        }
    }
}

/// A neighbouring province shown for orientation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Its code; its outline is in the region view.
    pub adcode: Adcode,
    /// Its name (Chinese from the boundary index).
    pub name: Text,
}

/// The part a unit plays in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitRole {
    /// Wholly in the designated area.
    Whole,
    /// Partly in the designated area; the release does not say which parts.
    Partial,
    /// In the sphere of influence.
    Sphere,
}

impl UnitRole {
    /// The id used in DOM attributes and CSS classes.
    pub const fn as_str(self) -> &'static str {
        match self {
            UnitRole::Whole => "whole",
            UnitRole::Partial => "partial",
            UnitRole::Sphere => "sphere",
        }
    }
}

/// A unit's English name as the release spells it (the Chinese one is the boundary index's).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishName {
    /// English name.
    pub en: Str,
}

/// A county-level unit named by the plan.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    /// Administrative code; its boundary must be in the geodata.
    pub adcode: Adcode,
    /// English name.
    pub name: EnglishName,
    /// Its roles (Dongliao is partial and sphere).
    pub roles: List<UnitRole>,
    /// What the release says that is particular to this unit, if anything.
    #[serde(default)]
    pub note: Option<Text>,
}

/// The "1351" layout: one center, three clusters, five belts, one corridor.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Its name.
    pub name: Text,
    /// "1351".
    pub code: Str,
    /// What it focuses on.
    #[cfg(not(metro_baked_side))]
    pub focus: Text,
    /// Its four principles.
    #[cfg(not(metro_baked_side))]
    pub principles: List<Text>,
    /// The one center.
    pub center: Center,
    /// Lead-in to the clusters.
    pub clusters_intro: Text,
    /// The three clusters.
    pub clusters: List<Cluster>,
    /// Lead-in to the belts.
    pub belts_intro: Text,
    /// The five belts.
    pub belts: List<Belt>,
    /// The one corridor.
    pub corridor: Corridor,
}

impl Layout {
    /// A cluster by id.
    pub fn cluster(&self, id: ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// A belt by id.
    pub fn belt(&self, id: BeltId) -> Option<&Belt> {
        self.belts.iter().find(|b| b.id == id)
    }
}

/// The central city.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Center {
    /// Which city.
    pub city: CityId,
    /// "One center: Changchun".
    pub name: Text,
    /// What the release says of it.
    pub description: Text,
}

/// A cluster of Changchun with a partner city.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Stable id.
    pub id: ClusterId,
    /// Its name.
    pub name: Text,
    /// Its cities.
    pub cities: List<CityId>,
}

/// An industry belt: a chain of cities.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Belt {
    /// Stable id.
    pub id: BeltId,
    /// Its full name.
    pub name: Text,
    /// Its industry.
    pub industry: Text,
    /// Its cities in the release's order.
    pub cities: List<CityId>,
}

/// The Harbin–Changchun–Shenyang–Dalian corridor.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Corridor {
    /// Its name.
    pub name: Text,
    /// Its cities in order.
    pub cities: List<CityId>,
    /// What it forms.
    pub roles: List<Text>,
    /// What it is for.
    pub aim: Text,
}

/// A phased goal.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhasedGoal {
    /// Stable id (the year).
    pub id: GoalId,
    /// One line.
    pub headline: Text,
    /// Target economic aggregate, trillion RMB, where the goal sets one.
    #[serde(default)]
    pub economy_trillion_rmb: Option<f64>,
    /// Expected outcomes.
    #[serde(default)]
    #[cfg(not(metro_baked_side))]
    pub outcomes: List<Text>,
    /// Lead-in to the traits.
    #[serde(default)]
    #[cfg(not(metro_baked_side))]
    pub traits_intro: Option<Text>,
    /// The characteristics of the area to be established.
    #[serde(default)]
    #[cfg(not(metro_baked_side))]
    pub traits: List<Text>,
    /// The circles to be established.
    #[serde(default)]
    #[cfg(not(metro_baked_side))]
    pub circles: List<Circle>,
    /// The dashboard's spatial reading of it (not the plan's text).
    pub map: MapReading,
}

/// One of the four circles of 2035.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Circle {
    /// Stable id.
    pub id: CircleId,
    /// Its name.
    pub name: Text,
    /// Its quality ("efficient", …).
    pub quality: Text,
}

/// A key task.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTask {
    /// Its number, 1–9.
    pub id: TaskId,
    /// Its name.
    pub name: Text,
    /// The dashboard's spatial reading of it (not the plan's text).
    pub map: MapReading,
}

/// Which layers a task or goal shows, and what it highlights: the dashboard's reading.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MapReading {
    /// Layers to show.
    pub layers: List<LayerItem>,
    /// Something to select, if any.
    #[serde(default)]
    pub focus: Option<Focus>,
}

/// The safeguard mechanisms.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Safeguards {
    /// The release's summary sentence.
    pub summary: Text,
    /// The mechanisms.
    pub mechanisms: List<Text>,
    /// Their aim.
    pub aim: Text,
}

/// A city's map point, derived from the boundaries (see `data/geo/anchors.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// Which city.
    pub id: CityId,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
    /// The districts whose interior point it is (empty for a cited point).
    #[serde(default)]
    pub from: List<Adcode>,
    /// How it was obtained, where not by the general method.
    #[serde(default)]
    pub note: Option<Str>,
}

/// `data/geo/anchors.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Anchors {
    /// The general method, in one sentence.
    pub method: Str,
    /// One anchor per city.
    pub cities: List<Anchor>,
}
