//! The share dialog: the link to this view (copy, or the system share sheet) and the
//! code to embed it (iframe + `embed.js`), with or without the panels.

use super::browser::{can_share, copy, page_address, share};
use crate::components::use_ctx;
use crate::i18n::{ui, Phrase};
use crate::state::share::{embed_snippet, link, share_query};
use leptos::html;
use leptos::prelude::*;

/// What happened to the last copy.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    /// Refused or unavailable: the text is selected for the reader to copy.
    ByHand,
}

impl Copied {
    fn phrase(self) -> Option<Phrase> {
        match self {
            Copied::Not => None,
            Copied::Yes => Some(ui::COPIED),
            Copied::ByHand => Some(ui::COPY_BY_HAND),
        }
    }
}

/// The dialog's content.
#[component]
pub fn ShareDialog(
    /// The `<dialog>` it is in (to close it).
    dialog: NodeRef<html::Dialog>,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = page_address();
    let page_for_code = page.clone();
    let url = Memo::new(move |_| link(&page, &share_query(&ctx.state.get())));
    let panels = RwSignal::new(false);
    let code = Memo::new(move |_| {
        let state = ctx.state.get();
        embed_snippet(
            &page_for_code,
            &state,
            panels.get(),
            ui::MAP.get(state.lang),
        )
    });
    let link_copied = RwSignal::new(Copied::Not);
    let code_copied = RwSignal::new(Copied::Not);
    // A new link or code has not been copied yet.
    Effect::new(move |_| {
        url.track();
        link_copied.set(Copied::Not);
    });
    Effect::new(move |_| {
        code.track();
        code_copied.set(Copied::Not);
    });
    let link_field = NodeRef::<html::Input>::new();
    let code_field = NodeRef::<html::Textarea>::new();
    // Where copying fails, the text is left selected for the reader to copy.
    let copy_link = move |_| {
        copy(&url.get_untracked(), move |done| {
            if !done {
                if let Some(field) = link_field.get_untracked() {
                    field.focus().ok();
                    field.select();
                }
            }
            link_copied.set(if done { Copied::Yes } else { Copied::ByHand });
        })
    };
    let copy_code = move |_| {
        copy(&code.get_untracked(), move |done| {
            if !done {
                if let Some(field) = code_field.get_untracked() {
                    field.focus().ok();
                    field.select();
                }
            }
            code_copied.set(if done { Copied::Yes } else { Copied::ByHand });
        })
    };
    let share_sheet = move |_| {
        let title = ctx.plan.data.title.get(ctx.lang.get_untracked());
        share(title, &url.get_untracked());
    };
    let status = move |copied: RwSignal<Copied>| {
        move || {
            copied
                .get()
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
        <input id="share-link" class="share-field" type="text" readonly node_ref=link_field prop:value=move || url.get() />
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
        <p class="share-status" role="status" data-status="link" class:by-hand=move || link_copied.get() == Copied::ByHand>
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
        <textarea id="embed-code" class="share-field share-code" readonly rows="7" node_ref=code_field prop:value=move || code.get()></textarea>
        <div class="share-actions">
            <button type="button" class="share-action" data-action="copy-code" on:click=copy_code>
                {ctx.phrase(ui::COPY_CODE)}
            </button>
        </div>
        <p class="share-status" role="status" data-status="code" class:by-hand=move || code_copied.get() == Copied::ByHand>
            {status(code_copied)}
        </p>
    }
}
