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

/// The text at bytes `start..end` of one of the baked texts (`TEXTS_LATIN`, `TEXTS_CJK`),
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
