//! The plan data, the city points and the tour as `build/main.rs` checked and wrote them
//! (`build/bake.rs`): `static`s whose strings and lists live in the binary, so that the
//! app decodes and checks nothing at start-up. See docs/DATA.md.

use super::model::*;
use super::tour::*;
#[allow(unused_imports)]
use crate::i18n::{l, s, List, Str, Text, ZhSource};
#[allow(unused_imports)]
use crate::ids::{
    Adcode, BeltId, CircleId, CityId, ClusterId, Focus, GoalId, LayerId, LayerItem, TaskId,
};

include!(concat!(env!("OUT_DIR"), "/baked.rs"));

/// The text at bytes `start..end` of one of the baked texts (`TEXTS_LATIN`, `TEXTS_CJK`,
/// `TEXTS_LATER`),
/// evaluated when the app is compiled: a cut that is out of range or not at a character
/// boundary fails the build.
const fn at(text: &'static str, start: usize, end: usize) -> &'static str {
    let (_, tail) = text.as_bytes().split_at(start);
    let (bytes, _) = tail.split_at(end - start);
    match core::str::from_utf8(bytes) {
        Ok(cut) => cut,
        Err(_) => panic!("a baked text is not cut at character boundaries"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LATER_END, LATER_START};

    /// The texts only the chunks show are one run between the markers, which the release
    /// build's post-build hook cuts out of the main wasm (`i18n::LATER_START`); the others
    /// are not in it.
    #[test]
    fn the_later_texts_are_one_run_between_the_markers() {
        assert!(TEXTS_LATER.starts_with(LATER_START) && TEXTS_LATER.ends_with(LATER_END));
        assert_eq!(TEXTS_LATER.matches(LATER_START).count(), 1);
        assert_eq!(TEXTS_LATER.matches(LATER_END).count(), 1);
        for text in [&PLAN.area_statement, &PLAN.layout.center.description] {
            assert!(TEXTS_LATER.contains(&*text.en) && TEXTS_LATER.contains(&*text.zh));
        }
        assert!(TEXTS_LATER.contains(&*TOUR.steps[0].title.zh));
        assert!(!TEXTS_LATER.contains(&*PLAN.title.en));
        assert!(!TEXTS_LATIN.contains(LATER_START) && !TEXTS_CJK.contains(LATER_START));
    }

    /// The lists inside the same fields are one `static` between the same markers: the
    /// designated area's clauses and the tour's captions are in it, the units are not.
    #[test]
    fn the_later_lists_are_one_static_between_the_markers() {
        assert_eq!(&LATER_LISTS.start[..7], LATER_START.as_bytes());
        assert_eq!(&LATER_LISTS.end[1..], LATER_END.as_bytes());
        let start = &LATER_LISTS as *const LaterLists as usize;
        let inside = |at: usize| (start..start + std::mem::size_of::<LaterLists>()).contains(&at);
        assert!(inside(PLAN.area_clauses.as_ptr() as usize));
        assert!(inside(TOUR.steps[0].caption.as_ptr() as usize));
        assert!(!inside(PLAN.units.as_ptr() as usize));
    }
}
