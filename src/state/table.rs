//! The table view: everything the map shows, as tables (the units with both names, city,
//! roles and derived area; the "1351" layout; the cities), and how they sort. Pure, no DOM;
//! the component only renders these rows.

use super::describe::role_names;
use crate::i18n::{join, thousands, ui, Lang, Phrase, Text};
use crate::ids::{CityId, Focus};
use crate::plan::{city_names as route, Plan};
use std::cmp::Ordering;

/// What a column sorts by.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    /// Text, compared case-insensitively (Chinese by code point).
    Text(String),
    /// A number.
    Number(f64),
}

impl SortKey {
    fn compare(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            // Case-blind for ASCII (the English names); other characters by code point,
            // as `to_lowercase` would order the names (Chinese has no case), without
            // its Unicode tables in the wasm.
            (SortKey::Text(a), SortKey::Text(b)) => {
                let fold = |s: &str| {
                    s.bytes()
                        .map(|b| b.to_ascii_lowercase())
                        .collect::<Vec<_>>()
                };
                fold(a).cmp(&fold(b))
            }
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// What it shows.
    pub text: String,
    /// The language of the text where it is one of ours (for the `lang` attribute).
    pub lang: Option<Lang>,
    /// What it sorts by.
    pub key: SortKey,
}

impl Cell {
    fn text(text: impl Into<String>, lang: Option<Lang>) -> Cell {
        let text = text.into();
        Cell {
            key: SortKey::Text(text.clone()),
            text,
            lang,
        }
    }

    fn number(value: f64, text: String) -> Cell {
        Cell {
            text,
            lang: None,
            key: SortKey::Number(value),
        }
    }
}

/// A column heading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// Its heading.
    pub title: Phrase,
    /// True for numbers (aligned right).
    pub numeric: bool,
}

impl Column {
    /// A column of text.
    const fn text(title: Phrase) -> Column {
        Column {
            title,
            numeric: false,
        }
    }

    /// A column of numbers.
    const fn number(title: Phrase) -> Column {
        Column {
            title,
            numeric: true,
        }
    }
}

/// Columns of text, one per heading.
fn text_columns(titles: &[Phrase]) -> Vec<Column> {
    titles.iter().copied().map(Column::text).collect()
}

/// One row: the item it states and its cells, one per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What selecting the row selects on the map.
    pub focus: Focus,
    /// The cells.
    pub cells: Vec<Cell>,
}

/// A table of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable id (`units`, `layout`, `cities`) for DOM hooks.
    pub id: &'static str,
    /// Its caption.
    pub caption: Phrase,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows in the plan's order.
    pub rows: Vec<Row>,
    /// The column whose cell selects the row's item (the name in the current language).
    pub select_column: usize,
}

/// Sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

/// A table's sort: a column and an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortBy {
    /// The column index.
    pub column: usize,
    /// The order.
    pub order: Order,
}

impl SortBy {
    /// The sort after the heading of `column` is pressed: a new column sorts
    /// ascending, the same column again reverses.
    pub fn pressed(current: Option<SortBy>, column: usize) -> SortBy {
        match current {
            Some(SortBy {
                column: c,
                order: Order::Ascending,
            }) if c == column => SortBy {
                column,
                order: Order::Descending,
            },
            _ => SortBy {
                column,
                order: Order::Ascending,
            },
        }
    }

    /// The `aria-sort` value of `column` under this sort.
    pub fn aria_sort(sort: Option<SortBy>, column: usize) -> &'static str {
        match sort {
            Some(s) if s.column == column => match s.order {
                Order::Ascending => "ascending",
                Order::Descending => "descending",
            },
            _ => "none",
        }
    }
}

impl Table {
    /// The rows in the order of `sort` (the plan's order for `None`; ties keep it).
    pub fn sorted(&self, sort: Option<SortBy>) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        if let Some(s) = sort.filter(|s| s.column < self.columns.len()) {
            rows.sort_by(|a, b| {
                let o = a.cells[s.column].key.compare(&b.cells[s.column].key);
                match s.order {
                    Order::Ascending => o,
                    Order::Descending => o.reverse(),
                }
            });
        }
        rows
    }
}

/// The columns of the two names: Chinese first.
fn names(text: &Text) -> [Cell; 2] {
    [
        Cell::text(&*text.zh, Some(Lang::Zh)),
        Cell::text(&*text.en, Some(Lang::En)),
    ]
}

