//! The plan model: the plan data joined with the boundaries and city anchors, validated
//! once at start-up. No DOM.

pub mod baked;
pub mod boundaries;
pub mod model;
pub mod packed;
#[cfg(test)]
pub mod testing;
pub mod tour;
pub mod tour_check;
// The checks run in the build and the tests, never in the app; they read texts the release
// build's plan lacks (`model`).
#[cfg(not(metro_baked_side))]
pub mod validate;

pub use boundaries::{Boundary, Level};
pub use model::*;

use crate::geo::{projection::Albers, shape, LonLat};
use crate::i18n::{Lang, Phrase, Text, ZhSource};
use crate::ids::{Adcode, CityId, Focus, LayerId, LayerItem};

/// The data files as text, by name (for error messages) and content.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    /// `data/plan.json`.
    pub plan: &'a str,
    /// `data/geo/metro.geojson`: plan units and the other counties of their cities.
    pub metro: &'a str,
    /// `data/geo/region.geojson`: prefectures and provinces of Northeast China.
    pub region: &'a str,
    /// `data/geo/anchors.json`: one point per city.
    pub anchors: &'a str,
}

/// The data files the app is built from, as text. The app embeds them packed (see
/// [`Plan::embedded`]); tests read these texts as the build does (`tests/support/`).
pub const EMBEDDED: Sources<'static> = Sources {
    plan: include_str!("../../data/plan.json"),
    metro: include_str!("../../data/geo/metro.geojson"),
    region: include_str!("../../data/geo/region.geojson"),
    anchors: include_str!("../../data/geo/anchors.json"),
};

/// `metro.geojson` and `region.geojson`, packed together (see [`packed`]). `plan.json`,
/// `anchors.json` and `tour.json` are [`baked`] into `static`s.
pub const PACKED_BOUNDARIES: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/boundaries.postcard"));
/// The boundary files in the order `build/main.rs` packs them.
pub const BOUNDARY_FILES: [&str; 2] = ["metro.geojson", "region.geojson"];

/// A unit the plan names, with its boundary and derived figures.
#[derive(Debug, Clone)]
pub struct Unit {
    /// What the plan data says of it.
    pub entry: UnitEntry,
    /// English name from the release, Chinese from the boundary index.
    pub name: Text,
    /// Its boundary.
    pub boundary: Boundary,
    /// The city it belongs to in the boundary data.
    pub city: CityId,
    /// Area on the sphere from its boundary, km². Derived, not from the plan.
    pub area_km2: f64,
}

impl Unit {
    /// True if the unit has this role.
    pub fn has(&self, role: UnitRole) -> bool {
        self.entry.roles.contains(&role)
    }

    /// Its role ids (`whole`, `partial`, `sphere`) in the plan's order.
    pub fn role_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entry.roles.iter().map(|r| r.as_str())
    }
}

/// Everything the app shows, checked.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The plan metadata.
    pub data: PlanData,
    /// The units the plan names, in the data's order.
    pub units: Vec<Unit>,
    /// Other counties of the plan's cities (context only).
    pub context: Vec<Boundary>,
    /// Prefectures and provinces around (context only).
    pub region: Vec<Boundary>,
    /// City points.
    pub anchors: Anchors,
}

impl PlanData {
    /// The layers that name a city (its belts, the corridor): its point shows with any.
    pub fn layers_naming(&self, id: CityId) -> Vec<LayerItem> {
        let layout = &self.layout;
        let belts = layout
            .belts
            .iter()
            .filter(|b| b.cities.contains(&id))
            .map(|b| LayerItem::Belt(b.id));
        let corridor = layout
            .corridor
            .cities
            .contains(&id)
            .then_some(LayerItem::Layer(LayerId::Corridor));
        belts.chain(corridor).collect()
    }

    /// The map reading of a task or goal (the dashboard's, not the plan's text).
    pub fn reading_of(&self, focus: &Focus) -> Option<&MapReading> {
        match focus {
            Focus::Task(id) => self.tasks.iter().find(|t| t.id == *id).map(|t| &t.map),
            Focus::Goal(id) => self.goals.iter().find(|g| g.id == *id).map(|g| &g.map),
            _ => None,
        }
    }
}

impl Plan {
    /// The data built into the app: the files of [`EMBEDDED`], checked by the build
    /// (`build/main.rs` runs [`validate::check`] and stops on any problem) and [`baked`]
    /// into `static`s, joined with the boundaries. Not checked again here, so that the
    /// app ships no validator; an error is only a boundary file that does not unpack.
    pub fn embedded() -> Result<Plan, Vec<String>> {
        let [metro, region] = boundaries::unpack(PACKED_BOUNDARIES, BOUNDARY_FILES);
        let mut errors = Vec::new();
        let mut geo = |read: Result<_, Vec<String>>| read.map_err(|e| errors.extend(e)).ok();
        match (geo(metro), geo(region)) {
            (Some(metro), Some(region)) => Ok(Plan::join(
                baked::PLAN.clone(),
                metro,
                region,
                baked::ANCHORS.clone(),
            )),
            _ => Err(errors),
        }
    }

