//! Elements built by hand (issue 12: first-load size, docs/performance.md "Where the bytes
//! are"). Each `view!` is its own nested Leptos type whose build, mount and unmount code
//! (and one render effect per reactive attribute, one `On<…>` per handler) is compiled for
//! it alone; the page is made here instead, by a few functions that exist once: an
//! element with its fixed attributes, an attribute, a class, a text or markup that follows
//! a reactive value (one shared [`Effect`] each), an event listener, and a part shown only
//! while asked for.
//!
//! Every function returns `None` if the document cannot make the element (no window): the
//! caller shows that the page could not be built rather than panicking.

use crate::components::effect::Effect;
use crate::components::stash::{Followed, Stash};
use crate::components::Ctx;
use crate::i18n::Phrase;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use leptos::tachys::html::node_ref::NodeRefContainer;
use std::borrow::Cow;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The SVG namespace.
const SVG: &str = "http://www.w3.org/2000/svg";

/// A reactive attribute value: `None` leaves the attribute out.
pub type Value = Option<Cow<'static, str>>;

/// Writes a value into a node.
type Write = Box<dyn Fn(&web_sys::Node, &Value)>;
/// Builds a part.
type Build = Box<dyn Fn() -> Option<Element>>;
/// Puts a part in the page.
type Place = Box<dyn Fn(&Element) -> Option<()>>;
/// Does something with an element, once.
pub type WithElement = Box<dyn FnOnce(&Element)>;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// A new HTML element `<tag>` with the attributes `attrs` (name, value).
pub fn el(tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    with_attrs(document()?.create_element(tag).ok()?, attrs)
}

/// A new SVG element `<tag>` with the attributes `attrs` (name, value).
pub fn svg(tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    with_attrs(document()?.create_element_ns(Some(SVG), tag).ok()?, attrs)
}

fn with_attrs(el: Element, attrs: &[(&str, &str)]) -> Option<Element> {
    for (name, value) in attrs {
        el.set_attribute(name, value).ok()?;
    }
    Some(el)
}

/// Appends `children` to `parent`, in order.
pub fn append(parent: &Element, children: &[&Element]) -> Option<()> {
    for child in children {
        parent.append_child(child).ok()?;
    }
    Some(())
}

/// The attribute `name` of `el` says what `value` gives, now and whenever what it reads
/// changes (`None`: the attribute is left out).
pub fn bind(el: &Element, name: &'static str, value: impl Fn() -> Value + 'static) {
    follow(
        el.clone().into(),
        Box::new(value),
        Box::new(move |el, v| set(el.unchecked_ref(), name, v)),
    );
}

/// `el` has the class `class` while `on` gives true.
pub fn bind_class(el: &Element, class: &'static str, on: impl Fn() -> bool + 'static) {
    follow(
        el.clone().into(),
        Box::new(move || on().then_some(Cow::Borrowed(""))),
        Box::new(move |el, v| {
            el.unchecked_ref::<Element>()
                .class_list()
                .toggle_with_force(class, v.is_some())
                .ok();
        }),
    );
}

/// The text of `node` (an element or a text node) is what `text` gives, now and whenever
/// what it reads changes.
pub fn bind_text(node: &web_sys::Node, text: impl Fn() -> Value + 'static) {
    follow(
        node.clone(),
        Box::new(text),
        Box::new(|node, v| node.set_text_content(v.as_deref())),
    );
}

/// The content of `el` is the markup `html` gives, now and whenever what it reads
/// changes.
pub fn bind_html(el: &Element, html: impl Fn() -> String + 'static) {
    follow(
        el.clone().into(),
        Box::new(move || Some(html().into())),
        Box::new(|el, v| {
            el.unchecked_ref::<Element>()
                .set_inner_html(v.as_deref().unwrap_or(""))
        }),
    );
}

/// As [`bind_html`], with `after` called on `el` after each write (the first one too).
/// (`bind_html` as this with an empty `after` measured +347 B as served: its three
/// callers' closures then each wrap one more.)
pub fn bind_html_then(
    el: &Element,
    html: impl Fn() -> String + 'static,
    after: impl Fn(&Element) + 'static,
) {
    follow(
        el.clone().into(),
        Box::new(move || Some(html().into())),
        Box::new(move |el, v| {
            let el: &Element = el.unchecked_ref();
            el.set_inner_html(v.as_deref().unwrap_or(""));
            after(el);
        }),
    );
}

/// A new text node.
pub fn text(text: &str) -> Option<web_sys::Text> {
    Some(document()?.create_text_node(text))
}

/// The attribute `name` of `el` is the interface phrase in the current language.
pub fn bind_phrase(el: &Element, name: &'static str, ctx: Ctx, phrase: Phrase) {
    bind(el, name, move || Some(ctx.phrase(phrase)().into()));
}

