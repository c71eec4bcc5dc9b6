//! Inline SVG icons: no icon font, no requests.

use leptos::prelude::*;

use kneadtime_core::routine::{Technique, Tool};

/// Every icon the app draws, each a single stroked path on a 24×24 grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    Logo,
    Clock,
    Back,
    Breath,
    Hands,
    Fist,
    Ball,
    Roller,
    Effleurage,
    Kneading,
    TriggerPoint,
    Myofascial,
    Stretch,
    Rest,
    Play,
    Pause,
    Next,
    Previous,
    Restart,
    Close,
    Settings,
    Switch,
    Check,
    Up,
    Down,
    Copy,
    Grip,
    Caution,
    History,
    Shield,
    Info,
    Download,
    Upload,
    NewRoutine,
    NewProgram,
}

impl IconName {
    fn path(self) -> &'static str {
        match self {
            IconName::Logo => "M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19M6.5 10.5c1.8-1.6 3.7 1.6 5.5 0s3.7 1.6 5.5 0M6.5 14.5c1.8-1.6 3.7 1.6 5.5 0s3.7 1.6 5.5 0",
            IconName::Clock => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2",
            IconName::Back => "M15 5l-7 7 7 7",
            IconName::Breath => "M4 9c2.5-2 5.5-2 8 0s5.5 2 8 0M4 15c2.5-2 5.5-2 8 0s5.5 2 8 0",
            IconName::Hands => "M7 12V6.5a1.5 1.5 0 0 1 3 0V11M10 10V4.5a1.5 1.5 0 0 1 3 0V11M13 10.5V5.5a1.5 1.5 0 0 1 3 0V12M16 11V8.5a1.5 1.5 0 0 1 3 0V14c0 4-3 7-7 7h-1c-2.5 0-4-1.2-5.2-3L3.6 14.3a1.5 1.5 0 0 1 2.5-1.6L7 14",
            IconName::Fist => "M6 11V9a2 2 0 0 1 4 0v1M10 10V8a2 2 0 0 1 4 0v2M14 10V9a2 2 0 0 1 4 0v5.5c0 3.6-2.7 6.5-6 6.5s-6-2.9-6-6.5V11a2 2 0 0 1 2-2M6 14h4.5a2 2 0 0 0 0-4H8",
            IconName::Ball => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 9h.01M12 7h.01M16 9h.01M9.5 13h.01M14.5 13h.01M12 17h.01",
            IconName::Roller => "M6 7h12M6 17h12M6 7a2.5 5 0 0 0 0 10M18 7a2.5 5 0 1 1 0 10a2.5 5 0 1 1 0-10",
            IconName::Effleurage => "M3 9c3-3 6 3 9 0s6 3 9 0M3 15c3-3 6 3 9 0s6 3 9 0",
            IconName::Kneading => "M4 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0M12 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0",
            IconName::TriggerPoint => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8M12 12h.01",
            IconName::Myofascial => "M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4",
            IconName::Stretch => "M5 18a8 8 0 0 1 13.5-8.5M19 5v5h-5",
            IconName::Rest => "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z",
            IconName::Play => "M7 4.5v15l12-7.5Z",
            IconName::Pause => "M8 5v14M16 5v14",
            IconName::Next => "M5 5l9 7-9 7ZM18 5v14",
            IconName::Previous => "M19 5l-9 7 9 7ZM6 5v14",
            IconName::Restart => "M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5",
            IconName::Close => "M6 6l12 12M18 6L6 18",
            IconName::Settings => "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4",
            IconName::Switch => "M4 9h14l-4-4M20 15H6l4 4",
            IconName::Check => "M5 12.5l4.5 4.5L19 7.5",
            IconName::Up => "M12 19V5M6 11l6-6 6 6",
            IconName::Down => "M12 5v14M6 13l6 6 6-6",
            IconName::Copy => "M8 8h11v11H8ZM5 16V5h11",
            IconName::Grip => "M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01",
            IconName::Caution => "M12 3.5L2.5 20h19ZM12 10v4.5M12 17.5h.01",
            IconName::History => "M4 19h16M7 16v-4M12 16V7M17 16v-6",
            IconName::Shield => "M12 3l8 3v6c0 4.5-3.4 8-8 9c-4.6-1-8-4.5-8-9V6ZM8.5 12l2.5 2.5 4.5-5",
            IconName::Info => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 11v6M12 7.5h.01",
            IconName::Download => "M12 4v11M7 10l5 5 5-5M5 20h14",
            IconName::Upload => "M12 15V4M7 9l5-5 5 5M5 20h14",
            // A list with a plus: a routine of steps to compose.
            IconName::NewRoutine => "M4 6h11M4 11h11M4 16h6M17.5 13v8M13.5 17h8",
            // A calendar with a plus: weeks of routines to plan.
            IconName::NewProgram => "M4 5h16v15H4ZM4 9.5h16M8.5 3v4M15.5 3v4M12 12.5v5M9.5 15h5",
        }
    }
}

impl From<Tool> for IconName {
    fn from(tool: Tool) -> Self {
        match tool {
            Tool::Hands => IconName::Hands,
            Tool::FistForearm => IconName::Fist,
            Tool::MassageBall => IconName::Ball,
            Tool::FoamRoller => IconName::Roller,
        }
    }
}

impl From<Technique> for IconName {
    fn from(technique: Technique) -> Self {
        match technique {
            Technique::Effleurage => IconName::Effleurage,
            Technique::Kneading => IconName::Kneading,
            Technique::TriggerPoint => IconName::TriggerPoint,
            Technique::MyofascialRelease => IconName::Myofascial,
            Technique::Stretch => IconName::Stretch,
            Technique::Rest => IconName::Rest,
        }
    }
}

/// A decorative icon; the text next to it carries the meaning.
#[component]
pub fn Icon(
    /// Which icon to draw.
    #[prop(into)]
    name: IconName,
) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=name.path() />
        </svg>
    }
}