    /// Validates the files as read (each error naming its file); the error lists every
    /// problem found. [`Plan::embedded`] reads them from the packed form; tests read
    /// other files' text (`tests/support/`).
    #[cfg(not(metro_baked_side))]
    pub fn from_parts(
        data: Result<PlanData, String>,
        anchors: Result<Anchors, String>,
        metro: Result<Vec<Boundary>, Vec<String>>,
        region: Result<Vec<Boundary>, Vec<String>>,
    ) -> Result<Plan, Vec<String>> {
        let mut errors = Vec::new();
        let data = data.map_err(|e| errors.push(e)).ok();
        let anchors = anchors.map_err(|e| errors.push(e)).ok();
        let mut geo = |read: Result<_, Vec<String>>| read.map_err(|e| errors.extend(e)).ok();
        let metro = geo(metro);
        let region = geo(region);
        let (Some(data), Some(anchors), Some(metro), Some(region)) = (data, anchors, metro, region)
        else {
            return Err(errors);
        };
        let errors = validate::check(&data, &metro, &region, &anchors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Plan::join(data, metro, region, anchors))
    }

    /// Joins validated data with the boundaries (lookups cannot fail after `validate`).
    fn join(data: PlanData, metro: Vec<Boundary>, region: Vec<Boundary>, anchors: Anchors) -> Plan {
        let proj = Albers::northeast_china();
        let city_of = |parent: &Adcode| {
            data.cities
                .iter()
                .find(|c| c.adcode.as_ref() == Some(parent))
                .map(|c| c.id)
        };
        let units = data
            .units
            .iter()
            .filter_map(|entry| {
                let boundary = metro.iter().find(|b| b.adcode == entry.adcode)?.clone();
                Some(Unit {
                    name: Text::new(
                        entry.name.en.clone(),
                        boundary.name_zh.clone(),
                        ZhSource::Index,
                    ),
                    city: city_of(&boundary.parent)?,
                    area_km2: shape::area_km2(&shape::project(&proj, &boundary.geometry)),
                    entry: entry.clone(),
                    boundary,
                })
            })
            .collect();
        let context = metro
            .into_iter()
            .filter(|b| !data.units.iter().any(|u| u.adcode == b.adcode))
            .collect();
        Plan {
            data,
            units,
            context,
            region,
            anchors,
        }
    }

    /// A city by id (validated to exist).
    pub fn city(&self, id: CityId) -> Option<&City> {
        self.data.cities.iter().find(|c| c.id == id)
    }

    /// A city's name in `lang` (its id, should the plan not name it).
    pub fn city_name(&self, id: CityId, lang: Lang) -> &str {
        self.city(id).map_or(id.as_str(), |c| c.name.get(lang))
    }

    /// A city's anchor point.
    pub fn anchor(&self, id: CityId) -> Option<LonLat> {
        self.anchors
            .cities
            .iter()
            .find(|a| a.id == id)
            .map(|a| LonLat {
                lon: a.lon,
                lat: a.lat,
            })
    }

    /// True if a city's point is a cited coordinate rather than derived from the
    /// boundaries (its anchor names no source districts).
    pub fn anchor_is_cited(&self, id: CityId) -> bool {
        self.anchors
            .cities
            .iter()
            .any(|a| a.id == id && a.from.is_empty())
    }

    /// A unit by adcode.
    pub fn unit(&self, adcode: &Adcode) -> Option<&Unit> {
        self.units.iter().find(|u| &u.entry.adcode == adcode)
    }

    /// The name of a selectable item, in both languages.
    pub fn title_of(&self, focus: &Focus) -> Option<&Text> {
        let layout = &self.data.layout;
        match focus {
            Focus::Unit(code) => self.unit(code).map(|u| &u.name),
            Focus::Center => Some(&layout.center.name),
            Focus::Corridor => Some(&layout.corridor.name),
            Focus::Cluster(id) => layout.cluster(*id).map(|c| &c.name),
            Focus::Belt(id) => layout.belt(*id).map(|b| &b.name),
            Focus::City(id) => self.city(*id).map(|c| &c.name),
            Focus::Goal(id) => self.data.goal(*id).map(|g| &g.headline),
            Focus::Task(id) => self.data.task(*id).map(|t| &t.name),
        }
    }

