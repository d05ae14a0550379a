//! The query-string form of [`ViewState`]: `lang`, `layers`, `focus`, `view`, `embed`,
//! `panels`, `table`, `tour`. Every state `parse` returns is written back by `serialise` to a query that
//! `parse` reads as the same state (tested over adversarial links in `tests/url_contract.rs`).

use super::ViewState;
use crate::geo::decimal::{parse_f64, push_fixed};
use crate::i18n::Lang;
use crate::ids::{Focus, LayerItem};
use crate::scene::layers::Layers;
use crate::scene::viewport::MapView;

/// A part of a link that was not understood and was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The parameter it belonged to.
    pub key: String,
    /// The text that was dropped.
    pub value: String,
}

/// Reads a query string (with or without the leading `?`) over the defaults for
/// `default_lang`. Returns the state and every part that was dropped.
pub fn parse(query: &str, default_lang: Lang) -> (ViewState, Vec<Dropped>) {
    let mut state = ViewState::new(default_lang);
    let mut dropped = Vec::new();
    let mut drop = |key: &str, value: &str| {
        dropped.push(Dropped {
            key: key.to_owned(),
            value: value.to_owned(),
        })
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in pairs(query) {
        let value = value.as_str();
        match key.as_str() {
            "lang" => match value.parse() {
                Ok(lang) => state.lang = lang,
                Err(()) => drop(&key, value),
            },
            "layers" => {
                let mut items = Vec::new();
                let parts: Vec<&str> = value.split(',').filter(|p| !p.is_empty()).collect();
                for part in &parts {
                    match part.parse::<LayerItem>() {
                        Ok(item) => items.push(item),
                        Err(_) => drop(&key, part),
                    }
                }
                // An empty list means "no layers"; a list of nothing but errors keeps
                // the default rather than showing an empty map.
                if parts.is_empty() || !items.is_empty() {
                    state.layers = Layers::from_items(items);
                }
            }
            "focus" => match value.parse::<Focus>() {
                Ok(focus) => state.focus = Some(focus),
                Err(_) => drop(&key, value),
            },
            "view" => match parse_view(value) {
                Some(view) => state.view = Some(view),
                None => drop(&key, value),
            },
            "embed" => match flag(value) {
                Some(on) => state.embed = on,
                None => drop(&key, value),
            },
            "panels" => match flag(value) {
                Some(on) => state.panels = on,
                None => drop(&key, value),
            },
            "table" => match value {
                "1" => state.table = true,
                "0" => state.table = false,
                _ => drop(&key, value),
            },
            "tour" => match value.parse() {
                Ok(pos) => state.tour = Some(pos),
                Err(_) => drop(&key, value),
            },
            _ => drop(&key, value),
        }
    }
    // A tour step sets the layers, the selection and the view (see `ViewState::go_tour`):
    // in a tour link it stands for them, as `serialise` writes it.
    if state.tour.is_some() {
        state.layers = Layers::default();
        state.focus = None;
        state.view = None;
    }
    (state, dropped)
}

/// `1` or `0` for an on/off parameter.
fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Decimal places the URL keeps: 4 for degrees (about 10 m), 2 for the zoom.
const LON_LAT_PLACES: i32 = 4;
const ZOOM_PLACES: i32 = 2;

/// `LON,LAT,ZOOM` with a plausible centre for this map and a zoom in range (clamped),
/// rounded as `serialise` writes it, so that a link read and written again is the same.
fn parse_view(text: &str) -> Option<MapView> {
    // Read as `str::parse::<f64>` reads them, without Rust's float parser in the wasm;
    // ASCII spaces around each (a `+` in the address) are dropped, without the Unicode
    // whitespace table of `str::trim`.
    let mut nums = text.split(',').map(|p| parse_f64(p.trim_ascii()));
    let (lon, lat, zoom) = (nums.next()??, nums.next()??, nums.next()??);
    if nums.next().is_some() || ![lon, lat, zoom].iter().all(|v| v.is_finite()) {
        return None;
    }
    let (lon, lat) = (round(lon, LON_LAT_PLACES), round(lat, LON_LAT_PLACES));
    // The map covers Northeast China; a centre far outside it is a broken link.
    if !(100.0..=150.0).contains(&lon) || !(30.0..=60.0).contains(&lat) || zoom <= 0.0 {
        return None;
    }
    Some(MapView {
        lon,
        lat,
        zoom: round(
            zoom.clamp(MapView::MIN_ZOOM, MapView::MAX_ZOOM),
            ZOOM_PLACES,
        ),
    })
}

/// Writes the state as a query string (without `?`), omitting defaults;
/// empty when everything is default. During the tour the step stands for the layers,
/// the selection and the view it sets: its link is `tour=N` alone.
pub fn serialise(state: &ViewState, default_lang: Lang) -> String {
    let mut query = Query(String::new());
    if state.lang != default_lang {
        query.append_pair("lang", state.lang.as_str());
    }
    // During the tour the step stands for the layers, selection and view it sets.
    let touring = state.tour.is_some();
    if state.layers != Layers::default() && !touring {
        query.append_pair("layers", &crate::i18n::join(state.layers.items(), ","));
    }
    if let Some(focus) = state.focus.as_ref().filter(|_| !touring) {
        query.append_pair("focus", &focus.to_string());
    }
    if let Some(v) = state.view.filter(|_| !touring) {
        // As `{}` of the rounded numbers wrote it, with integer code (no float
        // formatting in the wasm): `125.3245,43.8868,3.5`.
        let mut view = String::new();
        push_fixed(&mut view, v.lon, LON_LAT_PLACES as u32);
        view.push(',');
        push_fixed(&mut view, v.lat, LON_LAT_PLACES as u32);
        view.push(',');
        push_fixed(&mut view, v.zoom, ZOOM_PLACES as u32);
        query.append_pair("view", &view);
    }
    if state.embed {
        query.append_pair("embed", "1");
    }
    if state.table {
        query.append_pair("table", "1");
    }
    if state.panels {
        query.append_pair("panels", "1");
    }
    if let Some(pos) = state.tour {
        query.append_pair("tour", &pos.to_string());
    }
    query.0
}

/// The pairs of a query as `application/x-www-form-urlencoded` reads them
/// (`form_urlencoded::parse`, which a native test compares it with): split at `&`, empty
/// parts skipped, the name ending at the first `=`, `+` a space, `%XX` a byte (a `%` not
/// followed by two hex digits as it is), the bytes read as UTF-8 with U+FFFD for what is
/// not. Written here so that the wasm goes without the crate.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (key, value) = p.split_once('=').unwrap_or((p, ""));
        (decode(key), decode(value))
    })
}

