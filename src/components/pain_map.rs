//! "Where does it hurt?": the lower back, pelvis, hips and thighs seen from behind and
//! from each side, every place on it a checkbox.
//!
//! The places form one tab stop: arrow keys move between them (in reading order, the
//! back view first) and Space or Enter chooses one. Each is at least 48 px across,
//! and a chosen one shows a tick and a hatched area, not only a colour.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::i18n::{t, texts};
use kneadtime_core::suggest::{BodySide, MapChoices, Region, Spot};

/// Which drawing a place is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Back,
    Side(BodySide),
}

/// A place on a drawing: its centre and the half-widths of its marked area, in the
/// drawing's own units (the back view is 300 × 360, each side view 150 × 200).
#[derive(Clone, Copy)]
struct Place {
    spot: Spot,
    view: View,
    x: f32,
    y: f32,
    rx: f32,
    ry: f32,
}

const BACK_WIDTH: f32 = 300.0;
const BACK_HEIGHT: f32 = 360.0;
const SIDE_WIDTH: f32 = 150.0;
const SIDE_HEIGHT: f32 = 200.0;

/// The back view's places on the person's left (the viewer's left, seen from behind),
/// row by row: the right side mirrors them.
const BACK_LEFT: [(Region, f32, f32, f32, f32); 7] = [
    (Region::LowerBack, 112.0, 42.0, 22.0, 32.0),
    (Region::GluteusMedius, 62.0, 108.0, 28.0, 18.0),
    (Region::SacroiliacJoint, 125.0, 112.0, 12.0, 20.0),
    (Region::DeepGluteal, 95.0, 166.0, 32.0, 12.0),
    (Region::GluteusMaximus, 88.0, 224.0, 44.0, 34.0),
    (Region::SitBone, 125.0, 280.0, 14.0, 12.0),
    (Region::BackOfThigh, 95.0, 330.0, 36.0, 26.0),
];

/// Every place in the order the arrow keys visit them, laid out once.
fn places() -> &'static [Place] {
    static PLACES: std::sync::LazyLock<Vec<Place>> = std::sync::LazyLock::new(lay_out_places);
    &PLACES
}

/// Every place in the order the arrow keys visit them: the back view row by row, left
/// to right as seen, then the left side view and the right side view.
fn lay_out_places() -> Vec<Place> {
    let mut all = Vec::new();
    let mut row: Vec<Place> = Vec::new();
    for (region, x, y, rx, ry) in BACK_LEFT {
        let on = |side, x| Place {
            spot: Spot { region, side },
            view: View::Back,
            x,
            y,
            rx,
            ry,
        };
        // Places of one row (the same height, or one step down towards the middle) go
        // left, left…, right…, right, as they are seen.
        if row.last().is_some_and(|last| (last.y - y).abs() > 10.0) {
            flush_row(&mut row, &mut all);
        }
        row.push(on(BodySide::Left, x));
        row.push(on(BodySide::Right, BACK_WIDTH - x));
    }
    flush_row(&mut row, &mut all);
    for side in [BodySide::Left, BodySide::Right] {
        // Seen from the left the front of the body faces the viewer's left; from the right, the right.
        let facing = |x: f32| match side {
            BodySide::Left => x,
            BodySide::Right => SIDE_WIDTH - x,
        };
        let place = |region, x, y, rx, ry| Place {
            spot: Spot { region, side },
            view: View::Side(side),
            x: facing(x),
            y,
            rx,
            ry,
        };
        let front = place(Region::FrontOfHip, 36.0, 76.0, 12.0, 18.0);
        let outer = place(Region::SideOfHip, 86.0, 112.0, 16.0, 20.0);
        match side {
            BodySide::Left => all.extend([front, outer]),
            BodySide::Right => all.extend([outer, front]),
        }
    }
    all
}

/// Moves one row of back-view places into `all`, sorted left to right as seen.
fn flush_row(row: &mut Vec<Place>, all: &mut Vec<Place>) {
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    all.append(row);
}

/// The element id of a place, so the arrow keys can move focus to it.
fn place_id(spot: Spot) -> String {
    format!("pain-spot-{}-{}", spot.region.slug(), spot.side.slug())
}

