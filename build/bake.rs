//! Writes the checked data as Rust source (`OUT_DIR/baked.rs`, included by
//! `src/plan/baked.rs`): `static` items whose strings (cut from two texts, one per script,
//! and a third for the texts only the wasm chunks show, [`Out::later`])
//! and lists borrow from the binary, so that the app decodes nothing at start-up and ships
//! neither a decoder nor a validator (as `databake` does for ICU4X). Every list becomes its
//! own `static` array; a struct missing a field here fails to compile there.

use crate::i18n::{List, Str, Text, ZhSource, LATER_END, LATER_START};
use crate::ids::{
    Adcode, BeltId, CircleId, CityId, ClusterId, Focus, GoalId, LayerId, LayerItem, TaskId,
};
use crate::model::*;
use crate::tour_model::*;

/// The source being written: the named list arrays, a counter for their names, and the
/// texts.
#[derive(Default)]
pub struct Out {
    /// `static` arrays of the lists, one per line.
    statics: String,
    next: usize,
    /// Every text in Latin script, one after another (`TEXTS_LATIN`).
    latin: String,
    /// Every text with Chinese characters (`TEXTS_CJK`).
    cjk: String,
    /// The texts of the fields baked in [`Out::later`] (`TEXTS_LATER`), between the markers
    /// of `i18n::later`.
    later: String,
    /// Whether the value being baked is inside [`Out::later`].
    in_later: bool,
    /// The lists baked inside [`Out::later`], as the fields of `LATER_LISTS` (their types,
    /// then their values): one `static` between the same markers as `TEXTS_LATER`.
    later_lists: Vec<String>,
    later_items: Vec<String>,
}

impl Out {
    /// Adds a `pub static NAME: TYPE = VALUE;` item.
    pub fn item<T: Bake>(&mut self, name: &str, value: &T) {
        let v = value.bake(self);
        self.statics += &format!("pub static {name}: {} = {v};\n", T::ty());
    }

    /// Adds an item written by the caller (one line of Rust source).
    pub fn line(&mut self, item: &str) {
        self.statics += item;
    }

    /// The Rust source: the items, their lists and the two texts they cut their strings
    /// from.
    pub fn finish(mut self) -> String {
        if !self.later.is_empty() {
            self.later.push_str(LATER_END);
        }
        if !self.later_lists.is_empty() {
            // Each marker in 8 bytes, so that the lists start and end aligned.
            self.statics += &format!(
                "#[repr(C)]\nstruct LaterLists {{ start: [u8; 8], {}, end: [u8; 8] }}\n\
                 static LATER_LISTS: LaterLists = LaterLists {{ start: *b\"{}\\0\", {}, end: *b\"\\0{}\" }};\n",
                self.later_lists.join(", "),
                LATER_START.escape_default().to_string().replace("\\u{1}", "\\x01"),
                self.later_items.join(", "),
                LATER_END.escape_default().to_string().replace("\\u{1}", "\\x01"),
            );
        }
        format!(
            "{}const TEXTS_LATIN: &str = {:?};\nconst TEXTS_CJK: &str = {:?};\n\
             const TEXTS_LATER: &str = {:?};\n",
            self.statics, self.latin, self.cjk, self.later
        )
    }

    /// Bakes `value` with its texts in `TEXTS_LATER` and its lists in `LATER_LISTS`: what only
    /// the wasm chunks show (`i18n::LATER_START`), which the split release build takes out of
    /// the main wasm and loads with the first chunk.
    pub fn later<T: Bake>(&mut self, value: &T) -> String {
        let was = std::mem::replace(&mut self.in_later, true);
        let v = value.bake(self);
        self.in_later = was;
        v
    }

    /// `text` as a cut of one of the two texts (issue 12): every string of the data in
    /// one run per script instead of English and Chinese taking turns wherever the
    /// linker puts them, which gzip compresses better (−0.2 KB as served); a text already there,
    /// or inside one that is, is not written twice.
    fn text(&mut self, text: &str) -> String {
        let (name, all) = if self.in_later {
            if self.later.is_empty() {
                self.later.push_str(LATER_START);
            }
            ("TEXTS_LATER", &mut self.later)
        } else if text.chars().any(|c| c >= '\u{2E80}') {
            ("TEXTS_CJK", &mut self.cjk)
        } else {
            ("TEXTS_LATIN", &mut self.latin)
        };
        let start = all.find(text).unwrap_or_else(|| {
            all.push_str(text);
            all.len() - text.len()
        });
        format!("s(at({name}, {start}, {}))", start + text.len())
    }
}

/// A value as a Rust constant expression.
pub trait Bake {
    /// The type as the generated code names it.
    fn ty() -> String;
    /// The value; lists are written to `out` as arrays first.
    fn bake(&self, out: &mut Out) -> String;
}

impl Bake for Str {
    fn ty() -> String {
        "Str".into()
    }
    fn bake(&self, out: &mut Out) -> String {
        out.text(self)
    }
}

impl<T: Bake + Clone> Bake for List<T> {
    fn ty() -> String {
        format!("List<{}>", T::ty())
    }
    fn bake(&self, out: &mut Out) -> String {
        let items: Vec<String> = self.iter().map(|x| x.bake(out)).collect();
        let name = format!("L{}", out.next);
        out.next += 1;
        if out.in_later && !items.is_empty() {
            let field = name.to_lowercase();
            out.later_lists
                .push(format!("{field}: [{}; {}]", T::ty(), items.len()));
            out.later_items
                .push(format!("{field}: [{}]", items.join(", ")));
            return format!("l(&LATER_LISTS.{field})");
        }
        out.statics += &format!(
            "static {name}: [{}; {}] = [{}];\n",
            T::ty(),
            items.len(),
            items.join(", ")
        );
        format!("l(&{name})")
    }
}

