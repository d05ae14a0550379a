//! The page header (title in both languages, the Share control, the language switch) and the plan's key
//! facts (the plan in one line, key figures, source).

use super::figures::KeyFigures;
use crate::components::share::ShareControl;
use crate::components::tour::TourButton;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::plan::PlanData;
use leptos::prelude::*;

/// The header at the top of the page.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let data: &'static PlanData = &ctx.plan.data;
    let lang = ctx.lang;
    let other = move || lang.get().other();
    view! {
        <header class="header">
            <div class="header-top">
                <div class="header-titles">
                    <h1 class="header-title">{ctx.text(&data.title)}</h1>
                    <p class="header-subtitle" lang=move || other().tag()>
                        {move || data.title.get(other())}
                    </p>
                </div>
                <div class="header-actions">
                    <TourButton />
                    <ShareControl />
                    <LangSwitch />
                </div>
            </div>
        </header>
    }
}

/// The plan in one line, its key figures and its source: at the top of the side column
/// (below the map on phones, so that the map comes first).
#[component]
pub fn Facts() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="facts" aria-label=ctx.phrase(ui::KEY_FIGURES)>
            <p class="header-summary">{ctx.text(&ctx.plan.data.summary)}</p>
            <KeyFigures />
            <SourceLine />
        </section>
    }
}

/// The button that switches to the other language, labelled in that language.
#[component]
fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || ctx.lang.get().other().tag()
            aria-label=ctx.phrase(ui::SWITCH_LABEL)
            on:click=move |_| ctx.state.update(|s| s.lang = s.lang.other())
        >
            {ctx.phrase(ui::SWITCH_TO)}
        </button>
    }
}

/// Where and when the plan was presented, the release's credit line, and the plan's
/// dates, each with where it was published (written as HTML strings: `figures`).
#[component]
fn SourceLine() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <p class="source" inner_html=move || super::figures::source(ctx.plan, ctx.lang.get())></p>
        <details class="milestones" inner_html=move || super::figures::milestones(ctx.plan, ctx.lang.get())></details>
    }
}