/// One name or value of a query (see [`pairs`]).
fn decode(text: &str) -> String {
    let hex = |b: Option<&u8>| b.and_then(|b| char::from(*b).to_digit(16));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match (b, hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.extend(u8::try_from(high * 16 + low).ok());
                i += 2;
            }
            (b'+', ..) => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    lossy(&out)
}

/// `bytes` as UTF-8 with each invalid sequence as U+FFFD, as `String::from_utf8_lossy`
/// gives them, through `str::from_utf8`'s error (its `Utf8Chunks` were ≈ 0.5 KB of wasm
/// used only here; issue 12).
fn lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                match e.error_len() {
                    Some(n) => bytes = &rest[n..],
                    None => return out,
                }
            }
        }
    }
}

/// A query string written pair by pair as `application/x-www-form-urlencoded` writes it
/// (`form_urlencoded::Serializer`: ASCII letters, digits and `*-._` as they are, a space
/// as `+`, every other byte as `%XX`), except that `,` and `:` stay as they are, which a
/// query may hold (WHATWG URL): links keep `layers=area,belt:energy` readable. Exact,
/// since a literal `%` is itself escaped (`%25`). Written here rather than with the
/// crate's serializer, whose code and 768-byte table of escapes the wasm then leaves out
/// (the values written are ids and numbers: nothing to escape in practice).
struct Query(String);

impl Query {
    fn append_pair(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.push_encoded(key);
        self.0.push('=');
        self.push_encoded(value);
    }