/// The text of `node` is the interface phrase in the current language.
pub fn bind_phrase_text(node: &web_sys::Node, ctx: Ctx, phrase: Phrase) {
    bind_text(node, move || Some(ctx.phrase(phrase)().into()));
}

/// `el`'s `lang` follows the language it is written in while the page's still differs
/// (`Ctx::lang_attr`).
pub fn bind_lang(el: &Element, ctx: Ctx) {
    let lang = ctx.lang_attr();
    bind(el, "lang", move || lang().map(Cow::Borrowed));
}

/// Writes `value()` with `write` now (untracked), then again each time it changes.
fn follow(el: web_sys::Node, value: Box<dyn Fn() -> Value>, write: Write) {
    let mut last = untrack(&value);
    write(&el, &last);
    Effect::new(move |_| {
        let now = value();
        if now != last {
            write(&el, &now);
            last = now;
        }
    });
}

fn set(el: &Element, name: &str, value: &Value) {
    match value {
        Some(v) => el.set_attribute(name, v).ok(),
        None => el.remove_attribute(name).ok(),
    };
}

/// The element `build` makes is in the page while `shown` gives true, put there by
/// `place`, and built under its own owner, so that its effects and listeners end when it
/// goes (and not when what `shown` reads changes while it stays).
pub fn shown_while(
    shown: impl Fn() -> bool + 'static,
    build: impl Fn() -> Option<Element> + 'static,
    place: impl Fn(&Element) -> Option<()> + 'static,
) -> Option<()> {
    let parent = Owner::current()?;
    let build: Build = Box::new(build);
    let place: Place = Box::new(place);
    Effect::new(
        move |was: Option<Option<(Element, Owner)>>| match (shown(), was.flatten()) {
            (true, None) => {
                let owner = parent.child();
                let el = owner.with(&build)?;
                place(&el)?;
                Some((el, owner))
            }
            (false, Some((el, owner))) => {
                el.remove();
                owner.cleanup();
                None
            }
            (_, was) => was,
        },
    );
    Some(())
}

/// Calls `f` with each `event` on `target`, for as long as the reactive owner it is added
/// under lives (the page's, or a part's built and removed again, such as the table view).
pub fn on(target: &web_sys::EventTarget, event: &str, f: impl FnMut(Event) + 'static) {
    listen(target, event, Box::new(f), false);
}

/// Calls `f` with each `event` on `target` or below it, in the capture phase (events that
/// do not bubble, such as a dialog's `close`).
pub fn on_capture(target: &web_sys::EventTarget, event: &str, f: impl FnMut(Event) + 'static) {
    listen(target, event, Box::new(f), true);
}

fn listen(target: &web_sys::EventTarget, event: &str, f: Box<dyn FnMut(Event)>, capture: bool) {
    let listener = Closure::wrap(f);
    target
        .add_event_listener_with_callback_and_bool(
            event,
            listener.as_ref().unchecked_ref(),
            capture,
        )
        .ok();
    // Dropped with the owner (the element is gone from the page by then); without one,
    // kept for as long as the page lives (as a stash made without an owner is).
    Stash::new(listener);
}

/// A `node_ref` that fills the element in with `f` as soon as it is built (during the
/// view's build, before it is in the page): the root of the `App` component that the
/// browser tests mount (the page itself is mounted without a view, `app::mount`).
#[derive(Clone, Copy)]
pub struct Fill(Stash<Option<WithElement>>);

impl Fill {
    /// Fills the element in with `f`.
    pub fn with(f: WithElement) -> Fill {
        Fill(Stash::new(Some(f)))
    }
}

impl<E: ElementType> NodeRefContainer<E> for Fill {
    fn load(self, el: &Element) {
        if let Some(f) = self.0.try_update_value(Option::take).flatten() {
            f(el);
        }
    }
}

/// An element built here, for the effects that read it: `None` until it is loaded (what a
/// `view!`'s `NodeRef` is, with one type for every element, so that its signal's code is
/// compiled once rather than once per element type).
#[derive(Clone, Copy)]
pub struct Slot(Followed<Option<Element>>);

impl Default for Slot {
    fn default() -> Self {
        Slot(Followed::new(None))
    }
}

impl Slot {
    /// An empty slot.
    pub fn new() -> Slot {
        Slot::default()
    }

    /// Puts `el` in the slot (the effects that read it run again).
    pub fn load(self, el: &Element) {
        self.0.try_set(Some(el.clone()));
    }

    /// The element, tracked (`None` before it is loaded or once its owner is gone).
    pub fn get(self) -> Option<Element> {
        self.0.try_get().flatten()
    }

    /// The element, untracked.
    pub fn get_untracked(self) -> Option<Element> {
        self.0.try_get_untracked().flatten()
    }
}
