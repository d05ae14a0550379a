//! The legend: exactly the visible layers, every symbol explained, and the attribution.
//! Written once as one HTML string (`components::html`: far less wasm than a view type
//! per kind of item) with an entry for every layer and belt, those not shown `hidden`; a
//! layer change only flips `hidden` on the entries (issue 12: written again, parsed and
//! its new elements styled and laid out, it took ≈ 2 ms of a layer toggle's script at 4×
//! CPU), and a language switch only replaces its words (≈ 5 ms of the switch before).

use crate::components::effect::Effect;
use crate::components::html::{for_each_match, on_lang_switch, set_text, Html};
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::ids::{LayerId, LayerItem};
use crate::plan::Plan;
use crate::scene::layers::Layers;
use web_sys::Element;

/// The legend.
pub fn legend(ctx: Ctx) -> Option<Element> {
    let root = dom::Slot::new();
    // Written once, with the layers and language as they are; the effects below follow them.
    let html = ctx
        .layers
        .with_untracked(|l| write(ctx.plan, l, ctx.lang.get_untracked()));
    on_lang_switch(ctx.lang, root, move |root, lang| {
        reword(root, ctx.plan, lang)
    });
    // The entries, found once with what each explains and whether it is shown (issue 12:
    // a layer toggle only flips the few that change).
    Effect::new(
        move |found: Option<Vec<(web_sys::Element, Option<String>, bool)>>| {
            let Some(root) = root.get() else {
                return found.unwrap_or_default();
            };
            let mut entries = found.filter(|e| !e.is_empty()).unwrap_or_else(|| {
                let mut found = Vec::new();
                for_each_match(&root, "li", |li| {
                    let entry = li.get_attribute("data-legend");
                    let shown = !li.has_attribute("hidden");
                    found.push((li, entry, shown));
                });
                found
            });
            ctx.layers.with(|l| {
                for (li, entry, was) in entries.iter_mut() {
                    let now = shown(l, entry.as_deref());
                    if now != *was {
                        li.toggle_attribute_with_force("hidden", !now).ok();
                        *was = now;
                    }
                }
            });
            entries
        },
    );
    // Focusable: beside the map on wide screens it scrolls when many layers show.
    let el = dom::el("section", &[("class", "legend"), ("tabindex", "0")])?;
    dom::bind_lang(&el, ctx);
    dom::bind_phrase(&el, "aria-label", ctx, ui::LEGEND);
    el.set_inner_html(&html);
    root.load(&el);
    Some(el)
}

/// Whether a legend entry (`data-legend`; none: "no layers shown") is shown.
fn shown(layers: &Layers, entry: Option<&str>) -> bool {
    match entry {
        Some("area" | "partial") => layers.shows(LayerId::Area),
        Some(item) => item.parse().is_ok_and(|item| layers.shows_item(item)),
        None => !LayerId::ALL.iter().any(|id| layers.shows(*id)),
    }
}

/// The words of a legend entry (`data-legend`).
fn entry_text<'a>(plan: &'a Plan, entry: &str, lang: Lang) -> Option<&'a str> {
    Some(match entry {
        "area" => ui::LEGEND_WHOLE.get(lang),
        "partial" => ui::LEGEND_PARTIAL.get(lang),
        other => match other.parse::<LayerItem>().ok()? {
            LayerItem::Belt(id) => plan.data.layout.belt(id)?.name.get(lang),
            LayerItem::Layer(id) => ui::legend_text(id).get(lang),
        },
    })
}

/// Puts the legend's words in `lang`, leaving its elements as [`write`] made them.
fn reword(root: &web_sys::Element, plan: &Plan, lang: Lang) {
    set_text(root, ".legend-title", ui::LEGEND.get(lang));
    for_each_match(root, "li", |li| match li.get_attribute("data-legend") {
        // An entry: its symbol, then its words.
        Some(entry) => {
            if let Some(text) = entry_text(plan, &entry, lang) {
                set_text(&li, "span:last-child", text);
            }
        }
        // "No layers shown".
        None => li.set_text_content(Some(ui::LEGEND_EMPTY.get(lang))),
    });
    set_text(root, ".attribution", ui::ATTRIBUTION.get(lang));
}

/// The legend's content: an entry for every layer and belt, those `layers` does not show
/// `hidden`, and last the "no layers shown" line.
fn write(plan: &Plan, layers: &Layers, lang: Lang) -> String {
    let mut h = Html::new();
    h.el("h2", "legend-title", ui::LEGEND.get(lang)).raw("<ul>");
    let open = |h: &mut Html, id: &str| {
        h.raw("<li").attr("data-legend", id);
        if !shown(layers, Some(id)) {
            h.raw(" hidden");
        }
        h.raw(">");
    };
    let swatch = |h: &mut Html, id: &str, kind: &str, text: &str| {
        open(h, id);
        h.raw("<span class=\"legend-swatch swatch-")
            .raw(kind)
            .raw("\" aria-hidden=\"true\"></span>")
            .el("span", "", text)
            .raw("</li>");
    };
    for &id in LayerId::ALL {
        match id {
            LayerId::Belts => {
                for b in plan.data.layout.belts.iter() {
                    open(&mut h, &LayerItem::Belt(b.id).to_string());
                    h.raw("<svg class=\"legend-symbol\" viewBox=\"0 0 28 12\" aria-hidden=\"true\"><path class=\"belt-")
                        .raw(b.id.as_str())
                        .raw(" belt-line\" d=\"M1,6H27\"></path></svg>")
                        .el("span", "", b.name.get(lang))
                        .raw("</li>");
                }
            }
            LayerId::Area => {
                swatch(&mut h, "area", "area", ui::LEGEND_WHOLE.get(lang));
                swatch(&mut h, "partial", "partial", ui::LEGEND_PARTIAL.get(lang));
            }
            other => swatch(
                &mut h,
                other.as_str(),
                other.as_str(),
                ui::legend_text(other).get(lang),
            ),
        }
    }
    h.raw(if shown(layers, None) {
        "<li>"
    } else {
        "<li hidden>"
    })
    .text(ui::LEGEND_EMPTY.get(lang))
    .raw("</li></ul>")
    .el("p", "attribution", ui::ATTRIBUTION.get(lang));
    h.0
}
