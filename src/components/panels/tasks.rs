//! The nine key tasks, in the plan's order; each selects its reading on the map.

use super::panel::Panel;
use super::select::SelectButton;
use crate::components::use_ctx;
use crate::i18n::{ui, Lang};
use crate::ids::{Focus, LayerItem};
use crate::plan::{KeyTask, MapReading, PlanData};
use leptos::prelude::*;

/// The tasks panel.
#[component]
pub fn TasksPanel() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    view! {
        <Panel id="tasks" title=ctx.phrase(ui::TASKS_HEADING)>
            <p class="reading-note">{ctx.phrase(ui::TASK_READING)}</p>
            <ol class="tasks">
                {data.tasks.iter().map(|task| view! { <Task task /> }).collect_view()}
            </ol>
        </Panel>
    }
}

/// One task: its number, its name, and what the map shows for it.
#[component]
fn Task(task: &'static KeyTask) -> impl IntoView {
    let ctx = use_ctx();
    let shows = move || reading(&ctx.plan.data, &task.map, ctx.lang.get());
    view! {
        <li class="task">
            <SelectButton
                focus=Focus::Task(task.id)
                class="item task-button"
                attr:data-task=task.id.to_string()
            >
                <span class="task-number">{task.id.to_string()}</span>
                <span class="task-words">
                    <span class="task-name">{ctx.text(&task.name)}</span>
                    <span class="task-reading">
                        <span class="task-reading-label">{ctx.phrase(ui::ON_MAP)}</span>
                        {shows}
                    </span>
                </span>
            </SelectButton>
        </li>
    }
}

/// The names of the layers a task or goal shows on the map (the dashboard's reading).
pub(crate) fn reading(data: &PlanData, map: &MapReading, lang: Lang) -> String {
    map.layers
        .iter()
        .map(|item| match item {
            LayerItem::Layer(id) => ui::layer_name(*id).get(lang),
            LayerItem::Belt(id) => data
                .layout
                .belt(*id)
                .map_or(id.as_str(), |b| b.name.get(lang)),
        })
        .collect::<Vec<_>>()
        .join(ui::LIST_SEP.get(lang))
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
