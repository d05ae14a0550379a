//! Languages and every user-visible string: the plan's own text comes from the plan data
//! as [`Text`]; the dashboard's interface words are the [`Phrase`]s in [`ui`].

pub mod ui;

use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A language of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese (the default for Chinese-language browsers).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The id used in the URL (`lang=zh|en`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `lang` attributes.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language (shown beside names in tooltips).
    pub const fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The language to start in for a browser's preferred languages
    /// (`navigator.languages`, best first): Chinese if it comes before English.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                match primary.as_str() {
                    "zh" => Some(Lang::Zh),
                    "en" => Some(Lang::En),
                    _ => None,
                }
            })
            .unwrap_or(Lang::En)
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a Chinese string of the plan data comes from. The release is in English, so
/// unless a Chinese term is published or comes from the boundary index it is our
/// translation, and the data says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ZhSource {
    /// Translated from the English release by this project.
    #[default]
    Translation,
    /// An established, published Chinese term.
    Published,
    /// A name from the boundary data's index.
    Index,
}

/// The markers around `TEXTS_LATER` and `LATER_LISTS`, the baked plan texts and lists that
/// only the wasm chunks show (`build/bake.rs`, the fields after a `|` in its `bake_struct!`:
/// the details card's quotes and notes, the tour's titles and captions, the centre's
/// description, …). The split release build takes them out of the main wasm's data and writes
/// them back into memory before the first chunk runs (`scripts/post-build.mjs`,
/// `takeOutLater`; `later.HASH.bin`): code of the main module that read one of them would find
/// zero bytes there until then, not the data (the end-to-end tests fail on any U+0000 on the
/// page, and check the chunks' quotes and captions). Other builds keep it in place. Interface phrases need no
/// such help: wasm-split already moves a string that only one chunk's code uses into that chunk.
pub const LATER_START: &str = "\u{1}later{";
/// See [`LATER_START`].
pub const LATER_END: &str = "}later\u{1}";

/// A string of the plan data: borrowed from the data built into the app (a `static`
/// made by `build/bake.rs`), owned where it is read or joined at run time.
#[cfg(not(target_arch = "wasm32"))]
pub type Str = Cow<'static, str>;

/// A list of the plan data: borrowed from the data built into the app, owned where it
/// is read at run time (tests, the build).
#[cfg(not(target_arch = "wasm32"))]
pub type List<T> = Cow<'static, [T]>;

/// A string of the baked data ([`Str`], written by `build/bake.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub const fn s(text: &'static str) -> Str {
    Cow::Borrowed(text)
}

/// A list of the baked data ([`List`], written by `build/bake.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub const fn l<T: Clone>(items: &'static [T]) -> List<T> {
    Cow::Borrowed(items)
}

#[cfg(target_arch = "wasm32")]
pub use fixed::{l, s, List, Str};

/// The wasm's [`Str`] and [`List`]: a reference into the data built into the app, two
/// words where a `Cow` is three (issue 12: the baked plan holds ≈ 800 of them). What is
/// made at run time (the units' Chinese names joined from the boundaries once at start,
/// the browser tests' plans read from text) is leaked, since it lives as long as the page.
#[cfg(target_arch = "wasm32")]
mod fixed {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;
    use std::ops::Deref;

    /// A string of the plan data.
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
    pub struct Str(&'static str);

    /// A list of the plan data.
    pub struct List<T: 'static>(&'static [T]);

    /// A string of the baked data.
    pub const fn s(text: &'static str) -> Str {
        Str(text)
    }

    /// A list of the baked data.
    pub const fn l<T>(items: &'static [T]) -> List<T> {
        List(items)
    }

    impl Deref for Str {
        type Target = str;
        fn deref(&self) -> &str {
            self.0
        }
    }

    impl AsRef<str> for Str {
        fn as_ref(&self) -> &str {
            self.0
        }
    }

    impl fmt::Debug for Str {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(self.0, f)
        }
    }

    impl fmt::Display for Str {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl From<&'static str> for Str {
        fn from(text: &'static str) -> Str {
            Str(text)
        }
    }

    impl From<String> for Str {
        fn from(text: String) -> Str {
            Str(text.leak())
        }
    }

    impl PartialEq<str> for Str {
        fn eq(&self, other: &str) -> bool {
            self.0 == other
        }
    }

    impl PartialEq<String> for Str {
        fn eq(&self, other: &String) -> bool {
            self.0 == other
        }
    }

    impl PartialEq<&str> for Str {
        fn eq(&self, other: &&str) -> bool {
            self.0 == *other
        }
    }

    impl Serialize for Str {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.0)
        }
    }

    impl<'de> Deserialize<'de> for Str {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
            String::deserialize(d).map(Str::from)
        }
    }

    impl<T> Clone for List<T> {
        fn clone(&self) -> Self {
            List(self.0)
        }
    }

    impl<T> Default for List<T> {
        fn default() -> Self {
            List(&[])
        }
    }

    impl<T> Deref for List<T> {
        type Target = [T];
        fn deref(&self) -> &[T] {
            self.0
        }
    }

    impl<T: PartialEq> PartialEq for List<T> {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }

    impl<T: Eq> Eq for List<T> {}

    impl<T: fmt::Debug> fmt::Debug for List<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(self.0, f)
        }
    }

    impl<T> From<Vec<T>> for List<T> {
        fn from(items: Vec<T>) -> List<T> {
            List(items.leak())
        }
    }

    impl<T: Serialize> Serialize for List<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.serialize(s)
        }
    }

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
            Vec::deserialize(d).map(List::from)
        }
    }
}

