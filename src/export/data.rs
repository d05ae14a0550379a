//! The data downloads: units as CSV (UTF-8 with BOM, so that Excel shows the Chinese)
//! and as GeoJSON (RFC 7946), and the plan metadata as JSON.

use super::Download;
use crate::geo::decimal::Num;
use crate::geo::shape::twice_signed_area;
use crate::geo::{LonLat, Ring};
use crate::i18n::{ui, Lang, Text};
use crate::plan::{Plan, Unit};
use crate::state::describe::role_names;
use std::fmt::Write;

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The units as CSV: a BOM, a header in `lang`, one row per unit with both names.
/// Lines end in CRLF (RFC 4180).
pub fn units_csv(plan: &Plan, lang: Lang) -> String {
    let header = [
        ui::COL_ADCODE,
        ui::COL_NAME_ZH,
        ui::COL_NAME_EN,
        ui::CITY,
        ui::ROLE,
        ui::CSV_ROLE_IDS,
        ui::COL_AREA,
    ];
    let mut out = String::from("\u{feff}");
    let line: Vec<String> = header.iter().map(|p| csv_field(p.get(lang))).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
    for u in &plan.units {
        let row = [
            u.entry.adcode.to_string(),
            u.name.zh.to_string(),
            u.name.en.to_string(),
            plan.city_name(u.city, lang).to_owned(),
            role_names(u, lang),
            u.role_ids().collect::<Vec<_>>().join(";"),
            area(u),
        ];
        let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Twice the signed area of a ring in degrees (positive when counterclockwise, x east
/// and y north).
fn signed_area(ring: &[LonLat]) -> f64 {
    twice_signed_area(ring, |p| (p.lon, p.lat))
}

/// A JSON array of values already written as JSON.
fn array(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

/// A JSON object, on one line, of values already written as JSON, in the given order.
fn object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", json_string(k)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// Strings as a JSON array.
fn json_strings<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    array(items.into_iter().map(|x| json_string(x.as_ref())))
}

/// A ring as GeoJSON positions: closed, counterclockwise for exteriors and clockwise for
/// holes (RFC 7946, 3.1.6), six decimals (about 0.1 m).
fn ring_json(ring: &Ring, exterior: bool) -> String {
    let mut points: Vec<LonLat> = ring.0.clone();
    if (signed_area(&points) > 0.0) != exterior {
        points.reverse();
    }
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    array(
        points
            .iter()
            // Six decimals, as `{}` of the rounded numbers wrote them, with integer code.
            .map(|p| format!("[{},{}]", Num(p.lon), Num(p.lat))),
    )
}

/// A derived area in km², as a whole number.
fn area(unit: &Unit) -> String {
    format!("{:.0}", Num(unit.area_km2))
}

/// The units as a GeoJSON FeatureCollection (RFC 7946: WGS-84 order lon,lat, no `crs`,
/// right-hand winding). Properties: code, both names, city and roles in `lang`, role
/// ids, derived area. The coordinates are GCJ-02 as published (see the attribution).
pub fn units_geojson(plan: &Plan, lang: Lang) -> String {
    let features: Vec<String> = plan
        .units
        .iter()
        .map(|u| {
            let polygons = u.boundary.geometry.0.iter().map(|p| {
                let holes = p.holes.iter().map(|h| ring_json(h, false));
                array(std::iter::once(ring_json(&p.exterior, true)).chain(holes))
            });
            let id = json_string(&u.entry.adcode.to_string());
            object(&[
                ("type", json_string("Feature")),
                ("id", id.clone()),
                (
                    "properties",
                    object(&[
                        ("adcode", id),
                        ("name_zh", json_string(&u.name.zh)),
                        ("name_en", json_string(&u.name.en)),
                        ("city", json_string(plan.city_name(u.city, lang))),
                        ("roles", json_strings(u.role_ids())),
                        ("role_text", json_string(&role_names(u, lang))),
                        ("area_km2_derived", area(u)),
                    ]),
                ),
                (
                    "geometry",
                    object(&[
                        ("type", json_string("MultiPolygon")),
                        ("coordinates", array(polygons)),
                    ]),
                ),
            ])
        })
        .collect();
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    )
}

/// A plan text in `lang` as a JSON string.
fn t(text: &Text, lang: Lang) -> String {
    json_string(text.get(lang))
}

/// A list of plan texts in `lang` as a JSON array.
fn ts(texts: &[Text], lang: Lang) -> String {
    json_strings(texts.iter().map(|x| x.get(lang)))
}

/// Ids as a JSON array.
fn ids<T: std::fmt::Display>(list: &[T]) -> String {
    json_strings(list.iter().map(ToString::to_string))
}

/// The plan metadata in `lang`: title, source, figures, the 1351 layout, goals,
/// principles, tasks, safeguards, cities and units (with both names), and the
/// attribution of the boundaries.
pub fn plan_json(plan: &Plan, lang: Lang) -> String {
    let d = &plan.data;
    let l = &d.layout;
    let clusters = l.clusters.iter().map(|c| {
        object(&[
            ("id", json_string(c.id.as_str())),
            ("name", t(&c.name, lang)),
            ("cities", ids(&c.cities)),
        ])
    });
    let belts = l.belts.iter().map(|b| {
        object(&[
            ("id", json_string(b.id.as_str())),
            ("name", t(&b.name, lang)),
            ("industry", t(&b.industry, lang)),
            ("cities", ids(&b.cities)),
        ])
    });
    let layout = object(&[
        ("name", t(&l.name, lang)),
        ("code", json_string(&l.code)),
        ("focus", t(&l.focus, lang)),
        ("principles", ts(&l.principles, lang)),
        (
            "center",
            object(&[
                ("city", json_string(l.center.city.as_str())),
                ("name", t(&l.center.name, lang)),
                ("description", t(&l.center.description, lang)),
            ]),
        ),
        ("clusters", array(clusters)),
        ("belts", array(belts)),
        (
            "corridor",
            object(&[
                ("name", t(&l.corridor.name, lang)),
                ("cities", ids(&l.corridor.cities)),
                ("roles", ts(&l.corridor.roles, lang)),
                ("aim", t(&l.corridor.aim, lang)),
            ]),
        ),
    ]);
    let goals = d.goals.iter().map(|g| {
        let circles = g.circles.iter().map(|c| {
            object(&[
                ("id", json_string(c.id.as_str())),
                ("name", t(&c.name, lang)),
                ("quality", t(&c.quality, lang)),
            ])
        });
        object(&[
            ("year", json_string(g.id.as_str())),
            ("headline", t(&g.headline, lang)),
            (
                "economy_trillion_rmb",
                g.economy_trillion_rmb
                    .map_or("null".to_owned(), |v| Num(v).to_string()),
            ),
            ("outcomes", ts(&g.outcomes, lang)),
            ("traits", ts(&g.traits, lang)),
            ("circles", array(circles)),
        ])
    });
    let tasks = d
        .tasks
        .iter()
        .map(|k| object(&[("number", k.id.to_string()), ("name", t(&k.name, lang))]));
    let cities = d.cities.iter().map(|c| {
        object(&[
            ("id", json_string(c.id.as_str())),
            ("name_zh", json_string(&c.name.zh)),
            ("name_en", json_string(&c.name.en)),
            ("member", c.member.to_string()),
        ])
    });
    let units = plan.units.iter().map(|u| {
        object(&[
            ("adcode", json_string(&u.entry.adcode.to_string())),
            ("name_zh", json_string(&u.name.zh)),
            ("name_en", json_string(&u.name.en)),
            ("city", json_string(u.city.as_str())),
            ("roles", json_strings(u.role_ids())),
            ("area_km2_derived", area(u)),
        ])
    });
    let fields = [
        ("language", json_string(lang.as_str())),
        ("title", t(&d.title, lang)),
        ("area_name", t(&d.area_name, lang)),
        (
            "source",
            object(&[
                ("source", t(&d.release.source, lang)),
                ("event", t(&d.release.event, lang)),
                ("date", t(&d.release.date, lang)),
            ]),
        ),
        ("summary", t(&d.summary, lang)),
        (
            "figures",
            object(&[
                ("area_km2", Num(d.figures.area_km2).to_string()),
                (
                    "population_million",
                    Num(d.figures.population_million).to_string(),
                ),
            ]),
        ),
        ("composition", t(&d.composition, lang)),
        ("area_statement", t(&d.area_statement, lang)),
        ("sphere_statement", t(&d.sphere_statement, lang)),
        ("layout", layout),
        ("goals", array(goals)),
        ("principles", ts(&d.principles, lang)),
        ("tasks", array(tasks)),
        (
            "safeguards",
            object(&[
                ("summary", t(&d.safeguards.summary, lang)),
                ("mechanisms", ts(&d.safeguards.mechanisms, lang)),
                ("aim", t(&d.safeguards.aim, lang)),
            ]),
        ),
        ("cities", array(cities)),
        ("units", array(units)),
        ("attribution", json_string(ui::ATTRIBUTION.get(lang))),
        (
            "translation_note",
            json_string(ui::TRANSLATION_NOTE.get(lang)),
        ),
    ];
    // The top level has one field a line, for a reader opening the file.
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {}: {v}", json_string(k)))
        .collect();
    format!("{{\n{}\n}}\n", body.join(",\n"))
}

/// The text of a file download ([`Download::is_file`]) in `lang`; `None` for the map's
/// SVG and PNG, which are drawn from the current view in the browser.
pub fn file_text(plan: &Plan, what: Download, lang: Lang) -> Option<String> {
    match what {
        Download::UnitsCsv => Some(units_csv(plan, lang)),
        Download::UnitsGeoJson => Some(units_geojson(plan, lang)),
        Download::PlanJson => Some(plan_json(plan, lang)),
        Download::MapSvg | Download::MapPng => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing::plan;
    use serde_json::Value;

    #[test]
    fn csv_has_a_bom_a_header_and_all_units_with_both_names() {
        let p = plan();
        for lang in Lang::ALL {
            let csv = units_csv(&p, lang);
            assert!(csv.starts_with('\u{feff}'));
            let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
            assert_eq!(lines.len(), 31, "{lang}");
            assert!(lines
                .iter()
                .any(|l| l.starts_with("220182,榆树市,Yushu City,")));
            // Every row has as many fields as the header (none holds a comma unquoted).
            for line in &lines[1..] {
                let mut fields = 0;
                let mut quoted = false;
                for c in line.chars() {
                    match c {
                        '"' => quoted = !quoted,
                        ',' if !quoted => fields += 1,
                        _ => {}
                    }
                }
                assert_eq!(fields, 6, "{line}");
            }
        }
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }

    #[test]
    fn geojson_is_rfc_7946() {
        let p = plan();
        let text = units_geojson(&p, Lang::En);
        let v: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["type"], "FeatureCollection");
        assert!(v.get("crs").is_none());
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 30);
        for f in features {
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["geometry"]["type"], "MultiPolygon");
            assert!(f["properties"]["name_zh"]
                .as_str()
                .is_some_and(|s| !s.is_empty()));
            for polygon in f["geometry"]["coordinates"].as_array().unwrap() {
                for (i, ring) in polygon.as_array().unwrap().iter().enumerate() {
                    let pts: Vec<LonLat> = ring
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| LonLat {
                            lon: p[0].as_f64().unwrap(),
                            lat: p[1].as_f64().unwrap(),
                        })
                        .collect();
                    assert!(pts.len() >= 4);
                    assert_eq!(pts.first(), pts.last(), "closed");
                    assert!(pts
                        .iter()
                        .all(|p| (-180.0..=180.0).contains(&p.lon)
                            && (-90.0..=90.0).contains(&p.lat)));
                    let area = signed_area(&pts[..pts.len() - 1]);
                    assert_eq!(area > 0.0, i == 0, "exterior CCW, holes CW");
                }
            }
        }
        let dongliao = features.iter().find(|f| f["id"] == "220422").unwrap();
        assert_eq!(
            dongliao["properties"]["roles"],
            serde_json::json!(["partial", "sphere"])
        );
    }

    #[test]
    fn plan_json_parses_and_holds_the_plan() {
        let p = plan();
        for lang in Lang::ALL {
            let v: Value = serde_json::from_str(&plan_json(&p, lang)).expect("valid JSON");
            assert_eq!(v["title"], p.data.title.get(lang));
            assert_eq!(v["tasks"].as_array().unwrap().len(), 9);
            assert_eq!(v["units"].as_array().unwrap().len(), 30);
            assert_eq!(v["layout"]["belts"].as_array().unwrap().len(), 5);
            assert_eq!(v["goals"][0]["year"], "2030");
        }
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
