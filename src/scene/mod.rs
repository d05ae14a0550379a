//! The map scene: every feature of the plan projected once and turned into SVG path data,
//! plus the two extents. Built once at start-up; components only read it.

pub mod labels;
pub mod layers;
pub mod outline;
pub mod tooltip;
pub mod viewport;

use crate::geo::path::{capsule_d, line_d, offset_line, shapes_d};
use crate::geo::projection::Albers;
use crate::geo::shape::{self, Shape};
use crate::geo::{Point, Rect};
use crate::ids::{Adcode, BeltId, CityId, ClusterId, Focus, LayerId, LayerItem};
use crate::plan::tour::TourView;
use crate::plan::{Boundary, Level, Plan, UnitRole};
use layers::Layers;

/// A unit of the plan on the map.
#[derive(Debug, Clone)]
pub struct UnitMark {
    /// Its adcode.
    pub adcode: Adcode,
    /// Its roles (Dongliao: partial and sphere).
    pub roles: Vec<UnitRole>,
    /// SVG path data.
    pub d: String,
    /// Where its label and tooltip sit.
    pub label_at: Point,
    /// Bounding box.
    pub bounds: Rect,
}

impl UnitMark {
    /// True if the unit has this role.
    pub fn has(&self, role: UnitRole) -> bool {
        self.roles.contains(&role)
    }
}

/// A context outline (county, prefecture, province).
#[derive(Debug, Clone)]
pub struct AreaMark {
    /// Its adcode.
    pub adcode: Adcode,
    /// Its level.
    pub level: Level,
    /// SVG path data.
    pub d: String,
}

/// A city point.
#[derive(Debug, Clone)]
pub struct CityMark {
    /// Which city.
    pub id: CityId,
    /// Where it is.
    pub at: Point,
    /// One of the four member cities (always shown).
    pub member: bool,
    /// The layers that name it (its belts, the corridor): it is shown with any of them.
    pub named_by: Vec<LayerItem>,
}

/// A line through cities (belt or corridor).
#[derive(Debug, Clone)]
pub struct RouteMark {
    /// SVG path data.
    pub d: String,
    /// The route's points (after any sideways offset).
    pub points: Vec<Point>,
}

/// Everything drawn on the map.
#[derive(Debug, Clone)]
pub struct Scene {
    /// Plan units.
    pub units: Vec<UnitMark>,
    /// Other counties of the plan's cities.
    pub counties: Vec<AreaMark>,
    /// Prefectures and provinces.
    pub region: Vec<AreaMark>,
    /// City points.
    pub cities: Vec<CityMark>,
    /// The central city's point (the plan says which city it is).
    pub center: Option<Point>,
    /// Schematic cluster shapes, by cluster.
    pub clusters: Vec<(ClusterId, RouteMark)>,
    /// Belt routes, by belt.
    pub belts: Vec<(BeltId, RouteMark)>,
    /// The corridor route.
    pub corridor: RouteMark,
    /// Where the neighbouring provinces are named, by adcode, in the plan data's order.
    pub province_labels: Vec<(Adcode, Point)>,
    /// Extent of the designated area and sphere (the metro view).
    pub metro: Rect,
    /// Extent of belts and corridor (the region view).
    pub region_extent: Rect,
}

/// The smallest extent a tour step fits around its selection, km.
const STEP_MIN_KM: f64 = 120.0;
/// Room around the belts' routes in the default view, for their end cities' names (less
/// than the region's 40 km, so that a fit on some belts never exceeds the region).
const BELT_ROOM_KM: f64 = 30.0;
/// Half-width of the schematic cluster bands, km.
const CLUSTER_RADIUS_KM: f64 = 14.0;
/// Sideways spacing between belts that share a stretch, km.
const BELT_SPACING_KM: f64 = 5.0;

/// Where the map names a plan unit or a neighbouring province: a point inside its largest
/// part (`geo::shape::interior_point`), which the build found (`build/main.rs`,
/// `LABEL_POINTS`: the same for every reader, so not searched at every start-up).
fn label_point(code: &Adcode) -> Option<Point> {
    crate::plan::baked::LABEL_POINTS
        .iter()
        .find(|&&(c, _, _)| c == code.number())
        .map(|&(_, x, y)| Point::new(f64::from(x) / 100.0, f64::from(y) / 100.0))
}

