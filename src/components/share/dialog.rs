//! The share dialog: the link to this view (copy, or the system share sheet) and the
//! code to embed it (iframe + `embed.js`), with or without the panels. Written as one
//! HTML string when the dialog opens (`components::html`: far less wasm than a view type
//! per element), with one click and one change listener on the dialog.

use super::browser::{can_share, copy, page_address, share};
use crate::components::html::{closest, find, Html};
use crate::components::Ctx;
use crate::i18n::{ui, Lang, Phrase};
use crate::state::share::{embed_snippet, link, share_query};
use wasm_bindgen::JsCast;

/// The link to the current view.
fn url(ctx: Ctx) -> String {
    link(&page_address(), &ctx.state.with_untracked(share_query))
}

/// The embed code for the current view, with or without the panels.
fn code(ctx: Ctx, panels: bool) -> String {
    ctx.state
        .with_untracked(|s| embed_snippet(&page_address(), s, panels, ui::MAP.get(s.lang)))
}

/// The dialog's content in a language.
pub fn write(ctx: Ctx, lang: Lang, panels: bool) -> String {
    let p = |p: Phrase| p.get(lang);
    let mut h = Html::new();
    h.raw("<div class=\"share-head\"><h2 id=\"share-title\">")
        .text(p(ui::SHARE_TITLE))
        .raw("</h2><button type=\"button\" class=\"dialog-close\"")
        .attr("aria-label", p(ui::CLOSE))
        .raw(">×</button></div>")
        .el("p", "share-lead", p(ui::SHARE_LEAD))
        .raw("<label class=\"share-label\" for=\"share-link\">")
        .text(p(ui::LINK))
        .raw("</label><input id=\"share-link\" class=\"share-field\" type=\"text\" readonly")
        .attr("value", &url(ctx))
        .raw("><div class=\"share-actions\">");
    action(&mut h, "copy-link", p(ui::COPY_LINK));
    if can_share() {
        action(&mut h, "web-share", p(ui::SHARE_VIA));
    }
    h.raw("</div>");
    status(&mut h, "link");
    h.el("h3", "share-subtitle", p(ui::EMBED))
        .el("p", "share-lead", p(ui::EMBED_LEAD))
        .raw("<label class=\"switch\"><input type=\"checkbox\" data-option=\"panels\"")
        .raw(if panels { " checked>" } else { ">" })
        .el("span", "", p(ui::EMBED_PANELS))
        .raw("</label><label class=\"share-label\" for=\"embed-code\">")
        .text(p(ui::EMBED_CODE))
        .raw("</label><textarea id=\"embed-code\" class=\"share-field share-code\" readonly rows=\"7\">")
        .text(&code(ctx, panels))
        .raw("</textarea><div class=\"share-actions\">");
    action(&mut h, "copy-code", p(ui::COPY_CODE));
    h.raw("</div>");
    status(&mut h, "code");
    h.0
}

fn action(h: &mut Html, id: &str, label: &str) {
    h.raw("<button type=\"button\" class=\"share-action\"")
        .attr("data-action", id)
        .raw(">")
        .text(label)
        .raw("</button>");
}

fn status(h: &mut Html, id: &str) {
    h.raw("<p class=\"share-status\" role=\"status\"")
        .attr("data-status", id)
        .raw("></p>");
}

/// Shows what happened to a copy in the status line `id` (`None` clears it); where
/// copying failed, the text of `field` is left selected for the reader to copy.
fn show_status(dialog: &web_sys::Element, id: &str, copied: Option<bool>, lang: Lang, field: &str) {
    if let Some(line) = find(dialog, &format!("[data-status=\"{id}\"]")) {
        let text = copied.map(|ok| if ok { ui::COPIED } else { ui::COPY_BY_HAND });
        line.set_text_content(text.map(|p| p.get(lang)));
        line.class_list()
            .toggle_with_force("by-hand", copied == Some(false))
            .ok();
    }
    if copied == Some(false) {
        if let Some(field) = find(dialog, field) {
            if let Some(el) = field.dyn_ref::<web_sys::HtmlElement>() {
                el.focus().ok();
            }
            if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                input.select();
            } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.select();
            }
        }
    }
}

/// A click in the dialog: close, copy the link or the code, or the share sheet.
pub fn click(ctx: Ctx, dialog: &web_sys::HtmlDialogElement, panels: bool, ev: &web_sys::Event) {
    if closest(ev, ".dialog-close").is_some() {
        dialog.close();
        return;
    }
    let Some(action) = closest(ev, "[data-action]").and_then(|b| b.get_attribute("data-action"))
    else {
        return;
    };
    let lang = ctx.lang.get_untracked();
    let (text, id, field) = match action.as_str() {
        "copy-link" => (url(ctx), "link", "#share-link"),
        "copy-code" => (code(ctx, panels), "code", "#embed-code"),
        _ => {
            let title = ctx.plan.data.title.get(lang);
            share(title, &url(ctx));
            return;
        }
    };
    let dialog: web_sys::Element = dialog.clone().into();
    copy(&text, move |done| {
        show_status(&dialog, id, Some(done), lang, field)
    });
}

/// The panels option changed: a new code, not copied yet (nor is the link).
pub fn panels_changed(ctx: Ctx, dialog: &web_sys::Element, panels: bool) {
    if let Some(area) =
        find(dialog, "#embed-code").and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.set_value(&code(ctx, panels));
    }
    let lang = ctx.lang.get_untracked();
    show_status(dialog, "link", None, lang, "");
    show_status(dialog, "code", None, lang, "");
}
