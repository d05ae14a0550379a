//! Sharing and embedding: the header's Share control and its dialog (copy link, system
//! share sheet, embed code), the embed mode's title line, and the messages an embedded
//! dashboard sends to its portal. The links themselves are pure functions in
//! `state::share`.

mod browser;
mod dialog;
mod embed_bar;
mod parent;

pub use embed_bar::embed_bar;
pub use parent::report_to_parent;

use crate::components::effect::Effect;
use crate::components::html::{closest, find, Html};
use crate::components::lazy::{preload, preload_on_intent, spawn_on_demand, split, ChunkError};
use crate::components::stash::Stash;
use crate::components::Ctx;
use crate::i18n::{ui, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Writes the header's Share button and the dialog it opens (empty until it opens).
pub fn write_control(h: &mut Html, lang: Lang) {
    h.raw("<button type=\"button\" class=\"share-button\" aria-haspopup=\"dialog\"><svg class=\"share-icon\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><path d=\"M10 2v11M5.5 6.5 10 2l4.5 4.5M4 10v7h12v-7\"></path></svg>")
        .text(ui::SHARE.get(lang))
        .raw("</button><dialog class=\"share-dialog\" aria-labelledby=\"share-title\"></dialog>");
}

/// The Share button's label in `lang` (its text after the icon).
pub fn set_lang(root: &web_sys::Element, lang: Lang) {
    if let Some(text) = find(root, ".share-button").and_then(|b| b.last_child()) {
        text.set_text_content(Some(ui::SHARE.get(lang)));
    }
}

/// The Share control written by [`write_control`] under a container that passes it its
/// clicks, changes and `close` events. The dialog's content exists only while it is open
/// (it reads the state, and is written again if the state changes meanwhile, e.g. by Back).
#[derive(Clone, Copy)]
pub struct ShareCtl {
    ctx: Ctx,
    /// The embed code's "with the panels" option.
    panels: Stash<bool>,
}

impl ShareCtl {
    /// The control (its dialog's language follows the page's once the share chunk has
    /// opened it: `follow_lang`).
    pub fn new(ctx: Ctx) -> ShareCtl {
        preload_on_intent(".share-button", || {
            preload!(preload_share);
        });
        ShareCtl {
            ctx,
            panels: Stash::new(false),
        }
    }

    /// Runs `act` on `dialog` in the share chunk (loaded when the dialog first opens).
    fn in_chunk(
        &self,
        act: DialogAct,
        dialog: web_sys::HtmlDialogElement,
        ev: Option<web_sys::Event>,
    ) {
        let job = Box::new(DialogJob {
            ctx: self.ctx,
            act,
            dialog,
            panels: self.panels.get_value(),
            ev,
        });
        let panels = self.panels;
        spawn_on_demand!(self.ctx.lang.get_untracked(), share_dialog(job, panels));
    }

    /// A click: opens the dialog from the button, or acts in the dialog. True if it was
    /// the control's.
    pub fn click(&self, ev: &web_sys::Event) -> bool {
        if let Some(d) = closest(ev, ".share-dialog").and_then(|d| d.dyn_into().ok()) {
            self.in_chunk(DialogAct::Click, d, Some(ev.clone()));
        } else if let Some(d) = closest(ev, ".share-button")
            .and_then(|b| b.next_element_sibling())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            self.panels.set_value(false);
            self.in_chunk(DialogAct::Open, d, None);
        } else {
            return false;
        }
        true
    }

    /// A change in the dialog: the panels option.
    pub fn change(&self, ev: &web_sys::Event) {
        if let Some(d) = closest(ev, ".share-dialog").and_then(|d| d.dyn_into().ok()) {
            let on = event_target_checked(ev);
            self.panels.set_value(on);
            self.in_chunk(DialogAct::Panels, d, None);
        }
    }

    /// The dialog closed: its content goes.
    pub fn closed(&self, ev: &web_sys::Event) {
        if let Some(d) = closest(ev, ".share-dialog") {
            d.set_inner_html("");
        }
    }
}

/// What the share chunk does with the dialog.
enum DialogAct {
    /// Opens it and writes its content.
    Open,
    /// Acts on a click in it (the event).
    Click,
    /// The panels option changed (to `DialogJob::panels`).
    Panels,
}

/// A [`DialogAct`] with what it needs, owned: it crosses into the share chunk.
struct DialogJob {
    ctx: Ctx,
    act: DialogAct,
    dialog: web_sys::HtmlDialogElement,
    panels: bool,
    ev: Option<web_sys::Event>,
}

split! { share / preload_share,
/// The share dialog's content and actions (`dialog`, the links of `state::share`, the
/// clipboard and the share sheet): a wasm chunk loaded when the dialog first opens
/// (`components::lazy`).
#[allow(clippy::boxed_local)]
fn share_dialog(job: Box<DialogJob>, option: Stash<bool>) -> Result<(), ChunkError> {
    let DialogJob { ctx, act, dialog: d, panels, ev } = *job;
    match act {
        DialogAct::Open => {
            follow_lang(ctx, &d, option);
            d.show_modal().ok();
            d.set_inner_html(&dialog::write(ctx, ctx.lang.get_untracked(), false));
        }
        DialogAct::Click => {
            if let Some(ev) = ev {
                dialog::click(ctx, &d, panels, &ev);
            }
        }
        DialogAct::Panels => dialog::panels_changed(ctx, &d, panels),
    }
    Ok(())
}
}

thread_local! {
    /// Whether the dialog's language follows the page's ([`follow_lang`]).
    static FOLLOWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From the dialog's first opening on (in the share chunk): its content written again in
/// the page's language while it is open (with the embed code's panels option `option`).
/// Under an owner of its own that is never cleaned up: the dialog, in the header, lives
/// as long as the page.
fn follow_lang(ctx: Ctx, dialog: &web_sys::HtmlDialogElement, option: Stash<bool>) {
    if FOLLOWING.replace(true) {
        return;
    }
    let d = dialog.clone();
    let owner = Owner::new();
    owner.with(|| {
        Effect::new(move |first: Option<()>| {
            let lang = ctx.state.with(|s| s.lang);
            if first.is_some() && d.open() {
                d.set_inner_html(&dialog::write(ctx, lang, option.get_value()));
            }
        });
    });
    std::mem::forget(owner);
}
