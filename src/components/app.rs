//! The app root: loads the plan, reads the URL, lays out header, map and panels.

use super::access::{Announcer, SkipLinks};
use super::ctx::Ctx;
use super::map::{Details, MapPanel};
use super::panels::{Facts, Header, Panels};
use super::share;
use super::tour::{TourCard, TourCtl};
use super::url;
use crate::components::effect::Effect;
use crate::i18n::{ui, Lang};
use crate::plan::tour::Tour;
use crate::plan::Plan;
use crate::scene::Scene;
use crate::state::ViewState;
use leptos::either::Either;
use leptos::prelude::*;

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
/// in its data.
#[component]
pub fn AppLoaded(
    /// The plan with its tour and scene, or every problem found in its data.
    loaded: Result<Loaded, Vec<String>>,
) -> impl IntoView {
    let default_lang = url::browser_lang();
    match loaded {
        Ok(Loaded { plan, scene, tour }) => {
            let (initial, dropped) =
                ViewState::from_tour_link(&url::current_query(), default_lang, plan, tour);
            let ctx = Ctx::new(plan, scene, tour, initial);
            provide_context(ctx);
            url::sync(ctx, default_lang);
            // Either rather than `into_any`: erasing the whole dashboard's view type costs
            // about 20 KB of wasm.
            Either::Left(
                view! { <Dashboard dropped=dropped.into_iter().map(|d| format!("{}={}", d.key, d.value)).collect() /> },
            )
        }
        Err(problems) => Either::Right(view! { <DataErrors lang=default_lang problems /> }),
    }
}

/// The dashboard once the plan is loaded: a compact header, the map, and the side
/// column read beside it (below it on phones).
#[component]
fn Dashboard(
    /// Parts of the link that were not understood.
    dropped: Vec<String>,
) -> impl IntoView {
    let ctx = super::use_ctx();
    TourCtl::provide(ctx);
    super::table::preload_on_switch();
    let embed = move || ctx.state.with(|s| s.embed);
    let with_panels = move || ctx.state.with(|s| s.embed && s.panels);
    let root = NodeRef::<leptos::html::Div>::new();
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
    let side = RwSignal::new(false);
    let main_el = NodeRef::<leptos::html::Main>::new();
    let side_el = NodeRef::<leptos::html::Div>::new();
    let owner = Owner::current();
    set_timeout(
        move || {
            // (`try_`: a test may have unmounted the dashboard meanwhile.)
            if let (Some(owner), Some(root), Some(main_el), Some(side_el)) = (
                owner,
                root.try_get_untracked().flatten(),
                main_el.try_get_untracked().flatten(),
                side_el.try_get_untracked().flatten(),
            ) {
                root.class_list().remove_1("building").ok();
                owner.with(|| mount_map(&main_el, &side_el));
            }
            super::schedule::after_paint(std::time::Duration::ZERO, move || side.set(true));
        },
        std::time::Duration::ZERO,
    );
    let ready = move || ctx.ready.get() && side.get();
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
    view! {
        <div
            class="app building"
            class:embed=embed
            class:with-panels=with_panels
            node_ref=root
            data-ready=move || ready().then_some("true")
        >
            <SkipLinks />
            <Announcer />
            {move || embed().then(|| view! { <share::EmbedBar /> })}
            <Header />
            <main class="main" node_ref=main_el>
                <div class="side" node_ref=side_el>
                    <LinkNotice dropped />
                    {move || side.get().then(|| view! { <Facts /> <Panels /> })}
                </div>
            </main>
            <footer class="footer" lang=ctx.lang_attr()>
                <p>{ctx.phrase(ui::ATTRIBUTION)}</p>
                <p>{ctx.phrase(ui::TRANSLATION_NOTE)}</p>
            </footer>
        </div>
    }
}

/// Builds the map and puts it in `main` before `side`, and the dock over it at the top of
/// `side`, for as long as the page lives. Mounted on their own rather than as `move ||`
/// children of the dashboard's view, whose re-rendering code for the whole map grew the
/// wasm by ≈ 3.4 KB gzip.
fn mount_map(main: &web_sys::HtmlElement, side: &web_sys::HtmlElement) {
    use leptos::tachys::view::{Mountable, Render};
    let mut map = view! { <MapPanel /> }.build();
    map.mount(main, Some(side));
    let ctx = super::use_ctx();
    let mut dock = view! {
        <div class="dock" lang=ctx.lang_attr()>
            <TourCard />
            <Details />
        </div>
    }
    .build();
    dock.mount(side, side.first_child().as_ref());
    // Their effects live in their states: kept, not dropped (the page never removes them).
    std::mem::forget((map, dock));
}

/// A dismissible notice listing the parts of a link that were ignored.
#[component]
fn LinkNotice(dropped: Vec<String>) -> impl IntoView {
    let ctx = super::use_ctx();
    let open = RwSignal::new(!dropped.is_empty());
    let list = dropped.join(", ");
    view! {
        {move || open.get().then(|| view! {
            <div class="notice" lang=ctx.lang_attr() role="status">
                <span>{ctx.phrase(ui::LINK_DROPPED)} " " <code>{list.clone()}</code></span>
                <button type="button" on:click=move |_| open.set(false)>{ctx.phrase(ui::DISMISS)}</button>
            </div>
        })}
    }
}

/// The page shown when the embedded data is inconsistent: every problem, one per line.
#[component]
fn DataErrors(lang: Lang, problems: Vec<String>) -> impl IntoView {
    super::prerender::remove_snapshots();
    view! {
        <div class="app app-error" role="alert" data-error="data">
            <h1>{ui::ERROR_TITLE.get(lang)}</h1>
            <p>{ui::ERROR_LEAD.get(lang)}</p>
            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        </div>
    }
}
