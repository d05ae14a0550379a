//! The tour's data file as written (`data/tour.json`: captions as paths into
//! `data/plan.json`) turned into the form the app reads (the plan's texts in place), with
//! the checks that need only the two JSON values: every path names a text (or a list of
//! them) that has both languages, and the steps come in the plan's order.
//!
//! Part of the build script (`build/main.rs`): a problem stops the build. The native
//! tests run the same code on the same files (`tests/support/`, `tests/tour.rs`); the
//! app checks the typed tour against the plan at start-up (`src/plan/tour_check.rs`).
//!
//! Paths are dot-separated keys; a key applied to a list picks the item whose `id` is
//! that key (`layout.belts.tourism.name`), and `*` takes every item
//! (`layout.belts.*.name`).

use serde_json::{json, Map, Value};

/// The views a step may fit.
pub const VIEWS: [&str; 4] = ["layers", "focus", "metro", "region"];
/// The figures a caption may show.
pub const FIGURES: [&str; 2] = ["area", "population"];

/// The tour with its captions' paths replaced by the plan's texts, or every problem found.
pub fn resolve(tour: &Value, plan: &Value) -> Result<Value, Vec<String>> {
    let mut errors = Vec::new();
    let empty = Vec::new();
    let steps = match tour.get("steps").and_then(Value::as_array) {
        Some(steps) => steps,
        None => {
            errors.push("tour.json: no \"steps\" list".to_owned());
            &empty
        }
    };
    let resolved: Vec<Value> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let name = step
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("step {}", i + 1), str::to_owned);
            let mut problems = Vec::new();
            let out = resolve_step(step, plan, &mut problems);
            errors.extend(
                problems
                    .into_iter()
                    .map(|p| format!("tour.json: step {name}: {p}")),
            );
            out
        })
        .collect();
    let ids: Vec<&str> = steps
        .iter()
        .map(|s| s.get("id").and_then(Value::as_str).unwrap_or(""))
        .collect();
    let expected = expected_order(plan);
    if ids != expected {
        errors.push(format!(
            "tour.json: the steps must follow the plan: {} (found {})",
            expected.join(", "),
            ids.join(", ")
        ));
    }
    if errors.is_empty() {
        Ok(json!({ "steps": resolved }))
    } else {
        Err(errors)
    }
}

