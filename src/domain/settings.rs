//! The person's settings: cue channels, timing, breathing and theme.
//!
//! Stored settings are untrusted (an older or newer version, a hand edit), so
//! they are read field by field: a bad field falls back to its default and is
//! reported, the rest is kept.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::breathing::BreathingPattern;
use super::plan::Timing;
use super::routine::Routine;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Longest voice name kept (longer ones are not real voice names).
const MAX_VOICE_NAME: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Get-ready countdown before each step, 0..=60 s.
    pub lead_in_secs: u32,
    /// Time to turn over in a two-sided step, 3..=60 s.
    pub switch_secs: u32,
    /// Rest between steps, 0..=600 s.
    pub rest_secs: u32,
    /// Cue tones.
    pub sound: bool,
    /// Soft inhale and exhale tones during hands-on work.
    pub breath_tones: bool,
    /// Spoken cues.
    pub voice: bool,
    pub vibration: bool,
    /// Cue volume, percent.
    pub volume: u8,
    /// The browser voice to speak with; `None` is the browser's default.
    pub voice_name: Option<String>,
    /// Speaking rate, 50..=200 percent.
    pub voice_rate_percent: u16,
    /// `None` follows each routine; `Some` breathes this pattern in every step.
    pub breathing: Option<BreathingPattern>,
    pub theme: Theme,
    /// Screen-off mode: a soft looping sound keeps the session alive with the phone locked.
    pub background_sound: bool,
    /// Background sound volume, percent.
    pub background_volume: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lead_in_secs: 5,
            switch_secs: 8,
            rest_secs: 0,
            sound: true,
            breath_tones: false,
            voice: true,
            vibration: true,
            volume: 70,
            voice_name: None,
            voice_rate_percent: 100,
            breathing: None,
            theme: Theme::System,
            background_sound: false,
            background_volume: 25,
        }
    }
}

/// What reading stored settings ran into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    /// Not a JSON object: the defaults are in use.
    Unreadable,
    /// Written by a newer version; the fields this version knows were still read.
    NewerSchema(u32),
    /// These fields had the wrong type or were out of range, and were reset or limited.
    FieldsReset(Vec<&'static str>),
}

impl SettingsProblem {
    pub fn message(&self) -> String {
        match self {
            SettingsProblem::Unreadable => {
                "Your saved settings could not be read, so the defaults are in use. \
                 The old settings are kept in a backup on this device."
                    .to_string()
            }
            SettingsProblem::NewerSchema(_) => "Your settings were saved by a newer version of Kneadtime. \
                 The ones this version understands are in use; the rest are kept in a backup."
                .to_string(),
            SettingsProblem::FieldsReset(fields) => format!(
                "Some saved settings were not valid and were reset: {}.",
                fields.join(", ").replace('_', " ")
            ),
        }
    }
}

/// Settings read from storage, with what went wrong if anything did.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsLoad {
    pub settings: Settings,
    pub problem: Option<SettingsProblem>,
}

impl Settings {
    pub const SCHEMA: u32 = 1;

    /// Get-ready, switch and rest pauses for the session engine.
    pub fn timing(&self) -> Timing {
        let clamped = self.clone().clamped();
        Timing {
            lead_in_ms: u64::from(clamped.lead_in_secs) * 1000,
            switch_ms: u64::from(clamped.switch_secs) * 1000,
            rest_ms: u64::from(clamped.rest_secs) * 1000,
        }
    }

    /// The routine as it will be played: with the breathing override applied to every step.
    pub fn routine_for_play(&self, routine: &Routine) -> Routine {
        let mut played = routine.clone();
        if let Some(pattern) = self.breathing {
            played.breathing = pattern;
            for step in &mut played.steps {
                step.breathing = None;
            }
        }
        played
    }

    /// Every number in its range and the voice name trimmed.
    pub fn clamped(mut self) -> Self {
        self.lead_in_secs = self.lead_in_secs.min(60);
        self.switch_secs = self.switch_secs.clamp(3, 60);
        self.rest_secs = self.rest_secs.min(600);
        self.volume = self.volume.min(100);
        self.voice_rate_percent = self.voice_rate_percent.clamp(50, 200);
        self.background_volume = self.background_volume.min(100);
        self.voice_name = self
            .voice_name
            .map(|name| name.trim().chars().take(MAX_VOICE_NAME).collect::<String>())
            .filter(|name| !name.is_empty());
        self
    }

