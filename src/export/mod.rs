//! Downloads: the current map as a standalone SVG, the units as CSV and GeoJSON, the
//! plan metadata as JSON. Pure text generation, no DOM; components only hand the text
//! to the browser (and draw the SVG onto a canvas for the PNG).

// The downloads' writer runs natively (tests/downloads.rs), never in the app; the release
// build's plan lacks some texts it writes (`plan::model`).
#[cfg(not(metro_baked_side))]
pub mod data;
pub mod svg;

use crate::i18n::{ui, Lang, Phrase};
use crate::state::share::escape_attr;

/// What a download holds, for its file name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// The map as SVG.
    MapSvg,
    /// The map as PNG.
    MapPng,
    /// The units as CSV.
    UnitsCsv,
    /// The units as GeoJSON.
    UnitsGeoJson,
    /// The plan metadata as JSON.
    PlanJson,
}

impl Download {
    /// Every download, in the order of the buttons.
    pub const ALL: [Download; 5] = [
        Download::MapSvg,
        Download::MapPng,
        Download::UnitsCsv,
        Download::UnitsGeoJson,
        Download::PlanJson,
    ];

    /// A stable id for DOM hooks.
    pub const fn id(self) -> &'static str {
        match self {
            Download::MapSvg => "svg",
            Download::MapPng => "png",
            Download::UnitsCsv => "csv",
            Download::UnitsGeoJson => "geojson",
            Download::PlanJson => "json",
        }
    }

    /// The button's words.
    pub const fn label(self) -> Phrase {
        match self {
            Download::MapSvg => ui::DOWNLOAD_SVG,
            Download::MapPng => ui::DOWNLOAD_PNG,
            Download::UnitsCsv => ui::DOWNLOAD_CSV,
            Download::UnitsGeoJson => ui::DOWNLOAD_GEOJSON,
            Download::PlanJson => ui::DOWNLOAD_JSON,
        }
    }

    /// True for the data downloads (CSV, GeoJSON, JSON): they depend only on the plan and
    /// the language, so they are files of `dist/downloads/` (`public/downloads/`, written
    /// from the plan by [`data::file_text`] and kept current by `tests/downloads.rs`),
    /// linked from the menu, instead of code in the wasm (issue 12: 5.4 KB gzip).
    pub const fn is_file(self) -> bool {
        matches!(
            self,
            Download::UnitsCsv | Download::UnitsGeoJson | Download::PlanJson
        )
    }

    /// A file download's address, relative to the page (`downloads/NAME`).
    pub fn path(self, lang: Lang) -> String {
        format!("downloads/{}", self.file_name(lang))
    }

    /// The MIME type.
    pub const fn mime(self) -> &'static str {
        match self {
            Download::MapSvg => "image/svg+xml;charset=utf-8",
            Download::MapPng => "image/png",
            Download::UnitsCsv => "text/csv;charset=utf-8",
            Download::UnitsGeoJson => "application/geo+json",
            Download::PlanJson => "application/json",
        }
    }

    /// The file name: what it is and in which language
    /// (`changchun-metro-plan-units-en.csv`).
    pub fn file_name(self, lang: Lang) -> String {
        let (what, ext) = match self {
            Download::MapSvg => (ui::FILE_MAP, "svg"),
            Download::MapPng => (ui::FILE_MAP, "png"),
            Download::UnitsCsv => (ui::FILE_UNITS, "csv"),
            Download::UnitsGeoJson => (ui::FILE_UNITS, "geojson"),
            Download::PlanJson => (ui::FILE_PLAN, "json"),
        };
        format!("{}-{}.{ext}", what.get(lang), lang.as_str())
    }
}

/// Escapes text for XML content and attribute values: as for an HTML attribute
/// ([`escape_attr`]), and `'` too, so that either quote may delimit the value.
pub fn xml_escape(text: &str) -> String {
    escape_attr(text).replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_and_which_language() {
        assert_eq!(
            Download::UnitsCsv.file_name(Lang::En),
            "changchun-metro-plan-units-en.csv"
        );
        assert_eq!(
            Download::MapSvg.file_name(Lang::Zh),
            "changchun-metro-plan-map-zh.svg"
        );
        let names: std::collections::HashSet<String> = Download::ALL
            .iter()
            .flat_map(|d| Lang::ALL.map(|l| d.file_name(l)))
            .collect();
        assert_eq!(names.len(), 10);
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            xml_escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
    }
}
