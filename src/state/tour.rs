//! Where the reader is in the guided tour (`tour=N`, or `tour=N.K` for part K of a step
//! that has parts), how Previous and Next move, and what a step sets.

use super::query::Dropped;
use super::ViewState;
use crate::i18n::Lang;
use crate::ids::{LayerId, UnknownId};
use crate::plan::tour::{Tour, TourStep};
use crate::plan::{Plan, PlanData};
use crate::scene::layers::Layers;
use std::fmt;
use std::str::FromStr;

/// A place in the tour: a step (from 1) and, while stepping through a step's parts, one
/// of them (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TourPos {
    /// The step, from 1.
    pub step: usize,
    /// The part of the step, from 1; `None` for the step itself.
    pub part: Option<usize>,
}

impl TourPos {
    /// The first step.
    pub const START: TourPos = TourPos {
        step: 1,
        part: None,
    };

    /// A step itself.
    pub const fn step(step: usize) -> TourPos {
        TourPos { step, part: None }
    }
}

impl FromStr for TourPos {
    type Err = UnknownId;
    /// `N` or `N.K`, positive numbers without sign or leading zeros.
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        let bad = || UnknownId::new("tour step", s);
        let number = |t: &str| match crate::ids::digits(t) {
            Some(n) if n > 0 && n.to_string() == t => Ok(n as usize),
            _ => Err(bad()),
        };
        match s.split_once('.') {
            None => Ok(TourPos::step(number(s)?)),
            Some((step, part)) => Ok(TourPos {
                step: number(step)?,
                part: Some(number(part)?),
            }),
        }
    }
}

impl fmt::Display for TourPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            None => write!(f, "{}", self.step),
            Some(part) => write!(f, "{}.{part}", self.step),
        }
    }
}

impl Tour {
    /// The step (or part) at a place, if the tour has it.
    pub fn at(&self, pos: TourPos) -> Option<&TourStep> {
        let step = self.steps.get(pos.step.checked_sub(1)?)?;
        match pos.part {
            None => Some(step),
            Some(part) => step.each.get(part.checked_sub(1)?),
        }
    }

    /// The place after `pos`: the next part while stepping through parts, else the next
    /// step (a step's parts are entered only through [`Tour::parts`]). `None` at the end.
    pub fn next(&self, pos: TourPos) -> Option<TourPos> {
        let step = self.at(TourPos::step(pos.step))?;
        match pos.part {
            Some(part) if part < step.each.len() => Some(TourPos {
                part: Some(part + 1),
                ..pos
            }),
            _ => self
                .at(TourPos::step(pos.step + 1))
                .map(|_| TourPos::step(pos.step + 1)),
        }
    }

    /// The place before `pos`: the previous part, the step itself from its first part,
    /// else the previous step. `None` at the start.
    pub fn prev(&self, pos: TourPos) -> Option<TourPos> {
        match pos.part {
            Some(part) if part > 1 => Some(TourPos {
                part: Some(part - 1),
                ..pos
            }),
            Some(_) => Some(TourPos::step(pos.step)),
            None if pos.step > 1 => Some(TourPos::step(pos.step - 1)),
            None => None,
        }
    }

    /// The first part of the step at `pos`, if it has parts.
    pub fn parts(&self, pos: TourPos) -> Option<TourPos> {
        let step = self.at(TourPos::step(pos.step))?;
        (!step.each.is_empty()).then_some(TourPos {
            step: pos.step,
            part: Some(1),
        })
    }

    /// How many parts the step at `pos` has.
    pub fn part_count(&self, pos: TourPos) -> usize {
        self.at(TourPos::step(pos.step)).map_or(0, |s| s.each.len())
    }
}

