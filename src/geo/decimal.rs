//! Decimal text for numbers (SVG coordinates, attribute values, the panels' figures),
//! written with integer arithmetic. `format!("{:.2}", x)` and `{}` of an `f64` link
//! Rust's float formatting (Grisu with a Dragon fallback and their tables, about 20 KB
//! of wasm); rounding to a fixed number of places and writing the integer is all the
//! map needs.

/// Appends `v` rounded to `places` decimals (at most 9), without trailing zeros:
/// `12.5`, `-0.25`, `3`. Values beyond ±9·10¹⁵ units of the last place are clamped; NaN
/// is written as `0`.
pub fn push_fixed(out: &mut String, v: f64, places: u32) {
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let n = (v * scale as f64).round();
    let n = if n.is_nan() {
        0
    } else {
        n.clamp(-9e15, 9e15) as i64
    };
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    push_u64(out, n / scale);
    let mut frac = n % scale;
    if frac != 0 {
        let mut digits = places;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        out.push('.');
        let len = decimal_len(frac);
        for _ in len..digits {
            out.push('0');
        }
        push_u64(out, frac);
    }
}

/// `v` rounded to `places` decimals, without trailing zeros (see [`push_fixed`]).
pub fn fixed(v: f64, places: u32) -> String {
    let mut s = String::new();
    push_fixed(&mut s, v, places);
    s
}

/// Reads a decimal number as `str::parse::<f64>` does, without linking Rust's float
/// parser (its tables are about 15 KB of wasm): `[+-]digits[.digits][(e|E)[+-]digits]`,
/// with at least one digit before the exponent (`5.`, `.5`, `1e3` are numbers; `.`, `1e`,
/// ` 1` are not). `inf` and `nan` are `None` (the callers drop them as non-finite
/// anyway). The value is the correctly rounded `f64` whenever the digits make at most 19
/// significant figures and the exponent is within ±22 of them, as in links the app wrote;
/// beyond that, digits after the 19th are ignored (a difference far below any place the
/// app keeps).
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    // The significant digits as an integer, and the power of ten it is scaled by.
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if point {
                        exponent -= 1;
                    }
                } else if !point {
                    // Digits beyond the 19th: only their count matters.
                    exponent += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(b - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += sign * e;
    }
    if i != bytes.len() {
        return None;
    }
    // One multiplication or division by an exact power of ten is correctly rounded
    // (Clinger's fast path); larger exponents only matter for values the callers drop.
    let m = mantissa as f64;
    let e = exponent.clamp(-1000, 1000) as i32;
    let v = if mantissa == 0 {
        0.0
    } else if e >= 0 {
        m * 10f64.powi(e)
    } else if e >= -308 {
        m / 10f64.powi(-e)
    } else {
        m / 10f64.powi(308) / 10f64.powi(-e - 308)
    };
    Some(if negative { -v } else { v })
}

/// An `f64` that `format!` writes with integer code, so that no float formatting is
/// linked: `{:.N}` rounds to N places (at most 9), `{}` to 6, both without trailing zeros
/// (`12.5`, `3`; see [`push_fixed`]). For text such as the SVG export, where
/// `{:.4}` of an `f64` would pull in Grisu and Dragon.
#[derive(Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        push_fixed(&mut s, self.0, f.precision().map_or(6, |p| p as u32));
        f.write_str(&s)
    }
}

/// Appends the digits of `n`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

fn decimal_len(mut n: u64) -> u32 {
    let mut len = 1;
    while n >= 10 {
        n /= 10;
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_the_float_parser_does() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "+1.5",
            ".5",
            "5.",
            "1e3",
            "1E-3",
            "1e+2",
            "125.3245",
            "43.8868",
            "3.5",
            "40",
            "0.6",
            "125,4",
            "",
            ".",
            "-",
            "e5",
            "1e",
            "1e+",
            " 1",
            "1 ",
            "1.2.3",
            "--1",
            "0x10",
            "1_0",
            "inf",
            "NaN",
            "infinity",
            "1e309",
            "1e-400",
            "00012.5000",
            "126.55",
            "44.83",
            "4",
            "1.",
            "-.5e1",
            "1e22",
            "9007199254740993",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // The kinds of numbers links carry: what `{}` writes, with 0 to 9 decimals.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x % 60_000_000_000) as f64 / 10f64.powi((x % 10) as i32);
            cases.push(format!("{v}"));
            cases.push(format!("{:.*}", (x % 7) as usize, v));
        }
        for text in &cases {
            let ours = parse_f64(text);
            let std = text.parse::<f64>().ok().filter(|v| v.is_finite());
            let ours = ours.filter(|v| v.is_finite());
            assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{text:?}");
        }
        // Beyond 19 digits or ±22 powers of ten: the same to within a few units of the
        // last place (far below the 4 places a link keeps), huge and tiny alike.
        for text in [
            "1e308",
            "1e307",
            "12345678901234567890123",
            "0.000000000000000000000001",
            "25.353535353535353",
            "125.32449999999999999999",
        ] {
            let (ours, std) = (parse_f64(text).unwrap(), text.parse::<f64>().unwrap());
            assert!((ours / std - 1.0).abs() < 1e-14, "{text}: {ours} {std}");
        }
        assert_eq!(parse_f64("5e-324").map(|v| v < 1e-300), Some(true));
    }

    #[test]
    fn rounds_to_the_places_and_drops_trailing_zeros() {
        assert_eq!(fixed(1.23456, 2), "1.23");
        assert_eq!(fixed(-2.0, 2), "-2");
        assert_eq!(fixed(4.005, 2), "4.01");
        assert_eq!(fixed(0.2800, 4), "0.28");
        assert_eq!(fixed(14.0, 4), "14");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.001, 2), "0");
        assert_eq!(fixed(-0.25, 2), "-0.25");
        assert_eq!(fixed(1209.9999999, 3), "1210");
        assert_eq!(fixed(12345.678, 1), "12345.7");
        assert_eq!(fixed(0.00012, 5), "0.00012");
        assert_eq!(fixed(f64::NAN, 2), "0");
        assert_eq!(fixed(7.0, 0), "7");
    }

    #[test]
    fn agrees_with_float_formatting() {
        // Same text as `{}` of the value rounded to the places, for a spread of values.
        for i in -2000..2000 {
            let v = f64::from(i) * 0.37 + 0.0049;
            for places in 0..5 {
                let p = 10f64.powi(places as i32);
                let rounded = (v * p).round() / p;
                let expected = if rounded == 0.0 {
                    "0".to_string()
                } else {
                    format!("{rounded}")
                };
                assert_eq!(fixed(v, places), expected, "{v} to {places} places");
            }
        }
    }

    #[test]
    fn writes_integers() {
        let mut s = String::new();
        push_u64(&mut s, 0);
        s.push(' ');
        push_u64(&mut s, 18_446_744_073_709_551_615);
        assert_eq!(s, "0 18446744073709551615");
    }
}
