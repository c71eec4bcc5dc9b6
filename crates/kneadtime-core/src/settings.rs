//! The person's settings: cue channels, timing, breathing, theme and language.
//!
//! Stored settings are untrusted (an older version, a hand edit), so they are
//! read field by field: a bad field falls back to its default and is reported,
//! the rest is kept.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::breathing::BreathingPattern;
use super::i18n::{Catalog, Locale};
use super::plan::Timing;
use super::reminders::ALARM_CHOICES;
use super::routine::Routine;
use super::store::{Decoded, Document, Kind, Lost, StoreError};

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

    /// The key of its name in the theme picker.
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "settings.theme_system",
            Theme::Light => "settings.theme_light",
            Theme::Dark => "settings.theme_dark",
        }
    }

    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }
}

/// Longest voice name kept (longer ones are not real voice names).
const MAX_VOICE_NAME: usize = 200;

/// The values a number setting may take, written once: reading stored settings, every
/// change, and the settings form's sliders keep to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub min: u32,
    pub max: u32,
}

impl Limits {
    pub fn clamp(self, value: u32) -> u32 {
        value.clamp(self.min, self.max)
    }
}

pub const LEAD_IN_SECS: Limits = Limits { min: 0, max: 60 };
pub const SWITCH_SECS: Limits = Limits { min: 3, max: 60 };
pub const REST_SECS: Limits = Limits { min: 0, max: 600 };
/// Cue and background volume, percent.
pub const VOLUME: Limits = Limits { min: 0, max: 100 };
pub const VOICE_RATE_PERCENT: Limits = Limits { min: 50, max: 200 };

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Get-ready countdown before each step, in [`LEAD_IN_SECS`].
    pub lead_in_secs: u32,
    /// Time to turn over in a two-sided step, in [`SWITCH_SECS`].
    pub switch_secs: u32,
    /// Rest between steps, in [`REST_SECS`].
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
    /// Speaking rate, in [`VOICE_RATE_PERCENT`].
    pub voice_rate_percent: u16,
    /// `None` follows each routine; `Some` breathes this pattern in every step.
    pub breathing: Option<BreathingPattern>,
    pub theme: Theme,
    /// Screen-off mode: a soft looping sound keeps the session alive with the phone locked.
    pub background_sound: bool,
    /// Background sound volume, percent.
    pub background_volume: u8,
    /// Ask for a 0–10 pain rating before and after each session.
    pub pain_check_in: bool,
    /// The app's language; `None` follows the device's languages.
    pub language: Option<Locale>,
    /// "Remind me" in calendar files: minutes before (one of [`ALARM_CHOICES`]), or
    /// `None` for no reminder. Kept, so a calendar downloaded again keeps its alarm.
    pub calendar_alarm: Option<u32>,
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
            pain_check_in: true,
            language: None,
            calendar_alarm: Some(15),
        }
    }
}

impl Settings {
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

    /// The language to show: the one chosen in Settings, else the first of the
    /// device's languages (most preferred first) that the app speaks.
    pub fn locale<'a>(&self, device: impl IntoIterator<Item = &'a str>) -> Locale {
        self.language.unwrap_or_else(|| Locale::negotiate(device))
    }

    /// Every number in its range and the voice name trimmed.
    pub fn clamped(mut self) -> Self {
        self.lead_in_secs = LEAD_IN_SECS.clamp(self.lead_in_secs);
        self.switch_secs = SWITCH_SECS.clamp(self.switch_secs);
        self.rest_secs = REST_SECS.clamp(self.rest_secs);
        // The limits fit the fields' types, so the conversions back never fail.
        self.volume = VOLUME.clamp(self.volume.into()) as u8;
        self.voice_rate_percent = VOICE_RATE_PERCENT.clamp(self.voice_rate_percent.into()) as u16;
        self.background_volume = VOLUME.clamp(self.background_volume.into()) as u8;
        self.voice_name = self
            .voice_name
            .map(|name| name.trim().chars().take(MAX_VOICE_NAME).collect::<String>())
            .filter(|name| !name.is_empty());
        self
    }
}

impl Document for Settings {
    const NAME: &'static str = "settings";
    const KIND: Kind = Kind::Settings;
    /// v2 added `pain_check_in`, v3 `language`, v4 `calendar_alarm`.
    const SCHEMA: u32 = 4;

    fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        match from {
            // Everyone who had settings before the pain check-in existed is asked from now on.
            1 => {
                body.insert("pain_check_in".into(), Value::Bool(true));
                Ok(body)
            }
            // Before there was a choice, the app followed the device.
            2 => {
                body.insert("language".into(), Value::Null);
                Ok(body)
            }
            // Calendar files were made with the 15 minutes the choice started at.
            3 => {
                body.insert("calendar_alarm".into(), Value::from(15));
                Ok(body)
            }
            _ => Err(StoreError::UnknownVersion(from)),
        }
    }

    /// Field by field: a bad field falls back to its default and is named in `lost`.
    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let mut reader = FieldReader {
            object: &body,
            reset: Vec::new(),
        };
        let defaults = Settings::default();
        let settings = Settings {
            lead_in_secs: reader.number("lead_in_secs", defaults.lead_in_secs, LEAD_IN_SECS),
            switch_secs: reader.number("switch_secs", defaults.switch_secs, SWITCH_SECS),
            rest_secs: reader.number("rest_secs", defaults.rest_secs, REST_SECS),
            sound: reader.field("sound", defaults.sound),
            breath_tones: reader.field("breath_tones", defaults.breath_tones),
            voice: reader.field("voice", defaults.voice),
            vibration: reader.field("vibration", defaults.vibration),
            volume: reader.number("volume", defaults.volume, VOLUME),
            voice_name: reader.field("voice_name", defaults.voice_name),
            voice_rate_percent: reader.number(
                "voice_rate_percent",
                defaults.voice_rate_percent,
                VOICE_RATE_PERCENT,
            ),
            breathing: reader.field("breathing", defaults.breathing),
            theme: reader.field("theme", defaults.theme),
            background_sound: reader.field("background_sound", defaults.background_sound),
            background_volume: reader.number("background_volume", defaults.background_volume, VOLUME),
            pain_check_in: reader.field("pain_check_in", defaults.pain_check_in),
            language: reader.field("language", defaults.language),
            calendar_alarm: reader.alarm(defaults.calendar_alarm),
        };
        let voice_name_before = settings.voice_name.clone();
        let settings = settings.clamped();
        if settings.voice_name != voice_name_before
            && voice_name_before.is_some_and(|name| !name.trim().is_empty())
        {
            reader.reset.push("voice_name");
        }
        Ok(Decoded {
            value: settings,
            lost: reader.reset.into_iter().map(Lost::Setting).collect(),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        }
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

    /// A calendar alarm: no reminder, or one of the choices offered (any other is reset).
    fn alarm(&mut self, default: Option<u32>) -> Option<u32> {
        let read: Option<u32> = self.field("calendar_alarm", default);
        if read.is_some_and(|minutes| !ALARM_CHOICES.contains(&minutes)) {
            self.reset.push("calendar_alarm");
            return default;
        }
        read
    }

    /// A whole number within `limits` (noted when it had to be limited).
    fn number<T>(&mut self, name: &'static str, default: T, limits: Limits) -> T
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
        let limited = number.round().clamp(f64::from(limits.min), f64::from(limits.max));
        if limited != number {
            self.reset.push(name);
        }
        T::try_from(limited as u32).unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::store::{load, StoreError};
    use crate::testing::english;

    #[test]
    fn round_trip_and_defaults() {
        let settings = Settings {
            voice_name: Some("Daniel".into()),
            breathing: Some(BreathingPattern::Box),
            theme: Theme::Dark,
            pain_check_in: false,
            language: Some(Locale::BrazilianPortuguese),
            ..Settings::default()
        };
        let loaded = load::<Settings>(Some(&settings.to_stored()));
        assert_eq!(loaded.value, settings);
        assert_eq!(loaded.problem, None);
        assert!(settings.to_stored().contains("\"schema\":4"));
        assert!(settings.to_stored().contains("\"language\":\"pt-BR\""));
        assert!(Settings::default().to_stored().contains("\"language\":null"));
    }

    #[test]
    fn version_two_follows_the_device() {
        let loaded = load::<Settings>(Some(r#"{"schema":2,"volume":40,"pain_check_in":false}"#));
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.migrated_from, Some(2));
        assert_eq!(loaded.value.language, None);
        assert_eq!((loaded.value.volume, loaded.value.pain_check_in), (40, false));
    }

    #[test]
    fn a_bad_language_follows_the_device_and_is_named() {
        for bad in [r#""klingon""#, "7", r#""EN""#, r#"{"tag":"de"}"#] {
            let loaded = load::<Settings>(Some(&format!(r#"{{"schema":3,"language":{bad},"volume":30}}"#)));
            assert_eq!(loaded.value.language, None, "{bad}");
            assert_eq!(loaded.value.volume, 30);
            assert_eq!(
                loaded.problem,
                Some(StoreError::Partial(vec![Lost::Setting("language")])),
                "{bad}"
            );
        }
        for locale in Locale::ALL {
            let stored = format!(r#"{{"schema":3,"language":"{}"}}"#, locale.tag());
            assert_eq!(load::<Settings>(Some(&stored)).value.language, Some(locale));
        }
    }

    #[test]
    fn every_theme_and_field_has_its_text() {
        let texts = english();
        for theme in Theme::ALL {
            assert!(texts.has(theme.key()), "{theme:?}");
        }
        assert_eq!(Theme::System.label(&texts), "Match the system");
        let Value::Object(stored) = Settings::default().to_value() else {
            panic!("settings are an object")
        };
        // What a reset notice says (`Lost::Setting`): settings.field.<stored name>.
        for name in stored.keys().filter(|name| *name != "schema") {
            assert!(texts.has(&format!("settings.field.{name}")), "{name}");
        }
    }

    #[test]
    fn version_one_gains_the_pain_check_in() {
        let loaded = load::<Settings>(Some(
            r#"{"schema":1,"sound":false,"volume":40,"pain_check_in":false}"#,
        ));
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.migrated_from, Some(1));
        assert!(!loaded.value.sound);
        assert_eq!(loaded.value.volume, 40);
        assert!(
            loaded.value.pain_check_in,
            "v1 had no such setting: everyone is asked"
        );
        assert_eq!(loaded.value.lead_in_secs, 5);
    }

    #[test]
    fn bad_fields_are_reset_and_named() {
        let loaded = load::<Settings>(Some(
            r#"{"schema":2,"sound":"yes","volume":400,"theme":"neon","lead_in_secs":-3}"#,
        ));
        assert_eq!(loaded.value.volume, 100);
        assert!(loaded.value.sound);
        assert_eq!(loaded.value.theme, Theme::System);
        assert_eq!(loaded.value.lead_in_secs, 0);
        let Some(StoreError::Partial(fields)) = &loaded.problem else {
            panic!("{loaded:?}")
        };
        assert_eq!(
            fields,
            &["lead_in_secs", "sound", "volume", "theme"].map(Lost::Setting)
        );
        assert!(loaded
            .problem
            .unwrap()
            .message(Kind::Settings, &english())
            .contains("(lead in secs, sound, volume, theme)"));
    }

    #[test]
    fn the_calendar_alarm_is_kept_and_a_choice_not_offered_is_reset() {
        for alarm in [None, Some(5), Some(30), Some(60)] {
            let settings = Settings {
                calendar_alarm: alarm,
                ..Settings::default()
            };
            assert_eq!(
                load::<Settings>(Some(&settings.to_stored())).value.calendar_alarm,
                alarm
            );
        }
        let odd = load::<Settings>(Some(r#"{"schema":4,"calendar_alarm":17}"#));
        assert_eq!(odd.value.calendar_alarm, Some(15));
        assert!(odd.problem.is_some());
        let before = load::<Settings>(Some(r#"{"schema":3,"language":null}"#));
        assert_eq!((before.value.calendar_alarm, before.problem), (Some(15), None));
    }

    #[test]
    fn unreadable_and_newer() {
        for junk in ["", "null", "[1]", "{", "\"text\"", r#"{"voice":false}"#] {
            let loaded = load::<Settings>(Some(junk));
            assert!(loaded.must_keep_raw(), "{junk}");
            assert_eq!(loaded.value, Settings::default());
        }
        let newer = load::<Settings>(Some(r#"{"schema":7,"voice":false,"future":1}"#));
        assert_eq!(newer.problem, Some(StoreError::NewerVersion(7)));
    }

    #[test]
    fn breathing_override_applies_to_every_step() {
        let routine = crate::library::builtin_routines(&crate::testing::english()).remove(0);
        let settings = Settings {
            breathing: Some(BreathingPattern::FourSevenEight),
            ..Settings::default()
        };
        let played = settings.routine_for_play(&routine);
        assert!((0..played.steps.len())
            .all(|i| played.written_breathing_for(i) == BreathingPattern::FourSevenEight));
        // Its breath hold is kept for the rests; on a work step the pacer guides a long exhale.
        for (index, step) in played.steps.iter().enumerate() {
            let paced = if step.technique == crate::routine::Technique::Rest {
                BreathingPattern::FourSevenEight
            } else {
                BreathingPattern::ExtendedExhale
            };
            assert_eq!(played.breathing_for(index), paced);
        }
        assert_eq!(Settings::default().routine_for_play(&routine), routine);
        assert_eq!(settings.timing(), Timing::default());
    }
}
