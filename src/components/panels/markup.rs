//! The panels that are fixed text per language (overview, layout, goals, principles, tasks,
//! safeguards). A panel is one `<section>` whose content is the side column's part of the
//! same name (`source::part_html`: from `index.html`'s template in the release build,
//! else written by the functions of the panel's module through a [`Writer`]); its select
//! buttons are handled by one click listener on the section, and the selection is shown
//! by toggling classes, `aria-pressed` and the "selected" mark, so nothing is rebuilt when
//! only the selection changes. Only a language switch rewrites the sections: those on
//! screen at once, the others after the paint ([`lang_on_screen`]).

use crate::components::effect::Effect;
use crate::components::html::{closest, for_each_match, mark_selected, Html};
use crate::components::schedule::{lang_on_screen, stale_lang};
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::ids::Focus;
use web_sys::Element;

/// What a panel's content is written from. It is written without a selection: the
/// panel shows the selection on it after each write ([`panel`]).
#[cfg(not(metro_baked_side))]
pub struct Writer {
    /// The plan.
    pub plan: &'static crate::plan::Plan,
    /// The language written in.
    pub lang: Lang,
}

#[cfg(not(metro_baked_side))]
impl Writer {
    /// A plan text in the language.
    pub fn t(&self, text: &'static crate::i18n::Text) -> &'static str {
        text.get(self.lang)
    }

    /// `<button … data-item=focus>` of an item that selects `focus` on the map, with the
    /// hook `data-{hook}="{value}"` and extra classes. Close it with `</button>`.
    pub fn select(&self, h: &mut Html, focus: &Focus, class: &str, hook: &str, value: &str) {
        h.raw("<button type=\"button\" class=\"select ")
            .raw(class)
            .raw("\"")
            .attr("data-item", &focus.to_string())
            .raw(" aria-pressed=\"false\"")
            .attr("title", ui::SHOW_ON_MAP.get(self.lang))
            .raw(" data-")
            .raw(hook)
            .raw("=\"")
            .text(value)
            .raw("\">");
    }

    /// A `<ul>` of plan texts (principles, characteristics, mechanisms, …).
    pub fn list(
        &self,
        h: &mut Html,
        items: &'static [crate::i18n::Text],
        class: &str,
        item_class: &str,
    ) {
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

/// The "highlighted" mark after the content of a button the map highlights.
fn highlighted_mark(h: &mut Html, lang: Lang) {
    h.el("span", "mark mark-highlighted", ui::HIGHLIGHTED.get(lang));
}

/// Writes a panel's content after its heading.
#[cfg(not(metro_baked_side))]
pub type Write = fn(&mut Html, &Writer);

/// A panel's heading in the writer's language.
#[cfg(not(metro_baked_side))]
pub type Title = fn(&Writer) -> &'static str;

/// A panel: a `<section>` labelled by its `<h2>`, its heading and content the part `id`
/// of the side column (`source::part_html`: from `index.html`'s template, or written).
pub fn panel(ctx: Ctx, id: &'static str) -> Option<Element> {
    let root = dom::Slot::new();
    // After a language switch a panel off screen is written again after the paint, with
    // the page's `lang` (until then it is still in the page's language, and the switch's
    // frame neither restyles nor lays it out); one on screen is written at once and says
    // its language until the page's follows.
    let lang = lang_on_screen(ctx, root);
    let stale = stale_lang(move || lang.get(), ctx.page_lang);
    let label = format!("panel-{id}-title");
    // The selection, however it was made (here, on the map, by a link or the tour), and
    // after each write.
    let show = move |root: &Element| {
        show_selection(
            root,
            ctx.focus.get_untracked().as_ref(),
            ctx.highlight.get_untracked().as_ref(),
            lang.get_untracked(),
        )
    };
    Effect::new(move |_| {
        ctx.focus.track();
        ctx.highlight.track();
        if let Some(root) = root.get() {
            show(&root);
        }
    });
    let click = move |ev: web_sys::Event| {
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
    let el = dom::el("section", &[("aria-labelledby", &label)])?;
    el.set_class_name(&format!("panel panel-{id}"));
    dom::bind(&el, "lang", move || stale().map(Into::into));
    dom::bind_html_then(
        &el,
        move || super::source::part_html(ctx.plan, lang.get(), id),
        show,
    );
    dom::on(&el, "click", click);
    root.load(&el);
    Some(el)
}

/// Shows `focus` as the selection in a panel: its button pressed and marked, and the
/// element around it that carries `data-step` (a goal's timeline step) selected; and
/// `highlight` (what the map highlights for a selected task or goal) marked.
fn show_selection(
    root: &web_sys::Element,
    focus: Option<&Focus>,
    highlight: Option<&Focus>,
    lang: Lang,
) {
    for_each_match(root, ".mark", |el| el.remove());
    for_each_match(root, ".is-highlighted", |el| {
        el.class_list().remove_1("is-highlighted").ok();
    });
    let item = |f: &Focus| format!("[data-item=\"{f}\"]");
    let add_mark = |f: &Focus, write: fn(&mut Html, Lang)| {
        let button = root.query_selector(&item(f)).ok().flatten()?;
        let mut h = Html::new();
        write(&mut h, lang);
        button.insert_adjacent_html("beforeend", &h.0).ok()?;
        Some(button)
    };
    match focus {
        Some(f) => {
            mark_selected(root, &format!("{},[data-step=\"{f}\"]", item(f)));
            add_mark(f, selected_mark);
        }
        None => mark_selected(root, ""),
    }
    if let Some(h) = highlight.filter(|h| Some(*h) != focus) {
        if let Some(button) = add_mark(h, highlighted_mark) {
            button.class_list().add_1("is-highlighted").ok();
        }
    }
}
