//! Languages and every user-visible string: the plan's own text comes from the plan data
//! as [`Text`]; the dashboard's interface words are the [`Phrase`]s in [`ui`].

pub mod ui;

use serde::{Deserialize, Serialize};
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

/// A string of the plan data: borrowed from the data built into the app (a `static`
/// made by `build/bake.rs`), owned where it is read or joined at run time.
pub type Str = Cow<'static, str>;

/// A list of the plan data: borrowed from the data built into the app, owned where it
/// is read at run time (tests, the build).
pub type List<T> = Cow<'static, [T]>;

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
    let year: u32 = y.parse().ok()?;
    let month: usize = m.parse().ok()?;
    let day: u32 = d.parse().ok()?;
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
