//! The outline of a selectable feature, for the keyboard focus ring.

use super::Scene;
use crate::geo::Point;
use crate::ids::Focus;

/// What a focus ring traces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outline<'a> {
    /// An area or a route: its SVG path data.
    Path(&'a str),
    /// A point symbol (a city, the center).
    Point(Point),
}

impl Scene {
    /// The outline of a map feature (`None` for panel-only items and unknown ids).
    pub fn outline_of(&self, focus: &Focus) -> Option<Outline<'_>> {
        match focus {
            Focus::Unit(code) => self.unit(code).map(|u| Outline::Path(&u.d)),
            Focus::Cluster(id) => self
                .clusters
                .iter()
                .find(|(c, _)| c == id)
                .map(|(_, m)| Outline::Path(&m.d)),
            Focus::Belt(id) => self
                .belts
                .iter()
                .find(|(b, _)| b == id)
                .map(|(_, m)| Outline::Path(&m.d)),
            Focus::Corridor => Some(Outline::Path(&self.corridor.d)),
            Focus::Center | Focus::City(_) => {
                self.bounds_of(focus).map(|r| Outline::Point(r.center()))
            }
            Focus::Goal(_) | Focus::Task(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, CityId, GoalId};
    use crate::plan::testing;

    #[test]
    fn every_map_feature_has_an_outline() {
        let s = Scene::build(&testing::plan());
        for u in &s.units {
            let o = s.outline_of(&Focus::Unit(u.adcode.clone()));
            assert_eq!(o, Some(Outline::Path(u.d.as_str())));
        }
        assert!(
            matches!(s.outline_of(&Focus::Belt(BeltId::Energy)), Some(Outline::Path(d)) if d.starts_with('M'))
        );
        assert!(matches!(
            s.outline_of(&Focus::Corridor),
            Some(Outline::Path(_))
        ));
        let cc = s.city(CityId::Changchun).unwrap();
        assert_eq!(s.outline_of(&Focus::Center), Some(Outline::Point(cc)));
        assert!(matches!(
            s.outline_of(&Focus::City(CityId::Dalian)),
            Some(Outline::Point(_))
        ));
        assert_eq!(s.outline_of(&Focus::Goal(GoalId::Y2030)), None);
    }
}
