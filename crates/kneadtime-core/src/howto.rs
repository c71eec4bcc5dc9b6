//! Standard how-to text for any technique, tool and area.
//!
//! The builder starts every new step with this text, in the person's language, and
//! a share link that keeps it sends a flag instead of the words: that is what keeps
//! a tailored routine short enough for a text message, and the receiver reads the
//! standard text in their own language. A flag refers to exactly what these texts
//! said when the link was made, so their meaning never changes within an
//! [`Edition`] (the English words not at all: old links are checked against them).
//! New wording is a new edition, sent by a new share format version; links of the
//! older versions keep showing the words they were sent with.

use super::i18n::Catalog;
use super::routine::{Area, Technique, Tool};

/// The catalogue key of the how-to text for a technique done with a tool.
fn technique_with_tool(technique: Technique, tool: Tool) -> &'static str {
    use Technique::*;
    use Tool::*;
    match (technique, tool) {
        (Effleurage, Hands) => "howto.technique.effleurage.hands",
        (Effleurage, FistForearm) => "howto.technique.effleurage.fist_forearm",
        (Effleurage, MassageBall) => "howto.technique.effleurage.massage_ball",
        (Effleurage, FoamRoller) => "howto.technique.effleurage.foam_roller",
        (Kneading, Hands) => "howto.technique.kneading.hands",
        (Kneading, FistForearm) => "howto.technique.kneading.fist_forearm",
        (Kneading, MassageBall) => "howto.technique.kneading.massage_ball",
        (Kneading, FoamRoller) => "howto.technique.kneading.foam_roller",
        (TriggerPoint, Hands) => "howto.technique.trigger_point.hands",
        (TriggerPoint, FistForearm) => "howto.technique.trigger_point.fist_forearm",
        (TriggerPoint, MassageBall) => "howto.technique.trigger_point.massage_ball",
        (TriggerPoint, FoamRoller) => "howto.technique.trigger_point.foam_roller",
        (MyofascialRelease, Hands) => "howto.technique.myofascial_release.hands",
        (MyofascialRelease, FistForearm) => "howto.technique.myofascial_release.fist_forearm",
        (MyofascialRelease, MassageBall) => "howto.technique.myofascial_release.massage_ball",
        (MyofascialRelease, FoamRoller) => "howto.technique.myofascial_release.foam_roller",
        (Stretch, _) => "howto.technique.stretch",
        (Rest, _) => "howto.technique.rest",
    }
}

/// A wording of the standard texts, fixed by the link formats that refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Edition {
    /// Share formats 1 to 3 and program formats 1 and 2.
    First,
    /// Since the safety review: the sciatic, low-back, front-of-hip and sit-bone
    /// landmarks. Share format 4, program format 3.
    Second,
}

impl Edition {
    /// The edition the builder starts new steps with.
    pub const CURRENT: Edition = Edition::Second;
}

/// Whether the standard text for `area` reads differently in the first edition.
pub fn changed_since_first_edition(area: Area) -> bool {
    first_edition_where(area).is_some()
}

/// The first edition's words for the areas whose landmarks the second corrected.
fn first_edition_where(area: Area) -> Option<&'static str> {
    Some(match area {
        Area::Piriformis => "howto.first_edition.area.piriformis",
        Area::HipTfl => "howto.first_edition.area.hip_tfl",
        Area::LowerBack => "howto.first_edition.area.lower_back",
        Area::HamstringAttachment => "howto.first_edition.area.hamstring_attachment",
        _ => return None,
    })
}

/// The catalogue key of where on an area to work, in `edition`.
fn where_to_work(area: Area, edition: Edition) -> &'static str {
    if edition == Edition::First {
        if let Some(key) = first_edition_where(area) {
            return key;
        }
    }
    match area {
        Area::GluteusMaximus => "howto.area.gluteus_maximus",
        Area::GluteusMedius => "howto.area.gluteus_medius",
        Area::Piriformis => "howto.area.piriformis",
        Area::HipTfl => "howto.area.hip_tfl",
        Area::LowerBack => "howto.area.lower_back",
        Area::HamstringAttachment => "howto.area.hamstring_attachment",
        Area::WholeRegion => "howto.area.whole_region",
        Area::SacroiliacJoint => "howto.area.sacroiliac_joint",
        Area::GreaterTrochanter => "howto.area.greater_trochanter",
        Area::BackOfThigh => "howto.area.back_of_thigh",
    }
}

