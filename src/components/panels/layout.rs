//! The "1351" spatial layout in words: one center, three clusters, five belts, one
//! corridor, and the layout's principles. Each item selects its feature on the map.
//! Written as one HTML string per language like the other panels (`markup`).

use super::format;
use super::markup::Writer;
use crate::components::html::Html;
use crate::i18n::{ui, Phrase};
use crate::ids::{CityId, Focus, LayerId};

/// The layout panel's heading.
pub fn title(w: &Writer) -> &'static str {
    ui::LAYOUT_HEADING.get(w.lang)
}

/// The layout panel.
pub fn write(h: &mut Html, w: &Writer) {
    let layout = &w.plan.data.layout;
    let group = |h: &mut Html, id: LayerId| {
        h.el("h3", "group-title", ui::layer_name(id).get(w.lang));
    };
    let route = |h: &mut Html, cities: &[CityId], sep: Phrase| {
        h.el(
            "span",
            "item-route",
            &format::cities(w.plan, cities, w.lang, sep),
        );
    };
    h.raw("<div class=\"layout-intro\">")
        .el("span", "layout-code", &layout.code)
        .raw("<div class=\"layout-words\">")
        .el("p", "layout-name", w.t(&layout.name))
        .el("p", "layout-focus", w.t(&layout.focus))
        .raw("</div></div>")
        .el("h3", "group-title", ui::LAYOUT_PRINCIPLES.get(w.lang));
    w.list(h, &layout.principles, "chips layout-principles", "chip");

    group(h, LayerId::Center);
    let center = Focus::Center;
    w.select(h, &center, "item", "focus", &center.to_string());
    h.el("span", "item-title", w.t(&layout.center.name)).el(
        "span",
        "item-text",
        w.t(&layout.center.description),
    );
    h.raw("</button>");

    group(h, LayerId::Clusters);
    h.el("p", "group-intro", w.t(&layout.clusters_intro))
        .raw("<ul class=\"items layout-clusters\">");
    for c in layout.clusters.iter() {
        let focus = Focus::Cluster(c.id);
        h.raw("<li>");
        w.select(h, &focus, "item", "cluster", c.id.as_str());
        h.el("span", "item-title", w.t(&c.name));
        route(h, &c.cities, ui::LIST_SEP);
        h.raw("</button></li>");
    }
    h.raw("</ul>");

    group(h, LayerId::Belts);
    h.el("p", "group-intro", w.t(&layout.belts_intro))
        .raw("<ul class=\"items layout-belts\">");
    for b in layout.belts.iter() {
        let focus = Focus::Belt(b.id);
        h.raw("<li>");
        w.select(h, &focus, "item", "belt", b.id.as_str());
        h.raw("<span class=\"item-title\"><span class=\"swatch\" aria-hidden=\"true\"></span>")
            .text(w.t(&b.industry))
            .raw("</span>")
            .el("span", "item-text", w.t(&b.name));
        route(h, &b.cities, ui::ROUTE_SEP);
        h.raw("</button></li>");
    }
    h.raw("</ul>");

    group(h, LayerId::Corridor);
    let corridor = &layout.corridor;
    let focus = Focus::Corridor;
    w.select(h, &focus, "item", "focus", &focus.to_string());
    h.el("span", "item-title", w.t(&corridor.name));
    route(h, &corridor.cities, ui::ROUTE_SEP);
    h.raw("<span class=\"item-tags\">");
    for r in corridor.roles.iter() {
        h.el("span", "tag", w.t(r)).raw(" ");
    }
    h.raw("</span>").el("span", "item-text", w.t(&corridor.aim));
    h.raw("</button>");
}
