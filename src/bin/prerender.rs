//! Renders the first screens that need no stored data to HTML, from the app's own
//! components, in every language: the home page, every built-in routine's page, the about
//! page, and the frame (header, footer, "Opening Kneadtime…") that stands for every other
//! address until the app starts. The release build (scripts/lib.sh `release_build`) runs
//! it natively; `scripts/prerender-pages.mjs` writes the pages into the site.
//!
//! Usage: `prerender <locales folder> <output .json>`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use futures::{executor::block_on, stream, StreamExt};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use serde::Serialize;

use kneadtime::app::{App, OpeningFrame};
use kneadtime::platform::i18n::set_texts;
use kneadtime_core::i18n::{Catalog, Locale};
use kneadtime_core::library::builtin_routines;

/// One address rendered in every language.
#[derive(Serialize)]
struct Page {
    /// The address ("frame" for the frame, which stands for every other address).
    path: String,
    /// By language tag.
    languages: BTreeMap<&'static str, Rendered>,
}

#[derive(Serialize)]
struct Rendered {
    title: String,
    /// The markup the app renders into `<body>`.
    body: String,
}

/// What `scripts/prerender-pages.mjs` reads.
#[derive(Serialize)]
struct Prerendered {
    pages: Vec<Page>,
    frame: Page,
}

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(locales), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender <locales folder> <output .json>");
        std::process::exit(2);
    };
    if let Err(problem) = run(&locales, &output) {
        eprintln!("prerender: {problem}");
        std::process::exit(1);
    }
}

fn run(locales: &Path, output: &Path) -> Result<(), String> {
    any_spawner::Executor::init_futures_executor().map_err(|error| error.to_string())?;
    let mut addresses = vec!["/".to_string(), "/about".to_string()];
    let english = catalog(locales, Locale::English)?;
    addresses.extend(
        builtin_routines(&english)
            .iter()
            .map(|routine| format!("/routine/{}", routine.id)),
    );
    let mut pages: Vec<Page> = addresses.iter().map(|address| Page::at(address)).collect();
    let mut frame = Page::at("frame");
    for locale in Locale::ALL {
        set_texts(catalog(locales, locale)?);
        for page in &mut pages {
            let rendered = render(&page.path, || view! { <App /> }.into_any());
            page.languages.insert(locale.tag(), rendered);
        }
        frame.languages.insert(
            locale.tag(),
            render("/", || view! { <OpeningFrame /> }.into_any()),
        );
    }
    let count = pages.len();
    let json = serde_json::to_string(&Prerendered { pages, frame }).map_err(|error| error.to_string())?;
    if let Some(folder) = output.parent() {
        std::fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    }
    std::fs::write(output, json).map_err(|error| format!("{}: {error}", output.display()))?;
    println!(
        "prerender: {count} pages and the frame in {} languages",
        Locale::ALL.len()
    );
    Ok(())
}

impl Page {
    fn at(address: &str) -> Self {
        Page {
            path: address.to_string(),
            languages: BTreeMap::new(),
        }
    }
}

/// The whole catalogue of `locale`, its rest included, so every screen renders at once.
fn catalog(locales: &Path, locale: Locale) -> Result<Catalog, String> {
    let file = locales.join(format!("{}.json", locale.tag()));
    let json = std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
    Catalog::parse(locale, &json).map_err(|error| format!("{}: {error}", file.display()))
}

/// `view` rendered at `address`: its title and markup.
fn render(address: &str, view: impl FnOnce() -> AnyView) -> Rendered {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(address));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let body = view().to_html();
        // leptos_meta writes the title into a page's head: give it an empty one.
        let head = block_on(async {
            let page = stream::iter(["<head></head>".to_string()]);
            output.inject_meta_context(page).await.collect::<String>().await
        });
        Rendered {
            title: title_in(&head),
            body,
        }
    })
}

/// The text of the `<title>` in `head`, unescaped as a browser reads it.
fn title_in(head: &str) -> String {
    head.split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(title, _)| {
            title
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .unwrap_or_else(|| "Kneadtime".to_string())
}
