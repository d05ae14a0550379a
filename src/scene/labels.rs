//! The names on the map: which may show for a layer set and language, each carrying
//! what it names, and where they go so that none overlap at a scale.

use super::layers::Layers;
use super::Scene;
use crate::geo::label::{label_box, place_labels, text_width_em, LabelCandidate};
use crate::geo::{Point, Rect};
use crate::i18n::Lang;
use crate::ids::{Adcode, CityId, ClusterId, LayerId};
use crate::plan::Plan;

/// Label type size, px.
pub const FONT_PX: f64 = 12.0;

/// How much wider a bold name is drawn than [`text_width_em`] estimates for regular type.
const BOLD_WIDTH: f64 = 1.15;

/// The letter spacing of province names, em (`.label-region` in style/main.css).
const REGION_TRACKING_EM: f64 = 0.15;

/// What a label names.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelOf {
    /// A city (member cities are set in bold).
    City {
        /// Which city.
        id: CityId,
        /// One of the four member cities.
        member: bool,
    },
    /// A cluster, at the middle of its band.
    Cluster(ClusterId),
    /// A unit of the plan.
    Unit(Adcode),
    /// A neighbouring province, for orientation.
    Province(Adcode),
}

/// One name that may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel<'a> {
    /// What it names.
    pub of: LabelOf,
    /// The name in the label's language.
    pub text: &'a str,
    /// Where it may go.
    pub candidate: LabelCandidate,
}

impl<'a> MapLabel<'a> {
    fn new(of: LabelOf, text: &'a str, anchor: Point) -> Self {
        // Member cities are set in bold (`.label-city`), about a seventh wider.
        let bold = if matches!(of, LabelOf::City { member: true, .. }) {
            BOLD_WIDTH
        } else {
            1.0
        };
        MapLabel {
            of,
            text,
            candidate: LabelCandidate {
                anchor,
                offset_px: Point::default(),
                alternatives: Vec::new(),
                width_em: text_width_em(text) * bold,
            },
        }
    }
}

/// Offsets beside a city dot (px) for a label this many ems wide: right, below, left.
fn city_alternatives(width_em: f64) -> Vec<Point> {
    let half = width_em * FONT_PX / 2.0 + 9.0;
    vec![
        Point::new(half, 0.0),
        Point::new(0.0, 15.0),
        Point::new(-half, 0.0),
    ]
}

/// The labels that may show with these layers, in priority order: shown cities,
/// clusters, units from largest to smallest, then provinces. Each is paired with the
/// plan's name by id.
pub fn candidates<'a>(
    plan: &'a Plan,
    scene: &Scene,
    layers: &Layers,
    lang: Lang,
) -> Vec<MapLabel<'a>> {
    let mut out = Vec::new();
    for c in scene.shown_cities(layers) {
        if let Some(city) = plan.city(c.id) {
            let text = city.name.get(lang);
            let of = LabelOf::City {
                id: c.id,
                member: c.member,
            };
            let mut label = MapLabel::new(of, text, c.at);
            // Above the dot; right, below, left of it when above is taken.
            label.candidate.offset_px = Point::new(0.0, -14.0);
            label.candidate.alternatives = city_alternatives(label.candidate.width_em);
            out.push(label);
        }
    }
    if layers.shows(LayerId::Clusters) {
        for (id, mark) in &scene.clusters {
            if let (Some(cluster), [a, b, ..]) =
                (plan.data.layout.cluster(*id), mark.points.as_slice())
            {
                let middle = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
                out.push(MapLabel::new(
                    LabelOf::Cluster(*id),
                    cluster.name.get(lang),
                    middle,
                ));
            }
        }
    }
    let mut units: Vec<_> = scene
        .units
        .iter()
        .filter(|m| layers.shows_unit(&m.roles))
        .filter_map(|m| Some((plan.unit(&m.adcode)?, m)))
        .collect();
    crate::geo::sort_small_by(&mut units, |a, b| {
        b.0.area_km2.total_cmp(&a.0.area_km2).is_lt()
    });
    for (unit, mark) in units {
        let of = LabelOf::Unit(mark.adcode.clone());
        out.push(MapLabel::new(of, unit.name.get(lang), mark.label_at));
    }
    if layers.shows(LayerId::Context) {
        for (adcode, at) in &scene.province_labels {
            if let Some(province) = plan.data.provinces.iter().find(|p| &p.adcode == adcode) {
                let of = LabelOf::Province(adcode.clone());
                let text = province.name.get(lang);
                let mut label = MapLabel::new(of, text, *at);
                // Set with letter spacing after every character.
                label.candidate.width_em += REGION_TRACKING_EM * text.chars().count() as f64;
                out.push(label);
            }
        }
    }
    out
}

