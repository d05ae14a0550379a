//! The app root: loads the plan, reads the URL, lays out header, map and panels.

use super::access::{announcer, skip_links};
use super::ctx::Ctx;
use super::dom::{self, Fill};
use super::share;
use super::tour::TourCtl;
use super::url;
use crate::components::effect::Effect;
use crate::components::stash::Followed;
use crate::i18n::{ui, Lang};
use crate::plan::tour::Tour;
use crate::plan::Plan;
use crate::scene::Scene;
use crate::state::ViewState;
use leptos::prelude::*;
use web_sys::Element;

/// Shows a panic in the page as well as in the console, so that a failure is never a
/// blank page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal(&info.to_string());
    }));
}

/// Replaces the page's content with a readable error message.
pub fn show_fatal(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    super::prerender::remove_snapshots();
    let Ok(box_) = doc.create_element("div") else {
        return;
    };
    box_.set_class_name("fatal");
    box_.set_attribute("role", "alert").ok();
    box_.set_text_content(Some(&format!(
        "{} / {}: {message}",
        ui::ERROR_TITLE.zh,
        ui::ERROR_TITLE.en
    )));
    body.prepend_with_node_1(&box_).ok();
}

/// The whole dashboard from the data built into it.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppFrom plan=Plan::embedded() /> }
}

/// The dashboard for a loaded plan (e.g. `Plan::from_parts` of other data files), or a page
/// listing every problem found in its data.
#[component]
pub fn AppFrom(
    /// The plan, or every problem found in its data.
    plan: Result<Plan, Vec<String>>,
) -> impl IntoView {
    view! { <AppLoaded loaded=load(plan) /> }
}

/// A plan with its tour and its scene (projection, SVG paths), made once: they live as long
/// as the page.
pub struct Loaded {
    plan: &'static Plan,
    scene: &'static Scene,
    tour: &'static Tour,
}

/// The plan's tour and scene, or every problem found in its data. Apart from building the
/// page so that start-up runs in shorter tasks (`crate::start`).
pub fn load(plan: Result<Plan, Vec<String>>) -> Result<Loaded, Vec<String>> {
    let (tour, plan) = plan.and_then(|plan| Ok((Tour::embedded(&plan)?, plan)))?;
    let plan: &'static Plan = Box::leak(Box::new(plan));
    Ok(Loaded {
        plan,
        scene: Box::leak(Box::new(Scene::build(plan))),
        tour: Box::leak(Box::new(tour)),
    })
}

/// The dashboard for a plan made ready by [`load`], or a page listing every problem found
/// in its data. The one Leptos element of either is its root, filled in by hand
/// (`components::dom`) as it is built. (The page itself is mounted without it, by
/// [`mount`]; this component is for the browser tests, which mount views.)
#[component]
pub fn AppLoaded(
    /// The plan with its tour and scene, or every problem found in its data.
    loaded: Result<Loaded, Vec<String>>,
) -> impl IntoView {
    let fill = Fill::with(filler(loaded));
    view! { <div node_ref=fill></div> }
}

/// Mounts the dashboard for a plan made ready by [`load`] (or the page listing its data's
/// problems) at the end of `<body>`, for as long as the page lives: what
/// `leptos::mount::mount_to_body` with [`AppLoaded`] does, without any Leptos view code in
/// the wasm (issue 12: first-load size).
pub fn mount(loaded: Result<Loaded, Vec<String>>) {
    // Effects run on wasm-bindgen-futures' executor (an error only says it is set already).
    _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let mounted = owner.with(|| {
        let root = dom::el("div", &[])?;
        filler(loaded)(&root);
        let body = web_sys::window()?.document()?.body()?;
        body.append_child(&root).ok()
    });
    if mounted.is_none() {
        show_fatal(NOT_BUILT);
    }
    // The page's owner lives as long as the page.
    std::mem::forget(owner);
}

