//! The downloads menu: the text comes from `export`; this only hands it to the browser
//! (and, for the PNG, draws the SVG onto a canvas at twice the screen scale).

use super::MapCamera;
use crate::components::dom;
use crate::components::html::{closest, Html};
use crate::components::lazy::{hand_over, preload, preload_on_intent, split, ChunkError, Handover};
use crate::export::svg::{map_svg, MapExport};
use crate::export::Download;
use crate::i18n::ui;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Scale of the PNG relative to the screen.
const PNG_SCALE: f64 = 2.0;

/// Saves `blob` under `name` through a temporary link.
fn save(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
        a.click();
        a.remove();
    }
    // Let the download start before the URL goes.
    set_timeout(
        move || {
            web_sys::Url::revoke_object_url(&url).ok();
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// A blob of text.
fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Draws the SVG onto a canvas `PNG_SCALE` times its size and saves it as PNG.
fn save_png(svg: &str, width: f64, height: f64, name: String) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let blob = text_blob(svg, Download::MapSvg.mime())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * PNG_SCALE).round() as u32);
    canvas.set_height((height * PNG_SCALE).round() as u32);
    let image = img.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let drawn = (|| -> Result<(), JsValue> {
            let cx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context"))?
                .dyn_into()?;
            cx.scale(PNG_SCALE, PNG_SCALE)?;
            cx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
            web_sys::Url::revoke_object_url(&source).ok();
            let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                if let Some(blob) = blob {
                    save(&blob, &name).ok();
                }
            });
            canvas.to_blob(on_blob.unchecked_ref())
        })();
        if let Err(e) = drawn {
            web_sys::console::error_1(&e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

/// What a map download needs.
struct ExportJob {
    what: Download,
    name: String,
    plan: &'static crate::plan::Plan,
    scene: &'static crate::scene::Scene,
    layers: crate::scene::layers::Layers,
    highlight: Option<crate::ids::Focus>,
    viewport: crate::scene::viewport::Viewport,
    lang: crate::i18n::Lang,
}

/// Writes the map as SVG and saves it, or draws it as PNG, with the SVG writer
/// (`export::svg`).
fn export_map(job: ExportJob) {
    let doc = map_svg(&MapExport {
        plan: job.plan,
        scene: job.scene,
        layers: &job.layers,
        highlight: job.highlight.as_ref(),
        viewport: job.viewport,
        lang: job.lang,
    });
    let done = match job.what {
        Download::MapPng => save_png(&doc.text, doc.width, doc.height, job.name),
        _ => text_blob(&doc.text, job.what.mime()).and_then(|b| save(&b, &job.name)),
    };
    if let Err(e) = done {
        web_sys::console::error_1(&e);
    }
}

/// The downloads menu beside the map/table switch: its summary here; its list, written
/// and followed by the export's chunk from the first time the menu opens
/// (`downloads_mount`, `lazy::Handover`; the chunk is fetched when the reader points at or
/// focuses the menu).
pub fn downloads(cam: MapCamera) -> Option<Element> {
    let ctx = cam.ctx;
    preload_on_intent("details.downloads", || {
        preload!(preload_export);
    });
    let el = dom::el("details", &[("class", "downloads")])?;
    let summary = dom::el("summary", &[])?;
    dom::bind_phrase_text(&summary, ctx, ui::DOWNLOADS);
    dom::append(&el, &[&summary])?;
    let (owner, handover) = (Owner::current()?, Handover::new());
    let menu = el.clone();
    dom::on(&el, "toggle", move |_| {
        let open = menu
            .dyn_ref::<web_sys::HtmlDetailsElement>()
            .is_some_and(|d| d.open());
        if handover.start(open) {
            let (el, owner) = (menu.clone(), owner.clone());
            hand_over!(
                handover,
                ctx.lang.get_untracked(),
                downloads_mount,
                Box::new(MountJob { cam, el, owner })
            );
        }
    });
    Some(el)
}

/// What the export's chunk takes the menu's list over with: the map's camera, the menu
/// and the owner of what it makes (the page's).
struct MountJob {
    cam: MapCamera,
    el: Element,
    owner: Owner,
}

split! { export / preload_export,
/// Writes the menu's list after its summary, again in each language, and takes its clicks
/// (see [`downloads`]): with the SVG writer, a wasm chunk loaded on first use.
#[allow(clippy::boxed_local)]
fn downloads_mount(job: Box<MountJob>) -> Result<(), ChunkError> {
    let MountJob { cam, el, owner } = *job;
    owner.with(|| list(cam, &el));
    Ok(())
}
}

/// The menu's list (see [`downloads_mount`]).
fn list(cam: MapCamera, menu: &Element) -> Option<()> {
    let ctx = cam.ctx;
    let run = move |what: Download| {
        // The data downloads are links to the files of dist/downloads/: the browser saves
        // them itself.
        if what.is_file() {
            return;
        }
        let lang = ctx.lang.get_untracked();
        export_map(ExportJob {
            what,
            name: what.file_name(lang),
            plan: ctx.plan,
            scene: ctx.scene,
            layers: ctx.layers.get_untracked(),
            highlight: ctx.highlight.get_untracked(),
            viewport: cam.viewport.get_untracked(),
            lang,
        });
    };
    // Written as one HTML string per language (`components::html`), one click listener.
    let html = move || {
        let lang = ctx.lang.get();
        let mut h = Html::new();
        for d in Download::ALL {
            // The map is drawn from the current view (a button); the data are files
            // written by the build (a link that saves under the download's name).
            let tag = if d.is_file() {
                let name = d.file_name(lang);
                h.raw("<li><a class=\"download\"")
                    .attr("href", &d.path(lang))
                    .attr("download", &name)
                    .attr("type", d.mime());
                "a"
            } else {
                h.raw("<li><button type=\"button\" class=\"download\"");
                "button"
            };
            h.attr("data-download", d.id())
                .raw(">")
                .text(d.label().get(lang))
                .close(tag)
                .raw("</li>");
        }
        h.0
    };
    let click = move |ev: web_sys::Event| {
        let id = closest(&ev, "[data-download]").and_then(|b| b.get_attribute("data-download"));
        if let Some(d) = Download::ALL
            .into_iter()
            .find(|d| !d.is_file() && Some(d.id()) == id.as_deref())
        {
            run(d);
        }
    };
    let ul = dom::el("ul", &[("class", "download-list")])?;
    dom::bind_html(&ul, html);
    dom::on(&ul, "click", click);
    dom::append(menu, &[&ul])
}
