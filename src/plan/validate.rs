//! Checks the plan data against itself, the boundaries and the press release's counts.
//! Every problem is reported, each in one readable line.

use super::{Anchors, Boundary, PlanData, UnitRole};
use crate::ids::{Adcode, CityId};
use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;

/// Counts stated in the press release; the data must match them.
pub mod seed {
    /// Units wholly in the designated area.
    pub const WHOLE_UNITS: usize = 19;
    /// Units partly in the designated area (Yushu, Dongliao).
    pub const PARTIAL_UNITS: usize = 2;
    /// Units of the sphere of influence.
    pub const SPHERE_UNITS: usize = 10;
    /// Cities composing the area.
    pub const MEMBER_CITIES: usize = 4;
    /// Principles of the spatial layout.
    pub const LAYOUT_PRINCIPLES: usize = 4;
    /// Clusters.
    pub const CLUSTERS: usize = 3;
    /// Belts.
    pub const BELTS: usize = 5;
    /// Cities on the corridor.
    pub const CORRIDOR_CITIES: usize = 4;
    /// Phased goals.
    pub const GOALS: usize = 2;
    /// Characteristics of the 2030 goal.
    pub const TRAITS: usize = 7;
    /// Circles of the 2035 goal.
    pub const CIRCLES: usize = 4;
    /// Guiding principles of the key tasks.
    pub const PRINCIPLES: usize = 5;
    /// Key tasks.
    pub const TASKS: usize = 9;
}

/// All problems found; empty when the data is consistent.
pub fn check(
    data: &PlanData,
    metro: &[Boundary],
    region: &[Boundary],
    anchors: &Anchors,
) -> Vec<String> {
    let mut errors = Vec::new();
    let mut count = |what: &str, found: usize, expected: usize| {
        if found != expected {
            errors.push(format!(
                "plan.json: {what}: found {found}, the release says {expected}"
            ));
        }
    };
    let with_role = |r| data.units.iter().filter(|u| u.roles.contains(&r)).count();
    count("whole units", with_role(UnitRole::Whole), seed::WHOLE_UNITS);
    count(
        "partial units",
        with_role(UnitRole::Partial),
        seed::PARTIAL_UNITS,
    );
    count(
        "sphere units",
        with_role(UnitRole::Sphere),
        seed::SPHERE_UNITS,
    );
    let members = data.cities.iter().filter(|c| c.member).count();
    count("member cities", members, seed::MEMBER_CITIES);
    let layout = &data.layout;
    count(
        "layout principles",
        layout.principles.len(),
        seed::LAYOUT_PRINCIPLES,
    );
    count("clusters", layout.clusters.len(), seed::CLUSTERS);
    count("belts", layout.belts.len(), seed::BELTS);
    count(
        "corridor cities",
        layout.corridor.cities.len(),
        seed::CORRIDOR_CITIES,
    );
    count("phased goals", data.goals.len(), seed::GOALS);
    let traits = data.goals.iter().map(|g| g.traits.len()).sum();
    count("2030 characteristics", traits, seed::TRAITS);
    let circles = data.goals.iter().map(|g| g.circles.len()).sum();
    count("2035 circles", circles, seed::CIRCLES);
    count(
        "guiding principles",
        data.principles.len(),
        seed::PRINCIPLES,
    );
    count("key tasks", data.tasks.len(), seed::TASKS);

    unique(&mut errors, "city", data.cities.iter().map(|c| c.id));
    unique(
        &mut errors,
        "unit",
        data.units.iter().map(|u| u.adcode.clone()),
    );
    unique(&mut errors, "cluster", layout.clusters.iter().map(|c| c.id));
    unique(&mut errors, "belt", layout.belts.iter().map(|b| b.id));
    unique(&mut errors, "goal", data.goals.iter().map(|g| g.id));
    unique(&mut errors, "task", data.tasks.iter().map(|t| t.id));
    unique(&mut errors, "anchor", anchors.cities.iter().map(|a| a.id));

    for (i, task) in data.tasks.iter().enumerate() {
        if usize::from(task.id.0) != i + 1 {
            errors.push(format!(
                "plan.json: task {} is in position {}; tasks must be numbered 1, 2, … in order",
                task.id,
                i + 1
            ));
        }
    }

    let boundary = |code: &Adcode| metro.iter().chain(region).find(|b| &b.adcode == code);
    for unit in data.units.iter() {
        let roles = &unit.roles;
        if roles.is_empty() {
            errors.push(format!("plan.json: unit {} has no role", unit.adcode));
        }
        if roles.contains(&UnitRole::Whole) && roles.contains(&UnitRole::Partial) {
            errors.push(format!(
                "plan.json: unit {} cannot be both whole and partial",
                unit.adcode
            ));
        }
        match metro.iter().find(|b| b.adcode == unit.adcode) {
            None => errors.push(format!(
                "plan.json: unit {} has no boundary in metro.geojson",
                unit.adcode
            )),
            Some(b)
                if !data
                    .cities
                    .iter()
                    .any(|c| c.adcode.as_ref() == Some(&b.parent)) =>
            {
                errors.push(format!(
                    "plan.json: unit {}'s city {} is not among the plan's cities",
                    unit.adcode, b.parent
                ))
            }
            Some(_) => {}
        }
    }
    for province in data.provinces.iter() {
        if !region.iter().any(|b| b.adcode == province.adcode) {
            errors.push(format!(
                "plan.json: province {} has no outline in region.geojson",
                province.adcode
            ));
        }
    }
    for city in data.cities.iter() {
        if let Some(code) = &city.adcode {
            if boundary(code).is_none() {
                errors.push(format!(
                    "plan.json: city {} ({code}) has no boundary",
                    city.id
                ));
            }
        }
    }

    // The plan's dates are real dates, in order.
    let milestones = &data.release.milestones;
    for m in milestones.iter() {
        if crate::i18n::date(&m.date, crate::i18n::Lang::En).is_none() {
            errors.push(format!(
                "plan.json: milestone date {:?} is not a YYYY-MM-DD date",
                m.date
            ));
        }
    }
    if milestones.windows(2).any(|w| w[0].date >= w[1].date) {
        errors.push("plan.json: milestones are not in date order".to_owned());
    }

    // Every city drawn on the map needs a point.
    let mut drawn: Vec<CityId> = vec![layout.center.city];
    drawn.extend(
        layout
            .clusters
            .iter()
            .flat_map(|c| c.cities.iter().copied()),
    );
    drawn.extend(layout.belts.iter().flat_map(|b| b.cities.iter().copied()));
    drawn.extend(layout.corridor.cities.iter().copied());
    drawn.extend(data.cities.iter().map(|c| c.id));
    let mut reported = HashSet::new();
    for id in drawn {
        if !anchors.cities.iter().any(|a| a.id == id) && reported.insert(id) {
            errors.push(format!("anchors.json: city {id} has no anchor point"));
        }
    }
    for a in anchors.cities.iter() {
        let plausible = (100.0..=150.0).contains(&a.lon) && (30.0..=60.0).contains(&a.lat);
        if !plausible {
            errors.push(format!(
                "anchors.json: city {} lies outside Northeast China ({}, {})",
                a.id, a.lon, a.lat
            ));
        }
    }
    errors
}

fn unique<T: Eq + Hash + Display>(
    errors: &mut Vec<String>,
    what: &str,
    ids: impl Iterator<Item = T>,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id.to_string()) {
            errors.push(format!("plan data: {what} id {id} appears more than once"));
        }
    }
}
