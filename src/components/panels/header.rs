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
/// dates, each with where it was published.
#[component]
fn SourceLine() -> impl IntoView {
    let ctx = use_ctx();
    let release = &ctx.plan.data.release;
    let sep = ctx.phrase(ui::DOT_SEP);
    let lang = ctx.lang;
    // The editor's name is published only in pinyin: marked as romanised Chinese.
    let editor_label = ctx.phrase(ui::EDITOR);
    view! {
        <p class="source">
            <span class="source-label">{ctx.phrase(ui::SOURCE)}</span>
            " "
            <span class="source-name">{ctx.text(&release.source)}</span>
            " "
            <span class="source-editor">
                {editor_label}
                <span lang="zh-Latn">{ctx.text(&release.editor)}</span>
                {ctx.phrase(ui::CLOSE_PAREN)}
            </span>
            {sep}
            <span class="source-event">{ctx.text(&release.event)}</span>
            {sep}
            <span class="source-date">{ctx.text(&release.date)}</span>
        </p>
        <details class="milestones">
            <summary>{ctx.phrase(ui::PLAN_DATES)}</summary>
            <ol>
                {release
                    .milestones
                    .iter()
                    .map(|m| {
                        let when = move || crate::i18n::date(&m.date, lang.get()).unwrap_or_default();
                        view! {
                            <li data-date=m.date.to_string()>
                                <time datetime=m.date.to_string()>{when}</time>
                                " "
                                <span class="milestone-what">{ctx.text(&m.what)}</span>
                                " "
                                <small class="milestone-source">
                                    {ctx.phrase(ui::PUBLISHED_IN)}
                                    {ctx.text(&m.published_in)}
                                    {ctx.phrase(ui::CLOSE_PAREN)}
                                </small>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </details>
    }
}