/// Which place an arrow key leads to from `index` among `count`, or `None` for another key.
fn moved(key: &str, index: usize, count: usize) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" => Some((index + 1) % count),
        "ArrowLeft" | "ArrowUp" => Some((index + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// The body map: a back view and both side views, each place a checkbox.
#[component]
pub fn PainMap(
    /// What is chosen; the map toggles places in it.
    chosen: RwSignal<MapChoices>,
) -> impl IntoView {
    let places = places();
    let count = places.len();
    // The one place that takes the tab stop: the last one touched.
    let active = RwSignal::new(0usize);
    let focus = move |index: usize| {
        active.set(index);
        let element = document()
            .get_element_by_id(&place_id(places[index].spot))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    };
    let hotspots = move |view: View| {
        places
            .iter()
            .enumerate()
            .filter(|(_, place)| place.view == view)
            .map(|(index, place)| {
                let (width, height) = match view {
                    View::Back => (BACK_WIDTH, BACK_HEIGHT),
                    View::Side(_) => (SIDE_WIDTH, SIDE_HEIGHT),
                };
                let position = format!(
                    "left:{:.2}%;top:{:.2}%",
                    place.x / width * 100.0,
                    place.y / height * 100.0
                );
                let this = place.spot;
                let name = this.name(&texts());
                let toggle = move || {
                    active.set(index);
                    chosen.update(|chosen| chosen.toggle(this));
                };
                view! {
                    <span
                        id=place_id(this)
                        class="pain-spot"
                        role="checkbox"
                        style=position
                        tabindex=move || if active.get() == index { "0" } else { "-1" }
                        aria-checked=move || chosen.with(|chosen| chosen.has(this)).to_string()
                        aria-label=name.clone()
                        title=name
                        on:click=move |_| toggle()
                        on:keydown=move |event: web_sys::KeyboardEvent| {
                            let key = event.key();
                            if key == " " || key == "Enter" {
                                event.prevent_default();
                                toggle();
                            } else if let Some(next) = moved(&key, index, count) {
                                event.prevent_default();
                                focus(next);
                            }
                        }
                    >
                        <svg class="pain-spot__tick" viewBox="0 0 24 24" aria-hidden="true">
                            <path d="M5 12.5l4.5 4.5L19 7" />
                        </svg>
                    </span>
                }
            })
            .collect_view()
    };
    let areas = move |view: View| {
        places
            .iter()
            .filter(|place| place.view == view)
            .map(|place| {
                let this = place.spot;
                view! {
                    <ellipse
                        class="pain-area"
                        class:pain-area--chosen=move || chosen.with(|chosen| chosen.has(this))
                        cx=place.x
                        cy=place.y
                        rx=place.rx
                        ry=place.ry
                    />
                }
            })
            .collect_view()
    };
    view! {
        <div class="pain-map" role="group" aria-label=t("map.drawing_label")>
            <figure class="pain-map__view pain-map__view--back">
                <div class="pain-map__canvas">
                    <svg viewBox="0 0 300 360" aria-hidden="true" focusable="false">
                        <Hatching />
                        <path
                            class="pain-map__figure"
                            d="M82 0C78 40 62 78 42 116C26 150 28 200 38 242L46 360H146L148 290Q150 280 152 290L154 360H254L262 242C272 200 274 150 258 116C238 78 222 40 218 0Z"
                        />
                        <path
                            class="pain-map__line"
                            d="M150 0V96M130 100L150 160L170 100M150 160V268M56 100Q100 70 144 94M244 100Q200 70 156 94M60 262Q100 284 146 272M240 262Q200 284 154 272"
                        />
                        {areas(View::Back)}
                        <text class="pain-map__mark" x="8" y="352">
                            {t("map.left_mark")}
                        </text>
                        <text class="pain-map__mark" x="292" y="352" text-anchor="end">
                            {t("map.right_mark")}
                        </text>
                    </svg>
                    {hotspots(View::Back)}
                </div>
                <figcaption>{t("map.back_view")}</figcaption>
            </figure>
            <div class="pain-map__sides">
                <SideView
                    side=BodySide::Left
                    areas=areas(View::Side(BodySide::Left)).into_any()
                    hotspots=hotspots(View::Side(BodySide::Left)).into_any()
                />
                <SideView
                    side=BodySide::Right
                    areas=areas(View::Side(BodySide::Right)).into_any()
                    hotspots=hotspots(View::Side(BodySide::Right)).into_any()
                />
            </div>
        </div>
    }
}

/// One side view: the pelvis and thigh seen from that side, front of the body outwards.
#[component]
fn SideView(
    /// Which side of the body faces the viewer.
    side: BodySide,
    /// The marked areas, drawn over the figure.
    areas: AnyView,
    /// The places' checkboxes, over the drawing.
    hotspots: AnyView,
) -> impl IntoView {
    // Drawn facing left; the right side is its mirror image.
    let (mirror, caption) = match side {
        BodySide::Left => ("", t("map.left_side_view")),
        BodySide::Right => ("translate(150 0) scale(-1 1)", t("map.right_side_view")),
    };
    view! {
        <figure class="pain-map__view">
            <div class="pain-map__canvas pain-map__canvas--side">
                <svg viewBox="0 0 150 200" aria-hidden="true" focusable="false">
                    <g transform=mirror>
                        <path
                            class="pain-map__figure"
                            d="M52 0C46 30 30 58 28 86C26 112 36 140 44 200H112C114 160 130 132 126 100C122 66 104 36 102 0Z"
                        />
                        <path class="pain-map__line" d="M30 64Q50 58 66 70M44 120Q70 112 96 118" />
                    </g>
                    {areas}
                </svg>
                {hotspots}
            </div>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// The hatching that marks a chosen area (a pattern, so the choice does not rest on
/// colour); drawn once, in the back view, and used by every view.
#[component]
fn Hatching() -> impl IntoView {
    view! {
        <defs>
            <pattern
                id="pain-hatch"
                width="8"
                height="8"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
            >
                <rect class="pain-hatch__ground" width="8" height="8" />
                <line class="pain-hatch__line" x1="0" y1="0" x2="0" y2="8" />
            </pattern>
        </defs>
    }
}
