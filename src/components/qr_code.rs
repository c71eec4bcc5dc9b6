use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode as Code};

/// The dark modules of a QR code for `text` as one SVG path, with the code's width in modules.
fn qr_path(text: &str) -> Option<(String, usize)> {
    let code = Code::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", index % width, index / width));
        }
    }
    Some((path, width))
}

/// A QR code drawn as inline SVG (no image, no request). Nothing is shown if the text is too long for one.
#[component]
pub fn QrCode(
    /// What the code holds (a share link).
    #[prop(into)]
    text: Signal<String>,
    /// Accessible name of the picture.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let drawn = Memo::new(move |_| text.with(|text| qr_path(text)));
    move || {
        drawn.get().map(|(path, width)| {
            // A quiet zone of four modules all round, as scanners expect.
            let size = width + 8;
            view! {
                <svg
                    class="qr"
                    viewBox=format!("-4 -4 {size} {size}")
                    role="img"
                    aria-label=label.clone()
                    shape-rendering="crispEdges"
                >
                    <rect x="-4" y="-4" width=size height=size fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
        })
    }
}
