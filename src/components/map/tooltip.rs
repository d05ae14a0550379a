//! The hover tooltip: name in both languages, city and role.

use super::details::role_phrases;
use crate::components::use_ctx;
use crate::i18n::ui;
use crate::ids::Focus;
use leptos::prelude::*;

/// Shows what the pointer is over.
#[component]
pub fn Tooltip() -> impl IntoView {
    let ctx = use_ctx();
    let plan = ctx.plan;
    move || {
        let hover = ctx.hover.get()?;
        let lang = ctx.lang.get();
        let title = plan.title_of(&hover.target)?;
        let other = lang.other();
        let detail: Option<String> = match &hover.target {
            Focus::Unit(code) => plan.unit(code).map(|u| {
                let city = plan
                    .city(u.city)
                    .map(|c| c.name.get(lang))
                    .unwrap_or_default();
                let roles: Vec<&str> = role_phrases(u).iter().map(|p| p.get(lang)).collect();
                format!("{} {city} · {}", ui::IN_CITY.get(lang), roles.join(" · "))
            }),
            Focus::Belt(id) => plan
                .data
                .layout
                .belt(*id)
                .map(|b| b.industry.get(lang).to_owned()),
            Focus::Cluster(_) => Some(ui::SCHEMATIC.get(lang).to_owned()),
            _ => None,
        };
        // Keep the box inside the map: it opens to the left of the pointer once there
        // is room for it there (more than 260 px from the map's left edge).
        let flip = ctx.hover.with(|h| h.as_ref().is_some_and(|h| h.x > 260.0));
        Some(view! {
            <div class="tooltip" class:flip=flip role="tooltip"
                style:left=px(hover.x) style:top=px(hover.y)>
                <strong>{title.get(lang).to_owned()}</strong>
                <span class="tooltip-other" lang=other.tag()>{title.get(other).to_owned()}</span>
                {detail.map(|d| view! { <span class="tooltip-detail">{d}</span> })}
            </div>
        })
    }
}

/// A CSS length in pixels, to 0.1 px.
fn px(v: f64) -> String {
    let mut s = crate::geo::decimal::fixed(v, 1);
    s.push_str("px");
    s
}
