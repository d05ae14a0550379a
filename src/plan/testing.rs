//! Test fixtures shared by every module's native tests: the embedded plan and tour. A thin
//! wrapper around the constructors the app uses, so a bad data file fails the test with every
//! problem listed.

use super::tour::Tour;
use super::Plan;

/// The embedded plan; panics listing every problem if the data is invalid.
pub fn plan() -> Plan {
    Plan::embedded().unwrap_or_else(|e| panic!("embedded data invalid: {e:#?}"))
}

/// The embedded plan and its tour; panics listing every problem if either is invalid.
pub fn plan_and_tour() -> (Plan, Tour) {
    let plan = plan();
    let tour = Tour::embedded(&plan).unwrap_or_else(|e| panic!("embedded tour invalid: {e:#?}"));
    (plan, tour)
}
