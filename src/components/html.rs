//! Static markup written as text (issue 12: first-load size). Views that are mostly fixed
//! text per language (the panels, the tables) are written here as one HTML string and set
//! with `innerHTML`, instead of one Leptos view type per element: each `view!` is its own
//! nested type with its own build/mount/unmount code in the wasm, while this writer exists
//! once. Their clicks are handled by one listener on the container (reading `data-*`
//! attributes), and the selection is shown by [`mark_selected`] toggling a class and
//! `aria-pressed`, so nothing is rebuilt when only the selection changes.

use wasm_bindgen::JsCast;

/// An HTML string being written. Text and attribute values are escaped.
#[derive(Default)]
pub struct Html(pub String);

impl Html {
    /// An empty document fragment.
    pub fn new() -> Html {
        Html(String::with_capacity(4096))
    }

    /// Markup written as is (tags, fixed attributes): only ever literals of ours.
    pub fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped (also safe inside a quoted attribute value).
    pub fn text(&mut self, text: &str) -> &mut Html {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// ` name="value"` with the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Html {
        self.raw(" ").raw(name).raw("=\"").text(value).raw("\"")
    }

    /// `<tag class="class">text</tag>` (the class omitted when empty).
    pub fn el(&mut self, tag: &str, class: &str, text: &str) -> &mut Html {
        self.open(tag, class).text(text).close(tag)
    }

    /// `<tag class="class">` (the class omitted when empty).
    pub fn open(&mut self, tag: &str, class: &str) -> &mut Html {
        self.raw("<").raw(tag);
        if !class.is_empty() {
            self.attr("class", class);
        }
        self.raw(">")
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.raw("</").raw(tag).raw(">")
    }
}

/// The closest element at or above the event's target matching `selector`.
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest(selector).ok()?
}

/// The first element under `root` matching `selector`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Sets the text of the first element under `root` matching `selector`.
pub fn set_text(root: &web_sys::Element, selector: &str, text: &str) {
    if let Some(el) = find(root, selector) {
        el.set_text_content(Some(text));
    }
}

/// Sets an attribute of the first element under `root` matching `selector`.
pub fn set_attr(root: &web_sys::Element, selector: &str, name: &str, value: &str) {
    if let Some(el) = find(root, selector) {
        el.set_attribute(name, value).ok();
    }
}

/// For an element shown only while it has something to show (the tooltip, the details
/// card): takes `el` out of the page when `shown` is false, and puts it back as the last
/// child of its parent when `shown` is true and it is out. `home` remembers that parent:
/// `None` at first, while `el` is still in the page, which fills it in (it stays `None`
/// if `el` never had a parent).
pub fn attach_while(el: &web_sys::Element, home: &mut Option<web_sys::Node>, shown: bool) {
    if home.is_none() {
        *home = el.parent_node();
    }
    let Some(parent) = home.as_ref() else {
        return;
    };
    if !shown {
        el.remove();
    } else if !el.is_connected() {
        parent.append_child(el).ok();
    }
}

/// Shows the selection under `root`: every element matching `selected` (a selector,
/// empty for none) gets the class `is-selected` and, if it has `aria-pressed`, `"true"`;
/// every other element that had them loses them.
pub fn mark_selected(root: &web_sys::Element, selected: &str) {
    let mark = |el: web_sys::Element, on: bool| {
        if on {
            el.class_list().add_1("is-selected").ok();
        } else {
            el.class_list().remove_1("is-selected").ok();
        }
        if el.has_attribute("aria-pressed") {
            el.set_attribute("aria-pressed", if on { "true" } else { "false" })
                .ok();
        }
    };
    for_each_match(root, ".is-selected,[aria-pressed=\"true\"]", |el| {
        mark(el, false)
    });
    if !selected.is_empty() {
        for_each_match(root, selected, |el| mark(el, true));
    }
}

/// Calls `f` with every element under `root` that matches `selector` (none if the
/// selector is invalid).
pub fn for_each_match(
    root: &web_sys::Element,
    selector: &str,
    mut f: impl FnMut(web_sys::Element),
) {
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                f(el);
            }
        }
    }
}

/// For a view written once whose words a language switch replaces in place (the legend,
/// the layer switches): calls `reword(root, lang)` each time `lang` changes after the
/// first run, instead of writing and parsing the view again.
pub fn on_lang_switch(
    lang: crate::components::stash::Derived<crate::i18n::Lang>,
    root: crate::components::dom::Slot,
    reword: impl Fn(&web_sys::Element, crate::i18n::Lang) + 'static,
) {
    use crate::components::effect::Effect;
    Effect::new(move |written: Option<crate::i18n::Lang>| {
        let now = lang.get();
        if let (Some(before), Some(el)) = (written, root.get_untracked()) {
            if before != now {
                reword(&el, now);
            }
        }
        now
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.open("p", "a b")
            .text("<x> & \"y\"")
            .close("p")
            .raw("<i")
            .attr("data-x", "1\"2")
            .raw("></i>");
        assert_eq!(
            h.0,
            "<p class=\"a b\">&lt;x&gt; &amp; &quot;y&quot;</p><i data-x=\"1&quot;2\"></i>"
        );
        let mut h = Html::new();
        h.el("span", "", "a");
        assert_eq!(h.0, "<span>a</span>");
    }
}