/// The name column to select with: the name in the reader's language.
fn name_column(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// Every unit the plan names: both names, city, roles, derived area and code.
pub fn units(plan: &Plan, lang: Lang) -> Table {
    let rows = plan
        .units
        .iter()
        .map(|u| {
            let [zh, en] = names(&u.name);
            let area = u.area_km2.round();
            Row {
                focus: Focus::Unit(u.entry.adcode.clone()),
                cells: vec![
                    zh,
                    en,
                    Cell::text(plan.city_name(u.city, lang), None),
                    Cell::text(role_names(u, lang), None),
                    Cell::number(area, thousands(area as u64)),
                    Cell::text(u.entry.adcode.to_string(), None),
                ],
            }
        })
        .collect();
    Table {
        id: "units",
        caption: ui::TABLE_UNITS,
        columns: vec![
            Column::text(ui::COL_NAME_ZH),
            Column::text(ui::COL_NAME_EN),
            Column::text(ui::CITY),
            Column::text(ui::ROLE),
            Column::number(ui::COL_AREA),
            Column::text(ui::COL_ADCODE),
        ],
        rows,
        select_column: name_column(lang),
    }
}

/// The "1351" layout: the center, the clusters, the belts with their industry and the
/// corridor, each with its cities in the plan's order.
pub fn layout(plan: &Plan, lang: Lang) -> Table {
    let layout = &plan.data.layout;
    let row = |focus: Focus, part: Phrase, name: &Text, about: String, cities: String| Row {
        focus,
        cells: vec![
            Cell::text(part.get(lang), None),
            Cell::text(name.get(lang), None),
            Cell::text(about, None),
            Cell::text(cities, None),
        ],
    };
    let mut rows = vec![row(
        Focus::Center,
        ui::PART_CENTER,
        &layout.center.name,
        layout.center.description.get(lang).to_owned(),
        route(plan, &[layout.center.city], lang, ui::LIST_SEP),
    )];
    rows.extend(layout.clusters.iter().map(|c| {
        row(
            Focus::Cluster(c.id),
            ui::PART_CLUSTER,
            &c.name,
            ui::SCHEMATIC.get(lang).to_owned(),
            route(plan, &c.cities, lang, ui::LIST_SEP),
        )
    }));
    rows.extend(layout.belts.iter().map(|b| {
        row(
            Focus::Belt(b.id),
            ui::PART_BELT,
            &b.name,
            b.industry.get(lang).to_owned(),
            route(plan, &b.cities, lang, ui::ROUTE_SEP),
        )
    }));
    let roles: Vec<&str> = layout.corridor.roles.iter().map(|r| r.get(lang)).collect();
    rows.push(row(
        Focus::Corridor,
        ui::PART_CORRIDOR,
        &layout.corridor.name,
        format!(
            "{}{}{}",
            join(&roles, ui::LIST_SEP.get(lang)),
            ui::A11Y_END.get(lang),
            layout.corridor.aim.get(lang)
        ),
        route(plan, &layout.corridor.cities, lang, ui::ROUTE_SEP),
    ));
    Table {
        id: "layout",
        caption: ui::TABLE_LAYOUT,
        columns: text_columns(&[
            ui::COL_PART,
            ui::COL_NAME,
            ui::COL_ABOUT,
            ui::CITIES_IN_ORDER,
        ]),
        rows,
        select_column: 1,
    }
}

/// Every city the plan names: both names, whether it is a member city, and the parts of
/// the layout that name it.
pub fn cities(plan: &Plan, lang: Lang) -> Table {
    let layout = &plan.data.layout;
    let rows = plan
        .data
        .cities
        .iter()
        .map(|c| {
            // The parts of the layout that name the city: a belt by its industry.
            let has = |cities: &[CityId]| cities.contains(&c.id);
            let center = (layout.center.city == c.id).then_some(&layout.center.name);
            let clusters = layout.clusters.iter().filter(|k| has(&k.cities));
            let belts = layout.belts.iter().filter(|b| has(&b.cities));
            let corridor = has(&layout.corridor.cities).then_some(&layout.corridor.name);
            let by: Vec<&str> = center
                .into_iter()
                .chain(clusters.map(|k| &k.name))
                .chain(belts.map(|b| &b.industry))
                .chain(corridor)
                .map(|t| t.get(lang))
                .collect();
            let kind = if c.member {
                ui::MEMBER_CITY
            } else {
                ui::NAMED_CITY
            };
            let [zh, en] = names(&c.name);
            Row {
                focus: Focus::City(c.id),
                cells: vec![
                    zh,
                    en,
                    Cell::text(kind.get(lang), None),
                    Cell::text(join(&by, ui::LIST_SEP.get(lang)), None),
                ],
            }
        })
        .collect();
    Table {
        id: "cities",
        caption: ui::TABLE_CITIES,
        columns: text_columns(&[ui::COL_NAME_ZH, ui::COL_NAME_EN, ui::ROLE, ui::COL_NAMED_BY]),
        rows,
        select_column: name_column(lang),
    }
}

/// All tables of the view, in reading order.
pub fn all(plan: &Plan, lang: Lang) -> Vec<Table> {
    vec![layout(plan, lang), units(plan, lang), cities(plan, lang)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::BeltId;
    use crate::plan::testing::plan;

    #[test]
    fn every_unit_has_a_row_with_both_names_city_roles_and_area() {
        let p = plan();
        let t = units(&p, Lang::En);
        assert_eq!(t.rows.len(), 30);
        for row in &t.rows {
            assert_eq!(row.cells.len(), t.columns.len());
            assert!(row.cells.iter().all(|c| !c.text.is_empty()), "{row:?}");
        }
        let yushu = t
            .rows
            .iter()
            .find(|r| r.focus == Focus::Unit("220182".parse().unwrap()))
            .unwrap();
        let texts: Vec<&str> = yushu.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts[0], "榆树市");
        assert_eq!(texts[1], "Yushu City");
        assert_eq!(texts[2], "Changchun");
        assert!(
            texts[3].starts_with("Designated area (parts only"),
            "{texts:?}"
        );
        assert_eq!(yushu.cells[0].lang, Some(Lang::Zh));
        assert_eq!(t.select_column, 1);
        assert_eq!(units(&p, Lang::Zh).select_column, 0);
        // Dongliao has both roles.
        let dongliao = &t
            .rows
            .iter()
            .find(|r| r.cells[5].text == "220422")
            .unwrap()
            .cells[3]
            .text;
        assert!(dongliao.contains("Sphere of influence") && dongliao.contains("parts only"));
    }

    #[test]
    fn the_layout_table_has_the_center_clusters_belts_and_corridor() {
        let p = plan();
        let t = layout(&p, Lang::En);
        assert_eq!(t.rows.len(), 1 + 3 + 5 + 1);
        let pharma = t
            .rows
            .iter()
            .find(|r| r.focus == Focus::Belt(BeltId::Pharma))
            .unwrap();
        let belt = &p.data.layout.belts[1];
        assert_eq!(pharma.cells[2].text, &*belt.industry.en);
        let expected: Vec<&str> = belt
            .cities
            .iter()
            .map(|c| p.city(*c).unwrap().name.en.as_ref())
            .collect();
        assert_eq!(pharma.cells[3].text, expected.join(" → "));
        let corridor = t.rows.last().unwrap();
        assert_eq!(corridor.focus, Focus::Corridor);
        assert_eq!(
            corridor.cells[3].text,
            "Harbin → Changchun → Shenyang → Dalian"
        );
        assert_eq!(cities(&p, Lang::Zh).rows.len(), p.data.cities.len());
    }

    #[test]
    fn sorting_by_a_column_and_reversing() {
        let p = plan();
        let t = units(&p, Lang::En);
        let area = 4;
        let up = SortBy::pressed(None, area);
        assert_eq!(up.order, Order::Ascending);
        let sorted = t.sorted(Some(up));
        let values: Vec<f64> = sorted
            .iter()
            .map(|r| match r.cells[area].key {
                SortKey::Number(v) => v,
                _ => panic!("area is a number"),
            })
            .collect();
        assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
        let down = SortBy::pressed(Some(up), area);
        assert_eq!(down.order, Order::Descending);
        assert_eq!(t.sorted(Some(down))[0].focus, sorted.last().unwrap().focus);
        assert_eq!(SortBy::pressed(Some(down), area).order, Order::Ascending);
        assert_eq!(SortBy::pressed(Some(down), 1).order, Order::Ascending);
        assert_eq!(SortBy::aria_sort(Some(down), area), "descending");
        assert_eq!(SortBy::aria_sort(Some(down), 0), "none");
        // English names sort alphabetically, ignoring case; no sort keeps the plan's order.
        let names: Vec<&str> = t
            .sorted(Some(SortBy::pressed(None, 1)))
            .iter()
            .map(|r| r.cells[1].text.as_str())
            .collect();
        assert!(names
            .windows(2)
            .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
        assert_eq!(t.sorted(None)[0], &t.rows[0]);
        // An out-of-range column is ignored rather than a panic.
        assert_eq!(t.sorted(Some(SortBy::pressed(None, 99)))[0], &t.rows[0]);
    }
}
