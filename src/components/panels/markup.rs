//! The panels that are fixed text per language (overview, goals, principles, tasks,
//! safeguards) as one HTML string each (issue 12: first-load size; see
//! `components::html`). A panel is one `<section>` whose content is written by a plain
//! function; its select buttons are handled by one click listener on the section, and
//! the selection is shown by toggling classes, `aria-pressed` and the "selected" mark,
//! so nothing is rebuilt when only the selection changes. Only a language switch rewrites
//! the sections.

use crate::components::html::{closest, mark_selected, Html};
use crate::components::use_ctx;
use crate::i18n::{ui, Lang, Text};
use crate::ids::Focus;
use crate::plan::Plan;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a panel's content is written from.
pub struct Writer {
    /// The plan.
    pub plan: &'static Plan,
    /// The language written in.
    pub lang: Lang,
    /// The selection when written.
    pub focus: Option<Focus>,
}

impl Writer {
    /// A plan text in the language.
    pub fn t(&self, text: &'static Text) -> &'static str {
        text.get(self.lang)
    }

    /// `<button … data-item=focus>` of an item that selects `focus` on the map, with the
    /// hook `data-{hook}="{value}"` and extra classes. Close it with [`Writer::select_end`].
    pub fn select(&self, h: &mut Html, focus: &Focus, class: &str, hook: &str, value: &str) {
        let on = self.focus.as_ref() == Some(focus);
        h.raw("<button type=\"button\" class=\"select ")
            .raw(class)
            .raw(if on { " is-selected\"" } else { "\"" })
            .attr("data-item", &focus.to_string())
            .raw(" aria-pressed=\"")
            .raw(if on { "true\"" } else { "false\"" })
            .attr("title", ui::SHOW_ON_MAP.get(self.lang))
            .raw(" data-")
            .raw(hook)
            .raw("=\"")
            .text(value)
            .raw("\">");
    }

    /// The end of a select button: the "selected" mark if it is the selection.
    pub fn select_end(&self, h: &mut Html, focus: &Focus) {
        if self.focus.as_ref() == Some(focus) {
            selected_mark(h, self.lang);
        }
        h.raw("</button>");
    }

    /// A `<ul>` of plan texts (principles, characteristics, mechanisms, …).
    pub fn list(&self, h: &mut Html, items: &'static [Text], class: &str, item_class: &str) {
        h.open("ul", class);
        for t in items {
            h.el("li", item_class, self.t(t));
        }
        h.close("ul");
    }
}

/// The "selected" mark after a selected button's content.
fn selected_mark(h: &mut Html, lang: Lang) {
    h.raw("<span class=\"mark mark-selected\" aria-hidden=\"true\">")
        .text(ui::SELECTED.get(lang))
        .raw("</span>");
}

/// Writes a panel's content after its heading.
pub type Write = fn(&mut Html, &Writer);

/// A panel: a `<section>` labelled by its `<h2>`, its content written by `write`.
#[component]
pub fn StaticPanel(
    /// Names the panel in classes and ids (`panel-{id}`, `panel-{id}-title`).
    id: &'static str,
    /// The heading.
    title: fn(&Writer) -> &'static str,
    /// Writes the content.
    write: Write,
) -> impl IntoView {
    let ctx = use_ctx();
    let root = NodeRef::<leptos::html::Section>::new();
    let title_id = format!("panel-{id}-title");
    let label = title_id.clone();
    let html = move || {
        let w = Writer {
            plan: ctx.plan,
            lang: ctx.lang.get(),
            focus: ctx.focus.get_untracked(),
        };
        let mut h = Html::new();
        h.raw("<h2 class=\"panel-title\"")
            .attr("id", &title_id)
            .raw(">")
            .text(title(&w))
            .raw("</h2>");
        write(&mut h, &w);
        h.0
    };
    // The selection, however it was made (here, on the map, by a link or the tour).
    Effect::new(move |_| {
        let focus = ctx.focus.get();
        if let Some(root) = root.get() {
            show_selection(&root, focus.as_ref(), ctx.lang.get_untracked());
        }
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let focus = closest(&ev, "button[data-item]")
            .and_then(|b| b.get_attribute("data-item"))
            .and_then(|f| f.parse::<Focus>().ok());
        if let Some(focus) = focus {
            ctx.toggle_select(focus.clone());
            // A new selection is shown on the map: bring it into view where it is
            // above the panels (phones).
            if ctx.focus.with_untracked(|f| f.as_ref() == Some(&focus)) {
                super::keep_map_in_view();
            }
        }
    };
    view! {
        <section
            class=format!("panel panel-{id}")
            aria-labelledby=label
            node_ref=root
            inner_html=html
            on:click=click
        ></section>
    }
}

/// Shows `focus` as the selection in a panel: its button pressed and marked, and the
/// element around it that carries `data-step` (a goal's timeline step) selected.
fn show_selection(root: &web_sys::Element, focus: Option<&Focus>, lang: Lang) {
    if let Ok(marks) = root.query_selector_all(".mark-selected") {
        for i in 0..marks.length() {
            if let Some(m) = marks
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                m.remove();
            }
        }
    }
    let Some(focus) = focus else {
        mark_selected(root, "");
        return;
    };
    let selector = format!("[data-item=\"{focus}\"]");
    mark_selected(root, &format!("{selector},[data-step=\"{focus}\"]"));
    if let Ok(Some(button)) = root.query_selector(&selector) {
        let mut h = Html::new();
        selected_mark(&mut h, lang);
        button.insert_adjacent_html("beforeend", &h.0).ok();
    }
}
