//! Test fixtures shared by every module's native tests: the embedded plan and tour. A thin
//! wrapper around the constructors the app uses, so a bad data file fails the test with every
//! problem listed.

use super::tour::Tour;
use super::Plan;
use crate::ids::{BeltId, CityId, ClusterId, Focus, GoalId, TaskId};

/// The embedded plan; panics listing every problem if the data is invalid.
pub fn plan() -> Plan {
    Plan::embedded().unwrap_or_else(|e| panic!("embedded data invalid: {e:#?}"))
}

/// Every item a reader can select: the ids' lists and the plan's units.
pub fn every_focus(plan: &Plan) -> Vec<Focus> {
    let mut all = vec![Focus::Center, Focus::Corridor];
    all.extend(BeltId::ALL.iter().map(|b| Focus::Belt(*b)));
    all.extend(ClusterId::ALL.iter().map(|c| Focus::Cluster(*c)));
    all.extend(CityId::ALL.iter().map(|c| Focus::City(*c)));
    all.extend(GoalId::ALL.iter().map(|g| Focus::Goal(*g)));
    all.extend((1..=9).map(|n| Focus::Task(TaskId(n))));
    all.extend(
        plan.units
            .iter()
            .map(|u| Focus::Unit(u.entry.adcode.clone())),
    );
    all
}

/// The embedded plan and its tour; panics listing every problem if either is invalid.
pub fn plan_and_tour() -> (Plan, Tour) {
    let plan = plan();
    let tour = Tour::embedded(&plan).unwrap_or_else(|e| panic!("embedded tour invalid: {e:#?}"));
    (plan, tour)
}
