//! The interactive map: layers drawn from the scene, zoom and pan, tooltip, details,
//! layer switches and legend.

mod camera;
mod controls;
mod details;
mod downloads;
mod keys;
mod labels;
mod layer_panel;
mod layers;
mod legend;
mod pointer;
mod tooltip;
mod view_bar;

pub use camera::{reduced_motion, MapCamera};
pub use details::details;

use crate::components::stash::Derived;
use crate::components::table::table_view;
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::state::describe;
use wasm_bindgen::JsCast;

/// The map's caches (the labels' measured widths, the tooltip's measured sizes): a list
/// searched in order, since they hold a few hundred entries at most (every label or
/// feature in both languages) and a hash map's code for each key type cost more wasm
/// than the search costs time (issue 12: ≈ 0.3 ms for a full relabelling at 4× CPU).
struct Cache<K, V>(Vec<(K, V)>);

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache(Vec::new())
    }
}

impl<K: PartialEq, V> Cache<K, V> {
    /// The value kept for `key`.
    fn get(&self, key: &K) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// True if a value is kept for `key`.
    fn contains_key(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// Keeps `value` for `key`, in place of the one kept before.
    fn insert(&mut self, key: K, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// How many values are kept.
    fn len(&self) -> usize {
        self.0.len()
    }

    /// Forgets every value.
    fn clear(&mut self) {
        self.0.clear();
    }
}

/// The map with its controls, legend, tooltip and details, built by hand
/// (`components::dom`).
pub fn map_panel(ctx: Ctx) -> Option<web_sys::Element> {
    let wrap = dom::Slot::new();
    let cam = MapCamera::new(ctx, wrap);
    let cursor = keys::KeyCursor::new();
    let svg_ref = dom::Slot::new();
    keys::label_features(ctx, svg_ref);
    // A memo: the table view must not be rebuilt (losing its sort) on other changes.
    let table = Derived::new(move |_| ctx.state.with(|s| s.table));
    let hidden = move || table.get().then_some("".into());
    // What the map says to screen readers (its name, description and its features'
    // names, `keys::label_features`) is in the page's language, `<html lang>`: after a
    // switch it follows once the switch's frame is painted (issue 12: the features' names
    // took ≈ 4 ms of the click at 4× CPU). Its parts that show text carry their own
    // `lang` meanwhile (`Ctx::lang_attr`), so the map's shapes keep theirs and the frame
    // neither restyles nor lays them out again.
    let page_lang = ctx.page_lang;
    let name = move || Some(ui::MAP.get(page_lang.get()).into());
    let section = dom::el("section", &[("class", "map-section")])?;
    dom::bind_class(&section, "is-table", move || table.get());
    dom::bind(&section, "aria-label", name);
    dom::append(&section, &[&view_bar::view_bar(cam)?])?;
    let wrap_el = dom::el("div", &[("class", "map-wrap")])?;
    dom::bind(&wrap_el, "hidden", hidden);
    let svg = dom::svg(
        "svg",
        &[
            ("id", "map"),
            ("class", "map"),
            ("role", "graphics-document"),
            ("tabindex", "0"),
            ("aria-describedby", "map-desc map-keys"),
        ],
    )?;
    dom::bind_class(&svg, "has-highlight", move || {
        ctx.highlight.with(Option::is_some)
    });
    dom::bind(&svg, "viewBox", move || {
        Some(cam.viewport.get().view_box().into())
    });
    dom::bind(&svg, "aria-label", name);
    let (down, moved, up) = (pointer::down(cam), pointer::moved(cam), pointer::up(cam));
    dom::on(&svg, "pointerdown", move |ev| down(ev.unchecked_into()));
    dom::on(&svg, "pointermove", move |ev| moved(ev.unchecked_into()));
    dom::on(&svg, "pointerup", move |ev| up(ev.unchecked_into()));
    dom::on(&svg, "pointercancel", move |ev| up(ev.unchecked_into()));
    dom::on(&svg, "pointerleave", move |_| ctx.hover.set(None));
    let click = pointer::click(cam);
    dom::on(&svg, "click", move |ev| {
        cursor.0.set(None);
        click(ev.unchecked_into())
    });
    let double_click = pointer::double_click(cam);
    dom::on(&svg, "dblclick", move |ev| {
        double_click(ev.unchecked_into())
    });
    let wheel = pointer::wheel(cam);
    dom::on(&svg, "wheel", move |ev| wheel(ev.unchecked_into()));
    let key = keys::key(cam, cursor);
    keys::preload_keys_on_focus();
    dom::on(&svg, "keydown", move |ev| key(ev.unchecked_into()));
    let focus_out = keys::focus_out(cursor);
    dom::on(&svg, "focusout", move |ev| focus_out(ev.unchecked_into()));
    let desc = dom::svg("desc", &[("id", "map-desc")])?;
    dom::bind_text(&desc, move || {
        Some(
            ctx.layers
                .with(|l| describe::map_description(ctx.plan, l, page_lang.get()))
                .into(),
        )
    });
    dom::append(
        &svg,
        &[
            &desc,
            &layers::marks(cam)?,
            &labels::labels(cam)?,
            &keys::focus_ring(cursor)?,
        ],
    )?;
    dom::append(&wrap_el, &[&svg, &controls::controls(cam)?])?;
    tooltip::tooltip(cam, &wrap_el);
    // Both languages' key lines in one grid cell, the one not in the line's language
    // hidden by the style sheet: the line is the taller of the two in either language, so a
    // language switch does not change the map's height (which refitted the view and
    // repainted the whole map in the switch's frame, issue 12).
    let map_keys = dom::el("p", &[("class", "map-keys"), ("id", "map-keys")])?;
    dom::bind_lang(&map_keys, ctx);
    dom::bind(&map_keys, "hidden", hidden);
    for l in Lang::ALL {
        let line = dom::el("span", &[("lang", l.tag())])?;
        line.set_text_content(Some(ui::MAP_KEYS.get(l)));
        dom::append(&map_keys, &[&line])?;
    }
    let legend = dom::el("div", &[("class", "map-legend")])?;
    dom::bind(&legend, "hidden", hidden);
    dom::append(&legend, &[&legend::legend(ctx)?])?;
    dom::append(&section, &[&wrap_el, &map_keys, &legend])?;
    // The table view while it is asked for, with its own owner: its effects end with it.
    let home = section.clone();
    dom::shown_while(
        move || table.get(),
        move || table_view(ctx),
        move |view| home.append_child(view).ok().map(drop),
    )?;
    wrap.load(&wrap_el);
    svg_ref.load(&svg);
    Some(section)
}
