//! The vocabulary built from the ids that the plan data, the URL and the DOM share:
//! what can be selected ([`Focus`]) and an item of a layer list ([`LayerItem`]).
//!
//! Each has one spelling, its `Display`, which is both the URL form and the value of the
//! `data-focus` DOM hook (docs/CONTRACTS.md).

use super::{Adcode, BeltId, CityId, ClusterId, GoalId, LayerId, TaskId, UnknownId};
use std::fmt;
use std::str::FromStr;

/// What is selected: a map feature or a panel item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A county-level unit by adcode.
    Unit(Adcode),
    /// The central city (the "one center").
    Center,
    /// The Harbin–Changchun–Shenyang–Dalian corridor.
    Corridor,
    /// One of the three clusters.
    Cluster(ClusterId),
    /// One of the five belts.
    Belt(BeltId),
    /// A named city.
    City(CityId),
    /// A phased goal.
    Goal(GoalId),
    /// A key task.
    Task(TaskId),
}

impl FromStr for Focus {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        let bad = || UnknownId::new("focus", s);
        Ok(match s.split_once(':') {
            None if s == "center" => Focus::Center,
            None if s == "corridor" => Focus::Corridor,
            None => Focus::Unit(s.parse().map_err(|_| bad())?),
            Some(("cluster", id)) => Focus::Cluster(id.parse()?),
            Some(("belt", id)) => Focus::Belt(id.parse()?),
            Some(("city", id)) => Focus::City(id.parse()?),
            Some(("goal", id)) => Focus::Goal(id.parse()?),
            Some(("task", text)) => match super::digits(text).and_then(|n| u8::try_from(n).ok()) {
                // Only the canonical spelling: no sign, no leading zeros.
                Some(n) if n.to_string() == text => Focus::Task(TaskId(n)),
                _ => return Err(bad()),
            },
            Some(_) => return Err(bad()),
        })
    }
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The prefix and the id written one after the other rather than by `write!`,
        // which builds its arguments at each arm (issue 12).
        let (prefix, id): (&str, &dyn fmt::Display) = match self {
            Focus::Unit(code) => ("", code),
            Focus::Center => return f.write_str("center"),
            Focus::Corridor => return f.write_str("corridor"),
            Focus::Cluster(id) => ("cluster:", id),
            Focus::Belt(id) => ("belt:", id),
            Focus::City(id) => ("city:", id),
            Focus::Goal(id) => ("goal:", id),
            Focus::Task(id) => ("task:", id),
        };
        f.write_str(prefix)?;
        id.fmt(f)
    }
}

/// One item of the `layers=` list: a whole layer, or a single belt (`belt:ID`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerItem {
    /// A whole layer.
    Layer(LayerId),
    /// One belt of the belts layer.
    Belt(BeltId),
}

impl FromStr for LayerItem {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        match s.strip_prefix("belt:") {
            Some(id) => Ok(LayerItem::Belt(id.parse()?)),
            None => Ok(LayerItem::Layer(s.parse()?)),
        }
    }
}

impl fmt::Display for LayerItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayerItem::Layer(id) => f.write_str(id.as_str()),
            LayerItem::Belt(id) => {
                f.write_str("belt:")?;
                f.write_str(id.as_str())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_focus_form_round_trips() {
        for text in [
            "220104",
            "center",
            "corridor",
            "cluster:changchun-siping",
            "belt:tourism",
            "city:meihekou",
            "goal:2030",
            "task:9",
        ] {
            let focus: Focus = text.parse().unwrap();
            assert_eq!(focus.to_string(), text);
        }
        assert_eq!("task:3".parse::<Focus>(), Ok(Focus::Task(TaskId(3))));
        for bad in [
            "task:03",
            "task:+3",
            "task:x",
            "goal:2040",
            "belt:",
            "2201",
            "x:y",
            "",
        ] {
            assert!(bad.parse::<Focus>().is_err(), "{bad}");
        }
    }

    #[test]
    fn layer_items_round_trip() {
        for text in ["corridor", "belt:pharma"] {
            let item: LayerItem = text.parse().unwrap();
            assert_eq!(item.to_string(), text);
        }
        assert_eq!("belt:pharma".parse(), Ok(LayerItem::Belt(BeltId::Pharma)));
        assert!("belt:nope".parse::<LayerItem>().is_err());
        assert!("belts:energy".parse::<LayerItem>().is_err());
    }
}
