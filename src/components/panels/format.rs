//! How the panels write numbers and lists in each language. Pure functions, no DOM.

use crate::i18n::Lang;

/// A number as the release writes it: no trailing `.0`, no floating-point noise
/// (`12.1`, `1.35`, `1210`).
pub fn number(x: f64) -> String {
    // Three decimals is more than any figure of the plan has.
    crate::geo::decimal::fixed(x, 3)
}

/// The population figure in the unit of `ui::MILLION` for a language: millions in
/// English (`12.1`), 万 (ten thousands) in Chinese (`1210`).
pub fn population(million: f64, lang: Lang) -> String {
    match lang {
        Lang::En => number(million),
        Lang::Zh => number(million * 100.0),
    }
}

/// A phrase template with its one `{}` filled in (`ui::YEAR`, `ui::TRILLION_RMB`).
#[cfg(not(metro_baked_side))]
pub fn fill(template: crate::i18n::Phrase, lang: Lang, value: &str) -> String {
    crate::i18n::fill(template.get(lang), value)
}

/// City names in a language, joined by `sep` (a list or a route).
pub use crate::plan::city_names as cities;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ui;
    use crate::ids::CityId;

    #[test]
    fn numbers_are_written_as_in_the_release() {
        assert_eq!(number(12.1), "12.1");
        assert_eq!(number(1.35), "1.35");
        assert_eq!(number(29_700.0), "29700");
        assert_eq!(population(12.1, Lang::En), "12.1");
        // 12.1 × 100 is 1209.999… in floating point.
        assert_eq!(population(12.1, Lang::Zh), "1210");
    }

    #[test]
    fn templates_follow_the_language() {
        assert_eq!(
            fill(ui::TRILLION_RMB, Lang::En, "1.35"),
            "approximately RMB 1.35 trillion"
        );
        assert_eq!(fill(ui::TRILLION_RMB, Lang::Zh, "1.35"), "1.35万亿元左右");
        assert_eq!(fill(ui::YEAR, Lang::Zh, "2030"), "2030年");
    }

    #[test]
    fn city_lists_use_the_plan_names() {
        let plan = crate::plan::testing::plan();
        let ids = [CityId::Changchun, CityId::Jilin, CityId::Yanbian];
        assert_eq!(
            cities(&plan, &ids, Lang::En, ui::ROUTE_SEP),
            "Changchun → Jilin → Yanbian"
        );
        assert_eq!(
            cities(&plan, &ids, Lang::Zh, ui::LIST_SEP),
            "长春、吉林、延边"
        );
    }
}
