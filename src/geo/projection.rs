//! Albers equal-area conic projection fitted to Northeast China.
//!
//! Equal-area so that the map never exaggerates one unit against another and so that
//! areas measured on the projected boundaries are true areas on the sphere.

use super::math::{asin, atan2, cos, hypot, sin};
use super::{LonLat, Point};

/// Mean Earth radius in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A spherical Albers equal-area conic projection. Output is in kilometres,
/// y pointing south so that it can be used as SVG user space directly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Albers {
    lon0: f64,
    n: f64,
    c: f64,
    rho0: f64,
}

impl Albers {
    /// A projection with central meridian `lon0`, origin latitude `lat0` and
    /// standard parallels `lat1`, `lat2` (all in degrees).
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Self {
        let (s1, s2) = (sin(lat1.to_radians()), sin(lat2.to_radians()));
        let n = (s1 + s2) / 2.0;
        let c = cos(lat1.to_radians()).powi(2) + 2.0 * n * s1;
        let rho0 = (c - 2.0 * n * sin(lat0.to_radians())).sqrt() / n;
        Albers { lon0, n, c, rho0 }
    }

    /// The projection used by the dashboard: central meridian 126° E, origin 44° N,
    /// standard parallels 40° N and 48° N (spanning Dalian to Harbin).
    pub fn northeast_china() -> Self {
        Albers::new(126.0, 44.0, 40.0, 48.0)
    }

    /// Projects a position to map kilometres.
    pub fn project(&self, p: LonLat) -> Point {
        let rho = (self.c - 2.0 * self.n * sin(p.lat.to_radians())).sqrt() / self.n;
        let theta = self.n * (p.lon - self.lon0).to_radians();
        Point::new(
            EARTH_RADIUS_KM * rho * sin(theta),
            -EARTH_RADIUS_KM * (self.rho0 - rho * cos(theta)),
        )
    }

    /// The inverse: map kilometres back to a position.
    pub fn invert(&self, p: Point) -> LonLat {
        let x = p.x / EARTH_RADIUS_KM;
        let y = self.rho0 + p.y / EARTH_RADIUS_KM;
        let rho = hypot(x, y).copysign(self.n);
        let theta = atan2(x, y);
        let sin_lat = ((self.c - (rho * self.n).powi(2)) / (2.0 * self.n)).clamp(-1.0, 1.0);
        LonLat {
            lon: self.lon0 + (theta / self.n).to_degrees(),
            lat: asin(sin_lat).to_degrees(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::shape::ring_area;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Where a position lands on the map.
    fn at(lon: f64, lat: f64) -> Point {
        Albers::northeast_china().project(LonLat { lon, lat })
    }

    #[test]
    fn origin_maps_to_zero_and_north_is_up() {
        let o = at(126.0, 44.0);
        assert!(close(o.x, 0.0, 1e-9) && close(o.y, 0.0, 1e-9));
        let north = at(126.0, 45.0);
        assert!(north.y < 0.0, "north must be up (negative y)");
        // One degree of latitude is about 111 km.
        assert!(close(-north.y, 111.46, 0.01), "{north:?}");
        let east = at(127.0, 44.0);
        assert!(east.x > 0.0);
    }

    #[test]
    fn reference_values() {
        // From an independent implementation of the spherical Albers formulas
        // (Snyder 1987, eq. 14-1 to 14-4): n = 0.692966, C = 1.477684, rho0 = 1.035533.
        let harbin = at(126.6, 45.8);
        assert!(close(harbin.x, 46.42, 0.01), "{harbin:?}");
        assert!(close(harbin.y, -200.78, 0.01), "{harbin:?}");
        let dalian = at(121.6, 38.9);
        assert!(close(dalian.x, -381.12, 0.01), "{dalian:?}");
        assert!(close(dalian.y, 557.57, 0.01), "{dalian:?}");
    }

    #[test]
    fn invert_round_trips() {
        let p = Albers::northeast_china();
        for (lon, lat) in [(125.3, 43.9), (121.6, 38.9), (131.0, 47.5), (118.0, 49.0)] {
            let back = p.invert(p.project(LonLat { lon, lat }));
            assert!(close(back.lon, lon, 1e-9) && close(back.lat, lat, 1e-9));
        }
    }

    #[test]
    fn areas_are_preserved() {
        // A 1°×1° cell at 43–44° N: its true spherical area is R²·Δλ·(sin φ2 − sin φ1).
        let p = Albers::northeast_china();
        let cell: Vec<_> = [(125.0, 43.0), (126.0, 43.0), (126.0, 44.0), (125.0, 44.0)]
            .iter()
            .flat_map(|&(lon0, lat0)| {
                // Densify the edges: parallels are arcs on the map.
                (0..100).map(move |i| (lon0, lat0, i))
            })
            .map(|(lon0, lat0, i)| {
                let t = f64::from(i) / 100.0;
                let (lon, lat) = match (lon0, lat0) {
                    (125.0, 43.0) => (125.0 + t, 43.0),
                    (126.0, 43.0) => (126.0, 43.0 + t),
                    (126.0, 44.0) => (126.0 - t, 44.0),
                    _ => (125.0, 44.0 - t),
                };
                p.project(LonLat { lon, lat })
            })
            .collect();
        let truth = EARTH_RADIUS_KM.powi(2)
            * 1f64.to_radians()
            * (44f64.to_radians().sin() - 43f64.to_radians().sin());
        let measured = ring_area(&cell).abs();
        assert!(
            (measured / truth - 1.0).abs() < 1e-4,
            "{measured} vs {truth}"
        );
    }
}
