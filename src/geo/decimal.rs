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
