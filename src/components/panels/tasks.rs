//! The nine key tasks, in the plan's order; each selects its reading on the map.

#[cfg(not(metro_baked_side))]
use super::markup::Writer;
#[cfg(not(metro_baked_side))]
use crate::components::html::Html;
use crate::i18n::{ui, Lang};
#[cfg(not(metro_baked_side))]
use crate::ids::Focus;
use crate::ids::LayerItem;
use crate::plan::{MapReading, PlanData};

/// The tasks panel's heading.
#[cfg(not(metro_baked_side))]
pub fn title(w: &Writer) -> &'static str {
    ui::TASKS_HEADING.get(w.lang)
}

#[cfg(not(metro_baked_side))]
/// The tasks panel: each task is its number, its name, and what the map shows for it.
pub fn write(h: &mut Html, w: &Writer) {
    let data = &w.plan.data;
    h.el("p", "reading-note", ui::TASK_READING.get(w.lang));
    h.raw("<ol class=\"tasks\">");
    for task in data.tasks.iter() {
        let focus = Focus::Task(task.id);
        let number = task.id.to_string();
        h.raw("<li class=\"task\">");
        w.select(h, &focus, "item task-button", "task", &number);
        h.el("span", "task-number", &number)
            .raw("<span class=\"task-words\">")
            .el("span", "task-name", w.t(&task.name))
            .raw("<span class=\"task-reading\">")
            .el("span", "task-reading-label", ui::ON_MAP.get(w.lang))
            .text(&reading(data, &task.map, w.lang))
            .raw("</span></span>");
        h.raw("</button>");
        h.raw("</li>");
    }
    h.raw("</ol>");
}

/// The names of the layers a task or goal shows on the map (the dashboard's reading).
pub(crate) fn reading(data: &PlanData, map: &MapReading, lang: Lang) -> String {
    crate::i18n::join(
        map.layers.iter().map(|item| match item {
            LayerItem::Layer(id) => ui::layer_name(*id).get(lang),
            LayerItem::Belt(id) => data
                .layout
                .belt(*id)
                .map_or(id.as_str(), |b| b.name.get(lang)),
        }),
        ui::LIST_SEP.get(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_reading_names_its_layers() {
        let plan = crate::plan::testing::plan();
        let data = &plan.data;
        assert_eq!(
            reading(data, &data.tasks[0].map, Lang::En),
            "One corridor, Five belts"
        );
        assert_eq!(reading(data, &data.tasks[0].map, Lang::Zh), "一廊、五带");
        assert!(reading(data, &data.tasks[5].map, Lang::Zh).contains("文化旅游产业带"));
    }
}
