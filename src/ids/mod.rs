//! Stable ids shared by the URL state, DOM `data-*` attributes, i18n keys and tests.
//!
//! The spelling of every id lives here and nowhere else (docs/CONTRACTS.md). The
//! vocabulary built from them, [`Focus`] and [`LayerItem`], is in `ids/focus.rs`.

mod focus;

pub use focus::{Focus, LayerItem};

use std::fmt;
use std::str::FromStr;

/// An id that is not one of the known spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    /// What kind of id was expected (`layer`, `belt`, …).
    pub kind: &'static str,
    /// The text that did not match.
    pub text: String,
}

impl UnknownId {
    /// `text` is not a known spelling of a `kind` id.
    pub fn new(kind: &'static str, text: &str) -> UnknownId {
        UnknownId {
            kind,
            text: text.to_owned(),
        }
    }
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} id “{}”", self.kind, self.text)
    }
}

impl std::error::Error for UnknownId {}

/// serde support for types with one spelling: written as their `Display`, read back
/// through their `FromStr` (so JSON and the packed data say the same thing).
macro_rules! serde_as_spelling {
    ($($name:ty),+ $(,)?) => {$(
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )+};
}

/// Declares a closed set of ids with their one spelling, `ALL` in contract order,
/// `as_str`, `FromStr`, `Display` and serde support (as the spelling).
macro_rules! ids {
    ($(#[$doc:meta])* $name:ident, $kind:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every id, in the order of the contract.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id's one spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownId;
            fn from_str(s: &str) -> Result<Self, UnknownId> {
                // A search of `ALL` by spelling: a short loop where a `match` on the
                // strings compiled one comparison per id (issue 12).
                $name::ALL
                    .iter()
                    .find(|id| id.as_str() == s)
                    .copied()
                    .ok_or_else(|| UnknownId::new($kind, s))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        serde_as_spelling!($name);
    };
}

ids!(
    /// A map layer, each drawn as `<g data-layer="ID">`.
    LayerId, "layer" {
        Area = "area",
        Sphere = "sphere",
        Context = "context",
        Center = "center",
        Clusters = "clusters",
        Belts = "belts",
        Corridor = "corridor",
        Labels = "labels",
    }
);

ids!(
    /// One of the five industry belts.
    BeltId, "belt" {
        Tourism = "tourism",
        Pharma = "pharma",
        Manufacturing = "manufacturing",
        Agriculture = "agriculture",
        Energy = "energy",
    }
);

ids!(
    /// One of the three clusters.
    ClusterId, "cluster" {
        ChangchunJilin = "changchun-jilin",
        ChangchunSiping = "changchun-siping",
        ChangchunLiaoyuan = "changchun-liaoyuan",
    }
);

ids!(
    /// A city the plan names (members, belt and corridor cities).
    CityId, "city" {
        Changchun = "changchun",
        Jilin = "jilin",
        Siping = "siping",
        Liaoyuan = "liaoyuan",
        Songyuan = "songyuan",
        Baicheng = "baicheng",
        Yanbian = "yanbian",
        Changbaishan = "changbaishan",
        Tonghua = "tonghua",
        Baishan = "baishan",
        Meihekou = "meihekou",
        Harbin = "harbin",
        Shenyang = "shenyang",
        Dalian = "dalian",
    }
);

ids!(
    /// One of the two phased goals.
    GoalId, "goal" {
        Y2030 = "2030",
        Y2035 = "2035",
    }
);

ids!(
    /// One of the four circles of the 2035 goal.
    CircleId, "circle" {
        Commuting = "commuting",
        Industrial = "industrial",
        Living = "living",
        Smart = "smart",
    }
);

/// A key task's number (`1`–`9` today; the count comes from the plan data).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize,
)]
pub struct TaskId(pub u8);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The number a non-empty run of ASCII digits spells, `None` for anything else (a sign
/// included) or past `u32::MAX`: how links and data spell numbers, read without the
/// generic integer parser, which the wasm would compile once per integer type (issue 12).
pub fn digits(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u32, |n, b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        } else {
            None
        }
    })
}

/// A county-level unit's 6-digit administrative code, e.g. `220104`, kept as its number
/// (issue 12: a number is compared and stored in less wasm than a string; codes begin
/// with a non-zero digit, so the number's order is the text's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Adcode(u32);

impl Adcode {
    /// A code built into the app (`build/bake.rs` writes only checked codes).
    pub const fn from_number(code: u32) -> Adcode {
        Adcode(code)
    }

    /// The code as a number.
    pub const fn number(&self) -> u32 {
        self.0
    }
}

impl TryFrom<String> for Adcode {
    type Error = UnknownId;
    fn try_from(text: String) -> Result<Self, UnknownId> {
        match digits(&text) {
            Some(code) if text.len() == 6 && !text.starts_with('0') => Ok(Adcode(code)),
            _ => Err(UnknownId {
                kind: "adcode",
                text,
            }),
        }
    }
}

serde_as_spelling!(Adcode, Focus, LayerItem);

impl FromStr for Adcode {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        Adcode::try_from(s.to_owned())
    }
}

impl fmt::Display for Adcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_read_what_parse_reads_without_a_sign() {
        for text in ["0", "7", "220104", "4294967295", "007"] {
            assert_eq!(digits(text), text.parse::<u32>().ok(), "{text}");
        }
        for text in ["", "+7", "-1", "1.5", " 1", "4294967296", "１２"] {
            assert_eq!(digits(text), None, "{text}");
        }
        assert!("012345".parse::<Adcode>().is_err() && "22010".parse::<Adcode>().is_err());
    }

    #[test]
    fn every_id_round_trips_through_its_spelling() {
        for id in LayerId::ALL {
            assert_eq!(id.as_str().parse::<LayerId>(), Ok(*id));
        }
        for id in BeltId::ALL {
            assert_eq!(id.as_str().parse::<BeltId>(), Ok(*id));
        }
        for id in ClusterId::ALL {
            assert_eq!(id.as_str().parse::<ClusterId>(), Ok(*id));
        }
        for id in CityId::ALL {
            assert_eq!(id.as_str().parse::<CityId>(), Ok(*id));
        }
        assert_eq!("2035".parse::<GoalId>(), Ok(GoalId::Y2035));
    }

    #[test]
    fn contract_spellings_and_counts() {
        let layers: Vec<_> = LayerId::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(
            layers.join(" "),
            "area sphere context center clusters belts corridor labels"
        );
        assert_eq!(BeltId::ALL.len(), 5);
        assert_eq!(ClusterId::ALL.len(), 3);
        assert_eq!(CityId::ALL.len(), 14);
        assert_eq!(ClusterId::ChangchunLiaoyuan.as_str(), "changchun-liaoyuan");
    }

    #[test]
    fn unknown_ids_are_errors_not_panics() {
        let err = "nope".parse::<BeltId>().unwrap_err();
        assert_eq!(err.to_string(), "unknown belt id “nope”");
        assert!("22010".parse::<Adcode>().is_err());
        assert!("22010x".parse::<Adcode>().is_err());
        assert_eq!("220104".parse::<Adcode>().unwrap().to_string(), "220104");
    }
}
