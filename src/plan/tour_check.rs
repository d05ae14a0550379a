//! The guided tour checked against the plan (at start-up and in native tests): the
//! steps in the plan's order, every selection and city known to the plan, every text in
//! both languages, layers for every step. The build checks what it can on the files
//! (`build/tour.rs`).

use super::tour::{Caption, Tour, TourView};
use super::{Plan, PlanData};
use crate::ids::Focus;

impl Tour {
    /// The tour built into the app (`data/tour.json` as the build resolved and
    /// [`super::baked`] it). Checked against the plan in native builds (the tests); the
    /// app ships no checker: the same static data passes the native tests.
    pub fn embedded(plan: &Plan) -> Result<Tour, Vec<String>> {
        let tour = super::baked::TOUR.clone();
        if cfg!(target_arch = "wasm32") {
            Ok(tour)
        } else {
            tour.checked(plan)
        }
    }

    /// The tour if [`Tour::check`] finds no problem, else every problem.
    pub fn checked(self, plan: &Plan) -> Result<Tour, Vec<String>> {
        let errors = self.check(plan);
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// Every problem of the tour against the plan: the steps in the plan's order, every
    /// selection and city known to the plan, every text in both languages, every caption
    /// part holding one thing, layers for every step.
    pub fn check(&self, plan: &Plan) -> Vec<String> {
        let mut errors = Vec::new();
        let ids: Vec<&str> = self.steps.iter().map(|s| &*s.id).collect();
        let expected = expected_order(&plan.data);
        if ids != expected {
            errors.push(format!(
                "tour.json: the steps must follow the plan: {} (found {})",
                expected.join(", "),
                ids.join(", ")
            ));
        }
        let all = self
            .steps
            .iter()
            .flat_map(|s| std::iter::once(s).chain(s.each.iter()));
        for step in all {
            let mut problem = |p: String| errors.push(format!("tour.json: step {}: {p}", step.id));
            if let Some(focus) = &step.focus {
                if plan.title_of(focus).is_none() {
                    problem(format!("selects {focus}, which the plan does not have"));
                }
                if step.id.contains(':') && step.id != focus.to_string() {
                    problem(format!("selects {focus}, not what it is about"));
                }
            } else if step.id.contains(':') {
                problem("selects nothing".to_owned());
            }
            let has_reading = step
                .focus
                .as_ref()
                .is_some_and(|f| plan.data.reading_of(f).is_some());
            match &step.layers {
                Some(l) if l.is_empty() => problem("shows no layer".to_owned()),
                None if !has_reading => problem("names no layers and has no reading".to_owned()),
                _ => {}
            }
            if step.view == TourView::Focus && step.focus.is_none() {
                problem("fits its selection but selects nothing".to_owned());
            }
            let mut texts = vec![&step.title];
            for part in step.caption.iter() {
                match part.kind() {
                    Some(Caption::Route(cities)) => {
                        for c in cities.iter().filter(|c| plan.city(**c).is_none()) {
                            problem(format!("city {c} is not in the plan"));
                        }
                    }
                    Some(Caption::Reading(f)) if plan.data.reading_of(f).is_none() => {
                        problem(format!("{f} has no map reading"));
                    }
                    Some(_) => {}
                    None => problem("a caption part holds nothing or several things".to_owned()),
                }
                texts.extend(part.texts());
            }
            if step.caption.is_empty() {
                problem("has no caption".to_owned());
            }
            for t in texts {
                if t.en.trim().is_empty() || t.zh.trim().is_empty() {
                    problem(format!("a text lacks a language: {t:?}"));
                }
            }
        }
        errors
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True if the tour has no steps.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// The step ids in the order the tour must follow (the build checks the file
/// the same way, `build/tour.rs`).
pub fn expected_order(plan: &PlanData) -> Vec<String> {
    let layout = &plan.layout;
    let mut order = vec!["area".to_owned(), "center".to_owned()];
    order.extend(
        layout
            .clusters
            .iter()
            .map(|c| Focus::Cluster(c.id).to_string()),
    );
    order.push("belts".to_owned());
    order.extend(layout.belts.iter().map(|b| Focus::Belt(b.id).to_string()));
    order.push("corridor".to_owned());
    order.extend(plan.goals.iter().map(|g| Focus::Goal(g.id).to_string()));
    order.push("tasks".to_owned());
    order.push("safeguards".to_owned());
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing::plan_and_tour as setup;
    use crate::plan::tour::Figure;

    #[test]
    fn the_steps_follow_the_release() {
        let (plan, tour) = setup();
        let ids: Vec<&str> = tour.steps.iter().map(|s| &*s.id).collect();
        assert_eq!(
            ids,
            [
                "area",
                "center",
                "cluster:changchun-jilin",
                "cluster:changchun-siping",
                "cluster:changchun-liaoyuan",
                "belts",
                "belt:tourism",
                "belt:pharma",
                "belt:manufacturing",
                "belt:agriculture",
                "belt:energy",
                "corridor",
                "goal:2030",
                "goal:2035",
                "tasks",
                "safeguards"
            ]
        );
        // The tasks step lists the nine and can be stepped through one by one.
        let tasks = &tour.steps[14];
        assert_eq!(tasks.each.len(), plan.data.tasks.len());
        assert!(matches!(tasks.caption[0].kind(), Some(Caption::Numbered(n)) if n.len() == 9));
        assert_eq!(
            tasks.each[2].focus,
            Some(Focus::Task(crate::ids::TaskId(3)))
        );
        // Captions are the plan's own text: the center's is its description, the first
        // step gives the area and population.
        assert_eq!(
            tour.steps[1].caption[0].text.as_ref(),
            Some(&plan.data.layout.center.description)
        );
        assert!(tour.steps[0]
            .caption
            .iter()
            .any(|p| *p.figures == [Figure::Area, Figure::Population]));
        // A belt's caption gives its industry and its cities in the release's order.
        let pharma = &tour.steps[7];
        assert_eq!(pharma.caption[1].route, plan.data.layout.belts[1].cities);
        // The 2035 step names the four circles with their qualities.
        assert_eq!(tour.steps[13].caption[1].pairs.len(), 4);
    }

    #[test]
    fn the_check_reports_what_the_build_cannot_see() {
        let (plan, mut tour) = setup();
        // An unknown selection, a step without layers, steps out of order.
        let mut steps = tour.steps.to_vec();
        steps[1].focus = Some(Focus::Task(crate::ids::TaskId(99)));
        steps[2].layers = Some(Vec::new().into());
        steps.swap(3, 4);
        tour.steps = steps.into();
        let all = tour.check(&plan).join("\n");
        assert!(
            all.contains("task:99, which the plan does not have"),
            "{all}"
        );
        assert!(all.contains("shows no layer"), "{all}");
        assert!(all.contains("must follow the plan"), "{all}");
    }
}
