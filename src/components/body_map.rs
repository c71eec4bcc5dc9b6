use leptos::prelude::*;

use crate::platform::i18n::{t, texts, tf};
use kneadtime_core::routine::{Area, Side};

/// Where an area sits on the figure (seen from behind), as ellipses for the left
/// side of the body: `(cx, cy, rx, ry, rotation)`. The right side mirrors them.
fn left_zones(area: Area) -> &'static [(f32, f32, f32, f32, f32)] {
    match area {
        Area::GluteusMaximus => &[(44.0, 62.0, 15.0, 14.0, 0.0)],
        Area::GluteusMedius => &[(33.0, 44.0, 11.0, 7.0, -20.0)],
        Area::Piriformis => &[(43.0, 55.0, 13.0, 4.0, 18.0)],
        Area::HipTfl => &[(24.0, 52.0, 4.5, 9.0, 0.0)],
        Area::LowerBack => &[(52.0, 24.0, 6.0, 12.0, 0.0)],
        Area::HamstringAttachment => &[(49.0, 77.0, 5.0, 4.0, 0.0)],
        Area::SacroiliacJoint => &[(55.0, 42.0, 3.5, 6.0, 0.0)],
        Area::GreaterTrochanter => &[(23.0, 60.0, 4.0, 6.0, 0.0)],
        Area::BackOfThigh => &[(43.0, 90.0, 10.0, 8.0, 0.0)],
        Area::WholeRegion => &[
            (44.0, 62.0, 15.0, 14.0, 0.0),
            (33.0, 44.0, 11.0, 7.0, -20.0),
            (52.0, 24.0, 6.0, 12.0, 0.0),
        ],
    }
}

/// A small figure seen from behind, lower back to thighs, with the worked area marked.
#[component]
pub fn BodyMap(
    /// The area the step works.
    area: Area,
    /// The side being worked (`None` and `Both` mark both sides).
    side: Side,
) -> impl IntoView {
    let sides: &[bool] = match side {
        Side::Left => &[false],
        Side::Right => &[true],
        Side::None | Side::Both => &[false, true],
    };
    let zones = sides
        .iter()
        .flat_map(|&mirrored| {
            left_zones(area).iter().map(move |&(cx, cy, rx, ry, rotation)| {
                let (cx, rotation) = if mirrored {
                    (120.0 - cx, -rotation)
                } else {
                    (cx, rotation)
                };
                view! {
                    <ellipse
                        class="body-map__zone"
                        cx=cx
                        cy=cy
                        rx=rx
                        ry=ry
                        transform=format!("rotate({rotation} {cx} {cy})")
                    />
                }
            })
        })
        .collect_view();
    let texts = texts();
    let area_label = [("area", area.label(&texts))];
    let label = match side {
        Side::None => tf("routine.body_map_centre", &area_label),
        Side::Left => tf("routine.body_map_left", &area_label),
        Side::Right => tf("routine.body_map_right", &area_label),
        Side::Both => tf("routine.body_map_both", &area_label),
    };
    view! {
        <svg class="body-map" viewBox="0 0 120 100" role="img" focusable="false" aria-label=label>
            <path
                class="body-map__figure"
                d="M38 2h44c2 10 4 18 9 26c5 9 9 18 9 30c0 14-3 28-6 40H67l-4-22h-6l-4 22H26c-3-12-6-26-6-40c0-12 4-21 9-30c5-8 7-16 9-26Z"
            />
            <path class="body-map__line" d="M60 6v52M60 58c-6 6-14 9-24 8M60 58c6 6 14 9 24 8" />
            {zones}
            <text class="body-map__side" x="6" y="96" aria-hidden="true">
                {t("routine.body_map_left_mark")}
            </text>
            <text class="body-map__side" x="108" y="96" aria-hidden="true">
                {t("routine.body_map_right_mark")}
            </text>
        </svg>
    }
}
