//! The page header (title in both languages, the Tour button, the Share control, the
//! language switch) and the plan's key facts (the plan in one line, key figures, source).
//! The header is written once as an HTML string (`components::html`: far less wasm than
//! a view type per element) with one click listener; a language switch or the tour
//! only sets texts and attributes on its elements, so the focus stays where it is.

use crate::components::effect::Effect;
use crate::components::html::{closest, find, set_attr, set_text, Html};
use crate::components::schedule::{lang_on_screen, stale_lang};
use crate::components::share::{self, ShareCtl};
use crate::components::stash::{Derived, Stash};
use crate::components::tour::TourCtl;
use crate::components::{dom, Ctx};
use crate::i18n::{ui, Lang};
use crate::plan::PlanData;
use web_sys::Element;

/// The header at the top of the page.
pub fn header(ctx: Ctx, tour: TourCtl) -> Option<Element> {
    let data: &'static PlanData = &ctx.plan.data;
    let root = dom::Slot::new();
    let share = ShareCtl::new(ctx);
    let lang = ctx.lang.get_untracked();
    let mut h = Html::new();
    h.raw("<div class=\"header-top\"><div class=\"header-titles\">")
        .el("h1", "header-title", data.title.get(lang))
        .raw("<p class=\"header-subtitle\"")
        .attr("lang", lang.other().tag())
        .raw(">")
        .text(data.title.get(lang.other()))
        .raw("</p></div><div class=\"header-actions\"><button type=\"button\" class=\"tour-button\" aria-pressed=\"false\">")
        .text(ui::TOUR.get(lang))
        .raw("</button>");
    share::write_control(&mut h, lang);
    h.raw("<button type=\"button\" class=\"lang-switch\"")
        .attr("lang", lang.other().tag())
        .attr("aria-label", ui::SWITCH_LABEL.get(lang))
        .raw(">")
        .text(ui::SWITCH_TO.get(lang))
        .raw("</button></div></div>");
    // The language: every text and `lang` of the header in place.
    Effect::new(move |_| {
        let lang: Lang = ctx.lang.get();
        let Some(root) = root.get() else {
            return;
        };
        let other = lang.other().tag();
        set_text(&root, ".header-title", data.title.get(lang));
        set_text(&root, ".header-subtitle", data.title.get(lang.other()));
        set_attr(&root, ".header-subtitle", "lang", other);
        set_text(&root, ".tour-button", ui::TOUR.get(lang));
        share::set_lang(&root, lang);
        if let Some(switch) = find(&root, ".lang-switch") {
            switch.set_text_content(Some(ui::SWITCH_TO.get(lang)));
            switch.set_attribute("lang", other).ok();
            switch
                .set_attribute("aria-label", ui::SWITCH_LABEL.get(lang))
                .ok();
        }
    });
    // The Tour button is pressed while the tour is open.
    let open = Derived::new(move |_| ctx.state.with(|s| s.tour.is_some()));
    Effect::new(move |_| {
        let open = open.get();
        if let Some(root) = root.get() {
            set_attr(
                &root,
                ".tour-button",
                "aria-pressed",
                if open { "true" } else { "false" },
            );
        }
    });
    let click = move |ev: web_sys::Event| {
        if share.click(&ev) {
            return;
        }
        if closest(&ev, ".lang-switch").is_some() {
            ctx.state.update(|s| s.lang = s.lang.other());
        } else if closest(&ev, ".tour-button").is_some() {
            if tour.pos().is_some() {
                tour.exit()
            } else {
                tour.start()
            }
        }
    };
    let el = dom::el("header", &[("class", "header")])?;
    dom::bind_lang(&el, ctx);
    el.set_inner_html(&h.0);
    dom::on(&el, "click", click);
    dom::on(&el, "change", move |ev| share.change(&ev));
    dom::on_capture(&el, "close", move |ev| share.closed(&ev));
    root.load(&el);
    Some(el)
}

/// The plan in one line, its key figures, its source and dates: at the top of the side
/// column (below the map on phones, so that the map comes first). The side column's part
/// "facts" (`source::part_html`); the dates stay open across a language switch if they
/// were.
pub fn facts(ctx: Ctx) -> Option<Element> {
    let root = dom::Slot::new();
    // Off screen (below the map on phones), written after a language switch's paint, like
    // the panels (`schedule::lang_on_screen`); written at once, it says its language until
    // the page's follows.
    let lang = lang_on_screen(ctx, root);
    let stale = stale_lang(move || lang.get(), ctx.page_lang);
    let open = Stash::new(false);
    let html = move || {
        open.set_value(
            root.get_untracked()
                .and_then(|r| find(&r, ".milestones[open]"))
                .is_some(),
        );
        super::source::part_html(ctx.plan, lang.get(), "facts")
    };
    let reopen = move |root: &Element| {
        if open.get_value() {
            set_attr(root, ".milestones", "open", "");
        }
    };
    let el = dom::el("section", &[("class", "facts")])?;
    dom::bind(&el, "aria-label", move || {
        Some(ui::KEY_FIGURES.get(lang.get()).into())
    });
    dom::bind(&el, "lang", move || stale().map(Into::into));
    dom::bind_html_then(&el, html, reopen);
    root.load(&el);
    Some(el)
}
