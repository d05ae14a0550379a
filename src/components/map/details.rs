//! The details panel for the selected map feature.

use crate::components::effect::Effect;
use crate::components::html::{attach_while, closest, Html};
use crate::components::lazy::{hand_over, preload, preload_on_intent, split, ChunkError, Handover};
use crate::components::panels::format::cities;
use crate::components::panels::tasks::reading;
use crate::components::stash::{Derived, Stash};
use crate::components::{dom, Ctx};
use crate::i18n::{fill, join, thousands, ui, Lang, Phrase};
use crate::ids::{CityId, Focus};
use crate::plan::{PlaceKind, Plan, Unit};
use crate::state::describe::role_name;
use leptos::prelude::Owner;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The phrases naming a unit's roles.
pub fn role_phrases(unit: &Unit) -> Vec<Phrase> {
    unit.entry.roles.iter().map(|r| role_name(*r)).collect()
}

/// What the panel says about a selection (one row per fact).
fn facts(plan: &Plan, focus: &Focus, lang: Lang) -> Vec<(Phrase, String)> {
    let layout = &plan.data.layout;
    let t = |p: Phrase| p.get(lang).to_owned();
    let chain = |ids: &[CityId]| cities(plan, ids, lang, ui::ROUTE_SEP);
    match focus {
        Focus::Unit(code) => plan
            .unit(code)
            .map(|u| {
                let roles: Vec<&str> = role_phrases(u).iter().map(|p| p.get(lang)).collect();
                vec![
                    (
                        ui::CITY,
                        plan.city(u.city)
                            .map(|c| c.name.get(lang).to_owned())
                            .unwrap_or_default(),
                    ),
                    (ui::ROLE, join(&roles, "; ")),
                    (
                        ui::DERIVED_AREA,
                        format!("≈ {} {}", thousands(u.area_km2.round() as u64), t(ui::KM2)),
                    ),
                    (ui::PLAN_SAYS, plan.statement_of(u).get(lang).to_owned()),
                ]
            })
            .unwrap_or_default(),
        Focus::Center => vec![(
            ui::PLAN_SAYS,
            layout.center.description.get(lang).to_owned(),
        )],
        Focus::Cluster(id) => layout
            .cluster(*id)
            .map(|c| {
                vec![
                    (ui::CITIES_IN_ORDER, chain(&c.cities)),
                    (ui::PLAN_SAYS, layout.clusters_intro.get(lang).to_owned()),
                    (ui::NOTE, t(ui::SCHEMATIC)),
                ]
            })
            .unwrap_or_default(),
        Focus::Belt(id) => layout
            .belt(*id)
            .map(|b| {
                vec![
                    (ui::INDUSTRY, b.industry.get(lang).to_owned()),
                    (ui::CITIES_IN_ORDER, chain(&b.cities)),
                    (ui::PLAN_SAYS, layout.belts_intro.get(lang).to_owned()),
                    (ui::NOTE, t(ui::ROUTE_NOTE)),
                ]
            })
            .unwrap_or_default(),
        Focus::Corridor => {
            let roles: Vec<&str> = layout.corridor.roles.iter().map(|r| r.get(lang)).collect();
            vec![
                (ui::CITIES_IN_ORDER, chain(&layout.corridor.cities)),
                (
                    ui::PURPOSE,
                    format!("{} {}", join(&roles, "; "), layout.corridor.aim.get(lang)),
                ),
                (ui::NOTE, t(ui::ROUTE_NOTE)),
            ]
        }
        Focus::City(id) => plan
            .city(*id)
            .map(|c| {
                let kind = match c.kind() {
                    PlaceKind::MemberCity => ui::MEMBER_CITY,
                    PlaceKind::NamedCity => ui::NAMED_CITY,
                    PlaceKind::Place => ui::NAMED_PLACE,
                };
                let note = if plan.anchor_is_cited(*id) {
                    ui::CITED_POINT_NOTE
                } else {
                    ui::ANCHOR_NOTE
                };
                vec![(ui::ROLE, t(kind)), (ui::NOTE, t(note))]
            })
            .unwrap_or_default(),
        Focus::Task(id) => plan
            .data
            .task(*id)
            .map(|task| {
                let of = fill(
                    &fill(ui::TASK_OF.get(lang), &task.id.to_string()),
                    &plan.data.tasks.len().to_string(),
                );
                vec![
                    (ui::TASKS_HEADING, of),
                    (ui::ON_MAP_TERM, reading(&plan.data, &task.map, lang)),
                    (ui::NOTE, t(ui::TASK_READING)),
                ]
            })
            .unwrap_or_default(),
        Focus::Goal(_) => Vec::new(),
    }
}

/// The details of the selected map feature, docked beside the map (in the side column on
/// wide screens, a bottom sheet on phones) rather than over it; Escape or the close
/// button clears it. It marks itself as an overlay so that the map keeps the selection
/// clear of it where it does lie over the map (the bottom sheet). A selected key task has
/// its sheet too, on phones only (`details-task`): on wide screens its panel item is read
/// beside the map, while on phones the panels are below the map, out of sight. Its
/// content is written as one HTML string (`components::html`: far less wasm than a view
/// type per element); a new selection with as many facts has its texts written into the
/// card's elements in place (issue 12: parsing the card again and styling its new elements took
/// ≈ 2–5 ms of a selection at 4× CPU).
pub fn details(ctx: Ctx, dock: &Element) {
    // Whatever selects: the map's features (and its keys), the panels' items, the tables.
    preload_on_intent("#map, .panels [data-item], .table-select", || {
        preload!(preload_details);
    });
    // The card is the chunk's from the first selection it shows on (`details_mount`,
    // `lazy::Handover`): until then, this follows only whether there is one.
    let (Some(owner), handover) = (Owner::current(), Handover::new()) else {
        return;
    };
    let dock = dock.clone();
    Effect::new(move |_| {
        let shows = ctx
            .focus
            .with(|f| f.as_ref().is_some_and(|f| !matches!(f, Focus::Goal(_))))
            && ctx.state.with(|s| s.tour.is_none());
        if handover.start(shows) {
            let (dock, owner) = (dock.clone(), owner.clone());
            hand_over!(
                handover,
                ctx.lang.get_untracked(),
                details_mount,
                Box::new(MountJob { ctx, dock, owner })
            );
        }
    });
}