    pub fn to_json(&self) -> String {
        let mut object = match serde_json::to_value(self) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        };
        object.insert("schema".into(), Value::from(Self::SCHEMA));
        Value::Object(object).to_string()
    }

    /// Read stored settings; never fails, never panics.
    pub fn from_json(json: &str) -> SettingsLoad {
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(json) else {
            return SettingsLoad {
                settings: Settings::default(),
                problem: Some(SettingsProblem::Unreadable),
            };
        };
        let mut reader = FieldReader {
            object: &object,
            reset: Vec::new(),
        };
        let defaults = Settings::default();
        let settings = Settings {
            lead_in_secs: reader.number("lead_in_secs", defaults.lead_in_secs, 0, 60),
            switch_secs: reader.number("switch_secs", defaults.switch_secs, 3, 60),
            rest_secs: reader.number("rest_secs", defaults.rest_secs, 0, 600),
            sound: reader.field("sound", defaults.sound),
            breath_tones: reader.field("breath_tones", defaults.breath_tones),
            voice: reader.field("voice", defaults.voice),
            vibration: reader.field("vibration", defaults.vibration),
            volume: reader.number("volume", defaults.volume, 0, 100),
            voice_name: reader.field("voice_name", defaults.voice_name),
            voice_rate_percent: reader.number("voice_rate_percent", defaults.voice_rate_percent, 50, 200),
            breathing: reader.field("breathing", defaults.breathing),
            theme: reader.field("theme", defaults.theme),
            background_sound: reader.field("background_sound", defaults.background_sound),
            background_volume: reader.number("background_volume", defaults.background_volume, 0, 100),
        };
        let voice_name_before = settings.voice_name.clone();
        let settings = settings.clamped();
        if settings.voice_name != voice_name_before
            && voice_name_before.is_some_and(|name| !name.trim().is_empty())
        {
            reader.reset.push("voice_name");
        }
        let schema = object.get("schema").map_or(Some(Self::SCHEMA), |schema| {
            schema.as_u64().and_then(|schema| u32::try_from(schema).ok())
        });
        let problem = match schema {
            Some(schema) if schema > Self::SCHEMA => Some(SettingsProblem::NewerSchema(schema)),
            Some(_) if reader.reset.is_empty() => None,
            None => {
                reader.reset.insert(0, "schema");
                Some(SettingsProblem::FieldsReset(reader.reset))
            }
            Some(_) => Some(SettingsProblem::FieldsReset(reader.reset)),
        };
        SettingsLoad { settings, problem }
    }
}

/// Reads fields of a stored object, noting each one that had to be reset.
struct FieldReader<'a> {
    object: &'a Map<String, Value>,
    reset: Vec<&'static str>,
}

impl FieldReader<'_> {
    /// The field if present and well-typed; the default otherwise (noted unless simply missing).
    fn field<T: serde::de::DeserializeOwned>(&mut self, name: &'static str, default: T) -> T {
        match self.object.get(name) {
            None => default,
            Some(value) => T::deserialize(value).unwrap_or_else(|_| {
                self.reset.push(name);
                default
            }),
        }
    }

    /// A whole number limited to `min..=max` (noted when it had to be limited).
    fn number<T>(&mut self, name: &'static str, default: T, min: u32, max: u32) -> T
    where
        T: TryFrom<u32> + Into<u32> + Copy,
    {
        let Some(value) = self.object.get(name) else {
            return default;
        };
        let Some(number) = value.as_f64().filter(|number| number.is_finite()) else {
            self.reset.push(name);
            return default;
        };
        let limited = number.round().clamp(f64::from(min), f64::from(max));
        if limited != number {
            self.reset.push(name);
        }
        T::try_from(limited as u32).unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let settings = Settings {
            voice_name: Some("Daniel".into()),
            breathing: Some(BreathingPattern::Box),
            theme: Theme::Dark,
            ..Settings::default()
        };
        let load = Settings::from_json(&settings.to_json());
        assert_eq!(load.settings, settings);
        assert_eq!(load.problem, None);
        assert!(settings.to_json().contains("\"schema\":1"));
    }

    #[test]
    fn older_settings_without_new_fields_load_quietly() {
        let load = Settings::from_json(r#"{"sound":false,"volume":40}"#);
        assert_eq!(load.problem, None);
        assert!(!load.settings.sound);
        assert_eq!(load.settings.volume, 40);
        assert_eq!(load.settings.lead_in_secs, 5);
    }

    #[test]
    fn bad_fields_are_reset_and_named() {
        let load = Settings::from_json(r#"{"sound":"yes","volume":400,"theme":"neon","lead_in_secs":-3}"#);
        assert_eq!(load.settings.volume, 100);
        assert!(load.settings.sound);
        assert_eq!(load.settings.theme, Theme::System);
        assert_eq!(load.settings.lead_in_secs, 0);
        let Some(SettingsProblem::FieldsReset(fields)) = &load.problem else {
            panic!("{load:?}")
        };
        assert_eq!(fields, &["lead_in_secs", "sound", "volume", "theme"]);
        assert!(load.problem.unwrap().message().contains("lead in secs"));
    }

    #[test]
    fn unreadable_and_newer() {
        for junk in ["", "null", "[1]", "{", "\"text\""] {
            assert_eq!(
                Settings::from_json(junk).problem,
                Some(SettingsProblem::Unreadable),
                "{junk}"
            );
        }
        let newer = Settings::from_json(r#"{"schema":7,"voice":false,"future":1}"#);
        assert_eq!(newer.problem, Some(SettingsProblem::NewerSchema(7)));
        assert!(!newer.settings.voice);
    }

    #[test]
    fn breathing_override_applies_to_every_step() {
        let routine = crate::domain::library::builtin_routines().remove(0);
        let settings = Settings {
            breathing: Some(BreathingPattern::FourSevenEight),
            ..Settings::default()
        };
        let played = settings.routine_for_play(&routine);
        assert!((0..played.steps.len()).all(|i| played.breathing_for(i) == BreathingPattern::FourSevenEight));
        assert_eq!(Settings::default().routine_for_play(&routine), routine);
        assert_eq!(settings.timing(), Timing::default());
    }
}
