//! Sharing and embedding: the header's Share control and its dialog (copy link, system
//! share sheet, embed code), the embed mode's title line, and the messages an embedded
//! dashboard sends to its portal. The links themselves are pure functions in
//! `state::share`.

mod browser;
mod dialog;
mod embed_bar;
mod parent;

pub use embed_bar::EmbedBar;
pub use parent::report_to_parent;

use crate::components::use_ctx;
use crate::i18n::ui;
use leptos::html;
use leptos::prelude::*;

/// The header's Share button and the dialog it opens.
#[component]
pub fn ShareControl() -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<html::Dialog>::new();
    // The dialog's content exists only while it is open (it reads the state, and is
    // written again if the state changes meanwhile, e.g. by Back).
    let open = RwSignal::new(false);
    let panels = StoredValue::new(false);
    let show = move |_| {
        panels.set_value(false);
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            d.show_modal().ok();
        }
    };
    let content = move || {
        if !open.get() {
            return String::new();
        }
        ctx.state.track();
        dialog::write(ctx, ctx.lang.get(), panels.get_value())
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        if let Some(d) = dialog.get_untracked() {
            dialog::click(ctx, &d, panels.get_value(), &ev);
        }
    };
    let change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        panels.set_value(on);
        if let Some(d) = dialog.get_untracked() {
            dialog::panels_changed(ctx, &d, on);
        }
    };
    view! {
        <button type="button" class="share-button" aria-haspopup="dialog" on:click=show>
            <svg class="share-icon" viewBox="0 0 20 20" aria-hidden="true">
                <path d="M10 2v11M5.5 6.5 10 2l4.5 4.5M4 10v7h12v-7" />
            </svg>
            {ctx.phrase(ui::SHARE)}
        </button>
        <dialog
            class="share-dialog"
            node_ref=dialog
            aria-labelledby="share-title"
            on:close=move |_| open.set(false)
            on:click=click
            on:change=change
            inner_html=content
        ></dialog>
    }
}