/// What the details chunk takes the card over with: the dock it goes in, and the owner
/// of what it makes (the page's).
struct MountJob {
    ctx: Ctx,
    dock: Element,
    owner: Owner,
}

split! { details / preload_details,
/// Takes the card over (see [`details`]): a wasm chunk loaded on first use
/// (`components::lazy`), fetched when the reader first points at or focuses something
/// that selects.
#[allow(clippy::boxed_local)]
fn details_mount(job: Box<MountJob>) -> Result<(), ChunkError> {
    let MountJob { ctx, dock, owner } = *job;
    owner.with(|| follow(ctx, dock));
    Ok(())
}
}

/// The card while it is the chunk's: written for each selection and language, taken out of
/// the page while there is nothing to show (and put back last in the dock); Escape or its
/// close button clears the selection.
fn follow(ctx: Ctx, dock: Element) -> Option<()> {
    let plan = ctx.plan;
    // The tour's caption takes the dock while the tour is open.
    let touring = Derived::new(move |_| ctx.state.with(|s| s.tour.is_some()));
    let el = dom::el("aside", &[("class", "details"), ("data-overlay", "")])?;
    let card = Stash::new(Card {
        parent: Some(dock.into()),
        written: false,
    });
    let node = el.clone();
    Effect::new(move |_| {
        let focus = ctx
            .focus
            .get()
            .filter(|f| !matches!(f, Focus::Goal(_)) && !touring.get());
        let lang = ctx.lang.get();
        let Some(focus) = focus.filter(|f| plan.title_of(f).is_some()) else {
            card.update_value(|c| attach_while(&node, &mut c.parent, false));
            return;
        };
        write(ctx, &node, card, focus, lang);
    });
    dom::on(&el, "keydown", move |ev| {
        if ev.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
            ctx.select(None)
        }
    });
    dom::on(&el, "click", move |ev| {
        if closest(&ev, ".details-close").is_some() {
            ctx.select(None)
        }
    });
    Some(())
}

/// What the card remembers: its parent (it is taken out of the page while there is
/// nothing to show), and whether it has been written.
struct Card {
    parent: Option<web_sys::Node>,
    written: bool,
}

/// Writes the card for `focus` in `lang` and puts it in the page. The first time, after the
/// frame in which the map kept the selection clear of the panels over it (the chunk was
/// loading): the map is asked to do that again (`Ctx::overlays`).
fn write(ctx: Ctx, el: &Element, card: Stash<Card>, focus: Focus, lang: Lang) {
    let plan = ctx.plan;
    let Some(title) = plan.title_of(&focus) else {
        return;
    };
    let other = lang.other();
    let class = if matches!(focus, Focus::Task(_)) {
        "details details-task"
    } else {
        "details"
    };
    let facts = facts(plan, &focus, lang);
    let mut texts = vec![
        ui::CLOSE.get(lang),
        title.get(lang),
        other.tag(),
        title.get(other),
    ];
    for (k, v) in &facts {
        texts.extend([k.get(lang), v.as_str()]);
    }
    el.set_attribute("class", class).ok();
    el.set_attribute("aria-label", ui::SELECTED.get(lang)).ok();
    el.set_attribute("data-details", &focus.to_string()).ok();
    if write_in_place(el, &texts).is_none() {
        let mut h = Html::new();
        h.raw("<button type=\"button\" class=\"details-close\"")
            .attr("aria-label", texts[0])
            .raw(">×</button>")
            .el("h2", "", texts[1])
            .raw("<p class=\"details-other\"")
            .attr("lang", texts[2])
            .raw(">")
            .text(texts[3])
            .raw("</p><dl>");
        for pair in texts[4..].chunks(2) {
            h.el("dt", "", pair[0])
                .el("dd", "", pair.get(1).copied().unwrap_or(""));
        }
        h.raw("</dl>");
        el.set_inner_html(&h.0);
    }
    let late = card
        .try_update_value(|c| {
            attach_while(el, &mut c.parent, true);
            !std::mem::replace(&mut c.written, true)
        })
        .unwrap_or(false);
    if late {
        ctx.overlays.update(|n| *n = n.wrapping_add(1));
    }
}

/// Writes `texts` into the card as [`details`] writes it whole (the close button's label,
/// the title, the other language's `lang` and title, then the list's terms and
/// descriptions), if it holds as many terms and descriptions; `None` (nothing written)
/// otherwise. Every part is written again: comparing them first saved nothing measurable.
fn write_in_place(card: &web_sys::Element, texts: &[&str]) -> Option<()> {
    let close = card.first_element_child()?;
    let title = close.next_element_sibling()?;
    let other = title.next_element_sibling()?;
    let list = other.next_element_sibling()?;
    if list.child_element_count() as usize + 4 != texts.len() {
        return None;
    }
    close.set_attribute("aria-label", texts[0]).ok();
    title.set_text_content(Some(texts[1]));
    other.set_attribute("lang", texts[2]).ok();
    other.set_text_content(Some(texts[3]));
    let mut item = list.first_element_child();
    for text in &texts[4..] {
        let el = item?;
        el.set_text_content(Some(text));
        item = el.next_element_sibling();
    }
    Some(())
}