    fn push_encoded(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for b in text.bytes() {
            match b {
                b'a'..=b'z'
                | b'A'..=b'Z'
                | b'0'..=b'9'
                | b'*'
                | b'-'
                | b'.'
                | b'_'
                | b','
                | b':' => self.0.push(char::from(b)),
                b' ' => self.0.push('+'),
                _ => {
                    self.0.push('%');
                    self.0.push(char::from(HEX[usize::from(b >> 4)]));
                    self.0.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
        }
    }
}

fn round(v: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    (v * k).round() / k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BeltId, ClusterId, LayerId};

    #[test]
    fn pairs_are_encoded_as_the_form_encoding_with_commas_and_colons_kept() {
        for value in [
            "area,belt:energy",
            "a b+c&d=e%f/g?h#i",
            "长春",
            "*-._~!'()",
            "",
        ] {
            let mut ours = Query(String::new());
            ours.append_pair("k", value);
            ours.append_pair("x y", "1");
            let form = form_urlencoded::Serializer::new(String::new())
                .append_pair("k", value)
                .append_pair("x y", "1")
                .finish()
                .replace("%2C", ",")
                .replace("%3A", ":");
            assert_eq!(ours.0, form, "{value:?}");
        }
    }

    #[test]
    fn lossy_reads_bytes_as_from_utf8_lossy_does() {
        for bytes in [
            &b""[..],
            b"plain",
            "长春".as_bytes(),
            b"\xff\xfe",
            b"a\xe9\x95",
            b"\xe9\x95b\xf0\x9f\x98",
            b"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",
            b"\xf0\x9f\x98\x80\x80!",
        ] {
            assert_eq!(lossy(bytes), String::from_utf8_lossy(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn pairs_are_read_as_the_form_encoding_reads_them() {
        for query in [
            "lang=en&layers=area,belt:energy",
            "a+b=c+d&&=x&k&k=&=&%41%62=%e9%95%bf%E6%98%A5",
            "bad=%zz%4&pct=%&plus=%2B+&utf=%ff%fe&long=%e9%95",
            "over=%c0%af&sur=%ed%a0%80&cut=%e9%95x%f0%9f%98&emoji=%f0%9f%98%80%80",
            "长春=吉林&x=1=2",
            "",
        ] {
            let ours: Vec<(String, String)> = pairs(query).collect();
            let form: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            assert_eq!(ours, form, "{query:?}");
        }
    }

    #[test]
    fn empty_query_is_the_default_state() {
        let (state, dropped) = parse("", Lang::Zh);
        assert_eq!(state, ViewState::new(Lang::Zh));
        assert!(dropped.is_empty());
        assert_eq!(serialise(&state, Lang::Zh), "");
    }

    #[test]
    fn full_state_round_trips() {
        let query = "lang=en&layers=area,sphere,belt:pharma,belt:energy,labels&focus=cluster:changchun-jilin&view=125.3,43.9,2.5&embed=1&panels=1";
        let (state, dropped) = parse(query, Lang::Zh);
        assert!(dropped.is_empty(), "{dropped:?}");
        assert_eq!(state.lang, Lang::En);
        assert!(state.layers.shows_belt(BeltId::Pharma));
        assert!(!state.layers.shows_belt(BeltId::Tourism));
        assert!(!state.layers.shows(LayerId::Context));
        assert_eq!(state.focus, Some(Focus::Cluster(ClusterId::ChangchunJilin)));
        assert!(state.embed && state.panels);
        assert_eq!(serialise(&state, Lang::Zh), query);
        assert_eq!(parse(&serialise(&state, Lang::Zh), Lang::Zh).0, state);
    }

    #[test]
    fn bad_parts_are_dropped_one_by_one() {
        let (state, dropped) = parse(
            "lang=fr&layers=area,bogus,belt:nope,corridor&focus=task:99x&view=1,2&embed=yes&zzz=1",
            Lang::En,
        );
        assert_eq!(state.lang, Lang::En);
        assert!(state.layers.shows(LayerId::Area) && state.layers.shows(LayerId::Corridor));
        assert!(!state.layers.shows(LayerId::Sphere));
        assert_eq!(state.focus, None);
        assert_eq!(state.view, None);
        assert!(!state.embed);
        let keys: Vec<_> = dropped
            .iter()
            .map(|d| format!("{}={}", d.key, d.value))
            .collect();
        assert_eq!(
            keys,
            [
                "lang=fr",
                "layers=bogus",
                "layers=belt:nope",
                "focus=task:99x",
                "view=1,2",
                "embed=yes",
                "zzz=1"
            ]
        );
    }

    #[test]
    fn layer_lists_of_only_errors_keep_the_default_but_empty_means_none() {
        assert_eq!(parse("layers=x,y", Lang::En).0.layers, Layers::default());
        let none = parse("layers=", Lang::En).0.layers;
        assert!(LayerId::ALL.iter().all(|l| !none.shows(*l)));
        assert_eq!(
            serialise(
                &ViewState {
                    layers: none,
                    ..ViewState::new(Lang::En)
                },
                Lang::En
            ),
            "layers="
        );
    }

    #[test]
    fn percent_encoding_and_garbage_never_panic() {
        let (state, _) = parse("?layers=area%2Cbelt%3Atourism&focus=city%3Ajilin", Lang::Zh);
        assert!(state.layers.shows_belt(BeltId::Tourism));
        assert_eq!(state.focus, Some(Focus::City(crate::ids::CityId::Jilin)));
        // Dropped parts are reported decoded (`+` is a space), split at the first `=`.
        let (_, dropped) = parse("focus=%E4%B8%AD+x&zzz=a=b", Lang::Zh);
        let dropped: Vec<_> = dropped
            .iter()
            .map(|d| (d.key.as_str(), d.value.as_str()))
            .collect();
        assert_eq!(dropped, [("focus", "中 x"), ("zzz", "a=b")]);
        for junk in [
            "%",
            "%%",
            "%zz=1",
            "=&=&",
            "view=nan,nan,nan",
            "view=125,44,1e309",
            "layers=,,,",
            "focus=%E4%B8%AD",
            "\u{0}=\u{0}",
        ] {
            let _ = parse(junk, Lang::Zh);
        }
    }

    #[test]
    fn views_are_written_as_float_formatting_wrote_them() {
        // `serialise` used `{}` of the rounded numbers; integer code writes the same text.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = |k: u64| (x >> k & 0xffff) as f64 / 65_536.0;
            let v = MapView {
                lon: 100.0 + 50.0 * f(0),
                lat: 30.0 + 30.0 * f(16),
                zoom: 0.6 + 39.4 * f(32),
            };
            let state = ViewState {
                view: Some(v),
                ..ViewState::new(Lang::En)
            };
            let old = format!(
                "view={},{},{}",
                round(v.lon, LON_LAT_PLACES),
                round(v.lat, LON_LAT_PLACES),
                round(v.zoom, ZOOM_PLACES)
            );
            assert_eq!(serialise(&state, Lang::En), old);
        }
    }

    #[test]
    fn view_is_range_checked_and_zoom_clamped() {
        assert_eq!(parse("view=0,0,1", Lang::En).0.view, None);
        let v = parse("view=125,44,1000", Lang::En).0.view.unwrap();
        assert_eq!(v.zoom, MapView::MAX_ZOOM);
    }

    #[test]
    fn table_view_is_a_forgiving_flag_omitted_when_off() {
        let (state, dropped) = parse("lang=en&table=1", Lang::Zh);
        assert!(state.table && dropped.is_empty());
        assert_eq!(serialise(&state, Lang::Zh), "lang=en&table=1");
        let (state, dropped) = parse("table=yes", Lang::Zh);
        assert!(!state.table);
        assert_eq!(dropped.len(), 1);
        let (state, _) = parse("table=0", Lang::Zh);
        assert_eq!(serialise(&state, Lang::Zh), "");
    }

    #[test]
    fn single_belt_toggles() {
        let mut layers = Layers::none();
        layers.set_belt(BeltId::Energy, true);
        assert_eq!(layers.items(), ["belt:energy"]);
        layers.set_belt(BeltId::Energy, false);
        assert!(!layers.shows(LayerId::Belts));
        layers.set(LayerId::Belts, true);
        assert_eq!(layers.items(), ["belts"]);
    }
}
