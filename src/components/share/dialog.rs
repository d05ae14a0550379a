//! The share dialog: the link to this view (copy, or the system share sheet) and the
//! code to embed it (iframe + `embed.js`), with or without the panels.

use super::browser::{can_share, copy, page_address, share};
use crate::components::use_ctx;
use crate::i18n::{ui, Phrase};
use crate::state::share::{embed_snippet, link, share_query};
use leptos::html;
use leptos::prelude::*;

/// What happened to the last copy: nothing yet, copied, or refused (the text is then
/// selected for the reader to copy). Two flags rather than an enum: a signal of a type
/// of its own costs more code than this whole dialog.
#[derive(Clone, Copy)]
struct CopyStatus {
    tried: RwSignal<bool>,
    ok: RwSignal<bool>,
}

impl CopyStatus {
    fn new() -> Self {
        CopyStatus {
            tried: RwSignal::new(false),
            ok: RwSignal::new(false),
        }
    }

    fn set(self, ok: bool) {
        self.ok.set(ok);
        self.tried.set(true);
    }

    fn by_hand(self) -> bool {
        self.tried.get() && !self.ok.get()
    }

    fn phrase(self) -> Option<Phrase> {
        self.tried.get().then(|| {
            if self.ok.get() {
                ui::COPIED
            } else {
                ui::COPY_BY_HAND
            }
        })
    }
}

/// The dialog's content.
#[component]
pub fn ShareDialog(
    /// The `<dialog>` it is in (to close it).
    dialog: NodeRef<html::Dialog>,
) -> impl IntoView {
    let ctx = use_ctx();
    // Once per opening of the dialog.
    let page: &'static str = Box::leak(page_address().into_boxed_str());
    let url = move || link(page, &share_query(&ctx.state.get()));
    let panels = RwSignal::new(false);
    let code = move || {
        let state = ctx.state.get();
        embed_snippet(page, &state, panels.get(), ui::MAP.get(state.lang))
    };
    let link_copied = CopyStatus::new();
    let code_copied = CopyStatus::new();
    // A new link or code has not been copied yet.
    Effect::new(move |_| {
        ctx.state.track();
        panels.track();
        link_copied.tried.set(false);
        code_copied.tried.set(false);
    });
    let link_field = NodeRef::<html::Input>::new();
    let code_field = NodeRef::<html::Textarea>::new();
    // Where copying fails, the text is left selected for the reader to copy.
    let copy_link = move |_| {
        copy(&untrack(url), move |done| {
            if !done {
                if let Some(field) = link_field.get_untracked() {
                    field.focus().ok();
                    field.select();
                }
            }
            link_copied.set(done);
        })
    };
    let copy_code = move |_| {
        copy(&untrack(code), move |done| {
            if !done {
                if let Some(field) = code_field.get_untracked() {
                    field.focus().ok();
                    field.select();
                }
            }
            code_copied.set(done);
        })
    };
    let share_sheet = move |_| {
        let title = ctx.plan.data.title.get(ctx.lang.get_untracked());
        share(title, &untrack(url));
    };
    let status = move |copied: CopyStatus| {
        move || {
            copied
                .phrase()
                .map(|p| p.get(ctx.lang.get()))
                .unwrap_or_default()
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <div class="share-head">
            <h2 id="share-title">{ctx.phrase(ui::SHARE_TITLE)}</h2>
            <button type="button" class="dialog-close" aria-label=ctx.phrase(ui::CLOSE) on:click=close>
                "×"
            </button>
        </div>
        <p class="share-lead">{ctx.phrase(ui::SHARE_LEAD)}</p>
        <label class="share-label" for="share-link">{ctx.phrase(ui::LINK)}</label>
        <input id="share-link" class="share-field" type="text" readonly node_ref=link_field prop:value=url />
        <div class="share-actions">
            <button type="button" class="share-action" data-action="copy-link" on:click=copy_link>
                {ctx.phrase(ui::COPY_LINK)}
            </button>
            {can_share().then(|| view! {
                <button type="button" class="share-action" data-action="web-share" on:click=share_sheet>
                    {ctx.phrase(ui::SHARE_VIA)}
                </button>
            })}
        </div>
        <p class="share-status" role="status" data-status="link" class:by-hand=move || link_copied.by_hand()>
            {status(link_copied)}
        </p>
        <h3 class="share-subtitle">{ctx.phrase(ui::EMBED)}</h3>
        <p class="share-lead">{ctx.phrase(ui::EMBED_LEAD)}</p>
        <label class="switch">
            <input type="checkbox" data-option="panels" prop:checked=panels
                on:change=move |ev| panels.set(event_target_checked(&ev)) />
            <span>{ctx.phrase(ui::EMBED_PANELS)}</span>
        </label>
        <label class="share-label" for="embed-code">{ctx.phrase(ui::EMBED_CODE)}</label>
        <textarea id="embed-code" class="share-field share-code" readonly rows="7" node_ref=code_field prop:value=code></textarea>
        <div class="share-actions">
            <button type="button" class="share-action" data-action="copy-code" on:click=copy_code>
                {ctx.phrase(ui::COPY_CODE)}
            </button>
        </div>
        <p class="share-status" role="status" data-status="code" class:by-hand=move || code_copied.by_hand()>
            {status(code_copied)}
        </p>
    }
}
