use leptos::prelude::*;

use super::icon::{Icon, IconName};
use crate::platform::audio::CuePlayer;
use crate::platform::clock::now_ms;
use crate::platform::i18n::{t, texts, tf};
use crate::platform::{speech, vibration as vibrator};
use crate::state::use_app_state;
use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::cues::{spoken, tone, vibration};
use kneadtime_core::i18n::Locale;
use kneadtime_core::library::builtin_routines;
use kneadtime_core::session::CueKind;
use kneadtime_core::settings::{
    Limits, Settings, Theme, LEAD_IN_SECS, REST_SECS, SWITCH_SECS, VOICE_RATE_PERCENT, VOLUME,
};

/// Every setting, applied and saved as it changes.
#[component]
pub fn SettingsForm() -> impl IntoView {
    let settings = use_app_state().settings();
    let voices = RwSignal::new(speech::voice_names());
    speech::on_voices_changed(move || voices.set(speech::voice_names()));
    let voice_choice = move || {
        let names = voices.get();
        (!names.is_empty()).then(|| {
            let options = names
                .into_iter()
                .map(|name| {
                    let selected = settings.with(|s| s.voice_name.as_deref() == Some(name.as_str()));
                    view! {
                        <option value=name.clone() selected=selected>
                            {name.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <label class="field">
                    <span class="field__label">{t("settings.voice_name")}</span>
                    <select on:change=move |event| {
                        let name = event_target_value(&event);
                        settings.update(|s| s.voice_name = (!name.is_empty()).then_some(name));
                    }>
                        <option value="" selected=move || settings.with(|s| s.voice_name.is_none())>
                            {t("settings.voice_default")}
                        </option>
                        {options}
                    </select>
                </label>
            }
        })
    };
    let breathing_options = BreathingPattern::ALL
        .into_iter()
        .map(|pattern| {
            view! {
                <option value=pattern.key() selected=move || settings.with(|s| s.breathing == Some(pattern))>
                    {pattern.label(&texts()).to_string()}
                </option>
            }
        })
        .collect_view();
    let theme_options = Theme::ALL
        .into_iter()
        .map(|theme| {
            view! {
                <label class="segmented__option">
                    <input
                        type="radio"
                        name="theme"
                        checked=move || settings.with(|s| s.theme == theme)
                        on:change=move |_| settings.update(|s| s.theme = theme)
                    />
                    <span>{t(theme.key())}</span>
                </label>
            }
        })
        .collect_view();
    let percent = |value: u32| tf("settings.value_percent", &[("value", &value.to_string())]);
    let seconds = |value: u32| tf("settings.value_seconds", &[("value", &value.to_string())]);
    view! {
        <div class="settings">
            <fieldset class="settings__group">
                <legend>{t("settings.cues")}</legend>
                <SettingToggle
                    label=t("settings.tones")
                    hint=t("settings.tones_hint")
                    get=|s| s.sound
                    set=|s, on| s.sound = on
                />
                <SettingToggle
                    label=t("settings.breath_tones")
                    hint=t("settings.breath_tones_hint")
                    get=|s| s.breath_tones
                    set=|s, on| s.breath_tones = on
                />
                <SettingToggle
                    label=t("settings.voice")
                    hint=t("settings.voice_hint")
                    get=|s| s.voice
                    set=|s, on| s.voice = on
                />
                <SettingToggle
                    label=t("settings.vibration")
                    hint=if vibrator::is_supported() {
                        t("settings.vibration_hint")
                    } else {
                        t("settings.vibration_unsupported")
                    }
                    get=|s| s.vibration
                    set=|s, on| s.vibration = on
                />
                <SettingRange
                    label=t("settings.volume")
                    show=percent
                    limits=VOLUME
                    step=5
                    get=|s| u32::from(s.volume)
                    set=|s, value| s.volume = value as u8
                />
                {voice_choice}
                <SettingRange
                    label=t("settings.voice_rate")
                    show=percent
                    limits=VOICE_RATE_PERCENT
                    step=10
                    get=|s| u32::from(s.voice_rate_percent)
                    set=|s, value| s.voice_rate_percent = value as u16
                />
                <TestCues />
            </fieldset>
            <fieldset class="settings__group">
                <legend>{t("settings.screen_off")}</legend>
                <SettingToggle
                    label=t("settings.background_sound")
                    hint=t("settings.background_sound_hint")
                    get=|s| s.background_sound
                    set=|s, on| s.background_sound = on
                />
                <SettingRange
                    label=t("settings.background_volume")
                    show=percent
                    limits=VOLUME
                    step=5
                    get=|s| u32::from(s.background_volume)
                    set=|s, value| s.background_volume = value as u8
                />
            </fieldset>
            <fieldset class="settings__group">
                <legend>{t("settings.timing")}</legend>
                <SettingRange
                    label=t("settings.lead_in")
                    show=seconds
                    limits=LEAD_IN_SECS
                    step=1
                    get=|s| s.lead_in_secs
                    set=|s, value| s.lead_in_secs = value
                />
                <SettingRange
                    label=t("settings.switch")
                    show=seconds
                    limits=SWITCH_SECS
                    step=1
                    get=|s| s.switch_secs
                    set=|s, value| s.switch_secs = value
                />
                <SettingRange
                    label=t("settings.rest")
                    show=seconds
                    limits=REST_SECS
                    step=5
                    get=|s| s.rest_secs
                    set=|s, value| s.rest_secs = value
                />
                <p class="field__hint">{t("settings.timing_hint")}</p>
            </fieldset>
            <fieldset class="settings__group">
                <legend>{t("settings.breathing")}</legend>
                <label class="field">
                    <span class="field__label">{t("settings.breathing_pattern")}</span>
                    <select on:change=move |event| {
                        let key = event_target_value(&event);
                        let pattern = BreathingPattern::ALL.into_iter().find(|pattern| pattern.key() == key);
                        settings.update(|s| s.breathing = pattern);
                    }>
                        <option value="" selected=move || settings.with(|s| s.breathing.is_none())>
                            {t("settings.breathing_routine")}
                        </option>
                        {breathing_options}
                    </select>
                </label>
                <p class="field__hint">{t("settings.breathing_hint")}</p>
            </fieldset>
            <fieldset class="settings__group">
                <legend>{t("settings.progress")}</legend>
                <SettingToggle
                    label=t("settings.pain_check_in")
                    hint=t("settings.pain_check_in_hint")
                    get=|s| s.pain_check_in
                    set=|s, on| s.pain_check_in = on
                />
            </fieldset>
            <fieldset class="settings__group">
                <legend>{t("settings.theme")}</legend>
                <div class="segmented">{theme_options}</div>
            </fieldset>
        </div>
    }
}

/// The app's language: the device's, or one of [`Locale::ALL`], each named in itself
/// (and marked as that language, for screen readers). Choosing only stores it; the app
/// loads the language and draws every view again. On the settings page only, not in the
/// player's sheet: a session is no moment to redraw everything.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let settings = use_app_state().settings();
    let options = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <option
                    value=locale.tag()
                    lang=locale.tag()
                    prop:selected=move || settings.with(|s| s.language == Some(locale))
                >
                    {locale.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="settings__group">
            <label class="field">
                <span class="field__label">{t("settings.language")}</span>
                <select
                    class="language-choice"
                    on:change=move |event| {
                        let tag = event_target_value(&event);
                        let language = Locale::ALL.into_iter().find(|locale| locale.tag() == tag);
                        settings.update(|s| s.language = language);
                    }
                >
                    <option value="" prop:selected=move || settings.with(|s| s.language.is_none())>
                        {t("settings.language_device")}
                    </option>
                    {options}
                </select>
            </label>
        </div>
    }
}

/// A labelled on/off switch bound to one setting.
#[component]
fn SettingToggle(
    /// What it switches.
    label: String,
    /// One line on what it does.
    hint: String,
    /// Reads the setting.
    get: fn(&Settings) -> bool,
    /// Writes the setting.
    set: fn(&mut Settings, bool),
) -> impl IntoView {
    let settings = use_app_state().settings();
    view! {
        <label class="toggle">
            <span class="toggle__text">
                <span class="field__label">{label}</span>
                <span class="field__hint">{hint}</span>
            </span>
            <input
                type="checkbox"
                role="switch"
                checked=move || settings.with(get)
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    settings.update(|s| set(s, on));
                }
            />
        </label>
    }
}

/// A labelled slider bound to one numeric setting, showing its value.
#[component]
fn SettingRange(
    /// What it sets.
    label: String,
    /// The value as shown, with its unit ("70%").
    show: fn(u32) -> String,
    /// The values it may take (the setting's own limits).
    limits: Limits,
    /// Step between values.
    step: u32,
    /// Reads the setting.
    get: fn(&Settings) -> u32,
    /// Writes the setting (the value is already within `limits`).
    set: fn(&mut Settings, u32),
) -> impl IntoView {
    let settings = use_app_state().settings();
    view! {
        // The label names the slider alone: the value shown beside it is hidden from the
        // accessible name (an <output> there would take the label) and said as the
        // slider's own value text instead.
        <label class="field">
            <span class="field__label">
                {label} <span class="field__value" aria-hidden="true">
                    {move || show(settings.with(get))}
                </span>
            </span>
            <input
                type="range"
                min=limits.min
                max=limits.max
                step=step
                aria-valuetext=move || show(settings.with(get))
                prop:value=move || settings.with(get).to_string()
                on:input=move |event| {
                    if let Ok(value) = event_target_value(&event).parse::<u32>() {
                        settings.update(|s| set(s, limits.clamp(value)));
                    }
                }
            />
        </label>
    }
}

/// Plays a sample of each cue with the current settings.
#[component]
fn TestCues() -> impl IntoView {
    let settings = use_app_state().settings();
    let tones = StoredValue::new_local(CuePlayer::default());
    on_cleanup(move || {
        tones.try_update_value(|tones| tones.cancel_pending(0));
    });
    let test = move |_| {
        let settings = settings.get_untracked();
        let sample = CueKind::StepStart {
            step: 0,
            side: kneadtime_core::routine::Side::Left,
        };
        if settings.sound {
            tones.update_value(|tones| {
                tones.unlock(settings.volume);
                let now = now_ms();
                tones.schedule(now, tone(sample), now);
            });
        }
        if settings.voice {
            let texts = texts();
            if let Some(text) = builtin_routines(&texts)
                .first()
                .and_then(|routine| spoken(sample, routine, &texts))
            {
                speech::speak(
                    &text,
                    settings.voice_name.as_deref(),
                    settings.voice_rate_percent,
                    settings.volume,
                );
            }
        }
        if settings.vibration {
            vibrator::vibrate(vibration(sample));
        }
    };
    view! {
        <button type="button" class="button" on:click=test>
            <Icon name=IconName::Play />
            {t("settings.try_cues")}
        </button>
    }
}
