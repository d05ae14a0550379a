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
    // The dialog's content exists only while it is open (it reads the state).
    let open = RwSignal::new(false);
    let show = move |_| {
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            d.show_modal().ok();
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
        >
            {move || open.get().then(|| view! { <dialog::ShareDialog dialog /> })}
        </dialog>
    }
}
