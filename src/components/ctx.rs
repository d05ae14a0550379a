//! The app context every component reads: the plan, the scene and the view state.

use crate::components::stash::{Derived, Followed, Stash};
use crate::i18n::{Lang, Phrase, Text};
use crate::ids::Focus;
use crate::plan::tour::Tour;
use crate::plan::Plan;
use crate::scene::layers::Layers;
use crate::scene::Scene;
use crate::state::ViewState;

/// What the pointer is over on the map, and where (px in the map container): `Ctx::hover`
/// with `Ctx::hover_at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// The feature.
    pub target: Focus,
    /// Pointer x, px from the map container's left.
    pub x: f64,
    /// Pointer y, px from the map container's top.
    pub y: f64,
}

/// Shared handles; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The validated plan (lives as long as the page).
    pub plan: &'static Plan,
    /// The projected map.
    pub scene: &'static Scene,
    /// The guided tour.
    pub tour: &'static Tour,
    /// Everything the user can set (mirrored in the URL).
    pub state: Followed<ViewState>,
    /// The current language (changes only when the language does).
    pub lang: Derived<Lang>,
    /// The page's language, `<html lang>`: after a switch it follows `lang` once the
    /// switch's frame is painted (`schedule::page_lang`). Only that function sets it.
    pub page_lang: Followed<Lang>,
    /// The shown layers.
    pub layers: Derived<Layers>,
    /// The selection.
    pub focus: Derived<Option<Focus>>,
    /// The map feature to highlight (the selection, or what a task or goal points at).
    pub highlight: Derived<Option<Focus>>,
    /// The hovered map feature; set again (and followed) at each move over it.
    pub hover: Followed<Option<Focus>>,
    /// Where the pointer last was over the hovered feature, px in the map container (read
    /// when `hover` is: not a signal of its own, nor one signal of both, which would be one
    /// signal type more in the wasm, issue 12).
    pub hover_at: Stash<(f64, f64)>,
    /// True once the map is drawn, measured and interactive (`data-ready` on the root).
    pub ready: Followed<bool>,
    /// Bumped when a panel over the map appeared later than the change that showed it
    /// (its chunk still loading, `components::lazy`): the map keeps the selection clear
    /// of the panels again.
    pub overlays: Followed<u32>,
}

impl Ctx {
    /// Creates the context for a plan and an initial state.
    pub fn new(
        plan: &'static Plan,
        scene: &'static Scene,
        tour: &'static Tour,
        initial: ViewState,
    ) -> Ctx {
        let state = Followed::new(initial);
        let lang = Derived::new(move |_| state.with(|s| s.lang));
        Ctx {
            plan,
            scene,
            tour,
            state,
            lang,
            page_lang: super::schedule::page_lang(lang),
            layers: Derived::new(move |_| state.with(|s| s.layers.clone())),
            focus: Derived::new(move |_| state.with(|s| s.focus.clone())),
            highlight: Derived::new(move |_| state.with(|s| s.highlight(&plan.data))),
            hover: Followed::new(None),
            hover_at: Stash::new((0.0, 0.0)),
            ready: Followed::new(false),
            overlays: Followed::new(0),
        }
    }

    /// Selects something (or nothing), showing the layers needed to see it.
    pub fn select(&self, focus: Option<Focus>) {
        let plan = self.plan;
        self.state.update(|s| s.select(focus, &plan.data));
    }

    /// Selects `focus`, or clears the selection if it is already selected.
    pub fn toggle_select(&self, focus: Focus) {
        let again = self.focus.with_untracked(|f| f.as_ref() == Some(&focus));
        self.select((!again).then_some(focus));
    }

    /// A reactive closure giving a plan text in the current language.
    pub fn text(&self, text: &'static Text) -> impl Fn() -> &'static str + Copy + 'static {
        let lang = self.lang;
        move || text.get(lang.get())
    }

    /// A reactive closure giving an interface phrase in the current language.
    pub fn phrase(&self, phrase: Phrase) -> impl Fn() -> &'static str + Copy + 'static {
        let lang = self.lang;
        move || phrase.get(lang.get())
    }

    /// A reactive closure giving the `lang` attribute of a part written in the current
    /// language: the language while the page's still differs (`schedule::stale_lang`).
    pub fn lang_attr(&self) -> impl Fn() -> Option<&'static str> + Copy + 'static {
        let lang = self.lang;
        super::schedule::stale_lang(move || lang.get(), self.page_lang)
    }

    /// True (reactively) if `focus` is the selection.
    pub fn is_selected(&self, focus: Focus) -> impl Fn() -> bool + 'static {
        let current = self.focus;
        move || current.with(|f| f.as_ref() == Some(&focus))
    }
}