/// The step ids in the order the tour must follow: the area, the center, each cluster,
/// the belts together, each belt, the corridor, each goal, the tasks, the safeguards
/// (clusters, belts and goals in the plan data's order, which is the release's).
pub fn expected_order(plan: &Value) -> Vec<String> {
    let ids = |path: &str, kind: &str| -> Vec<String> {
        lookup(plan, path)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| id_text(item.get("id")?))
                    .map(|id| format!("{kind}:{id}"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut order = vec!["area".to_owned(), "center".to_owned()];
    order.extend(ids("layout.clusters", "cluster"));
    order.push("belts".to_owned());
    order.extend(ids("layout.belts", "belt"));
    order.push("corridor".to_owned());
    order.extend(ids("goals", "goal"));
    order.push("tasks".to_owned());
    order.push("safeguards".to_owned());
    order
}

fn resolve_step(step: &Value, plan: &Value, errors: &mut Vec<String>) -> Value {
    let mut out = Map::new();
    let Some(obj) = step.as_object() else {
        errors.push("not an object".to_owned());
        return Value::Object(out);
    };
    for (key, value) in obj {
        match key.as_str() {
            "id" | "layers" | "focus" => {
                out.insert(key.clone(), value.clone());
            }
            "view" => {
                if !value.as_str().is_some_and(|v| VIEWS.contains(&v)) {
                    errors.push(format!("view {value} is not one of {}", VIEWS.join(", ")));
                }
                out.insert(key.clone(), value.clone());
            }
            "title" => {
                out.insert(key.clone(), text(value, plan, errors));
            }
            "caption" => {
                let parts = value.as_array().map(Vec::as_slice).unwrap_or_default();
                if parts.is_empty() {
                    errors.push("no caption".to_owned());
                }
                let parts = parts.iter().map(|p| part(p, plan, errors)).collect();
                out.insert(key.clone(), Value::Array(parts));
            }
            "each" => {
                out.insert(key.clone(), each(value, plan, errors));
            }
            other => errors.push(format!("unknown field \"{other}\"")),
        }
    }
    for required in ["id", "title", "caption", "view"] {
        if !out.contains_key(required) {
            errors.push(format!("no \"{required}\""));
        }
    }
    Value::Object(out)
}

/// One part of a caption: exactly one of `text`, `list`, `numbered`, `route`, `pairs`,
/// `figures`, `reading`.
fn part(value: &Value, plan: &Value, errors: &mut Vec<String>) -> Value {
    let Some((key, value)) = value
        .as_object()
        .filter(|o| o.len() == 1)
        .and_then(|o| o.iter().next())
    else {
        errors.push(format!("caption part {value} must have exactly one field"));
        return Value::Null;
    };
    let resolved = match key.as_str() {
        "text" => text(value, plan, errors),
        "list" | "numbered" => texts(value, plan, errors),
        "route" => match path_value(value, plan, errors) {
            Some(Value::Array(ids)) if !ids.is_empty() && ids.iter().all(Value::is_string) => {
                Value::Array(ids)
            }
            Some(other) => {
                errors.push(format!("route {value} is not a list of city ids: {other}"));
                Value::Null
            }
            None => Value::Null,
        },
        "pairs" => {
            let name = value.get("name").map(|p| texts(p, plan, errors));
            let detail = value.get("detail").map(|p| texts(p, plan, errors));
            match (name, detail) {
                (Some(Value::Array(names)), Some(Value::Array(details)))
                    if names.len() == details.len() =>
                {
                    let pairs = names
                        .into_iter()
                        .zip(details)
                        .map(|(name, detail)| json!({ "name": name, "detail": detail }))
                        .collect();
                    Value::Array(pairs)
                }
                _ => {
                    errors.push(format!(
                        "pairs {value} need lists \"name\" and \"detail\" of one length"
                    ));
                    Value::Null
                }
            }
        }
        "figures" => {
            let ok = value.as_array().is_some_and(|f| {
                !f.is_empty()
                    && f.iter()
                        .all(|x| x.as_str().is_some_and(|x| FIGURES.contains(&x)))
            });
            if !ok {
                errors.push(format!("figures {value}: a list of {}", FIGURES.join(", ")));
            }
            value.clone()
        }
        "reading" => value.clone(),
        other => {
            errors.push(format!("unknown caption part \"{other}\""));
            Value::Null
        }
    };
    json!({ key.clone(): resolved })
}

/// Sub-steps for each item of a plan list: `"tasks"`, one step per key task, titled with
/// its name and showing its map reading.
fn each(value: &Value, plan: &Value, errors: &mut Vec<String>) -> Value {
    if value.as_str() != Some("tasks") {
        errors.push(format!("each {value}: only \"tasks\" is known"));
        return Value::Array(Vec::new());
    }
    let tasks = plan.get("tasks").and_then(Value::as_array);
    let steps = tasks
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|task| {
            let id = format!("task:{}", id_text(task.get("id")?)?);
            let title = text(task.get("name")?, plan, errors);
            Some(json!({
                "id": id,
                "title": title,
                "caption": [{ "reading": id }],
                "focus": id,
                "view": "layers",
            }))
        })
        .collect::<Vec<_>>();
    if steps.is_empty() {
        errors.push("each \"tasks\": the plan has no tasks".to_owned());
    }
    Value::Array(steps)
}

/// A text: given in place (both languages) or as a path into the plan.
fn text(value: &Value, plan: &Value, errors: &mut Vec<String>) -> Value {
    let found = match value {
        Value::String(_) => path_value(value, plan, errors),
        other => Some(other.clone()),
    };
    match found {
        Some(t) if is_text(&t) => t,
        Some(other) => {
            errors.push(format!("{value} is not a text in both languages: {other}"));
            Value::Null
        }
        None => Value::Null,
    }
}

/// A list of texts, from a path.
fn texts(value: &Value, plan: &Value, errors: &mut Vec<String>) -> Value {
    match path_value(value, plan, errors) {
        Some(Value::Array(items)) if !items.is_empty() && items.iter().all(is_text) => {
            Value::Array(items)
        }
        Some(other) => {
            errors.push(format!(
                "{value} is not a list of texts in both languages: {other}"
            ));
            Value::Null
        }
        None => Value::Null,
    }
}

fn path_value(path: &Value, plan: &Value, errors: &mut Vec<String>) -> Option<Value> {
    let Some(path) = path.as_str() else {
        errors.push(format!("{path} is not a path"));
        return None;
    };
    let found = lookup_all(plan, &path.split('.').collect::<Vec<_>>());
    if found.is_none() {
        errors.push(format!("\"{path}\" names nothing in plan.json"));
    }
    found
}

/// The value at a path without `*`.
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| step_into(v, key))
}

fn lookup_all(value: &Value, keys: &[&str]) -> Option<Value> {
    match keys.split_first() {
        None => Some(value.clone()),
        Some((&"*", rest)) => value
            .as_array()?
            .iter()
            .map(|item| lookup_all(item, rest))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        Some((key, rest)) => lookup_all(step_into(value, key)?, rest),
    }
}

/// A field of an object, or the item of a list whose `id` is `key`.
fn step_into<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(o) => o.get(key),
        Value::Array(items) => items
            .iter()
            .find(|item| item.get("id").and_then(id_text).as_deref() == Some(key)),
        _ => None,
    }
}

/// An id as text (ids are strings, task ids numbers).
fn id_text(id: &Value) -> Option<String> {
    match id {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A text of the plan: English and Chinese, neither empty.
fn is_text(value: &Value) -> bool {
    ["en", "zh"].iter().all(|lang| {
        value
            .get(lang)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    })
}