/// What fills the app's root element in: the dashboard for `loaded`'s plan, or the list of
/// its data's problems. Run under the page's owner (the dashboard's context and effects
/// belong to it).
fn filler(loaded: Result<Loaded, Vec<String>>) -> dom::WithElement {
    let default_lang = url::browser_lang();
    match loaded {
        Ok(Loaded { plan, scene, tour }) => {
            let (initial, dropped) =
                ViewState::from_tour_link(&url::current_query(), default_lang, plan, tour);
            let ctx = Ctx::new(plan, scene, tour, initial);
            url::sync(ctx, default_lang);
            let dropped: Vec<String> = dropped
                .into_iter()
                .map(|d| format!("{}={}", d.key, d.value))
                .collect();
            Box::new(move |root| {
                if dashboard(ctx, root, dropped).is_none() {
                    show_fatal(NOT_BUILT);
                }
            })
        }
        Err(problems) => Box::new(move |root| {
            if data_errors(root, default_lang, problems).is_none() {
                show_fatal(NOT_BUILT);
            }
        }),
    }
}

/// What [`show_fatal`] says when the document could not make the page's elements.
const NOT_BUILT: &str = "the page could not be built";

/// The dashboard once the plan is loaded, in `root`: a compact header, the map, and the
/// side column read beside it (below it on phones).
fn dashboard(ctx: Ctx, root: &Element, dropped: Vec<String>) -> Option<()> {
    let tour = TourCtl::new(ctx);
    super::table::preload_on_switch();
    let embed = move || ctx.state.with(|s| s.embed);
    root.set_class_name("app building");
    dom::bind_class(root, "embed", embed);
    dom::bind_class(root, "with-panels", move || {
        ctx.state.with(|s| s.embed && s.panels)
    });
    share::report_to_parent(ctx, root);
    // Start-up in three tasks (issue 12: Lighthouse's total blocking time counts what each
    // task lasts beyond 50 ms): the header and the footer first; the map and the dock over
    // it in the next task; the side column's texts (key figures, panels) after the map's
    // first paint. The app is ready (`data-ready`) once all are in and the map is measured
    // and interactive. Until the map is in, the root is not displayed (`.app.building`),
    // so that a frame between the two tasks neither lays out the partial page (under the
    // first screen's snapshot) nor shows it (where there is none); the class goes before
    // the map and the dock are built, so that their first effects (a tour link bringing
    // the map to the top on phones) see the page laid out.
    let side_in = Followed::new(false);
    dom::append(
        root,
        &[
            &skip_links(ctx)?,
            &announcer(ctx)?,
            &super::panels::header(ctx, tour)?,
        ],
    )?;
    let main = dom::el("main", &[("class", "main")])?;
    let side = dom::el("div", &[("class", "side")])?;
    link_notice(ctx, &side, dropped)?;
    let footer = dom::el("footer", &[("class", "footer")])?;
    dom::bind_lang(&footer, ctx);
    for phrase in [ui::ATTRIBUTION, ui::TRANSLATION_NOTE] {
        let p = dom::el("p", &[])?;
        dom::bind_phrase_text(&p, ctx, phrase);
        dom::append(&footer, &[&p])?;
    }
    dom::append(&main, &[&side])?;
    dom::append(root, &[&main, &footer])?;
    // The embed's title line, before the header while the page is embedded.
    let (header, frame) = (main.previous_sibling(), root.clone());
    dom::shown_while(
        embed,
        move || share::embed_bar(ctx),
        move |bar| frame.insert_before(bar, header.as_ref()).ok().map(drop),
    )?;
    let owner = Owner::current();
    let (root_el, main_el, side_el) = (root.clone(), main.clone(), side.clone());
    set_timeout(
        move || {
            // (`try_`: a test may have unmounted the dashboard meanwhile.)
            if let Some(owner) = owner.filter(|_| root_el.is_connected()) {
                root_el.class_list().remove_1("building").ok();
                owner.with(|| mount_map(tour, &main_el, &side_el));
                super::schedule::after_paint(std::time::Duration::ZERO, move || {
                    if side_el.is_connected() {
                        let built = owner.with(|| {
                            let facts = super::panels::facts(ctx)?;
                            dom::append(&side_el, &[&facts, &super::panels::panels(ctx)?])
                        });
                        if built.is_none() {
                            show_fatal(NOT_BUILT);
                        }
                        side_in.try_set(true);
                    }
                });
            }
        },
        std::time::Duration::ZERO,
    );
    let ready = move || ctx.ready.get() && side_in.get();
    dom::bind(root, "data-ready", move || ready().then_some("true".into()));
    // The snapshot of the first screen in index.html gives way to the app in the task
    // that makes it ready (effects run in the microtasks after it, before the next paint).
    Effect::new(move |gone: Option<bool>| {
        if gone == Some(true) || !ready() {
            return false;
        }
        super::prerender::remove_snapshots();
        true
    });
    // A selection opened by a link has its text brought beside the map once the map is
    // ready, as a selection on the map does.
    Effect::new(move |shown: Option<bool>| {
        if shown == Some(true) || !ready() {
            return shown.unwrap_or(false);
        }
        if let Some(focus) = ctx.state.with_untracked(|s| s.focus.clone()) {
            super::panels::show_item(&focus);
        }
        true
    });
    Some(())
}