impl Scene {
    /// Projects the plan. Cities without an anchor are skipped (validation forbids them).
    pub fn build(plan: &Plan) -> Scene {
        let proj = Albers::northeast_china();
        let shapes = |b: &Boundary| shape::project(&proj, &b.geometry);
        let area = |b: &Boundary| {
            let s = shapes(b);
            AreaMark {
                adcode: b.adcode.clone(),
                level: b.level,
                d: shapes_d(&s),
            }
        };
        let units: Vec<UnitMark> = plan
            .units
            .iter()
            .map(|u| {
                let s: Vec<Shape> = shapes(&u.boundary);
                let bounds = shape::bounds(&s);
                UnitMark {
                    adcode: u.entry.adcode.clone(),
                    roles: u.entry.roles.to_vec(),
                    d: shapes_d(&s),
                    label_at: label_point(&u.entry.adcode).unwrap_or_else(|| bounds.center()),
                    bounds,
                }
            })
            .collect();
        let city_at = |id: CityId| plan.anchor(id).map(|p| proj.project(p));
        let layout = &plan.data.layout;
        let cities: Vec<CityMark> = plan
            .data
            .cities
            .iter()
            .filter_map(|c| {
                Some(CityMark {
                    id: c.id,
                    at: city_at(c.id)?,
                    member: c.member,
                    named_by: plan.data.layers_naming(c.id),
                })
            })
            .collect();
        let route = |ids: &[CityId], offset: f64| {
            let points: Vec<Point> = ids.iter().filter_map(|&id| city_at(id)).collect();
            let points = offset_line(&points, offset);
            RouteMark {
                d: line_d(&points),
                points,
            }
        };
        let n = layout.belts.len() as f64;
        let belts = layout
            .belts
            .iter()
            .enumerate()
            .map(|(i, b)| {
                (
                    b.id,
                    route(&b.cities, (i as f64 - (n - 1.0) / 2.0) * BELT_SPACING_KM),
                )
            })
            .collect::<Vec<_>>();
        let clusters = layout
            .clusters
            .iter()
            .map(|c| {
                let points: Vec<Point> = c.cities.iter().filter_map(|&id| city_at(id)).collect();
                let d = match points.as_slice() {
                    [a, b, ..] => capsule_d(*a, *b, CLUSTER_RADIUS_KM),
                    _ => String::new(),
                };
                (c.id, RouteMark { d, points })
            })
            .collect();
        let corridor = route(&layout.corridor.cities, 0.0);
        let metro = units.iter().fold(Rect::EMPTY, |r, u| r.union(u.bounds));
        let region_extent = belts
            .iter()
            .flat_map(|(_, r)| r.points.iter().copied())
            .chain(corridor.points.iter().copied())
            .fold(metro, Rect::including)
            .padded(40.0);
        let province_labels = plan
            .data
            .provinces
            .iter()
            .filter_map(|p| plan.region.iter().find(|b| b.adcode == p.adcode))
            .filter_map(|b| Some((b.adcode.clone(), label_point(&b.adcode)?)))
            .collect();
        Scene {
            center: city_at(layout.center.city),
            units,
            province_labels,
            counties: plan.context.iter().map(area).collect(),
            region: plan.region.iter().map(area).collect(),
            cities,
            clusters,
            belts,
            corridor,
            metro: metro.padded(10.0),
            region_extent,
        }
    }

    /// The extent the default view fits for these layers: the region when the corridor is
    /// shown (it runs from Harbin to Dalian), the metro area with the routes of the belts
    /// shown (some run far beyond it), else the metro area.
    pub fn extent_for(&self, layers: &Layers) -> Rect {
        if layers.shows(LayerId::Corridor) {
            return self.region_extent;
        }
        let mut belts = self
            .belts
            .iter()
            .filter(|(id, _)| layers.shows_belt(*id))
            .flat_map(|(_, r)| r.points.iter().copied())
            .peekable();
        if belts.peek().is_none() {
            return self.metro;
        }
        belts.fold(self.metro, Rect::including).padded(BELT_ROOM_KM)
    }

    /// The extent a tour step fits: what its layers need, its selection (with room
    /// around, at least the size of a few counties), or one of the two extents.
    pub fn extent_of_step(&self, view: TourView, layers: &Layers, focus: Option<&Focus>) -> Rect {
        match view {
            TourView::Metro => self.metro,
            TourView::Region => self.region_extent,
            TourView::Layers => self.extent_for(layers),
            TourView::Focus => focus
                .and_then(|f| self.bounds_of(f))
                .map(|r| r.padded((STEP_MIN_KM - r.width().max(r.height())).max(0.0) / 2.0 + 20.0))
                .unwrap_or_else(|| self.extent_for(layers)),
        }
    }