/// The standard how-to text for a step, as the builder writes it today.
pub fn default_instructions(texts: &Catalog, technique: Technique, area: Area, tool: Tool) -> String {
    edition_instructions(texts, Edition::CURRENT, technique, area, tool)
}

/// The standard how-to text for a step in `edition`, for a link that refers to it.
pub fn edition_instructions(
    texts: &Catalog,
    edition: Edition,
    technique: Technique,
    area: Area,
    tool: Tool,
) -> String {
    texts.fill(
        "howto.text",
        &[
            ("how", texts.text(technique_with_tool(technique, tool))),
            ("where", texts.text(where_to_work(area, edition))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::routine::limits::INSTRUCTIONS_MAX_CHARS;
    use crate::testing::{catalog, english};

    #[test]
    fn every_combination_has_text_within_limits_in_every_locale() {
        for locale in Locale::ALL {
            let texts = catalog(locale);
            assert!(texts.has("howto.text"), "{}", locale.tag());
            for technique in Technique::ALL {
                for tool in Tool::ALL {
                    assert!(
                        texts.has(technique_with_tool(technique, tool)),
                        "{}",
                        locale.tag()
                    );
                    for area in Area::ALL {
                        for edition in [Edition::First, Edition::Second] {
                            assert!(texts.has(where_to_work(area, edition)), "{}", locale.tag());
                            let text = edition_instructions(&texts, edition, technique, area, tool);
                            assert!(text.chars().count() <= INSTRUCTIONS_MAX_CHARS, "{text}");
                            assert!(text.ends_with('.'), "{}: {text}", locale.tag());
                        }
                    }
                }
            }
        }
    }

    /// Share formats 1 to 3 send a flag for these exact English words.
    #[test]
    fn english_first_edition_texts_are_the_words_old_links_were_sent_with() {
        let texts = english();
        let first =
            |technique, area, tool| edition_instructions(&texts, Edition::First, technique, area, tool);
        assert_eq!(
            first(Technique::TriggerPoint, Area::Piriformis, Tool::MassageBall),
            "Place the ball on a tender spot and let your weight sink in until it is about 5 out of 10. \
             Hold still and let it ease. Work deep in the middle of the buttock, away from the bony notch \
             near the tailbone. Stop if you feel tingling down the leg."
        );
        assert_eq!(
            first(Technique::Kneading, Area::HipTfl, Tool::Hands),
            "Grip the muscle between fingers and thumb, lift it gently and squeeze, then let go and move on a little. \
             Work the front of the hip, just below and in front of the bony point of the pelvis."
        );
        assert_eq!(
            first(Technique::Kneading, Area::GluteusMaximus, Tool::Hands),
            "Grip the muscle between fingers and thumb, lift it gently and squeeze, then let go and move on a little. \
             Work the fleshy middle of the buttock."
        );
        assert_eq!(
            first(Technique::Rest, Area::WholeRegion, Tool::FoamRoller),
            "Lie comfortably, let your weight go, and breathe slowly with a long breath out. \
             Cover the lower back, hips and buttocks."
        );
    }

    /// The second edition puts the landmarks where the safety review asks, and only the
    /// areas it corrected read differently.
    #[test]
    fn the_second_edition_corrects_the_landmarks_and_nothing_else() {
        let texts = english();
        assert_eq!(
            default_instructions(&texts, Technique::Kneading, Area::HipTfl, Tool::Hands),
            "Grip the muscle between fingers and thumb, lift it gently and squeeze, then let go and move on a little. \
             Work the front of the hip, just below and to the outside of the bony point at the front of the pelvis, \
             well outside the groin."
        );
        for area in Area::ALL {
            let [first, second] = [Edition::First, Edition::Second]
                .map(|edition| edition_instructions(&texts, edition, Technique::Stretch, area, Tool::Hands));
            assert_eq!(first != second, changed_since_first_edition(area), "{area:?}");
        }
    }
}
