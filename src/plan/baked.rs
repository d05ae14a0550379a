//! The plan data, the city points and the tour as `build/main.rs` checked and wrote them
//! (`build/bake.rs`): `static`s whose strings and lists live in the binary, so that the
//! app decodes and checks nothing at start-up. See docs/DATA.md.

use super::model::*;
use super::tour::*;
#[allow(unused_imports)]
use crate::i18n::{l, s, List, Str, Text, ZhSource};
use crate::ids::{
    Adcode, BeltId, CircleId, CityId, ClusterId, Focus, GoalId, LayerId, LayerItem, TaskId,
};

include!(concat!(env!("OUT_DIR"), "/baked.rs"));
