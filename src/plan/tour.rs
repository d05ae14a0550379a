//! The guided tour as data (`data/tour.json`): each step's title and caption (the plan's
//! own texts), the layers it shows, what it selects and the extent it fits. `build.rs`
//! resolves the captions' paths into the plan's texts and checks the order
//! ([`super::tour_json`]); [`Tour::check`] checks the rest against the plan at start-up
//! (and in native tests).

use super::{Plan, PlanData};
use crate::i18n::Text;
use crate::ids::{CityId, Focus, LayerItem};
use serde::Deserialize;

/// `data/tour.json` as built into the app, captions resolved.
const PACKED_TOUR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tour.json.bin"));

/// The tour: its steps in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// The steps.
    pub steps: Vec<TourStep>,
}

/// One step of the tour (or one part of a step that has parts).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// What the step is about: `area`, `center`, `cluster:ID`, `belts`, `belt:ID`,
    /// `corridor`, `goal:ID`, `tasks`, `task:N`, `safeguards`.
    pub id: String,
    /// Its heading.
    pub title: Text,
    /// Its caption, part by part.
    pub caption: Vec<CaptionPart>,
    /// The layers shown; `None`: the map reading of its selection (a task, a goal).
    #[serde(default)]
    pub layers: Option<Vec<LayerItem>>,
    /// What it selects.
    #[serde(default)]
    pub focus: Option<Focus>,
    /// The extent the map fits.
    pub view: TourView,
    /// Parts a reader may step through one by one (the nine tasks).
    #[serde(default)]
    pub each: Vec<TourStep>,
}

/// The extent a step fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TourView {
    /// What the shown layers need (as the default view does).
    Layers,
    /// The selection.
    Focus,
    /// The designated area and the sphere.
    Metro,
    /// Northeast China, with every belt and the corridor.
    Region,
}

/// One part of a caption; exactly one field is set (see [`CaptionPart::kind`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionPart {
    /// A paragraph.
    #[serde(default)]
    pub text: Option<Text>,
    /// A list.
    #[serde(default)]
    pub list: Vec<Text>,
    /// A numbered list.
    #[serde(default)]
    pub numbered: Vec<Text>,
    /// Cities in order.
    #[serde(default)]
    pub route: Vec<CityId>,
    /// Names with a quality each (the four circles).
    #[serde(default)]
    pub pairs: Vec<Pair>,
    /// Key figures.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// What the map shows for a task or goal (the dashboard's reading).
    #[serde(default)]
    pub reading: Option<Focus>,
}

/// A name and its quality.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The name.
    pub name: Text,
    /// Its quality.
    pub detail: Text,
}

/// A key figure of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Figure {
    /// The designated area's size.
    Area,
    /// Its permanent population.
    Population,
}

