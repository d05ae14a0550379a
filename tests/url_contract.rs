//! The URL is a public contract: property test over random and adversarial links.
//!
//! For every query string (percent-escapes, repeated keys, huge values, unknown ids,
//! NaN/Infinity views, HTML/script text, ...), `parse` never panics, and every state it
//! returns is written by `serialise` to a query that `parse` reads back as the same state
//! with nothing dropped. The shared-link form (`share_query`) does the same whatever the
//! recipient's language. A small seeded generator keeps the run reproducible.
#![cfg(not(target_arch = "wasm32"))]

use metro_plan::i18n::Lang;
use metro_plan::ids::{BeltId, CityId, ClusterId, LayerId};
use metro_plan::state::query::{parse, serialise};
use metro_plan::state::share::{embed_query, full_view_query, share_query};

/// xorshift64*: tiny, seeded, good enough to spread cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const KEYS: &[&str] = &[
    "lang",
    "layers",
    "focus",
    "view",
    "embed",
    "panels",
    "table",
    "tour",
    "LANG",
    "lang ",
    "",
    "%6Cang",
    "layers%5B%5D",
    "<script>",
    "view\u{0}",
    "ﬁ",
    "q",
];

const NASTY: &[&str] = &[
    "",
    "%",
    "%%",
    "%zz",
    "%E4%B8",
    "%E4%B8%AD",
    "%FF%FE",
    "%00",
    "+",
    "=",
    "==",
    "&",
    ",",
    ",,,",
    ":",
    "belt:",
    "task:",
    "task:03",
    "task:+3",
    "task:255",
    "task:256",
    "task:-1",
    "goal:2040",
    "cluster:",
    "city:atlantis",
    "999999",
    "000000",
    "22010",
    "2201045",
    "NaN",
    "nan,nan,nan",
    "inf,inf,inf",
    "Infinity,-Infinity,1",
    "125,44,NaN",
    "125,44,inf",
    "125,44,1e309",
    "125,44,-1",
    "125,44,0",
    "125,44,0.0000001",
    "125,44,1e-320",
    "100,30,0.6",
    "150,60,40",
    "99.99996,30,1",
    "150.00004,60,1",
    "125.123456789,43.987654321,2.345",
    "125 , 44 , 2",
    "125,44,2,1",
    "0x7d,44,2",
    "<script>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "长春",
    "🗺️",
    "\u{202e}area",
    "1",
    "0",
    "yes",
    "true",
    "zh",
    "en",
    "fr",
    "ZH",
];