/// A bilingual text of the plan data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English (from the release).
    pub en: Str,
    /// Chinese.
    pub zh: Str,
    /// Where the Chinese comes from.
    #[serde(default)]
    pub zh_from: ZhSource,
}

impl Text {
    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// A text made of two strings (used for names joined from the boundary index).
    pub fn new(en: impl Into<Str>, zh: impl Into<Str>, zh_from: ZhSource) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
            zh_from,
        }
    }
}

/// An interface string of the dashboard in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

impl Phrase {
    /// The phrase in a language.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// `template` with its first `{}` replaced by `value`, as `replacen("{}", value, 1)`
/// would give it, in less wasm (issue 12: a char search instead of a substring searcher).
pub fn fill(template: &str, value: &str) -> String {
    let mut from = 0;
    while let Some(i) = template[from..].find('{') {
        let at = from + i;
        if let Some(tail) = template[at + 1..].strip_prefix('}') {
            return join([&template[..at], value, tail], "");
        }
        from = at + 1;
    }
    template.to_owned()
}

/// `parts` joined by `sep`, as `[..].join(sep)` gives them, by one plain loop: std's join is
/// compiled again for each element type (≈ 0.9 KB of wasm each; issue 12), and this needs no
/// `Vec` to collect into first.
pub fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// Formats a whole number with thousands separators (`29,700`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An ISO date (`2025-10-17`) written out in a language: `17 October 2025`,
/// `2025年10月17日`. `None` if the text is not a valid date of that form.
pub fn date(iso: &str, lang: Lang) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let year = crate::ids::digits(y)?;
    let month = crate::ids::digits(m)? as usize;
    let day = crate::ids::digits(d)?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day == 0 || day > days[month - 1] {
        return None;
    }
    Some(match lang {
        Lang::En => format!("{day} {} {year}", MONTHS[month - 1]),
        Lang::Zh => format!("{year}年{month}月{day}日"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_the_first_placeholder_as_replacen_does() {
        for (template, value) in [
            ("Task {} of {}", "3"),
            ("第{}项", "9"),
            ("no placeholder", "x"),
            ("{ not one } then {}", "v"),
            ("{}", ""),
            ("trailing {", "v"),
            ("{{}}", "v"),
        ] {
            assert_eq!(fill(template, value), template.replacen("{}", value, 1));
        }
        // Filled twice, as the details card fills "Task {} of {}".
        let twice = fill(&fill(ui::TASK_OF.get(Lang::En), "3"), "9");
        assert!(!twice.contains("{}") && twice.contains('3') && twice.contains('9'));
    }

    #[test]
    fn join_gives_what_std_join_gives() {
        for parts in [
            &[][..],
            &["a"],
            &["a", "b", "c"],
            &["", "", ""],
            &["长春", "吉林"],
        ] {
            for sep in ["", ", ", "、", " · "] {
                assert_eq!(join(parts, sep), parts.join(sep));
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(join(&owned, sep), parts.join(sep));
            }
        }
    }

    #[test]
    fn browser_preferences_pick_the_first_known_language() {
        assert_eq!(Lang::from_preferences(["zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["zh_TW"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["fr", "en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn iso_dates_are_written_out_or_refused() {
        assert_eq!(
            date("2025-10-17", Lang::En).as_deref(),
            Some("17 October 2025")
        );
        assert_eq!(
            date("2025-08-22", Lang::Zh).as_deref(),
            Some("2025年8月22日")
        );
        assert_eq!(
            date("2024-02-29", Lang::En).as_deref(),
            Some("29 February 2024")
        );
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-10-00",
            "25-10-17",
            "2025-10-17x",
            "",
            "2025-1-7",
        ] {
            assert_eq!(date(bad, Lang::En), None, "{bad}");
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(29_700), "29,700");
        assert_eq!(thousands(700), "700");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn text_defaults_to_translation() {
        let t: Text = serde_json::from_str(r#"{"en":"a","zh":"乙"}"#).unwrap();
        assert_eq!(t.zh_from, ZhSource::Translation);
        assert_eq!(t.get(Lang::Zh), "乙");
        assert!(serde_json::from_str::<Text>(r#"{"en":"a","zh":"乙","x":1}"#).is_err());
    }
}