/// What a caption part is, for the views.
#[derive(Debug, Clone, Copy)]
pub enum Caption<'a> {
    /// A paragraph.
    Text(&'a Text),
    /// A list.
    List(&'a [Text]),
    /// A numbered list.
    Numbered(&'a [Text]),
    /// Cities in order.
    Route(&'a [CityId]),
    /// Names with qualities.
    Pairs(&'a [Pair]),
    /// Key figures.
    Figures(&'a [Figure]),
    /// A task's or goal's map reading.
    Reading(&'a Focus),
}

impl CaptionPart {
    /// The one thing the part holds (`None` if it holds nothing or several things).
    pub fn kind(&self) -> Option<Caption<'_>> {
        let mut kinds = Vec::new();
        if let Some(t) = &self.text {
            kinds.push(Caption::Text(t));
        }
        if !self.list.is_empty() {
            kinds.push(Caption::List(&self.list));
        }
        if !self.numbered.is_empty() {
            kinds.push(Caption::Numbered(&self.numbered));
        }
        if !self.route.is_empty() {
            kinds.push(Caption::Route(&self.route));
        }
        if !self.pairs.is_empty() {
            kinds.push(Caption::Pairs(&self.pairs));
        }
        if !self.figures.is_empty() {
            kinds.push(Caption::Figures(&self.figures));
        }
        if let Some(f) = &self.reading {
            kinds.push(Caption::Reading(f));
        }
        match kinds.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Every text of the part.
    fn texts(&self) -> Vec<&Text> {
        let mut out: Vec<&Text> = self.text.iter().collect();
        out.extend(&self.list);
        out.extend(&self.numbered);
        out.extend(self.pairs.iter().flat_map(|p| [&p.name, &p.detail]));
        out
    }
}

impl Tour {
    /// The tour built into the app, checked against the plan.
    pub fn embedded(plan: &Plan) -> Result<Tour, Vec<String>> {
        let tour: Tour = super::packed::from_json_bytes(PACKED_TOUR)
            .map_err(|e| vec![format!("tour.json: {e}")])?;
        tour.checked(plan)
    }

    /// Reads a tour file against a plan file (as `build.rs` does) and checks it.
    pub fn load(tour: &str, plan_text: &str, plan: &Plan) -> Result<Tour, Vec<String>> {
        let value = |name: &str, text: &str| {
            serde_json::from_str::<serde_json::Value>(text)
                .map_err(|e| vec![format!("{name}: {e}")])
        };
        let resolved =
            super::tour_json::resolve(&value("tour.json", tour)?, &value("plan.json", plan_text)?)?;
        let tour: Tour =
            serde_json::from_value(resolved).map_err(|e| vec![format!("tour.json: {e}")])?;
        tour.checked(plan)
    }

    fn checked(self, plan: &Plan) -> Result<Tour, Vec<String>> {
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
        let ids: Vec<&str> = self.steps.iter().map(|s| s.id.as_str()).collect();
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
            .flat_map(|s| std::iter::once(s).chain(&s.each));
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
            for part in &step.caption {
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

/// The step ids in the order the tour must follow (see [`super::tour_json::expected_order`],
/// which checks the file at build time).
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
    use crate::plan::EMBEDDED;

    const TOUR_TEXT: &str = include_str!("../../data/tour.json");

    fn plan() -> Plan {
        Plan::embedded().unwrap_or_else(|e| panic!("{e:#?}"))
    }

    #[test]
    fn the_tour_file_is_valid_and_the_built_in_tour_is_it() {
        let plan = plan();
        let loaded =
            Tour::load(TOUR_TEXT, EMBEDDED.plan, &plan).unwrap_or_else(|e| panic!("{e:#?}"));
        let embedded = Tour::embedded(&plan).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(format!("{loaded:?}"), format!("{embedded:?}"));
    }

    #[test]
    fn the_steps_follow_the_release() {
        let plan = plan();
        let tour = Tour::embedded(&plan).unwrap_or_else(|e| panic!("{e:#?}"));
        let ids: Vec<&str> = tour.steps.iter().map(|s| s.id.as_str()).collect();
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
            .any(|p| p.figures == [Figure::Area, Figure::Population]));
        // A belt's caption gives its industry and its cities in the release's order.
        let pharma = &tour.steps[7];
        assert_eq!(pharma.caption[1].route, plan.data.layout.belts[1].cities);
        // The 2035 step names the four circles with their qualities.
        assert_eq!(tour.steps[13].caption[1].pairs.len(), 4);
    }

    #[test]
    fn broken_tours_are_reported_at_build_time_and_by_the_check() {
        let plan = plan();
        // A path that names nothing, a text in one language, steps out of order.
        let broken = TOUR_TEXT
            .replace("layout.center.description", "layout.center.nothing")
            .replace(
                r#""title": {"en": "Five belts", "zh": "五带", "zh_from": "published"}"#,
                r#""title": {"en": "Five belts", "zh": ""}"#,
            )
            .replace("\"id\": \"corridor\"", "\"id\": \"corridor-x\"");
        let errors = Tour::load(&broken, EMBEDDED.plan, &plan).unwrap_err();
        let all = errors.join("\n");
        assert!(
            all.contains("\"layout.center.nothing\" names nothing"),
            "{all}"
        );
        assert!(
            all.contains("step belts") && all.contains("both languages"),
            "{all}"
        );
        assert!(all.contains("must follow the plan"), "{all}");
        // What only the typed check sees: an unknown selection, a step without layers.
        let mut tour = Tour::embedded(&plan).unwrap_or_else(|e| panic!("{e:#?}"));
        tour.steps[1].focus = Some(Focus::Task(crate::ids::TaskId(99)));
        tour.steps[2].layers = Some(Vec::new());
        tour.steps.swap(3, 4);
        let all = tour.check(&plan).join("\n");
        assert!(
            all.contains("task:99, which the plan does not have"),
            "{all}"
        );
        assert!(all.contains("shows no layer"), "{all}");
        assert!(all.contains("must follow the plan"), "{all}");
    }
}