/// The labels that fit at `px_per_km`, each with the offset it takes. City points are
/// obstacles for every label.
pub fn place<'a>(labels: &[MapLabel<'a>], px_per_km: f64) -> Vec<MapLabel<'a>> {
    let list: Vec<LabelCandidate> = labels.iter().map(|l| l.candidate.clone()).collect();
    let dots: Vec<Rect> = labels
        .iter()
        .filter(|l| matches!(l.of, LabelOf::City { .. }))
        .map(|l| Rect::around([l.candidate.anchor]).padded(6.0 / px_per_km))
        .collect();
    let offsets = place_labels(&list, &dots, px_per_km, FONT_PX);
    labels
        .iter()
        .zip(offsets)
        .filter_map(|(l, offset)| {
            let mut l = l.clone();
            l.candidate.offset_px = offset?;
            Some(l)
        })
        .collect()
}

/// Whether a placed label, `width_em` wide (measured, or else its estimate), lies
/// wholly inside `visible` (map kilometres) at `px_per_km`, its box padded by a pixel:
/// a label that the map's edge would cut is hidden rather than shown in part.
pub fn inside_view(label: &MapLabel<'_>, width_em: f64, visible: &Rect, px_per_km: f64) -> bool {
    let c = LabelCandidate {
        width_em,
        alternatives: Vec::new(),
        ..label.candidate.clone()
    };
    visible.contains(&label_box(&c, px_per_km, FONT_PX).padded(1.0 / px_per_km))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, LayerItem};

    use crate::plan::testing::plan;

    #[test]
    fn every_label_names_what_it_stands_for() {
        let plan = plan();
        let scene = Scene::build(&plan);
        let all = Layers::from_items(LayerId::ALL.iter().map(|id| LayerItem::Layer(*id)));
        for lang in Lang::ALL {
            let labels = candidates(&plan, &scene, &all, lang);
            for label in &labels {
                let (name, at) = match &label.of {
                    LabelOf::City { id, .. } => (&plan.city(*id).unwrap().name, scene.city(*id)),
                    LabelOf::Cluster(id) => (&plan.data.layout.cluster(*id).unwrap().name, None),
                    LabelOf::Unit(code) => (
                        &plan.unit(code).unwrap().name,
                        scene.unit(code).map(|u| u.label_at),
                    ),
                    LabelOf::Province(code) => {
                        let p = plan
                            .data
                            .provinces
                            .iter()
                            .find(|p| &p.adcode == code)
                            .unwrap();
                        let at = scene
                            .province_labels
                            .iter()
                            .find(|(c, _)| c == code)
                            .map(|x| x.1);
                        (&p.name, at)
                    }
                };
                assert_eq!(label.text, name.get(lang), "{:?}", label.of);
                if let Some(at) = at {
                    assert_eq!(label.candidate.anchor, at, "{:?}", label.of);
                }
            }
            let provinces = labels
                .iter()
                .filter(|l| matches!(l.of, LabelOf::Province(_)))
                .count();
            assert_eq!(provinces, plan.data.provinces.len());
            let clusters = labels
                .iter()
                .filter(|l| matches!(l.of, LabelOf::Cluster(_)))
                .count();
            assert_eq!(clusters, 3);
        }
    }

    #[test]
    fn a_missing_province_outline_drops_only_its_own_label() {
        let mut plan = plan();
        let first = plan.data.provinces[0].adcode.clone();
        plan.region.retain(|b| b.adcode != first);
        let scene = Scene::build(&plan);
        let labels = candidates(&plan, &scene, &Layers::default(), Lang::En);
        let provinces: Vec<_> = labels
            .iter()
            .filter_map(|l| match &l.of {
                LabelOf::Province(code) => Some((code.clone(), l.text)),
                _ => None,
            })
            .collect();
        let expected: Vec<_> = plan.data.provinces[1..]
            .iter()
            .map(|p| (p.adcode.clone(), &*p.name.en))
            .collect();
        assert_eq!(provinces, expected);
    }

    #[test]
    fn labels_follow_the_layers() {
        let plan = plan();
        let scene = Scene::build(&plan);
        let only_energy = Layers::from_items([LayerItem::Belt(BeltId::Energy)]);
        let labels = candidates(&plan, &scene, &only_energy, Lang::En);
        // No units, clusters or provinces; the member cities and the energy belt's others.
        assert!(labels.iter().all(|l| matches!(l.of, LabelOf::City { .. })));
        let energy = plan.data.layout.belt(BeltId::Energy).unwrap();
        for label in &labels {
            let LabelOf::City { id, member } = label.of else {
                unreachable!()
            };
            assert!(member || energy.cities.contains(&id), "{id}");
        }
        // Units come largest first.
        let units: Vec<f64> = candidates(&plan, &scene, &Layers::default(), Lang::En)
            .iter()
            .filter_map(|l| match &l.of {
                LabelOf::Unit(code) => Some(plan.unit(code).unwrap().area_km2),
                _ => None,
            })
            .collect();
        assert_eq!(units.len(), 30);
        assert!(units.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn placed_labels_keep_their_names_and_clear_the_city_dots() {
        let plan = plan();
        let scene = Scene::build(&plan);
        let labels = candidates(&plan, &scene, &Layers::default(), Lang::Zh);
        for px_per_km in [0.5, 2.0, 8.0] {
            let placed = place(&labels, px_per_km);
            assert!(!placed.is_empty());
            for l in &placed {
                // Paired by what they name, not by position in a list.
                let original = labels.iter().find(|o| o.of == l.of).unwrap();
                assert_eq!(l.text, original.text);
                let b = crate::geo::label::label_box(&l.candidate, px_per_km, FONT_PX);
                for c in scene.shown_cities(&Layers::default()) {
                    let dot = Rect::around([c.at]).padded(6.0 / px_per_km);
                    assert!(!b.overlaps(&dot), "{:?} over the dot of {}", l.of, c.id);
                }
            }
        }
    }

    #[test]
    fn a_label_the_view_edge_would_cut_is_not_inside_it() {
        let plan = plan();
        let scene = Scene::build(&plan);
        let labels = candidates(&plan, &scene, &Layers::default(), Lang::En);
        let px_per_km = 1.0;
        let placed = place(&labels, px_per_km);
        let whole = placed
            .iter()
            .map(|l| label_box(&l.candidate, px_per_km, FONT_PX))
            .reduce(Rect::union)
            .unwrap()
            .padded(2.0);
        let inside = |view: &Rect| -> Vec<bool> {
            placed
                .iter()
                .map(|l| inside_view(l, l.candidate.width_em, view, px_per_km))
                .collect()
        };
        assert!(inside(&whole).iter().all(|&f| f));
        // Cut the view through the middle of the first label: it, and only labels the
        // new edge crosses or leaves out, are no longer inside.
        let first = label_box(&placed[0].candidate, px_per_km, FONT_PX);
        let cut = Rect {
            min_x: first.center().x,
            ..whole
        };
        let fits = inside(&cut);
        assert!(!fits[0]);
        // A wider measured text no longer fits where the estimate did.
        let right = |l: &MapLabel| label_box(&l.candidate, px_per_km, FONT_PX).max_x;
        let last = (0..placed.len())
            .max_by(|&a, &b| right(&placed[a]).total_cmp(&right(&placed[b])))
            .unwrap();
        let far = label_box(&placed[last].candidate, px_per_km, FONT_PX);
        let tight = Rect {
            max_x: far.max_x + 1.5,
            ..whole
        };
        let width = placed[last].candidate.width_em;
        assert!(inside_view(&placed[last], width, &tight, px_per_km));
        assert!(!inside_view(&placed[last], width + 1.0, &tight, px_per_km));
        for (l, fits) in placed.iter().zip(fits) {
            let b = label_box(&l.candidate, px_per_km, FONT_PX);
            assert_eq!(fits, b.min_x >= cut.min_x + 1.0, "{:?}", l.of);
        }
    }

    #[test]
    fn province_names_are_measured_with_their_letter_spacing() {
        let plan = plan();
        let scene = Scene::build(&plan);
        let labels = candidates(&plan, &scene, &Layers::default(), Lang::En);
        let province = labels
            .iter()
            .find(|l| matches!(l.of, LabelOf::Province(_)))
            .unwrap();
        assert!(province.candidate.width_em > text_width_em(province.text));
    }
}