    /// The release's sentence that a unit's details quote: its own note if it has one;
    /// else its city's part of the designated-area sentence for a unit in the area
    /// (Dongliao, partial and sphere, too); else the sphere sentence for a unit only in
    /// the sphere; the whole designated-area sentence if its city has no part of its own.
    pub fn statement_of<'a>(&'a self, unit: &'a Unit) -> &'a Text {
        if let Some(note) = &unit.entry.note {
            return note;
        }
        let in_area = unit.has(UnitRole::Whole) || unit.has(UnitRole::Partial);
        let clause = self.data.area_clauses.iter().find(|c| c.city == unit.city);
        match clause {
            Some(c) if in_area => &c.text,
            _ if unit.has(UnitRole::Sphere) => &self.data.sphere_statement,
            _ => &self.data.area_statement,
        }
    }

    /// Total derived area of the units with a role, km².
    pub fn area_with(&self, role: UnitRole) -> f64 {
        self.units
            .iter()
            .filter(|u| u.has(role))
            .map(|u| u.area_km2)
            .sum()
    }
}

/// City names in `lang`, joined by `sep` (a list or a route), for the panels, the map's
/// details and the table view alike.
pub fn city_names(plan: &Plan, ids: &[CityId], lang: Lang, sep: Phrase) -> String {
    crate::i18n::join(
        ids.iter().map(|id| plan.city_name(*id, lang)),
        sep.get(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::LayerId;
    use crate::plan::testing::{self, plan};

    #[test]
    fn embedded_data_is_valid_and_complete() {
        let p = plan();
        assert_eq!(p.units.len(), 30);
        let count = |r| p.units.iter().filter(|u| u.has(r)).count();
        assert_eq!(count(UnitRole::Whole), 19);
        assert_eq!(count(UnitRole::Partial), 2);
        assert_eq!(count(UnitRole::Sphere), 10);
        assert!(!p.context.is_empty());
        assert!(!p.region.is_empty());
    }

    #[test]
    fn derived_areas_match_the_boundaries_and_the_plan() {
        let p = plan();
        let whole = p.area_with(UnitRole::Whole);
        let partial = p.area_with(UnitRole::Partial);
        // 27,852 km² measured on the raw boundaries (docs/DATA.md); simplification may shift it a little.
        assert!(
            (whole / 27_852.0 - 1.0).abs() < 0.02,
            "whole units: {whole}"
        );
        let plan_area = p.data.figures.area_km2;
        assert!(
            whole <= plan_area && plan_area <= whole + partial,
            "{whole} {partial}"
        );
        let yushu = p.unit(&"220182".parse().unwrap()).unwrap().area_km2;
        assert!((yushu / 4_709.0 - 1.0).abs() < 0.03, "Yushu {yushu}");
    }

    #[test]
    fn names_come_from_release_and_index() {
        let p = plan();
        let chaoyang = p.unit(&"220104".parse().unwrap()).unwrap();
        assert_eq!(chaoyang.name.en, "Chaoyang District");
        assert_eq!(chaoyang.name.zh, "朝阳区");
        assert_eq!(chaoyang.city, CityId::Changchun);
        let meihekou = p.unit(&"220581".parse().unwrap()).unwrap();
        assert_eq!(meihekou.city, CityId::Tonghua);
    }

    #[test]
    fn a_unit_quotes_its_own_sentence_of_the_release() {
        let p = plan();
        let unit = |code: &str| p.unit(&code.parse().unwrap()).unwrap().clone();
        let clause = |city| {
            &p.data
                .area_clauses
                .iter()
                .find(|c| c.city == city)
                .unwrap()
                .text
        };
        // A whole unit: its city's part of the designated-area sentence.
        let chaoyang = unit("220104");
        assert!(std::ptr::eq(
            p.statement_of(&chaoyang),
            clause(CityId::Changchun)
        ));
        // A unit only in the sphere: the sphere sentence, not its city's area clause.
        let yongji = unit("220221");
        assert!(std::ptr::eq(
            p.statement_of(&yongji),
            &p.data.sphere_statement
        ));
        // A unit's own note comes first.
        let dehui = unit("220183");
        let note = dehui.entry.note.as_ref().unwrap();
        assert!(std::ptr::eq(p.statement_of(&dehui), note));
        // Partial and sphere (Dongliao) without its note: the area clause of its city.
        let mut dongliao = unit("220422");
        dongliao.entry.note = None;
        assert!(std::ptr::eq(
            p.statement_of(&dongliao),
            clause(CityId::Liaoyuan)
        ));
        // A city with no clause of its own: the whole designated-area sentence.
        let mut elsewhere = chaoyang.clone();
        elsewhere.city = CityId::Harbin;
        assert!(std::ptr::eq(
            p.statement_of(&elsewhere),
            &p.data.area_statement
        ));
    }

    #[test]
    fn places_are_cities_or_not_and_points_cited_or_derived() {
        let p = plan();
        let kind = |id| p.city(id).map(City::kind);
        assert_eq!(kind(CityId::Jilin), Some(PlaceKind::MemberCity));
        assert_eq!(kind(CityId::Harbin), Some(PlaceKind::NamedCity));
        assert_eq!(kind(CityId::Changbaishan), Some(PlaceKind::Place));
        assert!(p.anchor_is_cited(CityId::Changbaishan));
        assert!(!p.anchor_is_cited(CityId::Changchun));
    }

    #[test]
    fn belts_clusters_goals_and_tasks_are_found_by_id() {
        use crate::ids::{BeltId, ClusterId, GoalId, TaskId};
        let p = plan();
        let layout = &p.data.layout;
        for id in BeltId::ALL {
            assert_eq!(layout.belt(*id).map(|b| b.id), Some(*id));
        }
        for id in ClusterId::ALL {
            assert_eq!(layout.cluster(*id).map(|c| c.id), Some(*id));
        }
        assert_eq!(
            p.data.goal(GoalId::Y2035).map(|g| g.id),
            Some(GoalId::Y2035)
        );
        assert_eq!(p.data.task(TaskId(9)).map(|t| t.id), Some(TaskId(9)));
        assert!(p.data.task(TaskId(10)).is_none());
    }

    #[test]
    fn every_selectable_item_has_a_title() {
        let p = plan();
        for f in testing::every_focus(&p) {
            let t = p.title_of(&f).unwrap_or_else(|| panic!("no title for {f}"));
            assert!(!t.en.is_empty() && !t.zh.is_empty());
        }
    }

    #[test]
    fn published_chinese_wording_is_used_and_marked_published() {
        use crate::i18n::ZhSource;
        use crate::ids::GoalId;
        let p = plan();
        let goal = |id| p.data.goals.iter().find(|g| g.id == id).unwrap();
        // 2035: the published sentence names each circle by its published quality.
        let g = goal(GoalId::Y2035);
        let circles: Vec<String> = g
            .circles
            .iter()
            .map(|c| format!("{}的{}", c.quality.zh, c.name.zh))
            .collect();
        assert_eq!(
            g.headline.zh,
            format!("全面建成{}和{}", circles[..3].join("、"), circles[3])
        );
        assert!(g
            .circles
            .iter()
            .all(|c| c.quality.zh_from == ZhSource::Published));
        // 2030 keeps the release's qualifier in both languages.
        let g = goal(GoalId::Y2030);
        assert!(g.headline.en.contains("approximately") && g.headline.zh.ends_with("左右"));
        assert_eq!(g.traits_intro.as_ref().unwrap().zh, "基本建成现代化都市圈");
        let corridor = &p.data.layout.corridor;
        let roles: Vec<&str> = corridor.roles.iter().map(|r| &*r.zh).collect();
        assert_eq!(roles, ["科创产业走廊", "对外开放通道"]);
        for t in [
            &p.data.area_name,
            &g.headline,
            &corridor.roles[0],
            &corridor.roles[1],
        ] {
            assert_eq!(t.zh_from, ZhSource::Published, "{}", t.zh);
        }
        assert_eq!(p.data.area_name.zh, "长春现代化都市圈");
    }

    #[test]
    fn changbaishan_is_a_place_with_a_cited_point() {
        let p = plan();
        let place = p.city(CityId::Changbaishan).unwrap();
        assert!(place.adcode.is_none() && !place.member);
        let anchor = p
            .anchors
            .cities
            .iter()
            .find(|a| a.id == CityId::Changbaishan)
            .unwrap();
        assert!(
            anchor.from.is_empty(),
            "a cited point lists no source districts"
        );
        // Every other named city is an administrative unit with a derived point.
        for c in p
            .data
            .cities
            .iter()
            .filter(|c| c.id != CityId::Changbaishan)
        {
            assert!(c.adcode.is_some(), "{}", c.id);
            let a = p.anchors.cities.iter().find(|a| a.id == c.id).unwrap();
            assert!(!a.from.is_empty(), "{}", c.id);
        }
    }

    #[test]
    fn the_release_is_dated_and_credited() {
        let p = plan();
        let r = &p.data.release;
        assert_eq!(r.date.en, "17 October 2025");
        assert_eq!(r.editor.en, "Liu Jiadi");
        let dates: Vec<&str> = r.milestones.iter().map(|m| &*m.date).collect();
        assert_eq!(
            dates,
            ["2025-08-22", "2025-09-28", "2025-10-09", "2025-10-17"]
        );
        assert!(r.milestones.iter().all(|m| !m.published_in.en.is_empty()));
    }

    #[test]
    fn task_readings_use_known_layers() {
        let p = plan();
        let first = &p.data.tasks[0];
        assert!(first
            .map
            .layers
            .contains(&crate::ids::LayerItem::Layer(LayerId::Corridor)));
    }
}
