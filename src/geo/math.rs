//! The transcendental functions the app uses. In the browser they are the JS engine's
//! `Math` functions (imports through `js_sys`), so that the wasm carries no copy of libm's
//! (issue 12: `sin`/`cos` with their argument reduction, `pow`, `exp`, `asin`, `atan2`,
//! `hypot`, `log2`; docs/performance.md "Where the bytes are"); natively (the build script, the tests)
//! they are std's. Both follow IEEE 754 double arithmetic; engines compute these functions
//! to within an ulp of each other, far below what the map's rounding to tens of metres and
//! to whole pixels can show.

#[cfg(target_arch = "wasm32")]
use js_sys::Math;

/// Sine of `x` radians.
#[inline]
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.sin()
}

/// Cosine of `x` radians.
#[inline]
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.cos()
}

/// Arcsine, radians.
#[inline]
pub fn asin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::asin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.asin()
}

/// The angle of the point (`x`, `y`) from the positive x axis, radians (`y.atan2(x)`).
#[inline]
pub fn atan2(y: f64, x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::atan2(y, x);
    #[cfg(not(target_arch = "wasm32"))]
    y.atan2(x)
}

/// √(x² + y²) without overflow.
#[inline]
pub fn hypot(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::hypot(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    x.hypot(y)
}

/// eˣ.
#[inline]
pub fn exp(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::exp(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.exp()
}

/// `x` to the power `y`.
#[inline]
pub fn pow(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::pow(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    x.powf(y)
}

/// Base-2 logarithm.
#[inline]
pub fn log2(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::log2(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.log2()
}