/// Builds the map and puts it in `main` before `side`, and the dock over it at the top of
/// `side`, for as long as the page lives.
fn mount_map(tour: TourCtl, main: &Element, side: &Element) {
    let ctx = tour.ctx;
    let Some(map) = super::map::map_panel(ctx) else {
        return show_fatal(NOT_BUILT);
    };
    main.insert_before(&map, Some(side)).ok();
    let Some(dock) = dom::el("div", &[("class", "dock")]) else {
        return show_fatal(NOT_BUILT);
    };
    dom::bind_lang(&dock, ctx);
    super::tour::card(tour);
    super::map::details(ctx, &dock);
    side.insert_before(&dock, side.first_child().as_ref()).ok();
}

/// A dismissible notice listing the parts of a link that were ignored, at the top of
/// `side` (nothing if none were).
fn link_notice(ctx: Ctx, side: &Element, dropped: Vec<String>) -> Option<()> {
    if dropped.is_empty() {
        return Some(());
    }
    let notice = dom::el("div", &[("class", "notice"), ("role", "status")])?;
    dom::bind_lang(&notice, ctx);
    let span = dom::el("span", &[])?;
    let said = dom::text("")?;
    dom::bind_text(&said, move || {
        Some(format!("{} ", ctx.phrase(ui::LINK_DROPPED)()).into())
    });
    let code = dom::el("code", &[])?;
    code.set_text_content(Some(&crate::i18n::join(dropped, ", ")));
    let button = dom::el("button", &[("type", "button")])?;
    dom::bind_phrase_text(&button, ctx, ui::DISMISS);
    let gone = notice.clone();
    dom::on(&button, "click", move |_| gone.remove());
    span.append_child(&said).ok()?;
    dom::append(&span, &[&code])?;
    dom::append(&notice, &[&span, &button])?;
    dom::append(side, &[&notice])
}

/// The page shown when the embedded data is inconsistent, in `root`: every problem, one
/// per line.
fn data_errors(root: &Element, lang: Lang, problems: Vec<String>) -> Option<()> {
    super::prerender::remove_snapshots();
    root.set_class_name("app app-error");
    root.set_attribute("role", "alert").ok()?;
    root.set_attribute("data-error", "data").ok()?;
    let h1 = dom::el("h1", &[])?;
    h1.set_text_content(Some(ui::ERROR_TITLE.get(lang)));
    let lead = dom::el("p", &[])?;
    lead.set_text_content(Some(ui::ERROR_LEAD.get(lang)));
    let list = dom::el("ul", &[])?;
    for problem in problems {
        let li = dom::el("li", &[])?;
        li.set_text_content(Some(&problem));
        dom::append(&list, &[&li])?;
    }
    dom::append(root, &[&h1, &lead, &list])
}