impl<T: Bake> Bake for Option<T> {
    fn ty() -> String {
        format!("Option<{}>", T::ty())
    }
    fn bake(&self, out: &mut Out) -> String {
        match self {
            Some(v) => format!("Some({})", v.bake(out)),
            None => "None".into(),
        }
    }
}

impl Bake for f64 {
    fn ty() -> String {
        "f64".into()
    }
    fn bake(&self, _: &mut Out) -> String {
        assert!(self.is_finite(), "a finite number");
        // `Debug` writes the shortest text that reads back as the same number.
        format!("{self:?}_f64")
    }
}

/// Types written by `text(type name, value)`.
macro_rules! bake_by {
    ($text:expr; $($ty:ident),+) => {$(
        impl Bake for $ty {
            fn ty() -> String {
                stringify!($ty).into()
            }
            fn bake(&self, _: &mut Out) -> String {
                ($text)(stringify!($ty), self)
            }
        }
    )+};
}
bake_by!(|_, v| format!("{v}"); bool, u32);

// Enums without data: `Type::Variant` (their `Debug` is the variant's name).
bake_by!(|ty, v| format!("{ty}::{v:?}");
    ZhSource, LayerId, BeltId, CityId, ClusterId, GoalId, CircleId, UnitRole, TourView, Figure
);

impl Bake for TaskId {
    fn ty() -> String {
        "TaskId".into()
    }
    fn bake(&self, _: &mut Out) -> String {
        format!("TaskId({})", self.0)
    }
}

impl Bake for Adcode {
    fn ty() -> String {
        "Adcode".into()
    }
    fn bake(&self, _: &mut Out) -> String {
        format!("Adcode::from_number({})", self.number())
    }
}

impl Bake for LayerItem {
    fn ty() -> String {
        "LayerItem".into()
    }
    fn bake(&self, out: &mut Out) -> String {
        match self {
            LayerItem::Layer(id) => format!("LayerItem::Layer({})", id.bake(out)),
            LayerItem::Belt(id) => format!("LayerItem::Belt({})", id.bake(out)),
        }
    }
}

impl Bake for Focus {
    fn ty() -> String {
        "Focus".into()
    }
    fn bake(&self, out: &mut Out) -> String {
        match self {
            Focus::Unit(code) => format!("Focus::Unit({})", code.bake(out)),
            Focus::Center => "Focus::Center".into(),
            Focus::Corridor => "Focus::Corridor".into(),
            Focus::Cluster(id) => format!("Focus::Cluster({})", id.bake(out)),
            Focus::Belt(id) => format!("Focus::Belt({})", id.bake(out)),
            Focus::City(id) => format!("Focus::City({})", id.bake(out)),
            Focus::Goal(id) => format!("Focus::Goal({})", id.bake(out)),
            Focus::Task(id) => format!("Focus::Task({})", id.bake(out)),
        }
    }
}

/// True when the target is built with `--cfg metro_baked_side` (the release build): the
/// fields listed after `;` in [`bake_struct!`] are then left out (the model has them only
/// without that cfg, `src/plan/model.rs`), and so are their texts.
pub fn baked_side() -> bool {
    std::env::var_os("CARGO_CFG_METRO_BAKED_SIDE").is_some()
}

/// Structs: `Type { field: value, … }` with every field named; the fields after a `|` with
/// their texts in `TEXTS_LATER` ([`Out::later`]); the fields after a `;` only where the side
/// column is written by the app ([`baked_side`] false).
macro_rules! bake_struct {
    ($($ty:ident {
        $($field:ident),* $(,)? $(| $($later:ident),+ $(,)?)? $(; $($side:ident),+ $(,)?)?
    })+) => {$(
        impl Bake for $ty {
            fn ty() -> String {
                stringify!($ty).into()
            }
            fn bake(&self, out: &mut Out) -> String {
                let mut s = format!("{} {{", stringify!($ty));
                $(s += &format!(" {}: {},", stringify!($field), self.$field.bake(out));)*
                $($(s += &format!(" {}: {},", stringify!($later), out.later(&self.$later));)+)?
                $(if !baked_side() {
                    $(s += &format!(" {}: {},", stringify!($side), self.$side.bake(out));)+
                })?
                s + " }"
            }
        }
    )+};
}

bake_struct! {
    Text { en, zh, zh_from }
    PlanData {
        title, area_name, release, structure, figures, cities, provinces, units, layout, goals,
        tasks | area_statement, area_clauses, sphere_statement;
        summary, composition, goals_intro, principles_intro, principles, safeguards,
    }
    Release { | event, date, source; editor, milestones }
    Milestone { date, what, published_in }
    Structure { preface, chapters, sections, special_columns }
    Figures { area_km2, population_million | population_qualifier }
    AreaClause { city, text }
    City { id, adcode, member, name }
    Province { adcode, name }
    EnglishName { en }
    UnitEntry { adcode, name, roles | note }
    Layout { name, code, center, clusters, belts, corridor | clusters_intro, belts_intro; focus, principles }
    Center { city, name | description }
    Cluster { id, name, cities }
    Belt { id, name, industry, cities }
    Corridor { name, cities | roles, aim }
    PhasedGoal { id, headline, economy_trillion_rmb, map; outcomes, traits_intro, traits, circles }
    Circle { id, name, quality }
    KeyTask { id, name, map }
    MapReading { layers, focus }
    Safeguards { summary, mechanisms, aim }
    Anchor { id, lon, lat, from | note }
    Anchors { cities | method }
    Tour { steps }
    TourStep { id, layers, focus, view, each | title, caption }
    CaptionPart { text, list, numbered, route, pairs, figures, reading }
    Pair { name, detail }
}