fn valid_value(rng: &mut Rng, key: &str) -> String {
    match key {
        "lang" => rng.pick(&["zh", "en"]).to_string(),
        "layers" => {
            let n = rng.below(6);
            (0..n)
                .map(|_| {
                    if rng.chance(40) {
                        format!("belt:{}", rng.pick(BeltId::ALL))
                    } else {
                        rng.pick(LayerId::ALL).as_str().to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
        }
        "focus" => match rng.below(8) {
            0 => format!("{}", 220_000 + rng.below(2000)),
            1 => "center".into(),
            2 => "corridor".into(),
            3 => format!("cluster:{}", rng.pick(ClusterId::ALL)),
            4 => format!("belt:{}", rng.pick(BeltId::ALL)),
            5 => format!("city:{}", rng.pick(CityId::ALL)),
            6 => format!("goal:{}", rng.pick(&["2030", "2035"])),
            _ => format!("task:{}", 1 + rng.below(12)),
        },
        "view" => format!(
            "{},{},{}",
            95.0 + rng.below(6000) as f64 / 100.0,
            25.0 + rng.below(4000) as f64 / 99.0,
            rng.below(5000) as f64 / 97.0
        ),
        "embed" | "panels" | "table" => rng.pick(&["0", "1"]).to_string(),
        _ => rng.below(20).to_string(),
    }
}

/// Percent-escapes some bytes of a text (sometimes badly).
fn escape_some(rng: &mut Rng, text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match rng.below(10) {
            0 => out.push_str(&format!("%{b:02X}")),
            1 => out.push_str(&format!("%{b:02x}")),
            _ if b.is_ascii() => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if rng.chance(5) {
        out.push('%');
    }
    out
}

fn random_bytes_text(rng: &mut Rng) -> String {
    let n = rng.below(24);
    (0..n)
        .map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'))
        .collect()
}

fn value(rng: &mut Rng, key: &str) -> String {
    let base = match rng.below(10) {
        0..=4 => valid_value(rng, key),
        5 | 6 => rng.pick(NASTY).to_string(),
        7 => random_bytes_text(rng),
        8 => format!("{},{}", valid_value(rng, key), rng.pick(NASTY)),
        _ => {
            // Huge: a long repetition of something plausible or nasty.
            let unit = if rng.chance(50) {
                valid_value(rng, key)
            } else {
                rng.pick(NASTY).to_string()
            };
            let most = if rng.chance(3) { 20_000 } else { 50 };
            unit.repeat(1 + rng.below(most))
        }
    };
    if rng.chance(25) {
        escape_some(rng, &base)
    } else {
        base
    }
}

fn query(rng: &mut Rng) -> String {
    let pairs = rng.below(9);
    let mut parts = Vec::new();
    for _ in 0..pairs {
        let key = rng.pick(KEYS).to_string();
        let key = if rng.chance(10) {
            escape_some(rng, &key)
        } else {
            key
        };
        parts.push(match rng.below(12) {
            0 => key,
            1 => format!("{key}=={}", value(rng, &key)),
            _ => {
                let v = value(rng, &key);
                format!("{key}={v}")
            }
        });
    }
    let sep = if rng.chance(5) { "&&" } else { "&" };
    let q = parts.join(sep);
    if rng.chance(30) {
        format!("?{q}")
    } else {
        q
    }
}

#[test]
fn every_reachable_state_survives_serialise_and_parse() {
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let mut distinct = std::collections::HashSet::new();
    let mut with_view = 0;
    let cases = 12_000;
    for _ in 0..cases {
        let q = query(&mut rng);
        for default_lang in Lang::ALL {
            let (state, _dropped) = parse(&q, default_lang);
            let written = serialise(&state, default_lang);
            let (again, dropped) = parse(&written, default_lang);
            assert_eq!(again, state, "query {q:?} → {written:?}");
            assert!(dropped.is_empty(), "{written:?} dropped {dropped:?}");
            assert_eq!(serialise(&again, default_lang), written);
            // The shared link reads the same in either language's browser.
            let shared = share_query(&state);
            assert!(shared.starts_with(&format!("lang={}", state.lang)));
            for theirs in Lang::ALL {
                assert_eq!(parse(&shared, theirs).0, state, "shared {shared:?}");
            }
            // The embed and full-view forms keep everything but the two flags.
            let embedded = parse(&embed_query(&state, true), default_lang).0;
            assert!(embedded.embed && embedded.panels);
            let full = parse(&full_view_query(&state), default_lang).0;
            assert!(!full.embed && !full.panels);
            assert_eq!(full.layers, state.layers);
            assert_eq!(full.focus, state.focus);
            assert_eq!(full.view, state.view);
            with_view += usize::from(state.view.is_some());
            distinct.insert(written);
        }
    }
    // The generator reaches many different states, not just the default.
    assert!(
        distinct.len() > 1_000,
        "only {} distinct states",
        distinct.len()
    );
    assert!(with_view > 500, "only {with_view} states with a view");
}

#[test]
fn hostile_text_is_dropped_not_kept() {
    let (state, dropped) = parse(
        "focus=%3Cscript%3Ealert(1)%3C%2Fscript%3E&layers=<b>&lang=<i>&view=NaN,Infinity,1",
        Lang::En,
    );
    assert_eq!(state, parse("", Lang::En).0);
    assert_eq!(dropped.len(), 4);
    assert_eq!(dropped[0].value, "<script>alert(1)</script>");
}
