//! Files the person saves or picks: downloads made in the page, uploads read in the page.
//! Nothing is sent anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offer `text` as a download named `filename`; `false` if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = leptos::prelude::document();
    let link = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok());
    if let Some(link) = &link {
        link.set_href(&url);
        link.set_download(filename);
        link.click();
    }
    // The click has started the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    link.is_some()
}

/// The text of a picked file, or `None` if it could not be read.
pub async fn read_text(file: web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}
