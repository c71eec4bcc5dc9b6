use leptos::prelude::*;

use crate::platform::i18n::{t, texts};
use kneadtime_core::picture::{describe, Picture};
use kneadtime_core::routine::{Side, Step};

/// A step drawn: the position, the spot, the tool there and the movement, mirrored for
/// the right side, with a text alternative that says the same.
#[component]
pub fn StepPicture(
    /// The step to draw.
    #[prop(into)]
    step: Signal<Step>,
    /// The side the pass works (`Both`: the step as a whole, drawn on the left).
    #[prop(into)]
    side: Signal<Side>,
) -> impl IntoView {
    let picture = Memo::new(move |_| step.with(|step| Picture::of(step, side.get())));
    let label = move || step.with(|step| describe(step, side.get(), &texts()));
    let paths = move || {
        picture.with(|picture| {
            picture
                .shapes()
                .into_iter()
                .map(|shape| {
                    view! { <path class=format!("step-picture__{}", shape.role.name()) d=shape.d stroke-width=shape.width /> }
                })
                .collect_view()
        })
    };
    // The side marks are not mirrored: they are words.
    let mark = move || match side.get() {
        Side::Left => t("picture.left_mark"),
        Side::Right => t("picture.right_mark"),
        Side::Both => format!("{} › {}", t("picture.left_mark"), t("picture.right_mark")),
        Side::None => String::new(),
    };
    view! {
        <svg
            class="step-picture"
            viewBox=move || picture.with(Picture::view_box_attr)
            role="img"
            focusable="false"
            aria-label=label
            data-technique=move || picture.with(|p| format!("{:?}", p.technique).to_lowercase())
            data-mirrored=move || picture.with(|p| p.mirrored.to_string())
        >
            <g class="step-picture__figure" transform=move || picture.with(Picture::mirror_transform)>
                {paths}
            </g>
            // In the top corner; none on the midline.
            {move || {
                let mark = mark();
                let [x, y, size] = picture.with(Picture::mark_attrs);
                (!mark.is_empty())
                    .then(|| {
                        view! {
                            <text class="step-picture__mark" x=x y=y font-size=size aria-hidden="true">
                                {mark}
                            </text>
                        }
                    })
            }}
        </svg>
    }
}