    /// Where a selectable feature lies on the map (`None` for panel-only items).
    pub fn bounds_of(&self, focus: &Focus) -> Option<Rect> {
        let points = |pts: &[Point]| Some(Rect::around(pts.iter().copied()));
        match focus {
            Focus::Unit(code) => self.unit(code).map(|u| u.bounds),
            Focus::Center => self.center.map(|p| Rect::around([p])),
            Focus::City(id) => self.city(*id).map(|p| Rect::around([p])),
            Focus::Corridor => points(&self.corridor.points),
            Focus::Cluster(id) => self
                .cluster(*id)
                .and_then(|r| points(&r.points))
                .map(|r| r.padded(CLUSTER_RADIUS_KM)),
            Focus::Belt(id) => self.belt(*id).and_then(|r| points(&r.points)),
            Focus::Goal(_) | Focus::Task(_) => None,
        }
    }

    /// A unit's mark.
    pub fn unit(&self, adcode: &Adcode) -> Option<&UnitMark> {
        self.units.iter().find(|u| &u.adcode == adcode)
    }

    /// A city's point.
    pub fn city(&self, id: CityId) -> Option<Point> {
        self.cities.iter().find(|c| c.id == id).map(|c| c.at)
    }

    /// A cluster's schematic shape.
    pub fn cluster(&self, id: ClusterId) -> Option<&RouteMark> {
        self.clusters.iter().find(|(c, _)| *c == id).map(|(_, r)| r)
    }

    /// A belt's route.
    pub fn belt(&self, id: BeltId) -> Option<&RouteMark> {
        self.belts.iter().find(|(b, _)| *b == id).map(|(_, r)| r)
    }

    /// The cities shown with these layers, in drawing order.
    pub fn shown_cities<'a>(&'a self, layers: &'a Layers) -> impl Iterator<Item = &'a CityMark> {
        self.cities.iter().filter(|c| layers.shows_city(c))
    }