impl ViewState {
    /// Goes to a place of the tour: its layers (or its selection's map reading, with the
    /// surroundings and labels), its selection, its fitted view. A place the tour does
    /// not have changes nothing and returns false.
    pub fn go_tour(&mut self, pos: TourPos, tour: &Tour, plan: &PlanData) -> bool {
        let Some(step) = tour.at(pos) else {
            return false;
        };
        match &step.layers {
            Some(items) => {
                self.layers = Layers::from_items(items.iter().copied());
                self.focus = step.focus.clone();
                self.reveal_focus(plan);
            }
            None => {
                self.select(step.focus.clone(), plan);
                self.layers.set(LayerId::Context, true);
            }
        }
        self.view = None;
        self.tour = Some(pos);
        true
    }

    /// The state the reader leaves the tour to: `before` (the state when it started,
    /// in the language read now), or the opening state when the tour came from a link.
    pub fn leave_tour(&self, before: Option<&ViewState>) -> ViewState {
        let mut out = before.cloned().unwrap_or_else(|| ViewState {
            embed: self.embed,
            ..ViewState::new(self.lang)
        });
        out.lang = self.lang;
        out.tour = None;
        out
    }
}

impl ViewState {
    /// The state a link opens ([`ViewState::from_link`]), on the tour step it names: a
    /// step the tour does not have (`tour=99`) is dropped and reported, like `task:99`.
    pub fn from_tour_link(
        query: &str,
        default_lang: Lang,
        plan: &Plan,
        tour: &Tour,
    ) -> (ViewState, Vec<Dropped>) {
        let (mut state, mut dropped) = ViewState::from_link(query, default_lang, plan);
        if let Some(pos) = state.tour.take() {
            if !state.go_tour(pos, tour, &plan.data) {
                dropped.push(Dropped {
                    key: "tour".into(),
                    value: pos.to_string(),
                });
            }
        }
        (state, dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, TaskId};
    use crate::plan::testing::plan_and_tour as setup;
    use crate::state::{query, Focus};

    #[test]
    fn places_parse_forgivingly_and_round_trip() {
        for text in ["1", "16", "15.3"] {
            assert_eq!(
                text.parse::<TourPos>().map(|p| p.to_string()),
                Ok(text.to_owned())
            );
        }
        for bad in [
            "0", "01", "-1", "+2", "1.0", "1.", ".1", "x", "", "1.2.3", "3 ",
        ] {
            assert!(bad.parse::<TourPos>().is_err(), "{bad}");
        }
        let (state, dropped) = query::parse("tour=3&lang=en", Lang::Zh);
        assert_eq!(state.tour, Some(TourPos::step(3)));
        assert!(dropped.is_empty());
        let (state, dropped) = query::parse("tour=zero&embed=1", Lang::Zh);
        assert_eq!(state.tour, None);
        assert!(state.embed);
        assert_eq!(dropped.len(), 1);
    }

    #[test]
    fn next_and_prev_walk_the_steps_and_the_parts_on_request() {
        let (_, tour) = setup();
        let n = tour.len();
        // Next from the start reaches the end without entering the tasks one by one.
        let mut pos = TourPos::START;
        let mut seen = vec![pos];
        while let Some(next) = tour.next(pos) {
            pos = next;
            seen.push(pos);
        }
        assert_eq!(seen.len(), n);
        assert!(seen.iter().all(|p| p.part.is_none()));
        assert_eq!(tour.prev(TourPos::START), None);
        assert_eq!(tour.next(TourPos::step(n)), None);
        // The tasks step has nine parts; Next walks them, then goes on to the safeguards.
        let tasks = tour.steps.iter().position(|s| s.id == "tasks").unwrap() + 1;
        let first = tour.parts(TourPos::step(tasks)).unwrap();
        assert_eq!(
            first,
            TourPos {
                step: tasks,
                part: Some(1)
            }
        );
        assert_eq!(tour.part_count(first), 9);
        let last = TourPos {
            step: tasks,
            part: Some(9),
        };
        assert_eq!(
            tour.next(first),
            Some(TourPos {
                step: tasks,
                part: Some(2)
            })
        );
        assert_eq!(tour.next(last), Some(TourPos::step(tasks + 1)));
        assert_eq!(tour.prev(first), Some(TourPos::step(tasks)));
        assert_eq!(tour.parts(TourPos::step(1)), None);
        assert!(tour
            .at(TourPos {
                step: 1,
                part: Some(1)
            })
            .is_none());
        assert!(tour.at(TourPos::step(n + 1)).is_none());
    }

    #[test]
    fn a_step_sets_layers_selection_and_view_and_leaving_restores() {
        let (plan, tour) = setup();
        let mut before = ViewState::new(Lang::En);
        before.layers.set(LayerId::Corridor, true);
        before.focus = Some(Focus::City(crate::ids::CityId::Jilin));
        let mut s = before.clone();
        s.view = None;
        // A belt step: that belt alone, selected.
        let belt = tour
            .steps
            .iter()
            .position(|st| st.id == "belt:pharma")
            .unwrap()
            + 1;
        assert!(s.go_tour(TourPos::step(belt), &tour, &plan.data));
        assert_eq!(s.focus, Some(Focus::Belt(BeltId::Pharma)));
        assert!(s.layers.shows_belt(BeltId::Pharma) && !s.layers.shows_belt(BeltId::Tourism));
        assert!(!s.layers.shows(LayerId::Corridor));
        assert_eq!(s.tour, Some(TourPos::step(belt)));
        // A task, one by one: its map reading.
        let tasks = tour.steps.iter().position(|st| st.id == "tasks").unwrap() + 1;
        assert!(s.go_tour(
            TourPos {
                step: tasks,
                part: Some(6)
            },
            &tour,
            &plan.data
        ));
        assert_eq!(s.focus, Some(Focus::Task(TaskId(6))));
        assert!(s.layers.shows_belt(BeltId::Tourism) && s.layers.shows(LayerId::Context));
        // A place the tour does not have changes nothing.
        let kept = s.clone();
        assert!(!s.go_tour(TourPos::step(99), &tour, &plan.data));
        assert_eq!(s, kept);
        // Leaving returns to the state before, in the language read now.
        s.lang = Lang::Zh;
        let left = s.leave_tour(Some(&before));
        assert_eq!(
            left,
            ViewState {
                lang: Lang::Zh,
                ..before
            }
        );
        // From a link there is no state before: the opening state.
        let left = s.leave_tour(None);
        assert_eq!(left, ViewState::new(Lang::Zh));
        // A link's step is landed on; one the tour does not have is dropped.
        let (s, dropped) = ViewState::from_tour_link("tour=2&lang=en", Lang::Zh, &plan, &tour);
        assert_eq!(
            (s.tour, s.focus, dropped),
            (Some(TourPos::step(2)), Some(Focus::Center), vec![])
        );
        let (s, dropped) = ViewState::from_tour_link("tour=99", Lang::Zh, &plan, &tour);
        assert_eq!(s, ViewState::new(Lang::Zh));
        assert_eq!(dropped.len(), 1);
    }

    #[test]
    fn the_link_of_a_step_is_its_number_alone() {
        let (plan, tour) = setup();
        let mut s = ViewState::new(Lang::Zh);
        s.go_tour(TourPos::step(3), &tour, &plan.data);
        assert_eq!(query::serialise(&s, Lang::Zh), "tour=3");
        s.embed = true;
        s.go_tour(
            TourPos {
                step: 15,
                part: Some(2),
            },
            &tour,
            &plan.data,
        );
        assert_eq!(query::serialise(&s, Lang::Zh), "embed=1&tour=15.2");
        // Opening it lands on the same step.
        let (mut opened, _) = query::parse("embed=1&tour=15.2", Lang::Zh);
        let pos = opened.tour.unwrap();
        opened.go_tour(pos, &tour, &plan.data);
        assert_eq!(opened, s);
    }
}