    /// The places shown with these layers, in drawing order: what keyboard users step
    /// through with N and P.
    pub fn places(&self, layers: &Layers) -> Vec<Focus> {
        let mut out = Vec::new();
        if layers.shows(LayerId::Center) {
            out.push(Focus::Center);
        }
        if layers.shows(LayerId::Clusters) {
            out.extend(self.clusters.iter().map(|(id, _)| Focus::Cluster(*id)));
        }
        out.extend(
            self.belts
                .iter()
                .filter(|(id, _)| layers.shows_belt(*id))
                .map(|(id, _)| Focus::Belt(*id)),
        );
        if layers.shows(LayerId::Corridor) {
            out.push(Focus::Corridor);
        }
        out.extend(
            self.units
                .iter()
                .filter(|u| layers.shows_unit(&u.roles))
                .map(|u| Focus::Unit(u.adcode.clone())),
        );
        out.extend(self.shown_cities(layers).map(|c| Focus::City(c.id)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing;

    fn scene() -> Scene {
        Scene::build(&testing::plan())
    }

    #[test]
    fn every_plan_unit_and_city_is_drawn() {
        let s = scene();
        assert_eq!(s.units.len(), 30);
        assert!(s
            .units
            .iter()
            .all(|u| u.d.starts_with('M') && u.d.ends_with('Z')));
        assert_eq!(s.cities.len(), CityId::ALL.len());
        assert_eq!(s.belts.len(), 5);
        assert_eq!(s.clusters.len(), 3);
        assert_eq!(s.corridor.points.len(), 4);
    }

    #[test]
    fn cities_show_with_the_layers_that_name_them() {
        use crate::ids::LayerItem;
        let s = scene();
        let shown =
            |layers: &Layers| -> Vec<CityId> { s.shown_cities(layers).map(|c| c.id).collect() };
        let members = [
            CityId::Changchun,
            CityId::Jilin,
            CityId::Siping,
            CityId::Liaoyuan,
        ];
        // No layer: the four member cities only.
        assert_eq!(shown(&Layers::none()), members);
        // The corridor adds its other cities.
        let corridor = shown(&Layers::from_items([LayerItem::Layer(LayerId::Corridor)]));
        for city in [CityId::Harbin, CityId::Shenyang, CityId::Dalian] {
            assert!(corridor.contains(&city), "{city}");
        }
        assert!(!corridor.contains(&CityId::Changbaishan));
        // One belt adds only its own cities; the belts layer off hides them again.
        let mut tourism = Layers::from_items([LayerItem::Belt(BeltId::Tourism)]);
        assert!(shown(&tourism).contains(&CityId::Changbaishan));
        assert!(!shown(&tourism).contains(&CityId::Harbin));
        tourism.set(LayerId::Belts, false);
        assert_eq!(shown(&tourism), members);
    }

    #[test]
    fn the_places_to_step_through_follow_the_layers() {
        let s = scene();
        let places = s.places(&Layers::default());
        // Center, 3 clusters, 30 units, 4 member cities; no belts, no corridor.
        assert_eq!(places.len(), 1 + 3 + 30 + 4);
        assert_eq!(places[0], Focus::Center);
        assert_eq!(places[1], Focus::Cluster(ClusterId::ChangchunJilin));
        assert!(!places
            .iter()
            .any(|p| matches!(p, Focus::Belt(_) | Focus::Corridor)));
        assert!(s
            .places(&Layers::none())
            .iter()
            .all(|p| matches!(p, Focus::City(_))));
        // Every place lies somewhere on the map.
        for place in places {
            assert!(s.bounds_of(&place).is_some(), "{place}");
        }
        // The center is the plan's central city.
        let plan = testing::plan();
        assert_eq!(s.center, s.city(plan.data.layout.center.city));
    }

    #[test]
    fn unit_labels_sit_inside_their_units() {
        let plan = testing::plan();
        let proj = Albers::northeast_china();
        let s = Scene::build(&plan);
        for (unit, mark) in plan.units.iter().zip(&s.units) {
            let shapes = shape::project(&proj, &unit.boundary.geometry);
            assert!(
                shapes.iter().any(|sh| shape::contains(sh, mark.label_at)),
                "label of {} outside it",
                unit.entry.adcode
            );
            // The build's point is the interior point of the boundary the app draws.
            let found = shape::interior_point(&shapes).expect("an interior point");
            assert!(
                found.distance(mark.label_at) <= 0.01,
                "{}",
                unit.entry.adcode
            );
        }
        assert_eq!(s.province_labels.len(), plan.data.provinces.len());
        for (code, at) in &s.province_labels {
            let b = plan
                .region
                .iter()
                .find(|b| b.adcode == *code)
                .expect("drawn");
            let found = shape::interior_point(&shape::project(&proj, &b.geometry));
            assert!(
                found.expect("an interior point").distance(*at) <= 0.01,
                "{code}"
            );
        }
    }

    #[test]
    fn tour_steps_fit_their_selection_or_an_extent() {
        let s = scene();
        let layers = Layers::default();
        assert_eq!(s.extent_of_step(TourView::Metro, &layers, None), s.metro);
        assert_eq!(
            s.extent_of_step(TourView::Region, &layers, None),
            s.region_extent
        );
        let belt = Focus::Belt(BeltId::Pharma);
        let around = s.extent_of_step(TourView::Focus, &layers, Some(&belt));
        let route = s.bounds_of(&belt).unwrap();
        assert!(around.contains(&route) && around.width() < s.region_extent.width());
        // A point is shown with room around it.
        let city = Focus::City(CityId::Changbaishan);
        let r = s.extent_of_step(TourView::Focus, &layers, Some(&city));
        assert!(r.width() >= STEP_MIN_KM && r.height() >= STEP_MIN_KM);
    }

    #[test]
    fn the_default_view_fits_the_belts_shown() {
        let s = scene();
        let one = Layers::from_items([
            LayerItem::Layer(LayerId::Area),
            LayerItem::Belt(BeltId::Pharma),
        ]);
        let fit = s.extent_for(&one);
        let route = s.bounds_of(&Focus::Belt(BeltId::Pharma)).unwrap();
        assert!(fit.contains(&route) && fit.contains(&s.metro));
        assert!(fit.width() < s.region_extent.width() && fit.height() < s.region_extent.height());
        // Every belt: still inside the region; the corridor: the region itself.
        let all = Layers::from_items(BeltId::ALL.iter().map(|b| LayerItem::Belt(*b)));
        assert!(s.region_extent.contains(&s.extent_for(&all)));
        for (_, belt) in &s.belts {
            assert!(s
                .extent_for(&all)
                .contains(&Rect::around(belt.points.iter().copied())));
        }
        let corridor = Layers::from_items([LayerItem::Layer(LayerId::Corridor)]);
        assert_eq!(s.extent_for(&corridor), s.region_extent);
        assert_eq!(s.extent_for(&Layers::none()), s.metro);
    }

    #[test]
    fn extents_nest_and_hold_every_route() {
        let s = scene();
        assert!(s.region_extent.contains(&s.metro));
        for (_, belt) in &s.belts {
            assert!(s
                .region_extent
                .contains(&Rect::around(belt.points.iter().copied())));
        }
        // Changchun lies inside the metro view, Dalian only in the region view.
        let cc = s.city(CityId::Changchun).unwrap();
        let dl = s.city(CityId::Dalian).unwrap();
        assert!(s.metro.contains(&Rect::around([cc])));
        assert!(!s.metro.contains(&Rect::around([dl])));
    }
}
